// Simplified Chinese strings of a day's follow-up work: tasks (the card's open tasks, "我的任务" in App Home,
// `/opp tasks`, the Postpone form, the due-date reminder) and the linked sales quote (查看报价, its edit and
// replace forms). Template functions receive values already formatted and escaped where they go into mrkdwn.
// Slack markup is kept apart from Chinese characters and full-width punctuation by a space, or Slack does
// not render it. Part of the one catalogue.
import { icuFor } from '../icu.ts';
import { trusted } from '../markup.ts';

const m = icuFor('zh');
const openTasks = (n: number): string => m('{n, plural, other {# 个未完成的任务}}', { n });

const chinese = {
  tasks: {
    buttons: { complete: '完成', postpone: '推迟' },
    /** "*致电买方* · 到期日 2026年12月3日 · OP00012 车队续约 · 李安" (the parts that apply). */
    line: (parts: {
      description: string;
      date: string;
      overdue: boolean;
      opportunity: string | null;
      owner: string | null;
    }) =>
      [
        `*${parts.description}*`,
        parts.overdue ? `:warning: 已逾期，到期日 ${parts.date}` : `到期日 ${parts.date}`,
        parts.opportunity,
        parts.owner,
      ]
        .filter((p): p is string => p !== null)
        .join(' · '),
    opportunity: (no: string, description: string) => (description.trim() ? `${no} ${description}` : no),
    cardTitle: (count: number) => `*未完成的任务* （${count}）`,
    cardMore: (n: number, no: string) =>
      `…还有 ${n} 项。 \`/opp tasks\` 会列出您自己的任务；${no} 的销售人员可以看到全部。`,
    listTitle: { mine: '您未完成的任务', other: (user: string) => `${user} 未完成的任务` },
    listFallback: (count: number) => openTasks(count),
    listCount: (shown: number, total: number) =>
      shown === total ? openTasks(total) : `共 ${total} 个未完成的任务，显示最早到期的 ${shown} 个`,
    empty: {
      mine: '您没有未完成的任务。任务由销售周期各阶段的活动创建（ `/opp help activity` ）。',
      other: (user: string) => `${user} 没有未完成的任务。`,
    },
    homeTitle: '我的任务',
    homeEmpty: '没有未完成的任务。',
    homeMore: (n: number) => `…还有 ${n} 项，请使用 \`/opp tasks\` 查看。`,
    completed: (description: string) => `任务“${description}”已完成。`,
    postponed: (description: string, date: string) => `任务“${description}”的到期日已改为 ${date}。`,
    postpone: {
      title: '推迟任务',
      submit: '推迟',
      context: (line: string) => line,
      newDate: '新的到期日',
      newDatePlaceholder: '例如 下周五、3天后、12月20日',
      newDateHint: '须晚于当前的到期日，按您所在的时区解读。',
      badDate: '请输入日期，例如“下周五”、“3天后”或 2026-12-20。',
    },
    reminder: (parts: { description: string; date: string; today: boolean; opportunity: string | null }) =>
      `:alarm_clock: 任务 *${parts.description}* ${parts.today ? '今天到期' : `已于 ${parts.date} 到期`}${parts.opportunity ? `（${parts.opportunity}）` : ''}。`,
    reminderFallback: (description: string) => `任务到期：${description}`,
  },

  quote: {
    buttons: { view: '查看报价', edit: '编辑行', replace: '替换报价' },
    header: (quoteNo: string, opportunityNo: string) => `销售报价 ${quoteNo} · ${opportunityNo}`,
    about: (parts: { opportunity: string; customer: string; orderDate: string }) =>
      `商机 *${parts.opportunity}* · 客户 ${parts.customer} · 订单日期 ${parts.orderDate}`,
    line: (parts: {
      lineNo: number;
      description: string;
      quantity: string;
      unitPrice: string;
      discount: string | null;
      amount: string;
    }) =>
      `${parts.lineNo}. *${parts.description}* · ${parts.quantity} × ${parts.unitPrice}${parts.discount ? ` − ${parts.discount}` : ''} = ${parts.amount}`,
    total: (amount: string, lines: number) =>
      `*合计（不含增值税）：* ${amount} · ${m('{lines, plural, other {# 行}}', { lines })}`,
    fallback: (quoteNo: string, amount: string) => `销售报价 ${quoteNo}：${amount}`,
    noCustomer: '尚无',
    edited: (quoteNo: string, from: string, to: string) => `报价 ${quoteNo} 已更改：${from} → ${to}。`,
    replaced: (newNo: string, oldNo: string) => `报价 ${newNo} 现为该商机的报价；${oldNo} 仍然保留，但不再与其关联。`,
    editModal: {
      title: (no: string) => `编辑 ${no} 的报价`,
      submit: '保存行',
      context: (quoteNo: string, no: string) => `*${no}* 的报价 *${quoteNo}* 的各行。将某行留空即可删除该行。`,
    },
    replaceModal: {
      title: (no: string) => `${no} 的新报价`,
      submit: '替换报价',
      context: (quoteNo: string, no: string) => `*${no}* 新报价的各行。报价 ${quoteNo} 仍然保留，但不再与其关联。`,
    },
  },
} as const;

export const work = trusted(chinese);
