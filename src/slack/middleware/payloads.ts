// Every inbound payload is checked with zod before any listener reads it: the ids it carries have
// Slack's shapes and every free-text field is bounded. The listeners then parse the parts they use
// (the /opp grammar, the modal readers, button values) with their own schemas.
import type { Markup } from '../../i18n/markup.ts';
import { refuseRequest } from './refusal.ts';
import type { AnyMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';

const teamId = z.string().regex(/^[TE][A-Z0-9]{2,31}$/);
const userId = z.string().regex(/^[UWB][A-Z0-9]{2,31}$/);
const channelId = z.string().regex(/^[CDG][A-Z0-9]{2,31}$/);
const shortText = z.string().max(255);
const url = z.string().max(3_000);

const commandSchema = z.looseObject({
  team_id: teamId,
  user_id: userId,
  channel_id: channelId,
  command: shortText,
  // The grammar answers anything over its own limit with a sentence; this only stops absurd sizes.
  text: z.string().max(200_000).optional(),
  trigger_id: shortText,
  response_url: url.optional(),
});

const actor = { team: z.looseObject({ id: teamId }).nullable().optional(), user: z.looseObject({ id: userId }) };

const viewSchema = z.looseObject({
  id: shortText,
  callback_id: shortText.optional(),
  private_metadata: z.string().max(3_000).optional(),
  hash: shortText.optional(),
});

const blockActionsSchema = z.looseObject({
  ...actor,
  type: z.literal('block_actions'),
  actions: z
    .array(
      z.looseObject({
        action_id: shortText,
        block_id: shortText.optional(),
        value: z.string().max(2_000).optional(),
      }),
    )
    .min(1)
    .max(25),
  view: viewSchema.optional(),
  response_url: url.optional(),
  trigger_id: shortText.optional(),
});

const viewPayloadSchema = z.looseObject({
  ...actor,
  type: z.enum(['view_submission', 'view_closed']),
  view: viewSchema,
});

const suggestionSchema = z.looseObject({
  ...actor,
  type: z.literal('block_suggestion'),
  action_id: shortText,
  value: z.string().max(2_000),
});

const eventSchema = z.looseObject({
  type: z.literal('event_callback'),
  team_id: teamId.optional(),
  event_id: z.string().max(64),
  event: z.looseObject({ type: shortText, user: z.union([userId, z.looseObject({ id: userId })]).optional() }),
});

/** The schema for this kind of payload, or null for kinds the app does not listen to. */
function schemaFor(body: Record<string, unknown>): z.ZodType | null {
  if (typeof body.command === 'string') return commandSchema;
  switch (body.type) {
    case 'block_actions':
      return blockActionsSchema;
    case 'view_submission':
    case 'view_closed':
      return viewPayloadSchema;
    case 'block_suggestion':
      return suggestionSchema;
    case 'event_callback':
      return eventSchema;
    default:
      return null;
  }
}

/** True when the payload may reach the listeners; otherwise it is answered here and dropped. */
export async function acceptPayload(
  args: AnyMiddlewareArgs & { logger: { warn(message: string): void } },
  sentence: Markup,
): Promise<boolean> {
  const body = args.body as unknown as Record<string, unknown>;
  const schema = schemaFor(body);
  if (!schema || schema.safeParse(body).success) return true;
  args.logger.warn(`dropped a malformed ${String(body.type ?? body.command ?? 'payload')} payload`);
  await refuseRequest(args, sentence);
  return false;
}
