// What a button value may be. A button's value is only an id: its shape is checked here, and the use
// case it is given to (src/usecases) reads the opportunity again and decides whether the user may act.
import { z } from 'zod';
import { DomainError } from '../../domain/problems.ts';
import { CONTEXT_ID } from '../../services/interaction-contexts.ts';
import { OPPORTUNITY_NO } from '../blocks/metadata.ts';

/** The shape of an opportunity number (prefix and digits, as the numbering writes them). */
export const OPPORTUNITY_NO_VALUE = z.string().trim().toUpperCase().regex(OPPORTUNITY_NO);

/** A confirmation's id (an interaction context, see ./contexts.ts): 32 lower-case hex characters. */
export const TOKEN_VALUE = z.string().trim().regex(CONTEXT_ID);

/** An opportunity number from a button value, or "not found" for anything else. */
export function opportunityNoFrom(value: string): string {
  const parsed = OPPORTUNITY_NO_VALUE.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new DomainError({ kind: 'opportunity-not-found', no: shown(value) });
}

/** What is safe to repeat of an unexpected value in a sentence. */
function shown(value: string): string {
  const cleaned = value.slice(0, 20).replace(/[^A-Za-z0-9_-]/g, '?');
  return cleaned === '' ? '(none)' : cleaned;
}

/** A task's number: a positive integer as the database gives them (its id). */
export const TASK_ID_VALUE = z
  .string()
  .trim()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .pipe(z.number().int().max(2_147_483_647));

/** A task number from a button value, or "not found" for anything else. */
export function taskIdFrom(value: string): number {
  const parsed = TASK_ID_VALUE.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new DomainError({ kind: 'task-not-found', taskId: 0 });
}
