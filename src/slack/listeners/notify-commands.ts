// `/opp notify …`: a member's own notification settings and muted opportunities. Thin: the use case
// saves them; this renders the settings or the sentence of what changed.
import type { OppCommand } from '../grammar/index.ts';
import { escapeText, joinMarkup } from '../../i18n/markup.ts';
import type { Presenter } from '../../i18n/presenter.ts';
import type { RequestContext } from '../../usecases/index.ts';
import { type Message, section, successMessage } from '../blocks/index.ts';
import { notificationSettingsText } from '../blocks/notifications.ts';
import type { SlackDeps } from './support.ts';

interface NotifyScope {
  deps: SlackDeps;
  ctx: RequestContext;
  p: Presenter;
  reply(message: Message): Promise<void>;
}

export async function notify(command: Extract<OppCommand, { name: 'notify' }>, scope: NotifyScope): Promise<void> {
  const { deps, ctx, p, reply } = scope;
  const changing =
    Object.keys(command.modes).length > 0 || command.summaryAt !== undefined || command.quiet !== undefined;
  const settings = changing
    ? await deps.useCases.notifications.change(ctx, {
        modes: command.modes,
        ...(command.summaryAt !== undefined ? { summaryAt: command.summaryAt } : {}),
        ...(command.quiet !== undefined ? { quiet: command.quiet } : {}),
      })
    : await deps.useCases.notifications.settings(ctx);
  const text = notificationSettingsText(p, settings);
  if (!changing) return reply({ text, blocks: [section(text)] });
  const saved = successMessage(p, p.t.notify.saved);
  return reply({ text: joinMarkup([saved.text, text], '\n'), blocks: [...saved.blocks, section(text)] });
}

export async function notifyMute(
  command: Extract<OppCommand, { name: 'notify-mute' }>,
  scope: NotifyScope,
): Promise<void> {
  const { deps, ctx, p, reply } = scope;
  await deps.useCases.notifications.mute(ctx, { no: command.no, muted: command.muted });
  const no = escapeText(command.no);
  return reply(successMessage(p, command.muted ? p.t.notify.muted(no) : p.t.notify.unmuted(no)));
}
