// The shape of a modal's state as it arrives (view_submission, and block_actions inside a modal),
// checked before any reader sees it. The readers (src/slack/blocks/state.ts) expect what Slack sends:
// `value` a string, `selected_options` an array of options… A payload with another shape — a forged or
// replayed request, or a change on Slack's side — used to throw inside a reader before the ack, so the
// person saw Slack's own timeout error. Here an element whose state has the wrong shape is dropped:
// the reader then finds the field empty and says so under it, as for any missing answer.
import { z } from 'zod';

const option = z.looseObject({ value: z.string() });

const elementState = z.looseObject({
  type: z.string().max(64),
  value: z.string().nullish(),
  selected_option: option.nullish(),
  selected_date: z.string().nullish(),
  selected_user: z.string().nullish(),
  selected_options: z.array(option).nullish(),
});

/** Slack's views hold at most 100 blocks; anything beyond is not ours. */
const MAX_BLOCKS = 100;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Drops, in place, every block or element of `body.view.state.values` that is not shaped as Slack
 * sends it. Returns how many were dropped (0 for a well-formed payload or one without a view).
 */
export function dropMalformedViewState(body: unknown): number {
  if (!isRecord(body) || !isRecord(body.view)) return 0;
  const state = body.view.state;
  if (state === undefined) return 0;
  if (!isRecord(state) || !isRecord(state.values)) {
    body.view.state = { values: {} };
    return 1;
  }
  const values = state.values;
  let dropped = 0;
  for (const [index, blockId] of Object.keys(values).entries()) {
    const block = values[blockId];
    if (index >= MAX_BLOCKS || !isRecord(block)) {
      delete values[blockId];
      dropped += 1;
      continue;
    }
    for (const actionId of Object.keys(block)) {
      if (!elementState.safeParse(block[actionId]).success) {
        delete block[actionId];
        dropped += 1;
      }
    }
    if (Object.keys(block).length === 0) delete values[blockId];
  }
  return dropped;
}
