// Simplified Chinese sentences for the rule problems, written for a sales rep: what went wrong and what to do.
import type { Formatter } from '../format.ts';
import { icuFor } from '../icu.ts';
import { catalogueText, escapeFields, type Markup } from '../markup.ts';
import type { Decimal } from '../../domain/decimal.ts';
import type { LocalDate } from '../../domain/local-date.ts';
import type { MoveAction, OpportunityStatus } from '../../domain/opportunity.ts';
import type { GuardedAction } from '../../domain/permissions.ts';
import {
  assertNever,
  type CodeEntity,
  type DuplicateEntity,
  type PercentField,
  type PositiveField,
  type Problem,
  type QuoteLineField,
  type RequiredField,
  type TextField,
} from '../../domain/problems.ts';

/**
 * The sentence for a problem; every text in it that came from a person is escaped first, and its dates
 * are written by the reader's formatter.
 */
const m = icuFor('zh');

export function describeRuleProblem(problem: Problem, format: Formatter): Markup {
  return catalogueText(sentence(escapeFields(problem), format));
}

function sentence(problem: Problem, format: Formatter): string {
  const formatDate = (date: LocalDate): string => format.date(date);
  switch (problem.kind) {
    case 'action-not-available':
      if (problem.notStarted && problem.action !== 'first')
        return `商机 ${problem.opportunityNo} 尚未开始：请先激活其第一阶段（在其卡片上点击“激活第一阶段”，或使用 /opp move ${problem.opportunityNo}）。`;
      return `商机 ${problem.opportunityNo} 目前无法执行“${actionLabel(problem.action)}”：${actionHint(problem.action)}。`;
    case 'no-stages':
      return `销售周期 ${problem.cycle} 尚无阶段；请先为其添加阶段。`;
    case 'stage-not-allowed':
      if (problem.allowed.length === 0) return `“${actionLabel(problem.action)}”没有可转到的阶段。`;
      return Number.isFinite(problem.stage)
        ? `阶段 ${problem.stage} 不是“${actionLabel(problem.action)}”的有效目标；请从 ${problem.allowed.join('、')} 中选择。`
        : `请为“${actionLabel(problem.action)}”选择一个阶段：${problem.allowed.join('、')} 之一。`;
    case 'quote-required':
      return `必须先为商机分配销售报价，才能转到阶段 ${stageName(problem.stage, problem.stageDescription)}。`;
    case 'date-of-change-before-last':
      return `更改日期（${formatDate(problem.dateOfChange)}）不能早于上次的更改日期（${formatDate(problem.lastDateOfChange)}）。`;
    case 'must-be-positive':
      if (problem.untypedOn !== undefined)
        return `商机 ${problem.untypedOn} 尚无估计值，而估计值必须大于 0 才能继续推进：请在其卡片上点击“更新”填写，或使用 /opp update ${problem.untypedOn} value:25000。`;
      return `${positiveLabel(problem.field)}必须大于 0。`;
    case 'percent-out-of-range':
      return `${percentLabel(problem.field)}必须在 0 到 100 之间，最多 2 位小数（您输入的是 ${formatPercent(problem.value)}）。`;
    case 'completed-not-whole':
      return `阶段的完成 % 必须是整数（您输入的是 ${formatPercent(problem.value)}）。`;
    case 'close-date-before-change':
      return `预计关闭日期（${formatDate(problem.estimatedCloseDate)}）不能早于更改日期（${formatDate(problem.dateOfChange)}）。`;
    case 'close-date-before-today':
      return `预计关闭日期（${formatDate(problem.estimatedCloseDate)}）不能早于今天（${formatDate(problem.today)}）。`;
    case 'opportunity-closed':
      return `商机 ${problem.opportunityNo} 已以${problem.status === 'won' ? '赢单' : '丢单'}关闭，无法再更改。`;
    case 'already-started':
      return `商机 ${problem.opportunityNo} 已经开始，因此不能再次激活其第一阶段。`;
    case 'sales-cycle-locked':
      return `商机 ${problem.opportunityNo} 的销售周期只能在商机开始之前更改。`;
    case 'sales-cycle-blocked':
      return `销售周期 ${problem.code} 已冻结，因此不能用于商机。`;
    case 'required':
      return requiredSentence(problem.field);
    case 'too-long':
      return `${textLabel(problem.field)}最多只能有 ${problem.max} 个字符。`;
    case 'code-invalid':
      return `“${problem.code}”不是有效的${codeLabel(problem.entity)}代码：请使用 1 到 ${problem.max} 个字符，不含空格。`;
    case 'stage-number-invalid':
      return `阶段编号必须是大于或等于 1 的整数（您输入的是 ${problem.value}）。`;
    case 'bad-date-formula':
      return `“${problem.text}”不是日期公式。请使用 10D、2W、1M、1Q、1Y 或 CM（月末）等项，用 + 或 - 连接，例如 1M+CM。`;
    case 'close-code-wrong-type':
      return `商机关闭代码 ${problem.code} 用于${outcomeLabel(problem.codeType)}的商机，因此不能用于以${outcomeLabel(problem.outcome)}关闭。`;
    case 'closing-date-before-last-change':
      return `关闭日期（${formatDate(problem.closingDate)}）不能早于上次更改（${formatDate(problem.lastChange)}）。`;
    case 'contact-has-no-company':
      return `在 ${problem.name}（${problem.contactNo}）隶属于某个公司之前，无法由其创建客户；请先将此人关联到公司。`;
    case 'contact-other-company':
      return `${problem.name}（${problem.contactNo}）隶属于其他公司；商机开始后，其联系人只能在同一公司内更改。`;
    case 'contact-company-not-company':
      return `联系人 ${problem.companyNo} 是个人而非公司，因此任何人都不能隶属于它。`;
    case 'company-cannot-have-company':
      return `${problem.name} 是公司，因此不能隶属于其他公司。`;
    case 'customer-has-documents':
      return `${problem.name}（${problem.contactNo}）的客户 ${problem.customerNo} 有 ${m('{n, plural, other {# 份报价或订单}}', { n: problem.documents })}，因此仍与该联系人关联。`;
    case 'quote-already-exists':
      return `商机 ${problem.opportunityNo} 已分配销售报价；每个商机最多只有一个报价。`;
    case 'quote-needs-in-progress':
      return `商机 ${problem.opportunityNo} 必须处于进行中才能创建销售报价（当前状态：${statusLabel(problem.status)}）。`;
    case 'quote-needs-company-contact':
      return `只能为公司联系人（或隶属于公司的个人）创建报价；${problem.name}（${problem.contactNo}）没有所属公司。`;
    case 'quote-line-invalid':
      return `第 ${problem.line} 行：${quoteLineRule(problem.field)}。`;
    case 'quote-too-many-lines':
      return `一个报价最多可有 ${problem.max} 行（此报价有 ${problem.count} 行）。`;
    case 'make-order-not-started':
      return `商机 ${problem.opportunityNo} 尚未开始，因此没有可转换为订单的报价。`;
    case 'delete-in-progress':
      return `商机 ${problem.opportunityNo} 正在进行中，无法删除；请先以赢单或丢单关闭。`;
    case 'task-not-open':
      return `任务 ${problem.taskId} 已${problem.status === 'completed' ? '完成' : '取消'}；未做任何更改。`;
    case 'postpone-not-later':
      return `任务 ${problem.taskId} 的到期日是 ${formatDate(problem.date)}：请选择比它更晚的日期（您选择的是 ${formatDate(problem.newDate)}）。`;
    case 'quote-replace-needs-in-progress':
      return `商机 ${problem.opportunityNo} ${problem.status === 'not_started' ? '尚未开始' : problem.status === 'won' ? '已赢单' : '已丢单'}：只有在商机进行中时才能替换其报价。`;
    case 'purge-range-empty':
      return `${formatDate(problem.closedAfter)} 之后、${formatDate(problem.closedBefore)} 之前没有任何日期；请扩大关闭日期范围。`;
    case 'opportunity-not-found':
      return `不存在商机 ${problem.no}。`;
    case 'sales-cycle-not-found':
      return `不存在销售周期 ${problem.code}。`;
    case 'stage-not-found':
      return `销售周期 ${problem.cycle} 中没有阶段 ${problem.stage}。`;
    case 'close-code-not-found':
      return `不存在商机关闭代码 ${problem.code}。`;
    case 'contact-not-found':
      return `没有与“${problem.text}”匹配的联系人。`;
    case 'contact-ambiguous':
      return `“${problem.text}”匹配多个联系人（${listSome(problem.candidates)}）；请输入更具体的内容。`;
    case 'salesperson-not-found':
      return `没有与“${problem.text}”匹配的销售人员。`;
    case 'salesperson-blocked':
      return `销售人员 ${problem.name} 已冻结，不能分配给商机。`;
    case 'customer-not-found':
      return `没有与“${problem.text}”匹配的客户。`;
    case 'activity-not-found':
      return `不存在代码为 ${problem.code} 的活动；请先使用 /opp activity add 添加。`;
    case 'duplicate':
      return `${duplicateLabel(problem.entity)} ${problem.key} 已存在。`;
    case 'changed-meanwhile':
      return `商机 ${problem.opportunityNo} 在此期间已被他人更改；请查看后重试。`;
    case 'sales-cycle-referenced':
      return `销售周期 ${problem.code} 仍是 ${m('{n, plural, other {# 个已关闭或未开始的商机}}', { n: problem.count })}的销售周期，因此无法删除；这些商机的历史记录仍需要它。`;
    case 'sales-cycle-in-use':
      return `销售周期 ${problem.code} 仍有 ${m('{n, plural, other {# 个未关闭的商机}}', { n: problem.openCount })}，因此无法删除。`;
    case 'stage-in-use':
      return `销售周期 ${problem.cycle} 的阶段 ${problem.stage} 上仍有商机，因此无法删除。`;
    case 'close-code-in-use':
      return `商机关闭代码 ${problem.code} 已使用 ${m('{n, plural, other {# 次}}', { n: problem.entryCount })}，因此无法删除（机器人会保持已关闭商机的代码有效）。`;
    case 'quote-not-found':
      return `商机 ${problem.opportunityNo} 没有分配销售报价。`;
    case 'task-not-found':
      return `不存在任务 ${problem.taskId}。`;
    case 'quote-has-no-lines':
      return '报价至少需要一行。';
    case 'workspace-not-set-up':
      return '此工作区尚未设置；请让管理员先完成设置。';
    case 'nothing-to-purge':
      return '没有符合该筛选条件的已关闭商机，因此未删除任何内容。';
    case 'nothing-edited':
      return `商机 ${problem.opportunityNo} 已经是这些值，因此未做任何更改。`;
    case 'nothing-found':
      return `没有您可查看的商机与“${problem.text}”匹配。请尝试更少或不同的字词，或使用 /opp list all。`;
    case 'not-allowed':
      return `只有${problem.role === 'admin' ? '管理员' : '经理和管理员'}才能${guardedActionText(problem.action, problem.opportunityNo)}；请联系管理员（参见 /opp roles）。`;
    case 'alert-channel-unusable':
      switch (problem.reason) {
        case 'not-a-channel':
          return '提醒只能发到频道：请指定一个频道（/opp alert #deals won lost），或直接在该频道中输入此命令。';
        case 'archived':
          return `我无法在 <#${problem.channelId}> 中发布消息：该频道已归档。请选择其他频道。`;
        case 'not-member':
          return `我还不能在 <#${problem.channelId}> 中发布消息：请先邀请我加入该频道（在频道中使用 /invite），然后重新设置提醒。`;
        case 'not-found':
          return `找不到 <#${problem.channelId}>：该频道可能已被删除，或者是我尚未加入的私有频道。请先邀请我加入。`;
        default:
          return assertNever(problem.reason);
      }
    case 'alert-person-unknown':
      return `无法按 <@${problem.slackUserId}> 筛选提醒：该用户不是此工作区中的人员（可能是已停用的帐户或应用）。请用 @ 选择一位销售人员。`;
    case 'alert-not-found':
      return `此工作区中没有编号为 ${problem.id} 的提醒；/opp alerts 会列出所有提醒及其编号。`;
    case 'last-admin':
      return `<@${problem.slackUserId}> 是此工作区唯一的管理员，因此未做任何更改；请先将其他人设为管理员（/opp role @user admin）。`;
    default:
      return assertNever(problem);
  }
}

/** A percentage as it was entered, every decimal kept, trailing zeros trimmed: "12.5", "40". */
export function formatPercent(value: Decimal): string {
  const fixed = value.toFixed();
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

function actionLabel(action: MoveAction): string {
  switch (action) {
    case 'first':
      return '激活第一阶段';
    case 'next':
      return '下一阶段';
    case 'previous':
      return '上一阶段';
    case 'skip':
      return '跳过';
    case 'jump':
      return '跳回';
    case 'update':
      return '更新';
    default:
      return assertNever(action);
  }
}

function actionHint(action: MoveAction): string {
  switch (action) {
    case 'first':
      return '它已经开始';
    case 'next':
      return '它已处于最后一个阶段，请改为以赢单或丢单关闭';
    case 'previous':
      return '它处于第一阶段';
    case 'skip':
      return '“跳过”要求下一阶段允许跳过，且至少有两个阶段可供选择';
    case 'jump':
      return '“跳回”要求至少有两个之前的阶段可供选择';
    case 'update':
      return '它尚未开始';
    default:
      return assertNever(action);
  }
}

function guardedActionText(action: GuardedAction, opportunityNo: string | undefined): string {
  switch (action) {
    case 'set-up-sales-cycles':
      return '设置销售周期';
    case 'set-up-stages':
      return '设置销售周期的阶段';
    case 'set-up-close-codes':
      return '设置商机关闭代码';
    case 'add-contact':
      return '在此工作区添加联系人（管理员可使用 `/opp setting reps-add-contacts:yes` 向所有人开放）';
    case 'edit-contact':
      return '更改联系人';
    case 'add-customer':
      return '由联系人创建客户';
    case 'add-activity':
      return '设置活动';
    case 'purge':
      return '批量清除已关闭的商机';
    case 'change-roles':
      return '为成员分配角色';
    case 'change-settings':
      return '更改工作区的设置';
    case 'delete-workspace':
      return '删除工作区的数据';
    case 'post-digest':
      return '发布销售管道摘要';
    case 'set-channel-language':
      return '选择频道消息的语言';
    case 'manage-subscriptions':
      return '安排定期销售管道摘要';
    case 'manage-alerts':
      return '设置频道提醒';
    case 'create-opportunity':
      return '为其他销售人员创建商机（请将自己指定为销售人员）';
    case 'change-opportunity':
      return opportunityNo ? `更改商机 ${opportunityNo}，因为其销售人员是其他人` : '更改由其他人担任销售人员的商机';
    case 'read-opportunity':
      return opportunityNo
        ? `查看商机 ${opportunityNo}，因为其销售人员是其他人，且此处的销售代表只能看到自己的商机`
        : '查看由其他人担任销售人员的商机：此处的销售代表只能看到自己的商机';
    case 'read-pipeline':
      return '查看所有商机的统计信息：此处的销售代表只能看到自己的商机';
    case 'change-task':
      return '完成或推迟其他人负责的任务';
    case 'read-tasks':
      return '查看其他人的任务';
    case 'reassign-opportunity':
      return opportunityNo ? `将商机 ${opportunityNo} 交给其他销售人员` : '将商机交给其他销售人员';
    default:
      return assertNever(action);
  }
}

function requiredSentence(field: RequiredField): string {
  switch (field) {
    case 'description':
      return '请填写描述。';
    case 'note':
      return '请填写备注。';
    case 'contact':
      return '必须指定商机所涉及的联系人。';
    case 'salesperson':
      return '请选择销售人员。';
    case 'sales-cycle':
      return '请选择销售周期。';
    case 'estimated-close-date':
      return '请填写预计关闭日期。';
    case 'outcome':
      return '请选择“赢单”或“丢单”。';
    case 'close-code':
      return '请选择商机关闭代码。';
    case 'name':
      return '请填写名称。';
    case 'code':
      return '请填写代码。';
    default:
      return assertNever(field);
  }
}

function positiveLabel(field: PositiveField): string {
  switch (field) {
    case 'estimated-value':
      return '估计值';
    case 'chances':
      return '成功几率';
    case 'sales-amount':
      return '要以赢单关闭，销售金额';
    default:
      return assertNever(field);
  }
}

function percentLabel(field: PercentField): string {
  switch (field) {
    case 'chances':
      return '成功几率';
    case 'completed':
      return '完成百分比';
    case 'discount':
      return '折扣';
    default:
      return assertNever(field);
  }
}

function textLabel(field: TextField): string {
  switch (field) {
    case 'note':
      return '备注';
    case 'description':
      return '描述';
    case 'name':
      return '名称';
    case 'code':
      return '代码';
    case 'email':
      return '电子邮件地址';
    case 'activity-code':
      return '活动代码';
    case 'date-formula':
      return '日期公式';
    default:
      return assertNever(field);
  }
}

function codeLabel(entity: CodeEntity): string {
  return entity === 'sales-cycle' ? '销售周期' : entity === 'activity' ? '活动' : '商机关闭';
}

function duplicateLabel(entity: DuplicateEntity): string {
  switch (entity) {
    case 'sales-cycle':
      return '销售周期';
    case 'stage':
      return '阶段';
    case 'close-code':
      return '商机关闭代码';
    case 'contact':
      return '联系人';
    case 'customer':
      return '客户';
    case 'activity':
      return '活动';
    default:
      return assertNever(entity);
  }
}

function quoteLineRule(field: QuoteLineField): string {
  switch (field) {
    case 'description':
      return '描述必须为 1 到 100 个字符';
    case 'quantity':
      return '数量必须大于 0，最多 4 位小数';
    case 'unit-price':
      return '单价不能为负数，最多 2 位小数';
    case 'discount':
      return '折扣必须在 0 到 100 % 之间，最多 2 位小数';
    default:
      return assertNever(field);
  }
}

function outcomeLabel(outcome: 'won' | 'lost'): string {
  return outcome === 'won' ? '赢单' : '丢单';
}

function statusLabel(status: OpportunityStatus): string {
  switch (status) {
    case 'not_started':
      return '未开始';
    case 'in_progress':
      return '进行中';
    case 'won':
      return '赢单';
    case 'lost':
      return '丢单';
    default:
      return assertNever(status);
  }
}

function stageName(stage: number, description: string): string {
  return description.trim() === '' ? String(stage) : `${stage}（${description}）`;
}

function listSome(items: readonly string[], max = 5): string {
  if (items.length <= max) return items.join('、');
  return `${items.slice(0, max).join('、')}，以及另外 ${items.length - max} 个`;
}
