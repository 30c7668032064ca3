// Setup lists: sales cycles, the stages of a cycle (a compact monospace table), close codes, contacts.
import type { CloseCode } from '../../domain/close-code.ts';
import type { Contact } from '../../domain/contact.ts';
import type { SalesCycle, SalesCycleWithStages } from '../../domain/sales-cycle.ts';
import { sortStages } from '../../domain/sales-cycle.ts';
import { escapeText, joinMarkup, type Markup, md, trimEnd } from '../../i18n/markup.ts';
import type { Presenter } from '../../i18n/presenter.ts';
import { tableCell } from '../format.ts';
import { context, fallback, header, LIMITS, packLines, section, type KnownBlock, type Message } from './kit.ts';

/** Room for the list sections: 50 blocks minus header, a context line and the "more" line. */
const LIST_SECTIONS = LIMITS.messageBlocks - 3;

function listMessage(
  p: Presenter,
  title: Markup,
  lines: Markup[],
  empty: Markup,
  more: { command: Markup; total?: number },
): Message {
  const blocks: KnownBlock[] = [header(title)];
  if (lines.length === 0) {
    blocks.push(section(empty));
    return { text: fallback(title), blocks };
  }
  const packed = packLines(lines, { maxBlocks: LIST_SECTIONS });
  blocks.push(...packed.blocks);
  const omitted = packed.omitted + Math.max(0, (more.total ?? lines.length) - lines.length);
  if (omitted > 0) blocks.push(context([p.t.ui.common.andMore(omitted, more.command)]));
  return { text: fallback(title), blocks };
}

export function salesCycleList(p: Presenter, cycles: readonly (SalesCycle & { stageCount: number })[]): Message {
  const C = p.t.ui.setup.cycles;
  const lines = cycles.map((c) =>
    C.line(
      escapeText(c.code),
      escapeText(c.description),
      p.t.ui.probabilityCalculation[c.probabilityCalculation],
      c.stageCount,
      c.blocked,
    ),
  );
  return listMessage(p, C.title, lines, C.empty, { command: C.moreCommand });
}

export function stageTable(p: Presenter, cycle: SalesCycleWithStages): Message {
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
  const rows = sortStages(cycle.stages).map((s) =>
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
  const packed = packLines(rows, {
    maxBlocks: LIMITS.messageBlocks - 4,
    wrap: (chunk) => md`\`\`\`${head}\n${chunk}\`\`\``,
  });
  blocks.push(...packed.blocks);
  if (packed.omitted > 0)
    blocks.push(context([ui.common.andMore(packed.omitted, S.moreCommand(escapeText(cycle.code)))]));
  return { text: fallback(title), blocks };
}

export function closeCodeList(p: Presenter, codes: readonly (CloseCode & { entryCount: number })[]): Message {
  const { ui } = p.t;
  const C = ui.setup.closeCodes;
  const lines = codes.map((c) =>
    C.line(escapeText(c.code), ui.outcome[c.type], escapeText(c.description), c.entryCount),
  );
  return listMessage(p, C.title, lines, C.empty, { command: C.moreCommand });
}

export function contactList(
  p: Presenter,
  contacts: readonly (Contact & { companyName: string | null; customerNo: string | null })[],
  opts: { total?: number } = {},
): Message {
  const { ui } = p.t;
  const C = ui.setup.contacts;
  const lines = contacts.map((c) =>
    C.line(
      escapeText(c.no),
      escapeText(c.name),
      ui.contactType[c.type],
      c.companyName === null ? null : escapeText(c.companyName),
      c.customerNo === null ? null : escapeText(c.customerNo),
    ),
  );
  return listMessage(p, C.title, lines, C.empty, {
    command: C.moreCommand,
    ...(opts.total !== undefined ? { total: opts.total } : {}),
  });
}
