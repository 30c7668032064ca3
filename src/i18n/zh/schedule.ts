// Sentences for digest schedules a user can get wrong. Part of the one catalogue.
import { catalogueText, escapeFields, type Markup } from '../markup.ts';
import { assertNever } from '../../domain/problems.ts';
import type { ScheduleProblem } from '../../domain/schedule.ts';

/** The sentence for a problem; every text in it that came from a person is escaped first. */
export function describeScheduleProblem(problem: ScheduleProblem): Markup {
  return catalogueText(sentence(escapeFields(problem)));
}

function sentence(problem: ScheduleProblem): string {
  switch (problem.kind) {
    case 'unknown-frequency':
      return `“${problem.frequency}”不是有效的计划频率：请使用 daily、weekly 或 monthly。`;
    case 'bad-time':
      return `“${problem.at}”不是有效的时间：请使用 24 小时制 HH:MM，例如 at:08:30。`;
    case 'bad-weekday':
      return `星期必须是周一到周日之一（您输入的是 ${problem.weekday}）。`;
    case 'bad-day-of-month':
      return `每月的日期必须在 1 到 31 之间（您输入的是 ${problem.dayOfMonth}）；31 表示每月的最后一天。`;
    case 'unknown-time-zone':
      return `“${problem.timeZone}”不是有效的时区：请使用 IANA 名称，例如 Asia/Shanghai 或 Europe/Berlin。`;
    case 'weekday-not-weekly':
      return `星期只适用于每周摘要，不适用于 ${problem.frequency} 摘要。`;
    case 'day-of-month-not-monthly':
      return `每月的日期只适用于每月摘要，不适用于 ${problem.frequency} 摘要。`;
    default:
      return assertNever(problem);
  }
}
