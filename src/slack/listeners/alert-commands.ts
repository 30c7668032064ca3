// `/opp alert …`, `/opp alerts`, `/opp alert remove <id>`: read the command, ask the use case, say what
// it did. What only Slack knows (can the bot post in the channel? is the owner a person?) is asked here,
// through the directory the use case calls after its permission check.
import { webApi } from '@slack/bolt';
import type { AlertFilters } from '../../domain/alerts.ts';
import { dateInZone } from '../../domain/local-date.ts';
import { escapeText, joinMarkup, type Markup, mentionChannel, mentionUser } from '../../i18n/markup.ts';
import type { Presenter } from '../../i18n/presenter.ts';
import type { Alert } from '../../services/alerts.ts';
import type { AlertDirectory, ChannelReach } from '../../usecases/alerts.ts';
import { noticeMessage, section, successMessage } from '../blocks/index.ts';
import type { OppCommand } from '../grammar/index.ts';
import type { PipelineScope } from './pipeline-commands.ts';
import type { WebClient } from './support.ts';

export async function addAlert(command: Extract<OppCommand, { name: 'alert' }>, scope: PipelineScope): Promise<void> {
  const { alert, currency } = await scope.deps.useCases.alerts.add(
    scope.ctx,
    {
      channelId: command.channelId,
      kinds: command.kinds,
      value: command.value,
      cycle: command.cycle,
      owner: command.ownerId,
    },
    slackDirectory(scope.client),
  );
  const A = scope.p.t.notices.alerts;
  return scope.reply(
    successMessage(
      scope.p,
      A.added(
        alert.id,
        mentionChannel(alert.channelId),
        kindsText(scope.p, alert),
        filtersText(scope.p, alert.filters, currency),
      ),
    ),
  );
}

export async function removeAlert(id: number, scope: PipelineScope): Promise<void> {
  const removed = await scope.deps.useCases.alerts.remove(scope.ctx, id);
  return scope.reply(
    successMessage(scope.p, scope.p.t.notices.alerts.removed(removed.id, mentionChannel(removed.channelId))),
  );
}

export async function listAlerts(scope: PipelineScope): Promise<void> {
  const { alerts, currency } = await scope.deps.useCases.alerts.list(scope.ctx);
  const { p } = scope;
  const A = p.t.notices.alerts;
  if (alerts.length === 0) return scope.reply(noticeMessage(p, A.none));
  const lines = alerts.map((alert) => {
    const args = [
      alert.id,
      mentionChannel(alert.channelId),
      kindsText(p, alert),
      filtersText(p, alert.filters, currency),
    ] as const;
    return alert.disabled
      ? A.lineDisabled(...args, p.format.date(dateInZone(alert.disabled.at, scope.ctx.timeZone)))
      : A.line(...args);
  });
  const text = joinMarkup([A.title, ...lines], '\n');
  return scope.reply({ text, blocks: [section(text)] });
}

function kindsText(p: Presenter, alert: Alert): Markup {
  const A = p.t.notices.alerts;
  return joinMarkup(
    alert.kinds.map((kind) => A.kinds[kind]),
    A.kindSeparator,
  );
}

function filtersText(p: Presenter, filters: AlertFilters, currency: string): Markup {
  const A = p.t.notices.alerts;
  const parts: Markup[] = [];
  if (filters.value) {
    const amount = p.format.money(filters.value.amount, currency);
    const phrase = { gt: A.valueAbove, ge: A.valueAtLeast, lt: A.valueBelow, le: A.valueAtMost }[filters.value.op];
    parts.push(phrase(amount));
  }
  if (filters.cycle) parts.push(A.cycleFilter(escapeText(filters.cycle)));
  if (filters.owner) parts.push(A.ownerFilter(mentionUser(filters.owner)));
  return parts.length === 0 ? A.everyOpportunity : joinMarkup(parts, A.filterSeparator);
}

/** What Slack says, where it can tell; where it cannot (a scope the app lacks, an outage), no refusal. */
function slackDirectory(client: WebClient): AlertDirectory {
  const slackError = (error: unknown) =>
    (error as { code?: string }).code === webApi.ErrorCode.PlatformError
      ? (error as { data?: { error?: string } }).data?.error
      : undefined;
  return {
    async channelReach(channelId): Promise<ChannelReach> {
      try {
        const { channel } = await client.conversations.info({ channel: channelId });
        if (channel?.is_archived) return 'archived';
        // A public channel takes the bot's posts without it being a member (chat:write.public).
        if (channel?.is_private && channel.is_member === false) return 'not-member';
        return 'ok';
      } catch (error) {
        return slackError(error) === 'channel_not_found' ? 'not-found' : 'ok';
      }
    },
    async isPerson(userId) {
      try {
        const { user } = await client.users.info({ user: userId });
        return !(user?.deleted || user?.is_bot);
      } catch (error) {
        return slackError(error) !== 'user_not_found';
      }
    },
  };
}
