// Personal notifications as Slack messages: one event as a line for its recipient (the instant DM and
// the daily summary say the same), the daily summary, the settings (`/opp notify`) and App Home's
// Notifications section with its selects.
import type { types } from '@slack/bolt';
import { dec } from '../../domain/decimal.ts';
import type { LocalDate } from '../../domain/local-date.ts';
import { NOTIFICATION_CATEGORIES, NOTIFICATION_MODES, type NotificationCategory } from '../../domain/notifications.ts';
import { escapeText, joinMarkup, type Markup, mentionUser, ours } from '../../i18n/markup.ts';
import type { Presenter } from '../../i18n/presenter.ts';
import type { MuteChoice, PersonNotifications } from '../../services/notifications.ts';
import type { OutboxEvent } from '../../services/outbox.ts';
import { ACTION_IDS, BLOCK_IDS } from '../ids.ts';
import {
  actions,
  button,
  capOptions,
  context,
  divider,
  fallback,
  header,
  type KnownBlock,
  type Message,
  option,
  packLines,
  section,
} from './kit.ts';

/** What an event says to `recipient`, as one line; null for a kind that notifies nobody. */
export function notificationLine(p: Presenter, event: OutboxEvent, recipient: string, currency: string): Markup | null {
  const N = p.t.notify;
  const actor = event.actorUserId === '' ? N.someone : mentionUser(event.actorUserId);
  switch (event.kind) {
    case 'opportunity-moved': {
      const { payload } = event;
      return N.moved(
        actor,
        escapeText(payload.no),
        escapeText(payload.description),
        p.format.groupedNumber(payload.toStage),
      );
    }
    case 'opportunity-updated':
      return N.updated(actor, escapeText(event.payload.no), escapeText(event.payload.description));
    case 'opportunity-edited':
      return N.edited(actor, escapeText(event.payload.no), escapeText(event.payload.description));
    case 'opportunity-won': {
      const { payload } = event;
      const amount = p.format.money(dec(payload.amount), currency);
      return N.won(actor, escapeText(payload.no), escapeText(payload.description), amount);
    }
    case 'opportunity-lost':
      return N.lost(actor, escapeText(event.payload.no), escapeText(event.payload.description));
    case 'order-made': {
      const { payload } = event;
      return N.orderWon(
        actor,
        escapeText(payload.no),
        escapeText(payload.description ?? ''),
        escapeText(payload.orderNo),
      );
    }
    case 'opportunity-reassigned': {
      const { payload } = event;
      if (payload.salesperson === recipient)
        return p.t.notices.reassignedToYou(
          actor,
          escapeText(payload.no),
          escapeText(payload.description),
          payload.from === null ? null : mentionUser(payload.from),
        );
      const to = payload.salesperson === null ? N.someone : mentionUser(payload.salesperson);
      return N.reassignedAway(actor, escapeText(payload.no), escapeText(payload.description), to);
    }
    case 'opportunity-deleted':
      return N.deleted(actor, escapeText(event.payload.no), escapeText(event.payload.description));
    case 'note-added':
      return N.noteAdded(actor, escapeText(event.payload.no), escapeText(event.payload.description));
    case 'opportunity-overdue': {
      const { payload } = event;
      return N.overdue(
        escapeText(payload.no),
        escapeText(payload.description),
        p.format.date(payload.estimatedCloseDate as LocalDate),
      );
    }
    case 'opportunity-stale': {
      const { payload } = event;
      return N.stale(
        escapeText(payload.no),
        escapeText(payload.description),
        payload.staleDays,
        p.format.date(payload.lastChange as LocalDate),
      );
    }
    case 'task-due':
      return N.taskDue(escapeText(event.payload.description), p.format.date(event.payload.date as LocalDate));
    default:
      return null;
  }
}

/**
 * An instant notification: its line, a Mute button when it is about an opportunity that still exists
 * (`muteNo`), and how to change what one hears.
 */
export function notificationMessage(p: Presenter, line: Markup, muteNo?: string): Message {
  const mute =
    muteNo === undefined
      ? []
      : [
          actions(BLOCK_IDS.notify.mute, [
            button({
              text: p.t.notify.muteButton(escapeText(muteNo)),
              actionId: ACTION_IDS.notifyMuteButton,
              value: muteNo,
            }),
          ]),
        ];
  return {
    text: fallback(line),
    blocks: [section(line, { blockId: BLOCK_IDS.notify.message }), ...mute, context([p.t.notify.footer])],
  };
}

/** The daily summary: a title, then one line per notification held for it. */
export function summaryMessage(p: Presenter, lines: readonly Markup[]): Message {
  const N = p.t.notify;
  const packed = packLines(
    lines.map((line) => joinMarkup([ours('• '), line])),
    { maxBlocks: 45 },
  );
  return {
    text: fallback(N.summaryFallback(lines.length)),
    blocks: [section(N.summaryTitle(lines.length)), ...packed.blocks, context([N.footer])],
  };
}

/** `/opp notify` without a change: the settings in force. */
export function notificationSettingsText(p: Presenter, settings: PersonNotifications): Markup {
  const N = p.t.notify;
  const lines: Markup[] = [N.settingsTitle];
  if (settings.disabled) lines.push(N.disabledLine);
  for (const category of NOTIFICATION_CATEGORIES)
    lines.push(
      N.settingLine(
        N.categories[category],
        N.modes[settings.modes[category]],
        escapeText(`${category}:instant|daily|off`),
      ),
    );
  lines.push(N.summaryLine(escapeText(settings.summaryAt)));
  lines.push(
    N.quietLine(
      settings.quiet === null ? null : escapeText(settings.quiet.start),
      settings.quiet === null ? null : escapeText(settings.quiet.end),
    ),
  );
  lines.push(N.mutedLine(settings.muted.length === 0 ? null : escapeText(settings.muted.join(', '))));
  lines.push(N.settingsHint);
  return joinMarkup(lines, '\n');
}

/** Every half hour of the day, `HH:MM`. */
const HALF_HOURS: readonly string[] = Array.from(
  { length: 48 },
  (_, i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 === 0 ? '00' : '30'}`,
);

function timeOptions(): types.PlainTextOption[] {
  return HALF_HOURS.map((time) => option(escapeText(time), time));
}

function select(
  actionId: string,
  placeholderText: Markup,
  options: types.PlainTextOption[],
  selected: string | undefined,
): types.StaticSelect {
  const initial = options.find((o) => o.value === selected);
  return {
    type: 'static_select',
    action_id: actionId,
    placeholder: { type: 'plain_text', text: placeholderText },
    options,
    ...(initial ? { initial_option: initial } : {}),
  };
}

/**
 * App Home's Notifications section: a select per kind, the summary time, quiet hours, a select of one's
 * own open opportunities to mute, and the muted ones.
 */
export function notificationHomeBlocks(
  p: Presenter,
  settings: PersonNotifications,
  muteChoices: readonly MuteChoice[] = [],
): KnownBlock[] {
  const N = p.t.notify;
  const H = N.home;
  const blocks: KnownBlock[] = [
    divider(),
    header(H.title, BLOCK_IDS.notify.header),
    section(settings.disabled ? N.disabledLine : H.intro, { blockId: BLOCK_IDS.notify.intro }),
  ];
  for (const category of NOTIFICATION_CATEGORIES) blocks.push(modeBlock(p, category, settings));
  const quietOff = option(H.quietOff, 'off');
  blocks.push(
    section(joinMarkup([H.summaryAt, ours(' · '), H.quietFrom, ours(' … '), H.quietUntil])),
    actions(BLOCK_IDS.notify.times, [
      select(ACTION_IDS.notifySummaryAt, H.summaryAt, timeOptions(), settings.summaryAt),
      select(ACTION_IDS.notifyQuietStart, H.quietFrom, [quietOff, ...timeOptions()], settings.quiet?.start ?? 'off'),
      select(ACTION_IDS.notifyQuietEnd, H.quietUntil, timeOptions(), settings.quiet?.end),
    ]),
  );
  if (muteChoices.length > 0)
    blocks.push(
      actions(BLOCK_IDS.notify.mute, [
        select(
          ACTION_IDS.notifyMute,
          H.mutePlaceholder,
          capOptions(
            muteChoices.map((c) => option(joinMarkup([escapeText(c.no), escapeText(c.description)], ' '), c.no)),
          ),
          undefined,
        ),
      ]),
    );
  if (settings.muted.length > 0)
    blocks.push(
      actions(
        BLOCK_IDS.notify.muted,
        settings.muted
          .slice(0, 10)
          .map((no) => button({ text: H.unmute(escapeText(no)), actionId: ACTION_IDS.notifyUnmute, value: no })),
      ),
    );
  return blocks;
}

function modeBlock(p: Presenter, category: NotificationCategory, settings: PersonNotifications): KnownBlock {
  const N = p.t.notify;
  const options = NOTIFICATION_MODES.map((mode) => option(N.modes[mode], `${category}:${mode}`));
  return section(N.categories[category], {
    blockId: `${BLOCK_IDS.notify.modePrefix}_${category}`,
    accessory: select(
      ACTION_IDS.notifyMode,
      N.categories[category],
      options,
      `${category}:${settings.modes[category]}`,
    ),
  });
}
