// How the inbound middleware answers a request it refuses (malformed, from the wrong workspace, a
// replay): one sentence where the surface can show one, and nothing else runs.
import type { Context } from '@slack/bolt';
import type { Markup } from '../../i18n/markup.ts';

type Body = Record<string, unknown>;

export interface RefusableArgs {
  body: unknown;
  ack?: unknown;
  respond?: unknown;
}

/** What a step of the inbound middleware reads of Bolt's arguments. */
export interface MiddlewareStepArgs extends RefusableArgs {
  context: Context;
  logger: { warn(message: string): void };
}

/**
 * A command gets the sentence as its ephemeral ack; a form keeps open with it under its first input; a
 * click on a message gets it as an ephemeral reply; an option load gets no options. Events were
 * acknowledged by Bolt already and get nothing.
 */
export async function refuseRequest(args: RefusableArgs, sentence: Markup): Promise<void> {
  const body = args.body as Body;
  const ack = typeof args.ack === 'function' ? (args.ack as (response?: unknown) => Promise<void>) : undefined;
  const respond =
    typeof args.respond === 'function' ? (args.respond as (message: unknown) => Promise<unknown>) : undefined;
  if (typeof body.command === 'string') {
    await ack?.({ response_type: 'ephemeral', text: sentence });
    return;
  }
  if (body.type === 'block_suggestion') {
    await ack?.({ options: [] });
    return;
  }
  if (body.type === 'view_submission') {
    const firstInput = firstInputBlockId(body.view);
    await ack?.(firstInput ? { response_action: 'errors', errors: { [firstInput]: sentence } } : undefined);
    return;
  }
  await ack?.();
  // Only a click on a message has a response_url; one in a modal or on Home has none.
  if (respond && typeof body.response_url === 'string')
    await respond({ response_type: 'ephemeral', replace_original: false, text: sentence }).catch(() => undefined);
}

/** The block_id of the view's first input block (or else of its first state value). */
function firstInputBlockId(view: unknown): string | undefined {
  if (typeof view !== 'object' || view === null) return undefined;
  const { blocks, state } = view as Body;
  for (const block of Array.isArray(blocks) ? (blocks as unknown[]) : []) {
    if (typeof block !== 'object' || block === null) continue;
    const { type, block_id: blockId } = block as Body;
    if (type === 'input' && typeof blockId === 'string' && blockId !== '') return blockId;
  }
  const values = typeof state === 'object' && state !== null ? (state as Body).values : undefined;
  return typeof values === 'object' && values !== null ? Object.keys(values)[0] : undefined;
}
