// Simplified Chinese phrases chrono-node's zh.hans locale does not read (checked with chrono-node 2.10.3):
// period ends and starts ("月底", "本月底", "年底", "季度末", "周末", "月初"), "下周" and "下个月" on
// their own, counts of weeks ("3周后", "三周后", "两周后"), and a bare day of the month ("15号").
// The relative days ("今天", "明天", "后天"…) and counts of days are read here as well: chrono's Chinese parsers
// take "today" from the process's clock zone instead of the reference's offset, so in a server far from
// Shanghai its "明天" is a day off.
// Weekdays of a named week ("下周五", "上周一", "本周三") are read here too, on Monday–Sunday weeks: chrono
// counts weeks from Sunday, so on a Sunday its "下周五" is twelve days away instead of five.
// Traditional characters of these words (週, 個, 後, 兩…) are read as their Simplified forms.
import type { Parser } from 'chrono-node';
import type { PeriodUnit, ShiftUnit } from './calendar.ts';
import { dayOfMonth, periodEdge, shiftDate, weekdayOfWeek } from './calendar.ts';
import { alternation, lookup, phraseParser } from './chrono-support.ts';

const TRADITIONAL: Readonly<Record<string, string>> = {
  週: '周',
  個: '个',
  後: '后',
  兩: '两',
  禮: '礼',
  這: '这',
  號: '号',
  來: '来',
  內: '内',
  無: '无',
  開: '开',
  當: '当',
};

/** The date words of Traditional script in their Simplified form ("下週五" → "下周五"). */
export function simplifiedDateText(text: string): string {
  return text.replace(/[週個後兩禮這號來內無開當]/g, (character) => TRADITIONAL[character] ?? character);
}

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** "3", "三", "两", "十", "十五", "二十一" → the number (up to 99); undefined for anything else. */
export function chineseNumber(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  if (/^\d{1,4}$/.test(text)) return Number(text);
  const tens = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/.exec(text);
  if (tens) return (lookup(DIGITS, tens[1]) ?? 1) * 10 + (lookup(DIGITS, tens[2]) ?? 0);
  return text.length === 1 ? lookup(DIGITS, text) : undefined;
}

export const ZH_WEEKDAYS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  日: 7,
  天: 7,
};

const PERIOD_UNITS: Readonly<Record<string, PeriodUnit>> = {
  月: 'month',
  周: 'week',
  星期: 'week',
  礼拜: 'week',
  季度: 'quarter',
  季: 'quarter',
  年: 'year',
};

const SHIFT_UNITS: Readonly<Record<string, ShiftUnit>> = {
  天: 'day',
  周: 'week',
  星期: 'week',
  礼拜: 'week',
  月: 'month',
  年: 'year',
};

/** 下/下个/明 → +1, 下下 → +2, 上/上个/去 → −1, 本/这/这个/今/当 → 0. */
function offsetOf(word: string | undefined): number {
  if (word === undefined) return 0;
  if (word.startsWith('下下')) return 2;
  if (word.startsWith('下') || word === '明') return 1;
  if (word.startsWith('上') || word === '去') return -1;
  return 0;
}

const WEEK = '(?:周|星期|礼拜)';
const COUNT = '\\d{1,4}|[零〇一二两三四五六七八九十]{1,3}';
// 之前 / 前 after a period end ("月底前") means "by": the due date is the same.
const BY = '(?:之?前)?';

const RELATIVE_DAYS: Readonly<Record<string, number>> = {
  大前天: -3,
  前天: -2,
  昨天: -1,
  昨日: -1,
  今天: 0,
  今日: 0,
  明天: 1,
  明日: 1,
  后天: 2,
  大后天: 3,
};

export const ZH_PARSERS: readonly Parser[] = [
  // 今天, 明天, 后天, 大后天, 昨天, 前天
  phraseParser(new RegExp(alternation(RELATIVE_DAYS), 'u'), (match, today) => {
    const days = lookup(RELATIVE_DAYS, match[0]);
    return days === undefined ? undefined : shiftDate(today, days, 'day');
  }),
  // 月底, 本月底, 下个月底, 月末, 月初, 周末, 下周末, 季度末, 本季度末, 季末 (前)
  phraseParser(
    new RegExp(`(下下个?|下个?|上个?|本|这个?|当)?(月|周|星期|礼拜|季度|季)(底|末|初)${BY}`, 'u'),
    (match, today) => {
      const unit = lookup(PERIOD_UNITS, match[2]);
      if (unit === undefined) return undefined;
      return periodEdge(match[3] === '初' ? 'start' : 'end', unit, offsetOf(match[1]), today);
    },
  ),
  // 年底, 今年底, 今年年底, 明年年初, 年末 (前)
  phraseParser(new RegExp(`(今|明|去)?年年?(底|末|初)${BY}`, 'u'), (match, today) =>
    periodEdge(match[2] === '初' ? 'start' : 'end', 'year', offsetOf(match[1]), today),
  ),
  // 下周五, 上周一, 本周三, 这个星期天, 下下周二
  phraseParser(new RegExp(`(下下个?|下个?|上个?|本|这个?)${WEEK}([一二三四五六日天])`, 'u'), (match, today) => {
    const weekday = lookup(ZH_WEEKDAYS, match[2]);
    return weekday === undefined ? undefined : weekdayOfWeek(weekday, offsetOf(match[1]), today);
  }),
  // 下周, 下个月, 上个星期, 下下周: a week (a month) from today, as "next week" and "la semaine prochaine"
  phraseParser(/(下下个?|下个?|上个?)(周|星期|礼拜|月)/u, (match, today) => {
    const unit = lookup(SHIFT_UNITS, match[2]);
    return unit === undefined ? undefined : shiftDate(today, offsetOf(match[1]), unit);
  }),
  // 明年, 去年: the same day a year from today
  phraseParser(/(明|去)年/u, (match, today) => shiftDate(today, offsetOf(match[1]), 'year')),
  // 3周后, 三周后, 两周后, 3个星期后, 5天后, 2个月后, 一年后, 一周内, 3天前
  phraseParser(
    new RegExp(
      `(?<![\\d零〇一二两三四五六七八九十])(${COUNT})\\s*(个)?\\s*(天|周|星期|礼拜|月|年)(以后|之后|后|以内|之内|内|以前|之前|前)`,
      'u',
    ),
    (match, today) => {
      const count = chineseNumber(match[1]);
      const unit = lookup(SHIFT_UNITS, match[3]);
      // "3月后" would be "after March": months are counted with 个 ("3个月后").
      if (count === undefined || unit === undefined || (unit === 'month' && match[2] === undefined)) return undefined;
      return shiftDate(today, match[4]?.endsWith('前') ? -count : count, unit);
    },
  ),
  // 15号, 十五号, 30日: the next (or, for past dates, the last) 15th
  phraseParser(
    new RegExp(`(?<![\\d零〇一二两三四五六七八九十月])(\\d{1,2}|[一二三四五六七八九十]{1,3})(号|日)`, 'u'),
    (match, today, prefer) => {
      const day = chineseNumber(match[1]);
      return day === undefined ? undefined : dayOfMonth(day, today, prefer);
    },
  ),
];
