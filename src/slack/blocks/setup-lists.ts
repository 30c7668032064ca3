// Setup lists: sales cycles, the stages of a cycle (a compact monospace table), close codes, contacts.
// An admin's list has an Edit button per row (a section each, the button its accessory; under the stage
// table, one button per stage): it opens that row's edit form, pre-filled. Its value names the row only;
// the use case behind the button asks again whether the clicker may edit.
import type { CloseCode } from '../../domain/close-code.ts';
import type { Contact } from '../../domain/contact.ts';
import type { SalesCycle, SalesCycleWithStages } from '../../domain/sales-cycle.ts';
import { sortStages } from '../../domain/sales-cycle.ts';
import { escapeText, joinMarkup, type Markup, md, trimEnd } from '../../i18n/markup.ts';
import type { Presenter } from '../../i18n/presenter.ts';
import { ACTION_IDS, BLOCK_IDS, numberedActionId } from '../ids.ts';
import { tableCell } from '../format.ts';
import {
  accessoryRows,
  actions,
  button,
  context,
  fallback,
  header,
  LIMITS,
  packLines,
  section,
  type KnownBlock,
  type Message,
} from './kit.ts';

/** Room for the list sections: 50 blocks minus header, a context line and the "more" line. */
const LIST_SECTIONS = LIMITS.messageBlocks - 3;

/** Whether the reader may edit what a list shows (the use case says): then each row has an Edit button. */
export interface SetupListOptions {
  editable?: boolean;
}

/** A row of a list, and the value of its Edit button (what it edits). */
interface ListRow {
  line: Markup;
  editValue: string;
}

/** The value of a stage's Edit button: the cycle's code and the stage number (a code has no spaces). */
export function stageEditValue(cycleCode: string, stageNo: number): string {
  return `${cycleCode} ${stageNo}`;
}

function listMessage(
  p: Presenter,
  title: Markup,
  rows: readonly ListRow[],
  empty: Markup,
  more: { command: Markup; total?: number; editActionId?: string },
): Message {
  const blocks: KnownBlock[] = [header(title)];
  if (rows.length === 0) {
    blocks.push(section(empty));
    return { text: fallback(title), blocks };
  }
  const { editActionId } = more;
  const listed =
    editActionId === undefined
      ? packLines(
          rows.map((r) => r.line),
          { maxBlocks: LIST_SECTIONS },
        )
      : accessoryRows(
          rows.map((r) => ({
            line: r.line,
            accessory: button({ text: p.t.ui.setup.edit, actionId: editActionId, value: r.editValue }),
          })),
          { maxBlocks: LIST_SECTIONS },
        );
  blocks.push(...listed.blocks);
  const omitted = listed.omitted + Math.max(0, (more.total ?? rows.length) - rows.length);
  if (omitted > 0) blocks.push(context([p.t.ui.common.andMore(omitted, more.command)]));
  return { text: fallback(title), blocks };
}

export function salesCycleList(
  p: Presenter,
  cycles: readonly (SalesCycle & { stageCount: number })[],
  opts: SetupListOptions = {},
): Message {
  const C = p.t.ui.setup.cycles;
  const rows = cycles.map((c) => ({
    line: C.line(
      escapeText(c.code),
      escapeText(c.description),
      p.t.ui.probabilityCalculation[c.probabilityCalculation],
      c.stageCount,
      c.blocked,
    ),
    editValue: c.code,
  }));
  return listMessage(p, C.title, rows, C.empty, {
    command: C.moreCommand,
    ...(opts.editable ? { editActionId: ACTION_IDS.editSalesCycle } : {}),
  });
}

export function stageTable(p: Presenter, cycle: SalesCycleWithStages, opts: SetupListOptions = {}): Message {
  const { ui } = p.t;
  const S = ui.setup.stages;
  const title = S.title(ui.common.cycle(escapeText(cycle.code), escapeText(cycle.description)));
  const blocks: KnownBlock[] = [
    header(title),
    context([S.calculation(ui.probabilityCalculation[cycle.probabilityCalculation])]),
  ];
  if (cycle.stages.length === 0) {
    blocks.push(section(S.empty(escapeText(cycle.code))));
    return { text: fallback(title), blocks };
  }
  const widths = [6, 24, 7, 8, 6, 5, 8];
  const row = (cells: readonly string[]) =>
    trimEnd(
      joinMarkup(
        cells.map((c, i) => tableCell(c, widths[i] ?? 8)),
        ' ',
      ),
    );
  const yesNo = (flag: boolean) => (flag ? ui.common.yes : ui.common.no);
  const stages = sortStages(cycle.stages);
  const rows = stages.map((s) =>
    row([
      String(s.stage),
      s.description,
      p.format.percent(s.completedPct),
      p.format.percent(s.chancesPct),
      yesNo(s.quoteRequired),
      yesNo(s.allowSkip),
      s.dateFormula || ui.common.none,
    ]),
  );
  const head = row([...S.columns]);
  // An admin's table is followed by one Edit button per stage shown, 25 to an actions block.
  const buttonBlocks = opts.editable ? Math.ceil(stages.length / LIMITS.actionsElements) : 0;
  const packed = packLines(rows, {
    maxBlocks: LIMITS.messageBlocks - 4 - buttonBlocks,
    wrap: (chunk) => md`\`\`\`${head}\n${chunk}\`\`\``,
  });
  blocks.push(...packed.blocks);
  if (opts.editable) {
    const shown = stages.slice(0, stages.length - packed.omitted);
    for (let i = 0; i < shown.length; i += LIMITS.actionsElements) {
      const buttons = shown.slice(i, i + LIMITS.actionsElements).map((s, n) =>
        button({
          text: S.edit(s.stage),
          actionId: numberedActionId(ACTION_IDS.editStage, n + 1),
          value: stageEditValue(cycle.code, s.stage),
        }),
      );
      blocks.push(actions(`${BLOCK_IDS.setupLists.stageEdits}_${i / LIMITS.actionsElements + 1}`, buttons));
    }
  }
  if (packed.omitted > 0)
    blocks.push(context([ui.common.andMore(packed.omitted, S.moreCommand(escapeText(cycle.code)))]));
  return { text: fallback(title), blocks };
}

export function closeCodeList(
  p: Presenter,
  codes: readonly (CloseCode & { entryCount: number })[],
  opts: SetupListOptions = {},
): Message {
  const { ui } = p.t;
  const C = ui.setup.closeCodes;
  const rows = codes.map((c) => ({
    line: C.line(escapeText(c.code), ui.outcome[c.type], escapeText(c.description), c.entryCount),
    editValue: c.code,
  }));
  return listMessage(p, C.title, rows, C.empty, {
    command: C.moreCommand,
    ...(opts.editable ? { editActionId: ACTION_IDS.editCloseCode } : {}),
  });
}

export function contactList(
  p: Presenter,
  contacts: readonly (Contact & { companyName: string | null; customerNo: string | null })[],
  opts: SetupListOptions & { total?: number } = {},
): Message {
  const { ui } = p.t;
  const C = ui.setup.contacts;
  const rows = contacts.map((c) => ({
    line: C.line(
      escapeText(c.no),
      escapeText(c.name),
      ui.contactType[c.type],
      c.companyName === null ? null : escapeText(c.companyName),
      c.customerNo === null ? null : escapeText(c.customerNo),
    ),
    editValue: c.no,
  }));
  return listMessage(p, C.title, rows, C.empty, {
    command: C.moreCommand,
    ...(opts.total !== undefined ? { total: opts.total } : {}),
    ...(opts.editable ? { editActionId: ACTION_IDS.editContact } : {}),
  });
}
