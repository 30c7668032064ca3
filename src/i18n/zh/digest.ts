// Simplified Chinese strings of the pipeline digest, the statistics messages, the chart and the CSV export.
// Builders in src/slack/blocks/digest.ts, src/slack/blocks/stats.ts, src/slack/csv.ts and src/digest take
// every user-visible word from here (through their presenter, src/i18n/presenter.ts). Template functions
// receive values that are already formatted (money, dates, percentages) and already escaped for mrkdwn
// where they go into it. Slack markup (`*bold*`, code) is kept apart from Chinese characters by a space or
// ASCII punctuation, or Slack does not render it.
import { icuFor } from '../icu.ts';
import { trusted } from '../markup.ts';

const m = icuFor('zh');
const opportunities = (n: number): string => m('{n, plural, other {# 个商机}}', { n });
const openOpportunities = (n: number): string => m('{n, plural, other {# 个未关闭的商机}}', { n });
const days = (n: number): string => m('{n, plural, other {# 天}}', { n });

const chinese = {
  defaultTitle: '销售管道摘要',
  header: (title: string, date: string) => `${title} — ${date}`,
  fallback: (title: string, date: string, open: number, weighted: string) =>
    `${title} — ${date}：${openOpportunities(open)}，加权值 ${weighted}`,
  continued: (title: string, date: string, part: number, parts: number) =>
    `${title} — ${date} · 续（第 ${part} 部分，共 ${parts} 部分）`,
  channelMention: '<!channel>',

  scope: {
    allCycles: '所有销售周期',
    cycle: (cycle: string) => `销售周期 ${cycle}`,
    everyone: '所有人的商机',
    salesperson: (person: string) => `${person} 的商机`,
    period: (from: string, to: string) => `${from} 至 ${to} 的赢单和丢单`,
    join: (parts: readonly string[]) => parts.join(' · '),
  },

  pipeline: {
    title: '*未关闭的销售管道*',
    cycleTitle: (cycle: string) => `*${cycle}*`,
    columns: ['阶段', '未关闭', '估计值', '加权值'],
    total: '合计',
    noStages: '此周期中没有处于某个阶段的未关闭商机。',
    notStarted: (n: number) => `另有 ${opportunities(n)}尚未开始（没有阶段，因此不计入金额）。`,
    allCycles: (count: number, estimated: string, weighted: string, notStarted: number) =>
      `*所有周期：* ${openOpportunities(count)}处于某个阶段 · 估计值 ${estimated} · 加权值 ${weighted}${
        notStarted > 0 ? ` · ${notStarted} 个未开始` : ''
      }`,
    empty: '这里还没有未关闭的商机。使用 `/opp new` 新建一个。',
  },

  closed: {
    title: (from: string, to: string) => `*赢单和丢单* · ${from} 至 ${to}`,
    won: (count: number, amount: string) => `*赢单：* ${opportunities(count)} · ${amount}`,
    lost: (count: number, amount: string) => `*丢单：* ${opportunities(count)} · ${amount}`,
    winRate: (byCount: string, byValue: string) => `*赢单率：* 按数量 ${byCount} · 按金额 ${byValue}`,
    reasonsTitle: '*按商机关闭代码*',
    reason: (outcome: string, code: string, count: number, amount: string) =>
      `• ${outcome} · ${code}：${count} · ${amount}`,
    code: (code: string, description: string) => (description.trim() === '' ? code : `${code} — ${description}`),
    noCode: '无关闭代码',
    nothing: (from: string, to: string) => `${from} 至 ${to} 期间没有赢单或丢单。`,
    notAvailable: '—',
  },

  changes: {
    title: (since: string) => `*变更内容* · 自 ${since} 以来`,
    first: '这是此频道的第一份摘要，因此暂时没有可比较的内容。下一份摘要将列出变更内容。',
    nothing: (since: string) => `自 ${since} 以来没有任何变更。`,
    newTitle: (n: number) => `*新增* (${n})`,
    forwardTitle: (n: number) => `*前进* (${n})`,
    backTitle: (n: number) => `*后退* (${n})`,
    closedTitle: (n: number) => `*已关闭* (${n})`,
    valueTitle: (n: number) => `*金额变更* (${n})`,
    newLine: (no: string, description: string, value: string) => `• *${no}* ${description} · ${value}`,
    moveLine: (no: string, description: string, from: string, to: string) =>
      `• *${no}* ${description} · ${from} → ${to}`,
    notStarted: '未开始',
    stageNo: (stage: number) => `阶段 ${stage}`,
    closedLine: (no: string, description: string, outcome: string, amount: string) =>
      `• *${no}* ${description} · ${outcome} · ${amount}`,
    valueLine: (no: string, description: string, from: string, to: string, delta: string) =>
      `• *${no}* ${description} · ${from} → ${to} (${delta})`,
    /** A Slack date token for an instant, with the text shown where tokens are not rendered. */
    sinceToken: (unix: number, fallback: string) => `<!date^${unix}^{date_short_pretty} {time}|${fallback}>`,
    sinceFallback: (date: string, time: string) => `${date} ${time} UTC`,
    previousDigest: '上一份摘要',
  },

  attention: {
    title: '*需要关注*',
    overdueTitle: (n: number) => `:rotating_light: *已逾期* (${n})`,
    closingSoonTitle: (n: number) => `:hourglass_flowing_sand: *未来 7 天内关闭* (${n})`,
    staleTitle: (n: number, staleDays: number) => `:zzz: *${days(staleDays)}或更久无变更* (${n})`,
    overdueLine: (no: string, description: string, owner: string, date: string, overdue: number, value: string) =>
      `• *${no}* ${description} · ${owner} · 原定 ${date}（已逾期 ${days(overdue)}）· ${value}`,
    closingSoonLine: (no: string, description: string, owner: string, date: string, inDays: number, value: string) =>
      `• *${no}* ${description} · ${owner} · ${date} 关闭（${m('{inDays, plural, =0 {今天} =1 {明天} other {# 天后}}', {
        inDays: Math.max(0, inDays),
      })}）· ${value}`,
    staleLine: (no: string, description: string, owner: string, date: string, idle: number, value: string) =>
      `• *${no}* ${description} · ${owner} · 最后变更于 ${date}（${days(idle)}前）· ${value}`,
    nothing: (staleDays: number) =>
      `没有需要关注的商机：没有已逾期、未来 7 天内关闭或 ${days(staleDays)}无变更的商机。`,
  },

  salespeople: {
    title: '*按销售人员*',
    line: (person: string, open: number, weighted: string, won: string) =>
      `• ${person}：${open} 个未关闭 · 加权值 ${weighted} · 期间赢单 ${won}`,
    empty: '期间内没有销售人员有未关闭的商机或赢单。',
  },

  more: (n: number) => `…还有 ${n} 项。`,

  stats: {
    opportunityTitle: (no: string) => `${no} 的统计信息`,
    opportunityFallback: (no: string, value: string, probability: string) =>
      `${no} 的统计信息：计算的当前值 ${value}，概率 ${probability}`,
    labels: {
      interactions: '交互数',
      stage: '当前销售周期阶段',
      estimatedValue: '估计值',
      chances: '成功几率',
      completed: '完成 %',
      probability: '概率',
      calcdCurrentValue: '计算的当前值',
      noOfOpportunities: '未关闭的商机',
    },
    field: (label: string, value: string) => `*${label}*\n${value}`,
    noStage: '—',
    interactionsNote: (no: string) =>
      `交互是指在商机上记录的备注（/opp note ${no} &lt;文本&gt;，或在其卡片上点击“添加备注”）。`,
    cycleTitle: (cycle: string) => `销售周期分析：${cycle}`,
    cycleFallback: (cycle: string, open: number, estimated: string) =>
      `${cycle} 的销售周期分析：${openOpportunities(open)}，估计值 ${estimated}`,
    blocked: ':no_entry: 此销售周期已冻结：新商机不能使用它。',
    cycleTotalsTitle: '*销售周期统计* (已开始的未关闭商机)',
    analysisTitle: '*按阶段*',
    columns: ['阶段', '描述', '商机数', '估计值', '计算的当前值', '平均天数'],
    total: '合计',
    averageDaysNote: (total: string) =>
      `平均天数：商机在离开各阶段之前在该阶段停留的时长（尚无商机离开时留空）。“合计”行也将各平均值相加：${total} 天约等于整个周期的平均时长。`,
    noStages: (code: string) =>
      `销售周期 ${code} 尚无阶段。使用 \`/opp stage add ${code} 1 资格审查 completed:10 chance:20\` 添加一个。`,
    moreStages: (n: number, code: string) => `…还有 ${n} 个，请使用 \`/opp stage list ${code}\` 查看。`,
  },
} as const;

export const digestText = trusted(chinese);

/** Words drawn into the chart image, written to CSV files or shown literally in tables: plain text, not markup. */
export const digestPlainText = {
  /** A stage in a chart bar or a table cell: "2 · 资格审查", or "阶段 2" without a description. */
  stage: (no: number, description: string) => (description.trim() === '' ? `阶段 ${no}` : `${no} · ${description}`),

  chart: {
    /** A stage's bar label when several cycles are shown: the cycle code first. */
    stageLabel: (cycleCode: string, stage: string) => `${cycleCode} ${stage}`,
    /** Under the title: the open pipeline's totals, then (with a history panel) the period's. */
    pipelineSummary: (estimated: string, weighted: string) =>
      `未关闭的销售管道：估计值 ${estimated}，加权值 ${weighted}`,
    closedSummary: (won: string, lost: string, from: string, to: string) =>
      `${from} 至 ${to}：赢单 ${won}，丢单 ${lost}`,
    /** 柱状图下的一周：该周第一天（已格式化，如“12月7日”）。 */
    weekLabel: (start: string) => start,
    summarySeparator: ' · ',
    pipelineHeading: '按阶段划分的未关闭销售管道',
    historyHeading: (weeks: number) => m('赢单与丢单，最近 {weeks, plural, other {# 周}}', { weeks }),
    estimated: '估计值',
    weighted: '加权值',
    won: '赢单',
    lost: '丢单',
    noOpenOpportunities: '没有未关闭的商机',
    noClosedDeals: '此期间没有赢单或丢单',
  },

  csv: {
    columns: (currency: string) => [
      '编号',
      '描述',
      '状态',
      '阶段',
      '阶段描述',
      '联系人',
      '公司',
      '销售人员',
      '销售周期',
      `估计值 (${currency})`,
      '成功几率 %',
      '完成 %',
      '概率 %',
      `计算的当前值 (${currency})`,
      '预计关闭日期',
      '创建日期',
      '关闭日期',
      '报价',
      '订单',
      '商机关闭代码',
      '商机关闭代码描述',
      '优先级',
      '上次更改日期',
      `加权值 (${currency})`,
    ],
    defaultFilename: 'opportunities',
  },
} as const;
