// The Slack Web API methods the app calls, answered as Slack answers them (same fields, same error
// codes), against the playground's store. The app reaches them through SLACK_API_URL with its bot token.
import { DIGEST_CHANNEL, directChannelOf, PLAYGROUND_CHANNELS, PLAYGROUND_TEAM, personById } from '../identity.ts';
import type { Json } from '../render/blocks.ts';
import type { SlackStore, StoredFile, StoredView } from './store.ts';

export type ApiResult = Json & { ok: boolean };

/** Fields Slack's clients send JSON-encoded inside a form body. */
const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'metadata', 'files']);

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
function obj(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}
function truthy(value: unknown): boolean {
  return value === true || value === 'true' || value === '1' || value === 1;
}

/** A form or JSON body as Slack's Web API reads it (JSON fields of a form decoded). */
export function readApiArguments(raw: string, contentType: string | undefined): Json {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') {
    const parsed: unknown = raw === '' ? {} : JSON.parse(raw);
    return obj(parsed) ?? {};
  }
  const args: Json = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    if (JSON_FIELDS.has(key) && /^[[{]/.test(value)) {
      try {
        args[key] = JSON.parse(value) as unknown;
        continue;
      } catch {
        // Slack would answer invalid_arguments for this field; keep the text and let the method decide.
      }
    }
    args[key] = value;
  }
  return args;
}

const FILE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  csv: 'text/csv',
  txt: 'text/plain',
  pdf: 'application/pdf',
};

export function mimetypeOf(filename: string): string {
  const extension = filename.split('.').pop()?.toLowerCase() ?? '';
  return FILE_TYPES[extension] ?? 'application/octet-stream';
}

/** Slack gives every block (and every interactive element) an id when the app gave none. */
export function withBlockIds(blocks: unknown): Json[] {
  if (!Array.isArray(blocks)) return [];
  return blocks.map((block, index) => {
    const b = obj(block) ?? {};
    const blockId =
      str(b.block_id) ??
      `b${index}${Math.abs(hashOf(JSON.stringify(b)))
        .toString(36)
        .slice(0, 4)}`;
    const withActions = (element: unknown, i: number): unknown => {
      const e = obj(element);
      if (!e || e.action_id !== undefined || ['image', 'mrkdwn', 'plain_text'].includes(String(e.type))) return element;
      return { ...e, action_id: `${blockId}-${i}` };
    };
    return {
      ...b,
      block_id: blockId,
      ...(Array.isArray(b.elements) && b.type === 'actions' ? { elements: b.elements.map(withActions) } : {}),
      ...(obj(b.accessory) ? { accessory: withActions(b.accessory, 0) } : {}),
      ...(obj(b.element) ? { element: withActions(b.element, 0) } : {}),
    };
  });
}

function hashOf(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return h;
}

function zone(timeZone: string): { offset: number; label: string } {
  const at = new Date();
  const part = (style: 'longOffset' | 'long') =>
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: style })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(part('longOffset'));
  const offset = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 3600 + Number(match[3] ?? 0) * 60) : 0;
  return { offset, label: part('long') || timeZone };
}

export class SlackWebApi {
  constructor(
    private readonly store: SlackStore,
    private readonly botToken: string,
    /** `http://127.0.0.1:<port>`: where upload URLs and file downloads point. */
    private readonly origin: () => string,
  ) {}

  call(method: string, args: Json, token: string | undefined): ApiResult {
    const handler = this.handlers[method];
    if (handler === undefined) return { ok: false, error: 'unknown_method', req_method: method };
    if (token === undefined || token === '') return { ok: false, error: 'not_authed' };
    if (token !== this.botToken) return { ok: false, error: 'invalid_auth' };
    return handler(args);
  }

  /** A channel id from an id, a `#name`, or a user id (the app's DM with that person). */
  private channelOf(value: string | undefined): string | undefined {
    if (value === undefined || value === '') return undefined;
    if (value.startsWith('#')) return PLAYGROUND_CHANNELS.find((c) => c.name === value.slice(1))?.id;
    if (personById(value)) return directChannelOf(value);
    if (PLAYGROUND_CHANNELS.some((c) => c.id === value)) return value;
    if (value.startsWith('D') && personById(`U${value.slice(1)}`)) return value;
    return undefined;
  }

  private readonly handlers: Record<string, (args: Json) => ApiResult> = {
    'auth.test': () => ({
      ok: true,
      url: `https://${PLAYGROUND_TEAM.domain}.slack.com/`,
      team: PLAYGROUND_TEAM.name,
      user: PLAYGROUND_TEAM.botName.toLowerCase(),
      team_id: PLAYGROUND_TEAM.id,
      user_id: PLAYGROUND_TEAM.botUserId,
      bot_id: PLAYGROUND_TEAM.botId,
      is_enterprise_install: false,
    }),
    'chat.postMessage': (args) => {
      const channel = this.channelOf(str(args.channel));
      if (channel === undefined) return { ok: false, error: 'channel_not_found' };
      const content = messageContent(args);
      if (content === undefined) return { ok: false, error: 'no_text' };
      const message = this.store.addMessage({ channel, author: 'bot', ...content, files: [], visibleTo: undefined });
      return { ok: true, channel, ts: message.ts, message: this.messageJson(message.ts, content) };
    },
    'chat.postEphemeral': (args) => {
      const channel = this.channelOf(str(args.channel));
      if (channel === undefined) return { ok: false, error: 'channel_not_found' };
      const user = str(args.user);
      if (user === undefined || !personById(user)) return { ok: false, error: 'user_not_in_channel' };
      const content = messageContent(args);
      if (content === undefined) return { ok: false, error: 'no_text' };
      const message = this.store.addMessage({ channel, author: 'bot', ...content, files: [], visibleTo: user });
      return { ok: true, message_ts: message.ts };
    },
    'chat.update': (args) => {
      const channel = this.channelOf(str(args.channel));
      const ts = str(args.ts);
      if (channel === undefined) return { ok: false, error: 'channel_not_found' };
      const message = ts === undefined ? undefined : this.store.message(channel, ts);
      if (message === undefined || message.visibleTo !== undefined) return { ok: false, error: 'message_not_found' };
      if (message.author !== 'bot') return { ok: false, error: 'cant_update_message' };
      const content = messageContent(args);
      if (content === undefined) return { ok: false, error: 'no_text' };
      this.store.updateMessage(message, content);
      return { ok: true, channel, ts: message.ts, text: content.text, message: this.messageJson(message.ts, content) };
    },
    'chat.delete': (args) => {
      const channel = this.channelOf(str(args.channel));
      const ts = str(args.ts);
      if (channel === undefined) return { ok: false, error: 'channel_not_found' };
      if (ts === undefined || !this.store.deleteMessage(channel, ts)) return { ok: false, error: 'message_not_found' };
      return { ok: true, channel, ts };
    },
    'views.open': (args) => {
      const view = obj(args.view);
      if (!view) return { ok: false, error: 'invalid_arguments' };
      const trigger = this.store.useTrigger(str(args.trigger_id) ?? '');
      if (typeof trigger === 'string') return { ok: false, error: trigger };
      const externalId = str(view.external_id);
      if (externalId && this.store.viewByExternalId(externalId)) return { ok: false, error: 'duplicate_external_id' };
      return { ok: true, view: viewJson(this.store.openModal(trigger.userId, normaliseView(view, 'modal'))) };
    },
    'views.push': (args) => {
      const view = obj(args.view);
      if (!view) return { ok: false, error: 'invalid_arguments' };
      const trigger = this.store.useTrigger(str(args.trigger_id) ?? '');
      if (typeof trigger === 'string') return { ok: false, error: trigger };
      const pushed = this.store.pushModal(trigger.userId, normaliseView(view, 'modal'));
      if (pushed === 'no_modal') return { ok: false, error: 'not_found' };
      if (pushed === 'push_limit_reached') return { ok: false, error: pushed };
      return { ok: true, view: viewJson(pushed) };
    },
    'views.update': (args) => {
      const view = obj(args.view);
      if (!view) return { ok: false, error: 'invalid_arguments' };
      const viewId = str(args.view_id);
      const externalId = str(args.external_id);
      const existing = viewId
        ? this.store.view(viewId)
        : externalId
          ? this.store.viewByExternalId(externalId)
          : undefined;
      if (existing === undefined) return { ok: false, error: 'not_found' };
      const hash = str(args.hash);
      if (hash && hash !== existing.hash) return { ok: false, error: 'hash_conflict' };
      return { ok: true, view: viewJson(this.store.replaceView(existing, normaliseView(view, existing.type))) };
    },
    'views.publish': (args) => {
      const view = obj(args.view);
      const userId = str(args.user_id);
      if (!view || userId === undefined) return { ok: false, error: 'invalid_arguments' };
      if (!personById(userId)) return { ok: false, error: 'user_not_found' };
      const existing = this.store.home(userId);
      const hash = str(args.hash);
      if (existing && hash && hash !== existing.hash) return { ok: false, error: 'hash_conflict' };
      return { ok: true, view: viewJson(this.store.publishHome(userId, normaliseView(view, 'home'))) };
    },
    'users.info': (args) => {
      const userId = str(args.user) ?? '';
      const user = this.userJson(userId, truthy(args.include_locale));
      return user ? { ok: true, user } : { ok: false, error: 'user_not_found' };
    },
    'conversations.info': (args) => {
      const channelId = this.channelOf(str(args.channel));
      if (channelId === undefined) return { ok: false, error: 'channel_not_found' };
      return { ok: true, channel: channelJson(channelId, truthy(args.include_locale)) };
    },
    'conversations.join': (args) => {
      const channelId = this.channelOf(str(args.channel));
      if (channelId === undefined) return { ok: false, error: 'channel_not_found' };
      if (channelId.startsWith('D')) return { ok: false, error: 'method_not_supported_for_channel_type' };
      return { ok: true, channel: channelJson(channelId, false), warning: 'already_in_channel' };
    },
    'files.getUploadURLExternal': (args) => {
      const filename = str(args.filename);
      const length = Number(str(args.length));
      if (!filename || !Number.isInteger(length) || length < 0) return { ok: false, error: 'invalid_arguments' };
      const fileId = this.store.nextId('F');
      this.store.pendingUploads.set(fileId, { name: filename, length });
      return { ok: true, upload_url: `${this.origin()}/upload/${fileId}`, file_id: fileId };
    },
    'files.completeUploadExternal': (args) => {
      const entries = Array.isArray(args.files) ? args.files.map(obj) : [];
      if (entries.length === 0) return { ok: false, error: 'invalid_arguments' };
      const channelArg = str(args.channel_id) ?? str(args.channels);
      const channel = channelArg === undefined ? undefined : this.channelOf(channelArg);
      if (channelArg !== undefined && channel === undefined) return { ok: false, error: 'channel_not_found' };
      const files: StoredFile[] = [];
      for (const entry of entries) {
        const id = str(entry?.id) ?? '';
        const pending = this.store.pendingUploads.get(id);
        if (pending?.bytes === undefined) return { ok: false, error: 'file_not_found' };
        this.store.pendingUploads.delete(id);
        const file: StoredFile = {
          id,
          name: pending.name,
          title: str(entry?.title) ?? pending.name,
          mimetype: mimetypeOf(pending.name),
          bytes: pending.bytes,
        };
        this.store.files.set(id, file);
        files.push(file);
      }
      if (channel !== undefined) {
        this.store.addMessage({
          channel,
          author: 'bot',
          text: str(args.initial_comment) ?? '',
          blocks: [],
          files,
          visibleTo: undefined,
        });
      }
      return {
        ok: true,
        files: files.map((f) => ({
          id: f.id,
          name: f.name,
          title: f.title,
          mimetype: f.mimetype,
          size: f.bytes.length,
          url_private: `${this.origin()}/files/${f.id}/${encodeURIComponent(f.name)}`,
          channels: channel ? [channel] : [],
        })),
      };
    },
  };

  /** Receives the bytes POSTed to an upload URL; false when no such upload was asked for. */
  receiveUpload(fileId: string, bytes: Buffer): boolean {
    const pending = this.store.pendingUploads.get(fileId);
    if (pending === undefined) return false;
    pending.bytes = bytes;
    return true;
  }

  userJson(userId: string, includeLocale: boolean): Json | undefined {
    if (userId === PLAYGROUND_TEAM.botUserId) {
      return {
        id: userId,
        team_id: PLAYGROUND_TEAM.id,
        name: PLAYGROUND_TEAM.botName.toLowerCase(),
        real_name: PLAYGROUND_TEAM.botName,
        is_bot: true,
        deleted: false,
        profile: {
          real_name: PLAYGROUND_TEAM.botName,
          display_name: PLAYGROUND_TEAM.botName,
          bot_id: PLAYGROUND_TEAM.botId,
        },
      };
    }
    const person = personById(userId);
    if (!person) return undefined;
    const { offset, label } = zone(person.timeZone);
    return {
      id: person.id,
      team_id: PLAYGROUND_TEAM.id,
      name: person.handle,
      real_name: person.realName,
      deleted: false,
      tz: person.timeZone,
      tz_label: label,
      tz_offset: offset,
      is_bot: false,
      is_admin: false,
      profile: {
        real_name: person.realName,
        display_name: person.handle,
        title: person.title,
        team: PLAYGROUND_TEAM.id,
      },
      ...(includeLocale ? { locale: person.locale } : {}),
    };
  }

  private messageJson(ts: string, content: { text: string; blocks: Json[] }): Json {
    return {
      type: 'message',
      user: PLAYGROUND_TEAM.botUserId,
      bot_id: PLAYGROUND_TEAM.botId,
      app_id: PLAYGROUND_TEAM.appId,
      team: PLAYGROUND_TEAM.id,
      ts,
      ...content,
    };
  }
}

/** A message's text and blocks, or undefined when it has neither (Slack: no_text). */
function messageContent(args: Json): { text: string; blocks: Json[] } | undefined {
  const text = str(args.text) ?? '';
  const blocks = withBlockIds(args.blocks);
  if (text === '' && blocks.length === 0) return undefined;
  return { text, blocks };
}

function normaliseView(view: Json, type: 'modal' | 'home'): Json {
  return { ...view, type: str(view.type) ?? type, blocks: withBlockIds(view.blocks) };
}

/** A view as Slack returns it and puts it in payloads. */
export function viewJson(stored: StoredView): Json {
  const v = stored.view;
  return {
    id: stored.id,
    team_id: PLAYGROUND_TEAM.id,
    type: stored.type,
    blocks: v.blocks ?? [],
    private_metadata: str(v.private_metadata) ?? '',
    callback_id: str(v.callback_id) ?? '',
    state: { values: stored.state },
    hash: stored.hash,
    title: v.title ?? null,
    clear_on_close: truthy(v.clear_on_close),
    notify_on_close: truthy(v.notify_on_close),
    close: v.close ?? null,
    submit: v.submit ?? null,
    previous_view_id: stored.previousViewId ?? null,
    root_view_id: stored.rootViewId,
    app_id: PLAYGROUND_TEAM.appId,
    external_id: str(v.external_id) ?? '',
    app_installed_team_id: PLAYGROUND_TEAM.id,
    bot_id: PLAYGROUND_TEAM.botId,
  };
}

export function channelJson(channelId: string, includeLocale: boolean): Json {
  const channel = PLAYGROUND_CHANNELS.find((c) => c.id === channelId);
  const isIm = channelId.startsWith('D');
  const name = channel?.name ?? channelId.toLowerCase();
  return {
    id: channelId,
    name,
    name_normalized: name,
    is_channel: !isIm,
    is_group: false,
    is_im: isIm,
    is_private: isIm,
    is_archived: false,
    is_member: true,
    is_general: channelId === DIGEST_CHANNEL.id,
    context_team_id: PLAYGROUND_TEAM.id,
    purpose: { value: channel?.purpose ?? '', creator: '', last_set: 0 },
    ...(includeLocale ? { locale: 'en-US' } : {}),
  };
}
