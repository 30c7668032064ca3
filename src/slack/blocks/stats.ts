// Statistics messages (spec §12): the figures of one opportunity (§12.1), and the analysis of a sales
// cycle (§12.2 totals, then §12.4: one line per stage and a TOTAL line that sums every column,
// including the average days).
import type { Decimal } from '../../domain/decimal.ts';
import type { CycleAnalysis, OpportunityStatistics, Totals } from '../../services/statistics.ts';
import { digestText } from '../../i18n/en/digest.ts';
import { ui } from '../../i18n/en/ui.ts';
import { escapeText, joinMarkup, type Markup, md, trimEnd } from '../../i18n/markup.ts';
import { formatMoney, formatNumber, formatPercent, formatStage, tableCell } from '../format.ts';
import {
  context,
  fallback,
  fieldsSection,
  header,
  LIMITS,
  packLines,
  section,
  type KnownBlock,
  type Message,
} from './kit.ts';

/** §12.1: current stage, estimated value, chances, completed, probability and calculated current value. */
export function opportunityStatsMessage(stats: OpportunityStatistics, currency: string): Message {
  const S = digestText.stats;
  const L = S.labels;
  const no = escapeText(stats.no);
  const stage =
    stats.currentStage === null ? S.noStage : formatStage(stats.currentStage, stats.currentStageDescription);
  const fields = [
    S.field(L.stage, stage),
    S.field(L.estimatedValue, formatMoney(stats.estimatedValue, currency)),
    S.field(L.chances, formatPercent(stats.chancesPct)),
    S.field(L.completed, formatPercent(stats.completedPct)),
    S.field(L.probability, formatPercent(stats.probabilityPct)),
    S.field(L.calcdCurrentValue, formatMoney(stats.calcdCurrentValue, currency)),
  ];
  const blocks: KnownBlock[] = [header(S.opportunityTitle(no)), fieldsSection(fields), context([S.interactionsNote])];
  return {
    text: fallback(
      S.opportunityFallback(no, formatMoney(stats.calcdCurrentValue, currency), formatPercent(stats.probabilityPct)),
    ),
    blocks,
  };
}

const days = (value: Decimal | null): string => (value === null ? '' : formatNumber(value));

/**
 * §12.2 and §12.4 for one sales cycle. `cycleTotals` are the sales cycle statistics (open, started
 * opportunities); without them the stage sums are shown, which count the same opportunities.
 */
export function cycleAnalysisMessage(analysis: CycleAnalysis, currency: string, cycleTotals?: Totals): Message {
  const S = digestText.stats;
  const L = S.labels;
  const cycleName = ui.common.cycle(escapeText(analysis.cycle.code), escapeText(analysis.cycle.description));
  const totals: Totals = cycleTotals ?? analysis.total;
  const blocks: KnownBlock[] = [header(S.cycleTitle(cycleName))];
  if (analysis.cycle.blocked) blocks.push(context([S.blocked]));
  blocks.push(
    section(S.cycleTotalsTitle),
    fieldsSection([
      S.field(L.noOfOpportunities, md`${totals.noOfOpportunities}`),
      S.field(L.estimatedValue, formatMoney(totals.estimatedValue, currency)),
      S.field(L.calcdCurrentValue, formatMoney(totals.calcdCurrentValue, currency)),
    ]),
  );
  const text = fallback(
    S.cycleFallback(cycleName, totals.noOfOpportunities, formatMoney(totals.estimatedValue, currency)),
  );
  if (analysis.stages.length === 0) {
    blocks.push(section(S.noStages(escapeText(analysis.cycle.code))));
    return { text, blocks };
  }

  const rows = analysis.stages.map((s) => [
    String(s.stage),
    s.description,
    String(s.noOfOpportunities),
    formatMoney(s.estimatedValue, currency),
    formatMoney(s.calcdCurrentValue, currency),
    days(s.averageDays),
  ]);
  const total = analysis.total;
  const totalRow = [
    S.total,
    '',
    String(total.noOfOpportunities),
    formatMoney(total.estimatedValue, currency),
    formatMoney(total.calcdCurrentValue, currency),
    formatNumber(total.averageDays),
  ];
  const all = [[...S.columns], ...rows, totalRow];
  const widths = S.columns.map((_, i) => Math.max(...all.map((r) => [...(r[i] ?? '')].length)));
  widths[1] = Math.min(widths[1] ?? 24, 24);
  const row = (cells: readonly string[]) =>
    trimEnd(
      joinMarkup(
        cells.map((c, i) => tableCell(c, widths[i] ?? 10, i <= 1 ? 'left' : 'right')),
        '  ',
      ),
    );
  const head = row(S.columns);
  const rule = escapeText('-'.repeat(widths.reduce((sum, w) => sum + w, 0) + 2 * (widths.length - 1)));
  const wrap = (chunk: Markup) => md`\`\`\`${head}\n${chunk}\`\`\``;
  // Room left for the tables: the blocks so far, the analysis title, the note and a "more" line.
  const maxBlocks = LIMITS.messageBlocks - blocks.length - 3;
  const maxChars = LIMITS.messageTextBudget - 1500;
  const stageLines = rows.map(row);
  const whole = packLines([...stageLines, rule, row(totalRow)], { maxBlocks, maxChars, wrap });
  blocks.push(section(S.analysisTitle));
  if (whole.omitted === 0) {
    blocks.push(...whole.blocks);
  } else {
    // Too many stages for one message: the stages that fit, then the TOTAL line on its own.
    const stagesOnly = packLines(stageLines, { maxBlocks: maxBlocks - 1, maxChars: maxChars - 500, wrap });
    blocks.push(
      ...stagesOnly.blocks,
      section(wrap(row(totalRow))),
      context([S.moreStages(stagesOnly.omitted, escapeText(analysis.cycle.code))]),
    );
  }
  blocks.push(context([S.averageDaysNote(formatNumber(total.averageDays))]));
  return { text, blocks };
}
