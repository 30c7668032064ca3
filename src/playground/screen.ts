// What the page shows one person: the channel or app tab they are in, its messages as Slack draws them
// (ephemeral ones only to them), their modal on top, their Home tab. Each part carries a key that changes
// when its content does, so the page redraws only what changed (and never a form someone is filling in).
import {
  directChannelOf,
  PLAYGROUND_CHANNELS,
  PLAYGROUND_PEOPLE,
  PLAYGROUND_TEAM,
  type PlaygroundPerson,
  personById,
} from './identity.ts';
import { type Json, renderBlocks, type RenderContext, textObject } from './render/blocks.ts';
import { EMPTY, type Html, html } from './render/html.ts';
import { mrkdwnHtml, type NameResolver } from './render/mrkdwn.ts';
import type { SlackStore, StoredMessage, StoredView } from './slack/store.ts';

export type Location = { kind: 'channel'; channelId: string } | { kind: 'home' } | { kind: 'messages' };

export interface ScreenPart {
  key: string;
  html: string;
}

export interface Screen {
  version: number;
  me: PersonSummary;
  people: PersonSummary[];
  channels: { id: string; name: string; purpose: string }[];
  /** The conversation shown: a channel, or the app's Messages tab (a DM). */
  conversation: { id: string; title: string; purpose: string } | null;
  messages: ScreenPart[];
  home: (ScreenPart & { viewId: string }) | null;
  modal: (ScreenPart & { viewId: string }) | null;
}

export interface PersonSummary {
  id: string;
  name: string;
  role: string;
  title: string;
  timeZone: string;
  locale: string;
}

export const NAMES: NameResolver = {
  personName: (id) => (id === PLAYGROUND_TEAM.botUserId ? PLAYGROUND_TEAM.botName : personById(id)?.realName),
  channelName: (id) => PLAYGROUND_CHANNELS.find((c) => c.id === id)?.name,
};

function summary(person: PlaygroundPerson): PersonSummary {
  return {
    id: person.id,
    name: person.realName,
    role: person.role,
    title: person.title,
    timeZone: person.timeZone,
    locale: person.locale,
  };
}

function context(surface: RenderContext['surface'], view?: StoredView): RenderContext {
  return {
    names: NAMES,
    people: PLAYGROUND_PEOPLE.map((p) => ({ id: p.id, name: p.realName })),
    surface,
    ...(view ? { state: view.state, errors: view.errors } : {}),
  };
}

export function buildScreen(store: SlackStore, person: PlaygroundPerson, location: Location): Screen {
  const channelId =
    location.kind === 'channel'
      ? location.channelId
      : location.kind === 'messages'
        ? directChannelOf(person.id)
        : undefined;
  const channel = PLAYGROUND_CHANNELS.find((c) => c.id === channelId);
  const conversation =
    channelId === undefined
      ? null
      : {
          id: channelId,
          title: channel ? `#${channel.name}` : PLAYGROUND_TEAM.botName,
          purpose: channel?.purpose ?? '',
        };
  const messages = channelId === undefined ? [] : store.channelMessages(channelId, person.id);
  const home = location.kind === 'home' ? store.home(person.id) : undefined;
  const modal = store.modalStack(person.id).at(-1);
  const stackDepth = store.modalStack(person.id).length;
  return {
    version: store.version,
    me: summary(person),
    people: PLAYGROUND_PEOPLE.map(summary),
    channels: PLAYGROUND_CHANNELS.map((c) => ({ id: c.id, name: c.name, purpose: c.purpose })),
    conversation,
    messages: messages.map((m) => ({
      key: `${m.ts}:${m.revision}`,
      html: messageHtml(m, person).value,
    })),
    home:
      location.kind !== 'home'
        ? null
        : home
          ? {
              key: `${home.id}:${home.revision}`,
              viewId: home.id,
              html: renderBlocks(home.view.blocks, context('home', home)).value,
            }
          : { key: 'loading', viewId: '', html: html`<div class="home-loading">Loading…</div>`.value },
    modal: modal
      ? { key: `${modal.id}:${modal.revision}`, viewId: modal.id, html: modalHtml(modal, stackDepth).value }
      : null,
  };
}

function timeIn(ts: string, timeZone: string): string {
  const at = new Date(Number(ts.split('.')[0]) * 1000);
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(at);
}

export function messageHtml(message: StoredMessage, viewer: PlaygroundPerson): Html {
  const author =
    message.author === 'bot'
      ? { name: PLAYGROUND_TEAM.botName, badge: 'APP', initial: 'P', className: 'avatar-bot' }
      : message.author === 'slackbot'
        ? { name: 'Slackbot', badge: '', initial: 'S', className: 'avatar-slackbot' }
        : { name: personById(message.author)?.realName ?? message.author, badge: '', initial: '?', className: '' };
  const body =
    message.blocks.length > 0
      ? renderBlocks(message.blocks, context('message'))
      : message.text !== ''
        ? html`<div class="bk-text">${mrkdwnHtml(message.text, NAMES)}</div>`
        : EMPTY;
  return html`<div
    class="message${message.visibleTo ? ' ephemeral' : ''}"
    data-ts="${message.ts}"
    data-channel="${message.channel}"
  >
    <div class="avatar ${author.className}">${author.initial}</div>
    <div class="message-main">
      <div class="message-meta">
        <span class="author">${author.name}</span
        >${author.badge ? html`<span class="badge">${author.badge}</span>` : EMPTY}<time>${timeIn(message.ts, viewer.timeZone)}</time>${message.edited ? html`<span class="edited">(edited)</span>` : EMPTY}
      </div>
      ${message.visibleTo ? html`<div class="only-you">👁 Only visible to you</div>` : EMPTY}
      <div class="message-body">${body}</div>
      ${message.files.map((file) => {
        const url = `/files/${file.id}/${encodeURIComponent(file.name)}`;
        return file.mimetype.startsWith('image/')
          ? html`<figure class="file file-image">
              <figcaption>${file.title}</figcaption>
              <a href="${url}" target="_blank" rel="noopener"><img src="${url}" alt="${file.title}" /></a>
            </figure>`
          : html`<div class="file file-download">
              <span class="file-icon">📄</span
              ><span class="file-name">${file.title}<small>${file.name} · ${formatSize(file.bytes.length)}</small></span
              ><a class="bk-button" href="${url}" download="${file.name}">Download</a>
            </div>`;
      })}
    </div>
  </div>`;
}

function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

export function modalHtml(view: StoredView, stackDepth: number): Html {
  const v: Json = view.view;
  const general = view.errors[''];
  return html`<div class="modal" role="dialog" aria-modal="true" data-view-id="${view.id}">
    <div class="modal-header">
      ${stackDepth > 1 ? html`<span class="modal-back" aria-hidden="true">‹</span>` : EMPTY}
      <div class="modal-title">${textObject(v.title, context('modal'))}</div>
      <button type="button" class="modal-x" aria-label="Close">×</button>
    </div>
    <div class="modal-body">
      ${general ? html`<div class="modal-error" role="alert">${general}</div>` : EMPTY}
      ${renderBlocks(v.blocks, context('modal', view))}
    </div>
    <div class="modal-footer">
      <button type="button" class="bk-button modal-close">
        ${v.close ? textObject(v.close, context('modal')) : v.submit ? html`Cancel` : html`Close`}
      </button>
      ${v.submit ? html`<button type="button" class="bk-button bk-primary modal-submit">${textObject(v.submit, context('modal'))}</button>` : EMPTY}
    </div>
  </div>`;
}
