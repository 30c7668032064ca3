// Statistics messages (spec §12): the figures of one opportunity (§12.1), and the analysis of a sales
// cycle (§12.2 totals, then §12.4: one line per stage and a TOTAL line that sums every column,
// including the average days).
import { dec, type Decimal } from '../../domain/decimal.ts';
import type { CycleAnalysis, OpportunityStatistics, Totals } from '../../services/statistics.ts';
import { escapeText, joinMarkup, type Markup, md, trimEnd } from '../../i18n/markup.ts';
import type { Presenter } from '../../i18n/presenter.ts';
import { formatStage, tableCell } from '../format.ts';
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
export function opportunityStatsMessage(p: Presenter, stats: OpportunityStatistics, currency: string): Message {
  const S = p.t.digest.stats;
  const L = S.labels;
  const no = escapeText(stats.no);
  const stage =
    stats.currentStage === null ? S.noStage : formatStage(p.t, stats.currentStage, stats.currentStageDescription);
  const fields = [
    S.field(L.interactions, p.format.number(dec(stats.noOfInteractions))),
    S.field(L.stage, stage),
    S.field(L.estimatedValue, p.format.money(stats.estimatedValue, currency)),
    S.field(L.chances, p.format.percent(stats.chancesPct)),
    S.field(L.completed, p.format.percent(stats.completedPct)),
    S.field(L.probability, p.format.percent(stats.probabilityPct)),
    S.field(L.calcdCurrentValue, p.format.money(stats.calcdCurrentValue, currency)),
  ];
  const blocks: KnownBlock[] = [
    header(S.opportunityTitle(no)),
    fieldsSection(fields),
    context([S.interactionsNote(no)]),
  ];
  return {
    text: fallback(
      S.opportunityFallback(
        no,
        p.format.money(stats.calcdCurrentValue, currency),
        p.format.percent(stats.probabilityPct),
      ),
    ),
    blocks,
  };
}

/**
 * §12.2 and §12.4 for one sales cycle. `cycleTotals` are the sales cycle statistics (open, started
 * opportunities); without them the stage sums are shown, which count the same opportunities.
 */
export function cycleAnalysisMessage(
  p: Presenter,
  analysis: CycleAnalysis,
  currency: string,
  cycleTotals?: Totals,
): Message {
  const S = p.t.digest.stats;
  const days = (value: Decimal | null): string => (value === null ? '' : p.format.days(value));
  const L = S.labels;
  const cycleName = p.t.ui.common.cycle(escapeText(analysis.cycle.code), escapeText(analysis.cycle.description));
  const totals: Totals = cycleTotals ?? analysis.total;
  const blocks: KnownBlock[] = [header(S.cycleTitle(cycleName))];
  if (analysis.cycle.blocked) blocks.push(context([S.blocked]));
  blocks.push(
    section(S.cycleTotalsTitle),
    fieldsSection([
      S.field(L.noOfOpportunities, md`${totals.noOfOpportunities}`),
      S.field(L.estimatedValue, p.format.money(totals.estimatedValue, currency)),
      S.field(L.calcdCurrentValue, p.format.money(totals.calcdCurrentValue, currency)),
    ]),
  );
  const text = fallback(
    S.cycleFallback(cycleName, totals.noOfOpportunities, p.format.money(totals.estimatedValue, currency)),
  );
  if (analysis.stages.length === 0) {
    blocks.push(section(S.noStages(escapeText(analysis.cycle.code))));
    return { text, blocks };
  }

  const rows = analysis.stages.map((s) => [
    String(s.stage),
    s.description,
    String(s.noOfOpportunities),
    p.format.money(s.estimatedValue, currency),
    p.format.money(s.calcdCurrentValue, currency),
    days(s.averageDays),
  ]);
  const total = analysis.total;
  const totalRow = [
    S.total,
    '',
    String(total.noOfOpportunities),
    p.format.money(total.estimatedValue, currency),
    p.format.money(total.calcdCurrentValue, currency),
    p.format.days(total.averageDays),
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
  blocks.push(context([S.averageDaysNote(p.format.days(total.averageDays))]));
  return { text, blocks };
}
