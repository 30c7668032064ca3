// The values of `/opp notify`: a kind's mode (`changes:instant|daily|off`) and quiet hours
// (`quiet:22:00-07:00`, or `quiet:off`). Throw InputError like every value of the grammar.
import { NOTIFICATION_MODES, type NotificationMode } from '../../domain/notifications.ts';
import type { Field } from './input-problems.ts';
import { fail } from './input-problems.ts';
import { snippet } from './tokenize.ts';
import { choice, plainText, timeOfDay } from './values.ts';

/** Words that mean "off" for quiet hours. */
const NONE_WORDS = new Set(['off', 'none', 'no']);

export function notificationMode(raw: string, field: Field): NotificationMode {
  return choice(raw, field, [...NOTIFICATION_MODES] as [NotificationMode, ...NotificationMode[]], {
    now: 'instant',
    summary: 'daily',
    none: 'off',
    no: 'off',
  });
}

/** `HH:MM-HH:MM` (either may be `9`, `9:30`, `9pm`); null: no quiet hours. */
export function quietHours(raw: string, field: Field): { start: string; end: string } | null {
  const text = plainText(raw).trim();
  if (NONE_WORDS.has(text.toLowerCase())) return null;
  const parts = text.split(/\s*[-–]\s*/);
  if (parts.length !== 2) return fail({ kind: 'bad-time', field, text: snippet(text) });
  const [start = '', end = ''] = parts;
  const hours = { start: timeOfDay(start, field), end: timeOfDay(end, field) };
  if (hours.start === hours.end) return fail({ kind: 'bad-time', field, text: snippet(text) });
  return hours;
}
