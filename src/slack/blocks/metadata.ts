// The private_metadata of our forms: the id of their server-side context and nothing else. It travels
// through the user's client, so it decides nothing by itself: where the result goes, which opportunity
// and version are checked, are read from the context (src/services/interaction-contexts.ts), which is
// bound to the workspace, the user and the form.
import { CONTEXT_ID } from '../../services/interaction-contexts.ts';

/** An opportunity number as the numbering writes them (prefix and digits); button values use it too. */
export const OPPORTUNITY_NO = /^[A-Z][A-Z0-9_-]{0,19}$/;

/** private_metadata for a form whose context has this id. Throws on anything else (a programming error). */
export function contextMetadata(contextId: string): string {
  if (!CONTEXT_ID.test(contextId)) throw new RangeError('a context id is 32 hex characters');
  return contextId;
}

/** The context id private_metadata carries, or null when it carries anything else. */
export function contextIdOf(privateMetadata: string | null | undefined): string | null {
  return typeof privateMetadata === 'string' && CONTEXT_ID.test(privateMetadata) ? privateMetadata : null;
}
