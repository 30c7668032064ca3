// English strings of the pipeline digest, the statistics messages, the chart and the CSV export. Builders
// in src/slack/blocks/digest.ts, src/slack/blocks/stats.ts, src/slack/csv.ts and src/digest take every
// user-visible word from here (through their presenter, src/i18n/presenter.ts). Template functions
// receive values that are already formatted (money, dates, percentages) and already escaped for mrkdwn
// where they go into it.
import { icuFor } from '../icu.ts';
import { trusted } from '../markup.ts';

const m = icuFor('en');
const opportunities = (n: number): string => m('{n, plural, one {# opportunity} other {# opportunities}}', { n });
const openOpportunities = (n: number): string =>
  m('{n, plural, one {# open opportunity} other {# open opportunities}}', { n });
const days = (n: number): string => m('{n, plural, one {# day} other {# days}}', { n });

const english = {
  defaultTitle: 'Pipeline digest',
  header: (title: string, date: string) => `${title} — ${date}`,
  fallback: (title: string, date: string, open: number, weighted: string) =>
    `${title} — ${date}: ${openOpportunities(open)}, ${weighted} weighted`,
  continued: (title: string, date: string, part: number, parts: number) =>
    `${title} — ${date} · continued (${part} of ${parts})`,
  channelMention: '<!channel>',

  scope: {
    allCycles: 'All sales cycles',
    cycle: (cycle: string) => `Sales cycle ${cycle}`,
    everyone: "everyone's opportunities",
    salesperson: (person: string) => `${person}'s opportunities`,
    period: (from: string, to: string) => `won and lost from ${from} to ${to}`,
    join: (parts: readonly string[]) => parts.join(' · '),
  },

  pipeline: {
    title: '*Open pipeline*',
    cycleTitle: (cycle: string) => `*${cycle}*`,
    columns: ['Stage', 'Open', 'Estimated', 'Weighted'],
    total: 'Total',
    noStages: 'No open opportunities at a stage in this cycle.',
    notStarted: (n: number) => `Also ${opportunities(n)} not started yet (no stage, so no value counted).`,
    allCycles: (count: number, estimated: string, weighted: string, notStarted: number) =>
      `*All cycles:* ${openOpportunities(count)} at a stage · ${estimated} estimated · ${weighted} weighted${
        notStarted > 0 ? ` · ${notStarted} not started` : ''
      }`,
    empty: 'There are no open opportunities here yet. Create one with `/opp new`.',
  },

  closed: {
    title: (from: string, to: string) => `*Won and lost* from ${from} to ${to}`,
    won: (count: number, amount: string) => `*Won:* ${opportunities(count)} · ${amount}`,
    lost: (count: number, amount: string) => `*Lost:* ${opportunities(count)} · ${amount}`,
    winRate: (byCount: string, byValue: string) => `*Win rate:* ${byCount} by count · ${byValue} by value`,
    reasonsTitle: '*By close code*',
    reason: (outcome: string, code: string, count: number, amount: string) =>
      `• ${outcome} · ${code}: ${count} · ${amount}`,
    code: (code: string, description: string) => (description.trim() === '' ? code : `${code} — ${description}`),
    noCode: 'without a close code',
    nothing: (from: string, to: string) => `Nothing was won or lost from ${from} to ${to}.`,
    notAvailable: '—',
  },

  changes: {
    title: (since: string) => `*What changed* since ${since}`,
    first:
      'This is the first digest in this channel, so there is nothing to compare with yet. The next one will list what changed.',
    nothing: (since: string) => `Nothing changed since ${since}.`,
    newTitle: (n: number) => `*New* (${n})`,
    forwardTitle: (n: number) => `*Moved forward* (${n})`,
    backTitle: (n: number) => `*Moved back* (${n})`,
    closedTitle: (n: number) => `*Closed* (${n})`,
    valueTitle: (n: number) => `*Value changed* (${n})`,
    newLine: (no: string, description: string, value: string) => `• *${no}* ${description} · ${value}`,
    moveLine: (no: string, description: string, from: string, to: string) =>
      `• *${no}* ${description} · ${from} → ${to}`,
    notStarted: 'not started',
    stageNo: (stage: number) => `stage ${stage}`,
    closedLine: (no: string, description: string, outcome: string, amount: string) =>
      `• *${no}* ${description} · ${outcome} · ${amount}`,
    valueLine: (no: string, description: string, from: string, to: string, delta: string) =>
      `• *${no}* ${description} · ${from} → ${to} (${delta})`,
    /** A Slack date token for an instant, with the text shown where tokens are not rendered. */
    sinceToken: (unix: number, fallback: string) => `<!date^${unix}^{date_short_pretty} at {time}|${fallback}>`,
    sinceFallback: (date: string, time: string) => `${date} ${time} UTC`,
    previousDigest: 'the previous digest',
  },

  attention: {
    title: '*Needs attention*',
    overdueTitle: (n: number) => `:rotating_light: *Overdue* (${n})`,
    closingSoonTitle: (n: number) => `:hourglass_flowing_sand: *Closing in the next 7 days* (${n})`,
    staleTitle: (n: number, staleDays: number) => `:zzz: *No change for ${days(staleDays)} or more* (${n})`,
    overdueLine: (no: string, description: string, owner: string, date: string, overdue: number, value: string) =>
      `• *${no}* ${description} · ${owner} · was due ${date} (${days(overdue)} ago) · ${value}`,
    closingSoonLine: (no: string, description: string, owner: string, date: string, inDays: number, value: string) =>
      `• *${no}* ${description} · ${owner} · closes ${date} (${m(
        '{inDays, plural, =0 {today} =1 {tomorrow} other {in # days}}',
        { inDays: Math.max(0, inDays) },
      )}) · ${value}`,
    staleLine: (no: string, description: string, owner: string, date: string, idle: number, value: string) =>
      `• *${no}* ${description} · ${owner} · last change ${date} (${days(idle)} ago) · ${value}`,
    nothing: (staleDays: number) =>
      `Nothing needs attention: no opportunity is overdue, closing in the next 7 days, or without change for ${days(staleDays)}.`,
  },

  salespeople: {
    title: '*By salesperson*',
    line: (person: string, open: number, weighted: string, won: string) =>
      `• ${person}: ${open} open · ${weighted} weighted · ${won} won in the period`,
    empty: 'No salesperson has open opportunities or wins in the period.',
  },

  more: (n: number) => `…and ${n} more.`,

  stats: {
    opportunityTitle: (no: string) => `Statistics of ${no}`,
    opportunityFallback: (no: string, value: string, probability: string) =>
      `Statistics of ${no}: ${value} calculated current value, ${probability} probability`,
    labels: {
      interactions: 'No. of interactions',
      stage: 'Current sales cycle stage',
      estimatedValue: 'Estimated value',
      chances: 'Chances of success',
      completed: 'Completed',
      probability: 'Probability',
      calcdCurrentValue: 'Calculated current value',
      noOfOpportunities: 'Open opportunities',
    },
    field: (label: string, value: string) => `*${label}*\n${value}`,
    noStage: '—',
    interactionsNote: (no: string) =>
      `Interactions are the notes logged on the opportunity (/opp note ${no} &lt;text&gt;, or Add note on its card).`,
    cycleTitle: (cycle: string) => `Sales cycle analysis: ${cycle}`,
    cycleFallback: (cycle: string, open: number, estimated: string) =>
      `Sales cycle analysis of ${cycle}: ${openOpportunities(open)}, ${estimated} estimated`,
    blocked: ':no_entry: This sales cycle is blocked: new opportunities can’t use it.',
    cycleTotalsTitle: '*Sales cycle statistics* (open opportunities that have started)',
    analysisTitle: '*By stage*',
    columns: ['Stage', 'Description', 'Opps', 'Estimated', 'Calc. current', 'Avg days'],
    total: 'TOTAL',
    averageDaysNote: (total: string) =>
      `Average days: how long opportunities stayed at each stage before leaving it (blank when none has left yet). The TOTAL line adds up the averages too: ${total} days approximates the average duration of the whole cycle.`,
    noStages: (code: string) =>
      `Sales cycle ${code} has no stages yet. Add one with \`/opp stage add ${code} 1 Qualification completed:10 chance:20\`.`,
    moreStages: (n: number, code: string) => `…and ${n} more — use \`/opp stage list ${code}\`.`,
  },
} as const;

export const digestText = trusted(english);

/** Words drawn into the chart image, written to CSV files or shown literally in tables: plain text, not markup. */
export const digestPlainText = {
  /** A stage in a chart bar or a table cell: "2 · Qualification", or "Stage 2" without a description. */
  stage: (no: number, description: string) => (description.trim() === '' ? `Stage ${no}` : `${no} · ${description}`),

  chart: {
    /** A stage's bar label when several cycles are shown: the cycle code first. */
    stageLabel: (cycleCode: string, stage: string) => `${cycleCode} ${stage}`,
    /**
     * Under the title: the open pipeline's totals, then the won and lost of the digest's period, with its
     * dates (the same period and figures as the message's "Won and lost from … to …").
     */
    pipelineSummary: (estimated: string, weighted: string) =>
      `Open pipeline ${estimated} estimated, ${weighted} weighted`,
    closedSummary: (won: string, lost: string, from: string, to: string) =>
      `won ${won}, lost ${lost} from ${from} to ${to}`,
    summarySeparator: ' · ',
    pipelineHeading: 'Open pipeline by stage',
    /** A week under its bars: the week's first day, already formatted ("Dec 7"). */
    weekLabel: (start: string) => start,
    historyHeading: (weeks: number) => m('Won vs lost, last {weeks, plural, one {# week} other {# weeks}}', { weeks }),
    estimated: 'Estimated value',
    weighted: 'Weighted value',
    won: 'Won',
    lost: 'Lost',
    noOpenOpportunities: 'No open opportunities',
    noClosedDeals: 'No won or lost deals in this period',
  },

  csv: {
    columns: (currency: string) => [
      'No.',
      'Description',
      'Status',
      'Stage',
      'Stage description',
      'Contact',
      'Company',
      'Salesperson',
      'Sales cycle',
      `Estimated value (${currency})`,
      'Chances %',
      'Completed %',
      'Probability %',
      `Calculated current value (${currency})`,
      'Estimated closing date',
      'Creation date',
      'Date closed',
      'Quote',
      'Order',
      'Close code',
      'Close code description',
      'Priority',
      'Last change date',
      `Weighted value (${currency})`,
    ],
    defaultFilename: 'opportunities',
  },
} as const;
