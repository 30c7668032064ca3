// Results meant for the team: a won deal is announced in the channel it was closed from.
import type { Logger, RespondFn } from '@slack/bolt';
import { type Decimal, ZERO } from '../../domain/decimal.ts';
import type { OpportunityDetail } from '../../services/opportunity-queries.ts';
import type { Markup } from '../../i18n/markup.ts';
import { wonAnnouncement } from '../blocks/index.ts';
import { formatMoney } from '../format.ts';
import { postToChannel, type SlackDeps, type WebClient } from './support.ts';

export async function formatAmount(deps: SlackDeps, workspaceId: string, amount: Decimal | undefined): Promise<Markup> {
  const settings = await deps.services.setup.workspaceSettings(workspaceId);
  return formatMoney(amount ?? ZERO, settings.currency);
}

export async function announceWon(
  deps: SlackDeps,
  client: WebClient,
  workspaceId: string,
  channelId: string | undefined,
  userId: string,
  detail: OpportunityDetail,
  logger: Logger,
  respond?: RespondFn,
): Promise<void> {
  const amount = await formatAmount(deps, workspaceId, detail.current?.calcdCurrentValue);
  await postToChannel(client, channelId, wonAnnouncement(userId, detail, amount), logger, respond);
}
