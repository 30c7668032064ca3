// Simplified Chinese sentences for every mistake a user can make in `/opp` text (Slack mrkdwn). Code spans
// are kept apart from Chinese characters and full-width punctuation by a space, or Slack does not render them.
import type { Formatter } from '../format.ts';
import { catalogueText, escapeFields, escapeText, type Markup } from '../markup.ts';
import { Decimal } from '../../domain/decimal.ts';
import { AMOUNT_RULES, PERCENT_RULES, QUANTITY_RULES } from '../../domain/amounts.ts';
import type { NumberIssue, NumberRules } from '../../domain/amounts.ts';
import type { ArgumentName, Field, InputProblem } from '../../domain/input-problems.ts';

function assertNever(value: never): never {
  throw new Error(`unhandled input problem: ${JSON.stringify(value)}`);
}

/** User text inside `code` spans: no backticks (they would end the span), Slack's &, <, > escaped. */
function code(text: string): string {
  const safe = escapeText(text.replace(/`/g, "'").replace(/\s+/g, ' '));
  return safe.trim() === '' ? '（空）' : `\`${safe}\``;
}

const key = (name: string): string => code(`${name}:`);

function list(items: readonly string[], conjunction: 'and' | 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction === 'and' ? '和' : '或'} ${items[items.length - 1] ?? ''}`;
}

/** A number written out in full, grouped as the reader's locale does: "999,999,999,999.99". */
type Grouped = (decimal: string) => string;

const ARGUMENTS: Record<ArgumentName, { name: string; hint: string }> = {
  'opportunity-no': { name: '商机编号', hint: '（例如 `OP00001` ）' },
  code: { name: '代码', hint: '（最多 10 个字母或数字）' },
  description: { name: '描述', hint: '' },
  cycle: { name: '销售周期代码', hint: '（ `/opp cycle list` 可列出此工作区的销售周期）' },
  'stage-no': { name: '阶段编号', hint: '（例如 `2` ）' },
  outcome: { name: '结果', hint: '（ `won` 或 `lost` ）' },
  'contact-name': { name: '联系人名称', hint: '' },
  'contact-type': { name: '联系人类型', hint: '（名称后面跟 `company` 或 `person` ）' },
  contact: { name: '联系人', hint: '（公司联系人的名称或编号）' },
  scope: { name: '列表范围', hint: '（ `mine` 、 `all` 或 `@user` ）' },
  channel: { name: '频道', hint: '（输入 `#` 后选择频道）' },
  frequency: { name: '频率', hint: '（ `daily` 、 `weekly` 或 `monthly` ）' },
  user: { name: '用户', hint: '（输入 `@` 后选择人员）' },
  role: { name: '角色', hint: '（ `admin` 、 `manager` 或 `rep` ）' },
  search: { name: '搜索文本', hint: '' },
  language: { name: '语言', hint: '（`en`、`fr`、`it`、`nb`、`zh` 或 `auto`）' },
  note: { name: '备注', hint: '（发生了什么，写在商机编号之后）' },
  'stats-target': {
    name: '商机编号或销售周期',
    hint: '（ `/opp stats &lt;商机编号&gt;` ，或 `/opp stats cycle:&lt;代码&gt;` ，代码可从 `/opp cycle list` 获取）',
  },
  'alert-kind': { name: '提醒类型', hint: '（ `created` 、 `stage` 、 `won` 、 `lost` 、 `reassigned` 或 `all` ）' },
  'alert-no': { name: '提醒编号', hint: '（ `/opp alerts` 会列出所有提醒）' },
};

/** The field as the subject of a sentence: "`close:` " or "阶段编号" (a code span keeps a space after it). */
function subject(field: Field): string {
  return field.type === 'key' ? `${key(field.key)} ` : ARGUMENTS[field.name].name;
}

/** The field inside a sentence: " `close:` " or "阶段编号" (a code span keeps spaces around it). */
function field(f: Field): string {
  return f.type === 'key' ? ` ${key(f.key)} ` : ARGUMENTS[f.name].name;
}

/** Where to find examples: the problem's help topic (set by the parser), or help as a whole. */
function helpPointer(topic?: string): string {
  return topic === undefined ? '输入 `/opp help` 查看示例。' : `输入 \`/opp help ${topic}\` 查看示例。`;
}

function didYouMean(suggestion: string | undefined, asKey = false): string {
  if (suggestion === undefined) return '';
  return ` 您是指 ${asKey ? key(suggestion) : code(suggestion)} 吗？`;
}

function rangeText(rules: NumberRules, grouped: Grouped): string {
  return `在 ${grouped(rules.min.toFixed())} 到 ${grouped(rules.max.toFixed())} 之间`;
}

function numberIssueText(
  what: string,
  value: string,
  issue: NumberIssue | undefined,
  rules: NumberRules,
  grouped: Grouped,
): string {
  switch (issue) {
    case undefined:
    case 'not-a-number':
      return `${what} ${code(value)} 不是数字。`;
    case 'ambiguous':
      return `${what} ${code(value)} 既可能是小数也可能是千位分隔；请去掉点号，或最多写 ${rules.maxDecimals} 位小数。`;
    case 'too-many-decimals':
      return `${what} ${code(value)} 的小数超过 ${rules.maxDecimals} 位。`;
    case 'out-of-range':
      return `${what} ${code(value)} 必须${rangeText(rules, grouped)}。`;
    default:
      return assertNever(issue);
  }
}

/**
 * One sentence (or two) saying exactly what is wrong and where to find examples. Every text in it that
 * came from a person is escaped first; its numbers are written by the reader's formatter.
 */
export function describeInputProblem(p: InputProblem, format: Formatter): Markup {
  return catalogueText(sentence(escapeFields(p), format));
}

function sentence(p: InputProblem, format: Formatter): string {
  const grouped: Grouped = (decimal) => {
    try {
      return format.groupedNumber(new Decimal(decimal));
    } catch {
      return decimal; // not a number (a problem made up by hand): shown as it is
    }
  };
  switch (p.kind) {
    case 'text-too-long':
      return `您的命令有 ${grouped(String(p.length))} 个字符； \`/opp\` 最多接受 ${grouped(String(p.max))} 个字符。${helpPointer()}`;
    case 'unknown-subcommand':
      return `${code(p.word)} 不是 \`/opp\` 命令。${didYouMean(p.suggestion)} 输入 \`/opp help\` 查看命令列表。`;
    case 'unknown-action': {
      const options = list(p.allowed.map(code), 'or');
      const start =
        p.word === undefined
          ? `\`/opp ${p.subcommand}\` 后面需要跟 ${options} 。`
          : `\`/opp ${p.subcommand}\` 不认识 ${code(p.word)} ；请使用 ${options} 。`;
      return `${start}${didYouMean(p.suggestion)} ${helpPointer(p.helpTopic)}`;
    }
    case 'unknown-help-topic':
      return `没有帮助主题 ${code(p.topic)} 。${didYouMean(p.suggestion)} 输入 \`/opp help\` 查看主题列表。`;
    case 'unknown-key': {
      const accepted =
        p.allowed.length === 0
          ? `\`/opp ${p.subcommand}\` 不接受任何键，因此无法识别 ${key(p.key)} 。`
          : `\`/opp ${p.subcommand}\` 没有键 ${key(p.key)} ；它接受 ${list(p.allowed.map(key), 'and')} 。`;
      return `${accepted}${didYouMean(p.suggestion, true)} ${helpPointer(p.helpTopic)}`;
    }
    case 'duplicate-key':
      return `您多次给出了 ${key(p.key)} ；它只能出现一次。${helpPointer()}`;
    case 'missing-value':
      return `${key(p.key)} 后面没有值；请将值紧跟在冒号后面（如果值中含有冒号，请用引号括起来）。${helpPointer()}`;
    case 'missing-argument': {
      const argument = ARGUMENTS[p.what];
      return `\`/opp ${p.subcommand}\` 需要${argument.name}${argument.hint}。用法： ${code(p.usage)} 。${helpPointer(p.helpTopic)}`;
    }
    case 'missing-keys':
      return `\`/opp ${p.subcommand}\` 需要 ${list(p.keys.map(key), 'and')} 。用法： ${code(p.usage)} 。${helpPointer(p.helpTopic)}`;
    case 'nothing-to-change':
      return `\`/opp ${p.subcommand}\` 至少需要 ${list(p.keys.map(key), 'or')} 中的一项。${helpPointer(p.helpTopic)}`;
    case 'unexpected-text':
      return `\`/opp ${p.subcommand}\` 在此处不应出现 ${code(p.text)} 。用法： ${code(p.usage)} 。${helpPointer(p.helpTopic)}`;
    case 'conflicting-arguments':
      return `\`/opp ${p.subcommand}\` 只接受 ${code(p.first)} 或 ${code(p.second)} 之一，不能同时使用。${helpPointer(p.helpTopic)}`;
    case 'key-not-applicable': {
      const reason = p.reason;
      switch (reason) {
        case 'weekly-only':
          return `${key(p.key)} 只适用于 \`weekly\` 订阅；请删除它，或改为 \`weekly\` 订阅。${helpPointer('subscribe')}`;
        case 'person-only':
          return `${key(p.key)} 只适用于 \`person\` 联系人（它指定此人所属的公司）。${helpPointer('contact')}`;
        default:
          return assertNever(reason);
      }
    }
    case 'unbalanced-quote':
      return `从 ${code(p.text)} 开始的引号没有闭合；请加上闭合引号。${helpPointer()}`;
    case 'text-after-quote':
      return `${code(p.text)} 中的闭合引号后面紧跟着其他文本；请在引号后加一个空格，或将该文本移到引号内。${helpPointer()}`;
    case 'too-many':
      return `您给出的 ${key(p.key)} 值超过 ${p.max} 个；最多 ${p.max} 个。${helpPointer()}`;
    case 'too-long':
      return `${subject(p.field)}有 ${p.length} 个字符；最多 ${p.max} 个。${helpPointer()}`;
    case 'bad-number':
      return `${subject(p.field)}需要金额，例如 \`12000\` 、 \`12,000\` 或 \`12000.50\` ，而不是 ${code(p.text)} 。${helpPointer()}`;
    case 'other-currency':
      return `${subject(p.field)}的值 ${code(p.text)} 使用了其他货币，而此工作区的金额以 ${p.currency} 计：请以 ${p.currency} 填写，或不带货币符号。${helpPointer()}`;
    case 'ambiguous-number':
      return `在${field(p.field)}中， ${code(p.text)} 既可以理解为小数，也可以理解为千位分隔；请去掉点号（ \`12000\` ），或最多写 2 位小数（ \`12.00\` ）。${helpPointer()}`;
    case 'too-many-decimals':
      return `${subject(p.field)}最多 ${p.max} 位小数； ${code(p.text)} 超出了。${helpPointer()}`;
    case 'number-out-of-range':
      return `${subject(p.field)}必须在 ${grouped(p.min)} 到 ${grouped(p.max)} 之间； ${code(p.text)} 不在此范围内。${helpPointer()}`;
    case 'bad-percent':
      return `${subject(p.field)}需要百分比，例如 \`40\` 或 \`40%\` ，而不是 ${code(p.text)} 。${helpPointer()}`;
    case 'bad-integer':
      return `${subject(p.field)}必须是 ${grouped(String(p.min))} 到 ${grouped(String(p.max))} 之间的整数，而不是 ${code(p.text)} 。${helpPointer()}`;
    case 'bad-date':
      return `${subject(p.field)}需要日期，而 ${code(p.text)} 无法识别为日期；请尝试 \`今天\` 、 \`下周五\` 、 \`30天后\` 、 \`月底\` 或 \`2026-12-15\` 。输入 \`/opp help dates\` 了解更多。`;
    case 'bad-date-range':
      return `${key(p.fromKey)} （${p.from}）必须早于 ${key(p.toKey)} （${p.to}），否则不会有匹配的商机。${helpPointer()}`;
    case 'bad-date-formula':
      return `${subject(p.field)}需要日期公式，例如 \`2W\` 、 \`10D\` 、 \`1M\` 或 \`CM\` ，而不是 ${code(p.text)} 。${helpPointer()}`;
    case 'bad-opportunity-no':
      return `${code(p.text)} 不是商机编号；商机编号形如 \`OP00001\` 。${helpPointer()}`;
    case 'bad-code':
      return `${code(p.text)} 不能用作${field(p.field)}：代码只能包含字母、数字以及 \`.\` 、 \`_\` 、 \`/\` 和 \`-\` 。${helpPointer()}`;
    case 'bad-choice':
      return `${subject(p.field)}必须是 ${list(p.allowed.map(code), 'or')} ，而不是 ${code(p.text)} 。${helpPointer()}`;
    case 'bad-mention':
      return `${subject(p.field)}需要一个 @提及（输入 \`@\` 后从 Slack 的列表中选择人员），而不是 ${code(p.text)} 。${helpPointer()}`;
    case 'bad-channel':
      return `${subject(p.field)}需要一个频道引用（输入 \`#\` 后从 Slack 的列表中选择频道），而不是 ${code(p.text)} 。${helpPointer()}`;
    case 'bad-email':
      return `${subject(p.field)}需要电子邮件地址，例如 \`ann@acme.com\` ，而不是 ${code(p.text)} 。${helpPointer()}`;
    case 'bad-value-filter':
      return `${key('value')} 需要一个比较符和一个金额，例如 \`&gt;50k\` 、 \`&gt;=10000\` 或 \`&lt;5000\` ，而不是 ${code(p.text)} 。${helpPointer(p.helpTopic)}`;
    case 'bad-time':
      return `${subject(p.field)}需要时间，例如 \`09:00\` 或 \`17:30\` ，而不是 ${code(p.text)} 。${helpPointer()}`;
    case 'bad-time-zone':
      return `${subject(p.field)}需要时区名称，例如 \`Asia/Shanghai\` 或 \`Europe/Berlin\` ，而不是 ${code(p.text)} 。${helpPointer()}`;
    case 'bad-currency':
      return `${subject(p.field)}需要三个字母的币种代码，例如 \`CNY\` 或 \`EUR\` ，而不是 ${code(p.text)} 。${helpPointer()}`;
    case 'bad-quote-line': {
      const start = `报价行 ${p.index}（ ${code(p.text)} ）：`;
      const part = p.part;
      switch (part) {
        case 'format':
          return `${start}请写成 \`描述;数量;单价\` ，可选再加 \`;折扣 %\` ，例如 \`line:"许可证;10;1200;5"\` 。${helpPointer('quote')}`;
        case 'description':
          return `${start}描述 ${code(p.value)} 必须为 1 到 100 个字符。${helpPointer('quote')}`;
        case 'quantity':
          return `${start}${numberIssueText('数量', p.value, p.issue, QUANTITY_RULES, grouped)}${helpPointer('quote')}`;
        case 'unit-price':
          return `${start}${numberIssueText('单价', p.value, p.issue, AMOUNT_RULES, grouped)}${helpPointer('quote')}`;
        case 'discount':
          return `${start}${numberIssueText('折扣 %', p.value, p.issue, PERCENT_RULES, grouped)}${helpPointer('quote')}`;
        default:
          return assertNever(part);
      }
    }
    case 'bad-activity-step': {
      const start = `活动步骤 ${p.index}（ ${code(p.text)} ）：`;
      const part = p.part;
      switch (part) {
        case 'format':
          return `${start}请写成 \`描述;日期公式\` ，例如 \`step:"致电采购方;1W"\` 。${helpPointer('activity')}`;
        case 'description':
          return `${start}描述 ${code(p.value)} 必须为 1 到 100 个字符。${helpPointer('activity')}`;
        case 'formula':
          return `${start} ${code(p.value)} 不是日期公式，日期公式形如 \`0D\` 、 \`1W\` 或 \`CM\` 。${helpPointer('activity')}`;
        default:
          return assertNever(part);
      }
    }
    default:
      return assertNever(p);
  }
}
