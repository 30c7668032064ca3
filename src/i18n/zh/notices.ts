// Sentences that confirm what a command did, and the channel announcements. Part of the one catalogue.
import { icuFor } from '../icu.ts';
import { trusted } from '../markup.ts';

const m = icuFor('zh');

interface ShownSettings {
  repsSeeOnlyOwn: boolean;
  repsAddContacts: boolean;
  currency: string;
  defaultSalesCycleCode: string | null;
  staleDays: number;
  language: string;
}
const chinese = {
  cycleAdded: (code: string) =>
    `已添加销售周期 ${code}。使用 \`/opp stage add ${code} &lt;阶段编号&gt; &lt;描述&gt; completed:&lt;百分比&gt; chance:&lt;百分比&gt;\` 添加其阶段。`,
  stageAdded: (cycle: string, stage: number) => `已将阶段 ${stage} 添加到销售周期 ${cycle}。`,
  codeAdded: (code: string, type: 'won' | 'lost') =>
    `已添加商机关闭代码 ${code}（${type === 'won' ? '赢单' : '丢单'}）。`,
  // ---- setup edits: each change reads "field before → after"; they are joined with "; "
  setupField: {
    description: '描述',
    completed: '完成度',
    chances: '成功几率',
    quoteRequired: '需要报价',
    allowSkip: '可跳过',
    dateFormula: '日期公式',
    activity: '活动',
    calculation: '概率计算',
    name: '名称',
    company: '公司',
    customer: '客户',
  },
  setupChange: (field: string, before: string, after: string) => `${field}：${before} → ${after}`,
  setupNone: '无',
  quoted: (text: string) => `“${text}”`,
  setupUnchanged: '未做任何更改：原本就是这些值。',
  cycleEdited: (code: string, changes: string, calculationChanged: boolean) =>
    `已更改销售周期 ${code}：${changes}。${calculationChanged ? '商机保留其各条记录创建时的概率；新的计算方式从各商机的下一次变更起生效。' : ''}`,
  stageEdited: (cycle: string, stage: number, changes: string) =>
    `已更改销售周期 ${cycle} 的阶段 ${stage}：${changes}。已有的记录保留原有数值；新值从下一次进入或在此阶段更新时起生效。`,
  codeEdited: (code: string, changes: string) => `已更改商机关闭代码 ${code}：${changes}。`,
  contactEdited: (name: string, no: string, changes: string, handedOver: number, oldCompany: string | null) =>
    `已更改联系人 ${name}（${no}）：${changes}。` +
    (handedOver > 0 && oldCompany !== null
      ? m(
          '此人在 {company} 的 {n, plural, other {# 个商机}}仍留在 {company}，现以该公司为联系人（连同其历史记录、任务、报价和订单），与 Business Central 中一样。',
          { n: handedOver, company: oldCompany },
        )
      : ''),
  cycleBlocked: (code: string, blocked: boolean) =>
    blocked
      ? `销售周期 ${code} 已冻结：新商机不能再使用它；已在使用它的商机照常进行。`
      : `销售周期 ${code} 已解除冻结：新商机可以再次使用它。`,
  cycleDeleted: (code: string) => `已删除销售周期 ${code} 及其阶段。`,
  stageDeleted: (cycle: string, stage: number) => `已从销售周期 ${cycle} 中删除阶段 ${stage}。`,
  codeDeleted: (code: string) => `已删除商机关闭代码 ${code}。`,
  contactAdded: (name: string, no: string, customerNo: string | null) =>
    `已添加联系人 ${name}（${no}）${customerNo ? `，并创建了客户 ${customerNo}` : ''}。`,
  customerAdded: (name: string, no: string, created: boolean) =>
    created ? `已为 ${name} 创建客户 ${no}。` : `${name} 已经是客户 ${no}。`,
  activityAdded: (code: string, steps: number) =>
    m('已添加活动 {code}，共 {steps, plural, other {# 个步骤}}。', { code, steps }),
  activityList: (lines: string[]) =>
    lines.length
      ? `*活动*\n${lines.join('\n')}`
      : '尚无活动。使用 `/opp activity add &lt;代码&gt; &lt;描述&gt; step:"致电;1W"` 添加一个。',
  activityLine: (code: string, description: string, steps: string) =>
    `• *${code}* ${description}${steps ? ` — ${steps}` : ''}`,
  created: (no: string) => `已创建商机 ${no}。`,
  moved: (no: string) => `已更新商机 ${no}。`,
  /** The direct message a new salesperson gets when someone else gives them an opportunity. */
  reassignedToYou: (actor: string, no: string, description: string, from: string | null) =>
    `${actor} 已将您设为 *${no}* ${description} 的销售人员${from ? `（原销售人员为 ${from}）` : ''}。 \`/opp show ${no}\` 可查看该商机。`,
  reassignedFallback: (no: string) => `您现在是 ${no} 的销售人员。`,
  deleted: (no: string, description: string) => `已删除商机 ${no}（${description}）及其历史记录。`,
  purged: (count: number) => m('已删除 {count, plural, other {# 个已关闭的商机}}。', { count }),
  purgeCancelled: '未删除任何内容。',
  purgeExpired: '此确认已过期，因此未删除任何内容。再次运行 `/opp purge` 查看将被删除的内容。',
  wonAnnouncement: (person: string, no: string, description: string, amount: string) =>
    `:tada: ${person} 赢得了 ${no} ${description}（${amount}）。`,
  quoteAnnouncement: (person: string, quoteNo: string, no: string, description: string, amount: string) =>
    `:page_facing_up: ${person} 为 ${no} ${description} 创建了销售报价 ${quoteNo}（${amount}）。`,
  orderAnnouncement: (person: string, orderNo: string, no: string, amount: string) =>
    `:package: ${person} 根据 ${no} 的报价生成了销售订单 ${orderNo}（${amount}）。`,
  digestPosted: '销售管道摘要已发布到此频道。',
  digestDelayed: (reason: string) => `暂时无法发布摘要（${reason}）；我稍后会再试。`,
  digestRateLimited: 'Slack 要求我们放慢速度',
  subscribed: (channel: string, schedule: string, next: string) =>
    `${channel} 将于${schedule}收到销售管道摘要。下一次：${next}。`,
  subscriptionReplaced: (channel: string, schedule: string, cycle: string | null) =>
    `它取代了 ${channel} 原有的${schedule}摘要${cycle ? `（销售周期 ${cycle}）` : ''}：每个频道只有一个计划。`,
  unsubscribed: (channel: string) => `${channel} 将不再收到定期摘要。`,
  notSubscribed: (channel: string) => `${channel} 没有定期摘要，因此未做任何更改。`,
  noSubscriptions: '尚无频道设置定期摘要。使用 `/opp subscribe #channel weekly day:monday at:08:00` 开始一个。',
  subscriptionsTitle: '*定期摘要*',
  subscriptionLine: (channel: string, schedule: string, cycle: string | null, next: string) =>
    `• ${channel} ${schedule}${cycle ? `（销售周期 ${cycle}）` : ''} — 下一次：${next}`,
  scheduleDaily: (at: string, zone: string) => `每天 ${at}（${zone}）`,
  scheduleWeekly: (weekday: string, at: string, zone: string) => `每${weekday} ${at}（${zone}）`,
  scheduleMonthly: (day: number, at: string, zone: string) =>
    `每月${day >= 31 ? '最后一天' : ` ${day} 日`} ${at}（${zone}）`,
  weekdays: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  exported: (count: number) => m('已导出 {count, plural, other {# 个商机}}：CSV 文件在您与本应用的私信中。', { count }),
  exportSent: (count: number) => m('您的导出：{count, plural, other {# 个商机}}，CSV 文件格式。', { count }),
  exportTitle: (date: string) => `商机 ${date}`,
  exportFailed: 'Slack 暂时没有接收该 CSV 文件，因此没有向您发送任何内容。请稍后重新导出。',
  firstAdmin:
    '此工作区此前没有管理员，因此您现在是它的管理员：由您设置销售周期、代码和联系人，并使用 `/opp role @user admin|manager|rep` 为成员分配角色，使用 `/opp roles` 可查看当前角色。',
  roleGranted: (person: string, role: 'admin' | 'manager' | 'rep') => `${person} 现在是此工作区的${roleName(role)}。`,
  roleUnchanged: (person: string, role: 'admin' | 'manager' | 'rep') =>
    `${person} 已经是${roleName(role)}，因此未做任何更改。`,
  /** Admins and managers as mentions. */
  roles: (admins: string[], managers: string[]) =>
    [
      '*此工作区的角色*',
      `管理员：${mentions(admins)}`,
      `经理：${mentions(managers)}`,
      '其他所有人都是销售代表。管理员可使用 `/opp role @user admin|manager|rep` 更改角色。',
    ].join('\n'),
  settings: (s: ShownSettings) =>
    [
      '*此工作区的设置*',
      `• 销售代表只能看到自己的商机：${s.repsSeeOnlyOwn ? '是' : '否'}（使用 \`reps-see-own:${s.repsSeeOnlyOwn ? 'no' : 'yes'}\` 更改）`,
      `• 销售代表和经理可以添加联系人：${s.repsAddContacts ? '是' : '否，仅限管理员'}（使用 \`reps-add-contacts:${s.repsAddContacts ? 'no' : 'yes'}\` 更改）`,
      `• 金额的币种：${s.currency}（使用 \`currency:EUR\` 等更改）`,
      `• 新商机的默认销售周期：${s.defaultSalesCycleCode ?? '无'}（使用 \`default-cycle:&lt;代码&gt;\` 或 \`default-cycle:none\` 更改）`,
      `• 商机 ${m('{n, plural, other {# 天}}', { n: s.staleDays })}无更改后，摘要将其视为停滞（使用 \`stale-days:&lt;天数&gt;\` 更改）`,
      `• 频道消息的语言：${s.language}（ \`language:zh\` ；频道可用 \`/opp language #频道 zh\` 选择自己的语言）`,
      '管理员可使用 `/opp setting &lt;键&gt;:&lt;值&gt;` 更改这些设置，也可一次更改多项。',
    ].join('\n'),
  repsSeeOwnChanged: (repsSeeOnlyOwn: boolean) =>
    repsSeeOnlyOwn
      ? '销售代表现在只能看到自己担任销售人员的商机；经理和管理员仍可看到全部商机。'
      : '销售代表现在又可以看到工作区的所有商机（但仍只能更改自己的商机）。',
  repsAddContactsChanged: (repsAddContacts: boolean) =>
    repsAddContacts
      ? '销售代表和经理现在可以添加联系人（ `/opp contact add` ），新的潜在客户无需等待管理员。'
      : '现在只有管理员可以添加联系人；销售代表和经理从现有联系人中选择。',
  languageChanged: (language: string) => `未选择语言的频道现在以${language}接收摘要和公告。`,
  languageShown: (yours: string, chosen: boolean, channel: string | null, channelLanguage: string | null) =>
    [
      chosen
        ? `我按您的选择用${yours}回复您（ \`/opp language auto\` 可恢复跟随 Slack 的语言）。`
        : `我用您的 Slack 语言${yours}回复您（例如 \`/opp language en\` 可选择其他语言）。`,
      channel && channelLanguage ? `${channel} 中的摘要和公告使用${channelLanguage}。` : null,
      '语言： `en`、 `fr`、 `it`、 `nb`、 `zh`。经理和管理员可用 `/opp language #频道 zh` 选择频道的语言。',
    ]
      .filter((line) => line !== null)
      .join('\n'),
  languageChosen: (language: string) => `从现在起我用${language}回复您。`,
  languageAuto: (language: string) => `我将重新跟随您的 Slack 语言：${language}。`,
  channelLanguageChosen: (channel: string, language: string) => `${channel} 中的摘要和公告今后将使用${language}。`,
  channelLanguageAuto: (channel: string, language: string) =>
    `${channel} 不再有自己的语言：其摘要和公告跟随工作区的语言（${language}）。`,
  currencyChanged: (currency: string) => `金额现在以 ${currency} 显示。`,
  defaultCycleChanged: (code: string | null) =>
    code === null
      ? '新商机现在没有默认销售周期：存在多个周期时，由用户自行选择。'
      : `除非另行选择，新商机现在将使用销售周期 ${code}。`,
  staleDaysChanged: (days: number) =>
    m('商机 {days, plural, other {# 天}}无更改后，摘要现在会将其视为停滞。', { days }),
  workspaceDeleted: (opportunities: number, contacts: number) =>
    m(
      '此工作区的所有销售管道数据均已删除：{opportunities, plural, other {# 个商机}}、{contacts, plural, other {# 个联系人}}，以及基础设置、订阅、角色和工作区设置。与新工作区一样，下一个使用 /opp 的人将成为管理员。',
      { opportunities, contacts },
    ),
  workspaceDeleteCancelled: '未删除任何内容。',
  workspaceDeleteExpired:
    '此确认已过期或已被使用，因此未删除任何内容。如果您仍要删除，请再次运行 `/opp workspace delete` 命令。',
  // ---- channel alerts (`/opp alert …`) and the messages they post
  alerts: {
    added: (id: number, channel: string, kinds: string, filters: string) =>
      `提醒 ${id}：商机发生以下变化时，${channel} 会收到消息：${kinds}（${filters}）。同一商机在一分钟内的多次更改合并为一条消息。 \`/opp alert remove ${id}\` 可停止此提醒。`,
    removed: (id: number, channel: string) => `提醒 ${id} 已删除：${channel} 将不再收到这些更改的消息。`,
    none: '还没有频道设置提醒。可用 `/opp alert #deals won lost value:&gt;50k` 设置第一个提醒。',
    title: '*频道提醒*',
    line: (id: number, channel: string, kinds: string, filters: string) =>
      `• *${id}* ${channel}：${kinds}（${filters}）`,
    lineDisabled: (id: number, channel: string, kinds: string, filters: string, since: string) =>
      `• *${id}* ${channel}：${kinds}（${filters}）— 自 ${since} 起已停用：我无法再在该频道中发布消息`,
    kinds: { created: '创建', stage: '转到其他阶段', won: '赢单', lost: '丢单', reassigned: '重新分配' },
    kindSeparator: '、',
    everyOpportunity: '所有商机',
    valueAbove: (amount: string) => `估计值高于 ${amount}`,
    valueAtLeast: (amount: string) => `估计值不低于 ${amount}`,
    valueBelow: (amount: string) => `估计值低于 ${amount}`,
    valueAtMost: (amount: string) => `估计值不高于 ${amount}`,
    cycleFilter: (code: string) => `销售周期 ${code}`,
    ownerFilter: (person: string) => `销售人员 ${person}`,
    filterSeparator: ' · ',
    someone: '有人',
    created: (person: string, no: string, description: string) => `:new: ${person} 创建了 *${no}* ${description}。`,
    moved: (person: string, no: string, description: string, stage: string) =>
      `:arrow_right: ${person} 已将 *${no}* ${description} 转到阶段 ${stage}。`,
    won: (person: string, no: string, description: string, amount: string) =>
      `:tada: ${person} 已将 *${no}* ${description} 以赢单关闭（${amount}）。`,
    lost: (person: string, no: string, description: string, amount: string) =>
      `:x: ${person} 已将 *${no}* ${description} 以丢单关闭（${amount}）。`,
    reassigned: (person: string, no: string, description: string, to: string) =>
      `:bust_in_silhouette: ${person} 已将 *${no}* ${description} 交给 ${to}。`,
    figures: (stage: string, value: string, weighted: string, closing: string, owner: string) =>
      `阶段：${stage} · 估计值：${value} · 加权值：${weighted} · 关闭日期：${closing} · 销售人员：${owner}`,
    fallback: (no: string, description: string) => `销售管道提醒：${no} ${description}`,
    disabledForAdmins: (id: number, channel: string, reason: string) =>
      `${channel} 的提醒 ${id} 已停用：我无法再在该频道中发布消息（Slack 返回 \`${reason}\` ；该频道已被归档或删除，或者我已被移出该频道）。请重新邀请我，并用 \`/opp alert\` 重新设置，或用 \`/opp alert remove ${id}\` 将其删除。`,
  },
} as const;

export const notices = trusted(chinese);

function roleName(role: 'admin' | 'manager' | 'rep'): string {
  return role === 'admin' ? '管理员' : role === 'manager' ? '经理' : '销售代表';
}

function mentions(people: string[]): string {
  return people.length === 0 ? '无' : people.join('、');
}
