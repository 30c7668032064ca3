// What a button value may be. A button's value is only an id: its shape is checked here, and the use
// case it is given to (src/usecases) reads the opportunity again and decides whether the user may act.
import { z } from 'zod';
import { DomainError } from '../../domain/problems.ts';
import { CONTEXT_ID } from '../../services/interaction-contexts.ts';
import { OPPORTUNITY_NO } from '../blocks/metadata.ts';
import type { SetupEditTarget } from '../../usecases/setup.ts';

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

/** A sales cycle's or close code's code as the setup lists write it: up to 10 characters without spaces. */
const SETUP_CODE_VALUE = z.string().regex(/^\S{1,10}$/);
/** A stage's Edit button: `<cycle code> <stage no>` (blocks/setup-lists.ts stageEditValue). */
const STAGE_VALUE = /^(\S{1,10}) ([1-9]\d{0,3})$/;
/** A contact's number (prefix and digits). */
const CONTACT_NO_VALUE = z.string().regex(/^[A-Z]{1,10}\d{1,10}$/);

/**
 * What an Edit button of a setup list names, or "not found" for a value of any other shape. Only a name:
 * the use case reads the row again and asks whether the clicker may edit it.
 */
export function setupEditTargetFrom(what: SetupEditTarget['what'], value: string): SetupEditTarget {
  switch (what) {
    case 'cycle':
    case 'code': {
      const code = SETUP_CODE_VALUE.safeParse(value);
      if (code.success) return { what, code: code.data };
      throw new DomainError(
        what === 'cycle'
          ? { kind: 'sales-cycle-not-found', code: shown(value) }
          : { kind: 'close-code-not-found', code: shown(value) },
      );
    }
    case 'stage': {
      const match = STAGE_VALUE.exec(value);
      if (match?.[1] && match[2]) return { what, cycleCode: match[1], stageNo: Number(match[2]) };
      throw new DomainError({ kind: 'stage-not-found', cycle: shown(value.split(' ')[0] ?? ''), stage: 0 });
    }
    case 'contact': {
      const no = CONTACT_NO_VALUE.safeParse(value);
      if (no.success) return { what, contact: no.data };
      throw new DomainError({ kind: 'contact-not-found', text: shown(value) });
    }
  }
}
