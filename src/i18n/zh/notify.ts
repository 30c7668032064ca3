// Personal notifications in Simplified Chinese: the direct messages a salesperson gets about their
// opportunities, their daily summary, their settings (`/opp notify`, App Home) and what admins are told when
// someone cannot be reached.
// Part of the one catalogue: the same keys and parameters as src/i18n/en/notify.ts.
import { icuFor } from '../icu.ts';
import { trusted } from '../markup.ts';

const m = icuFor('zh');

const chinese = {
  someone: '有人',
  moved: (actor: string, no: string, description: string, stage: string) =>
    `${actor} 已将 *${no}* ${description} 转到阶段 ${stage}。`,
  updated: (actor: string, no: string, description: string) => `${actor} 更新了 *${no}* ${description} 的数值。`,
  edited: (actor: string, no: string, description: string) => `${actor} 编辑了 *${no}* ${description}。`,
  won: (actor: string, no: string, description: string, amount: string) =>
    `${actor} 已将 *${no}* ${description} 以赢单关闭（${amount}）。`,
  lost: (actor: string, no: string, description: string) => `${actor} 已将 *${no}* ${description} 以丢单关闭。`,
  orderWon: (actor: string, no: string, description: string, orderNo: string) =>
    `${actor} 根据 *${no}* ${description} 生成了销售订单 ${orderNo}，该商机因此以赢单关闭。`,
  reassignedAway: (actor: string, no: string, description: string, to: string) =>
    `${actor} 已将 ${to} 设为 *${no}* ${description} 的销售人员：该商机不再由您负责。`,
  deleted: (actor: string, no: string, description: string) => `${actor} 删除了 *${no}* ${description}。`,
  noteAdded: (actor: string, no: string, description: string) =>
    `${actor} 在 *${no}* ${description} 上添加了一条备注。 \`/opp show ${no}\` 可查看该备注。`,
  overdue: (no: string, description: string, date: string) =>
    `*${no}* ${description} 已超过其预计关闭日期（${date}）。请将其转到下一阶段、更新其日期或将其关闭。`,
  stale: (no: string, description: string, days: number, date: string) =>
    m('*{no}* {description} 已有 {days, plural, other {# 天}}无更改（上次更改于 {date}）。', {
      no,
      description,
      days,
      date,
    }),
  taskDue: (description: string, date: string) => `任务到期日 ${date}：${description}。`,
  /** Under every instant notification: how to change what one hears. */
  footer: '`/opp notify` 可更改您接收哪些通知以及何时接收。',
  summaryTitle: (count: number) => m('*您的每日汇总* ：{count, plural, other {# 条通知}}', { count }),
  summaryFallback: (count: number) => m('您的每日汇总：{count, plural, other {# 条通知}}。', { count }),
  /** Told to each admin, once, when Slack says a person cannot be sent direct messages any more. */
  personGone: (person: string, reason: string) =>
    `无法再向 ${person} 发送私信（Slack 返回 \`${reason}\` ），因此其通知已关闭。对方可使用 \`/opp notify\` 重新开启。`,
  categories: {
    changes: '他人对我的商机所做的更改',
    tasks: '我的任务（到期时）',
    overdue: '已超过关闭日期的我的商机',
    stale: '一段时间无更改的我的商机',
  },
  modes: { instant: '立即发送', daily: '汇入每日汇总', off: '关闭' },
  /** `/opp notify` without a change: the settings in force. */
  settingsTitle: '*您的通知* （本应用发送的私信）',
  settingLine: (category: string, mode: string, key: string) => `• ${category}： *${mode}* （ \`${key}\` ）`,
  summaryLine: (at: string) => `• 每日汇总时间：您当地时间 ${at}（ \`summary:HH:MM\` ）`,
  quietLine: (start: string | null, end: string | null) =>
    start !== null && end !== null
      ? `• 免打扰时段：您当地时间 ${start}–${end}，消息将在时段结束后发送（ \`quiet:off\` ）`
      : '• 无免打扰时段（例如 `quiet:22:00-07:00` ）',
  mutedLine: (nos: string | null) =>
    nos === null
      ? '• 没有已静音的商机（ `/opp notify mute OP00012` ）'
      : `• 已静音：${nos}（ \`/opp notify unmute &lt;编号&gt;\` ）`,
  disabledLine: ':warning: Slack 无法投递您的通知，因此通知已关闭。更改任意一项设置即可重新开启。',
  settingsHint:
    '使用 `/opp notify changes:instant|daily|off tasks:… overdue:… stale:… summary:8:30 quiet:22:00-07:00` 进行更改。',
  saved: '您的通知设置已保存。',
  muted: (no: string) => `您将不再收到有关 ${no} 的通知（使用 \`/opp notify unmute ${no}\` 可恢复接收）。`,
  muteButton: (no: string) => `静音 ${no}`,
  unmuted: (no: string) => `您将重新收到有关 ${no} 的通知。`,
  home: {
    title: '通知',
    intro: '本应用通过私信向您发送的有关您的商机和任务的通知。',
    summaryAt: '每日汇总时间',
    quietFrom: '免打扰开始',
    quietUntil: '免打扰结束',
    quietOff: '无',
    mutePlaceholder: '将某个商机静音…',
    unmute: (no: string) => `取消静音 ${no}`,
  },
} as const;

export const notify = trusted(chinese);
