// The private_metadata of our modals: ids only, as JSON, validated both ways. It travels through the
// user's client, so what comes back is untrusted: anything that doesn't match the schema is refused.
import { z } from 'zod';
import { LIMITS } from './kit.ts';

/** An opportunity number as the numbering writes them (prefix and digits); button values use it too. */
export const OPPORTUNITY_NO = /^[A-Z][A-Z0-9_-]{0,19}$/;
const CODE = /^[A-Z0-9_-]{1,10}$/;
const CHANNEL_ID = /^[CDG][A-Z0-9]{2,30}$/;
const MESSAGE_TS = /^\d{1,12}\.\d{1,9}$/;

export const modalMetadataSchema = z.strictObject({
  /** The opportunity the modal works on. */
  no: z.string().regex(OPPORTUNITY_NO).optional(),
  /** The opportunity version the user saw (expectedVersion of the service calls). */
  version: z.number().int().min(0).max(2_147_483_647).optional(),
  /** Where the modal was opened from, to update the card or reply there. */
  channelId: z.string().regex(CHANNEL_ID).optional(),
  messageTs: z.string().regex(MESSAGE_TS).optional(),
  /** Opened from the App Home tab: the tab is published again after the change. */
  fromHome: z.literal(true).optional(),
  /** The sales cycle a stage modal was opened for. */
  cycleCode: z.string().regex(CODE).optional(),
});

export type ModalMetadata = z.infer<typeof modalMetadataSchema>;

/** JSON for private_metadata. Throws on values that aren't ids (a programming error). */
export function encodeMetadata(metadata: ModalMetadata): string {
  const valid = modalMetadataSchema.parse(metadata);
  const text = JSON.stringify(valid);
  if (text.length > LIMITS.privateMetadata) throw new RangeError('private_metadata holds at most 3000 characters');
  return text;
}

/** The metadata, or null when it is missing, too long, not JSON or not exactly our shape. */
export function decodeMetadata(text: string | null | undefined): ModalMetadata | null {
  if (typeof text !== 'string' || text === '' || text.length > LIMITS.privateMetadata) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = modalMetadataSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
