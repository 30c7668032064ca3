// Setup lists: sales cycles, the stages of a cycle (a compact monospace table), close codes, contacts.
import type { CloseCode } from '../../domain/close-code.ts';
import type { Contact } from '../../domain/contact.ts';
import type { SalesCycle, SalesCycleWithStages } from '../../domain/sales-cycle.ts';
import { sortStages } from '../../domain/sales-cycle.ts';
import { ui } from '../../i18n/en/ui.ts';
import { escapeMrkdwn, formatNumber, formatProbabilityCalculation, truncate } from '../format.ts';
import { context, fallback, header, LIMITS, packLines, section, type KnownBlock, type Message } from './kit.ts';

/** Room for the list sections: 50 blocks minus header, a context line and the "more" line. */
const LIST_SECTIONS = LIMITS.messageBlocks - 3;

function listMessage(
  title: string,
  lines: string[],
  empty: string,
  more: { command: string; total?: number },
): Message {
  const blocks: KnownBlock[] = [header(title)];
  if (lines.length === 0) {
    blocks.push(section(empty));
    return { text: fallback(title), blocks };
  }
  const packed = packLines(lines, { maxBlocks: LIST_SECTIONS });
  blocks.push(...packed.blocks);
  const omitted = packed.omitted + Math.max(0, (more.total ?? lines.length) - lines.length);
  if (omitted > 0) blocks.push(context([ui.common.andMore(omitted, more.command)]));
  return { text: fallback(title), blocks };
}

export function salesCycleList(cycles: readonly (SalesCycle & { stageCount: number })[]): Message {
  const C = ui.setup.cycles;
  const lines = cycles.map((c) =>
    C.line(
      escapeMrkdwn(c.code),
      escapeMrkdwn(c.description),
      formatProbabilityCalculation(c.probabilityCalculation),
      c.stageCount,
      c.blocked,
    ),
  );
  return listMessage(C.title, lines, C.empty, { command: C.moreCommand });
}

/** Text for a cell of the monospace table: no backticks (they would end the code block), escaped, padded. */
function cell(text: string, width: number): string {
  const normalised = truncate(text.replace(/`/g, "'").replace(/\s+/g, ' '), width);
  return escapeMrkdwn(normalised) + ' '.repeat(Math.max(0, width - [...normalised].length));
}

export function stageTable(cycle: SalesCycleWithStages): Message {
  const S = ui.setup.stages;
  const title = S.title(ui.common.cycle(cycle.code, cycle.description));
  const blocks: KnownBlock[] = [
    header(title),
    context([S.calculation(formatProbabilityCalculation(cycle.probabilityCalculation))]),
  ];
  if (cycle.stages.length === 0) {
    blocks.push(section(S.empty(escapeMrkdwn(cycle.code))));
    return { text: fallback(title), blocks };
  }
  const widths = [6, 24, 7, 8, 6, 5, 8];
  const row = (cells: string[]) =>
    cells
      .map((c, i) => cell(c, widths[i] ?? 8))
      .join(' ')
      .trimEnd();
  const yesNo = (flag: boolean) => (flag ? ui.common.yes : ui.common.no);
  const rows = sortStages(cycle.stages).map((s) =>
    row([
      String(s.stage),
      s.description,
      ui.common.percent(formatNumber(s.completedPct)),
      ui.common.percent(formatNumber(s.chancesPct)),
      yesNo(s.quoteRequired),
      yesNo(s.allowSkip),
      s.dateFormula || ui.common.none,
    ]),
  );
  const head = row([...S.columns]);
  const packed = packLines(rows, {
    maxBlocks: LIMITS.messageBlocks - 4,
    wrap: (chunk) => `\`\`\`${head}\n${chunk}\`\`\``,
  });
  blocks.push(...packed.blocks);
  if (packed.omitted > 0) blocks.push(context([ui.common.andMore(packed.omitted, S.moreCommand(cycle.code))]));
  return { text: fallback(title), blocks };
}

export function closeCodeList(codes: readonly (CloseCode & { entryCount: number })[]): Message {
  const C = ui.setup.closeCodes;
  const lines = codes.map((c) =>
    C.line(escapeMrkdwn(c.code), ui.outcome[c.type], escapeMrkdwn(c.description), c.entryCount),
  );
  return listMessage(C.title, lines, C.empty, { command: C.moreCommand });
}

export function contactList(
  contacts: readonly (Contact & { companyName: string | null; customerNo: string | null })[],
  opts: { total?: number } = {},
): Message {
  const C = ui.setup.contacts;
  const lines = contacts.map((c) =>
    C.line(
      escapeMrkdwn(c.no),
      escapeMrkdwn(c.name),
      ui.contactType[c.type],
      c.companyName === null ? null : escapeMrkdwn(c.companyName),
      c.customerNo === null ? null : escapeMrkdwn(c.customerNo),
    ),
  );
  return listMessage(C.title, lines, C.empty, {
    command: C.moreCommand,
    ...(opts.total !== undefined ? { total: opts.total } : {}),
  });
}
