/**
 * A local stand-in for the Slack Web API, `response_url` webhooks and the file-upload host, for end-to-end tests.
 *
 * The app reaches it through `SLACK_API_URL` (Bolt: `clientOptions.slackApiUrl`, WebClient: `slackApiUrl`), which
 * must be `fake.url` (it ends with `/api/`). Every request is recorded as a {@link FakeSlackCall} at the moment it
 * arrives (before any injected delay or fault), so `waitFor` resolves as soon as the app has made the call.
 *
 * Recorded pseudo-methods besides real Web API method names:
 * - `response_url`: a POST to a URL from {@link FakeSlack.responseUrl} (`call.id` is the URL's id);
 * - `file_upload`: the POST of the bytes to an `upload_url` from `files.getUploadURLExternal` (`call.id` is the file id).
 * Both accept {@link FakeSlack.failNext} and {@link FakeSlack.delay} under those names.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { SLACK_DEFAULTS } from './slack-defaults.ts';

export type JsonObject = Record<string, unknown>;

export interface FakeSlackCall {
  /** Web API method (`chat.postMessage`), or `response_url` / `file_upload`. */
  readonly method: string;
  /** Parsed body merged over query parameters. Form fields that carry JSON (`blocks`, `view`, `files`, …) are decoded. */
  readonly args: JsonObject;
  /** From `Authorization: Bearer …`, else the `token` field, else undefined. */
  readonly token: string | undefined;
  /** `Date.now()` when the request arrived. */
  readonly at: number;
  /** The `response_url` id or the uploaded file id; undefined for Web API calls. */
  readonly id?: string;
  readonly contentType: string | undefined;
}

export interface FakeSlackFault {
  /**
   * HTTP status to answer with. 429 sends `Retry-After` (see `retryAfter`) and `{ ok: false, error: 'ratelimited' }`.
   * Any other non-200 status sends `{ ok: false, error: error ?? 'internal_error' }` with that status.
   */
  status?: number;
  /** Seconds for `Retry-After` on a 429 (default 1). `null` omits the header (WebClient then aborts the call). */
  retryAfter?: number | null;
  /** With no `status` (or 200): answer HTTP 200 `{ ok: false, error }`, e.g. `channel_not_found`. */
  error?: string;
  /** Extra fields merged into the error body (e.g. `{ response_metadata: { messages: [...] } }`). */
  extra?: JsonObject;
  /** How many consecutive calls this fault applies to (default 1). */
  times?: number;
}

export interface FakeUserConfig {
  name?: string;
  real_name?: string;
  tz?: string;
  /** What users.info says with include_locale (default en-US). */
  locale?: string;
  email?: string;
  is_bot?: boolean;
  is_admin?: boolean;
  deleted?: boolean;
}

export interface FakeChannelConfig {
  name?: string;
  is_private?: boolean;
  is_member?: boolean;
  is_archived?: boolean;
  locale?: string;
  num_members?: number;
}

export interface FakeUpload {
  readonly fileId: string;
  /** The filename given to `files.getUploadURLExternal`. */
  readonly filename: string;
  /** The length declared to `files.getUploadURLExternal`. */
  readonly length: number;
  /** The bytes received (the file part of a multipart body, or the raw body). */
  readonly data: Buffer;
  /** Content-Type of the upload request itself. */
  readonly contentType: string | undefined;
  readonly at: number;
}

export interface FakeSlackIdentity {
  teamId: string;
  teamDomain: string;
  teamName: string;
  appId: string;
  botId: string;
  botUserId: string;
  botName: string;
  /** User id answered by `auth.test` for user tokens (`xoxp-…`) and in `oauth.v2.access` `authed_user`. */
  installerUserId: string;
}

export interface FakeSlackOptions extends Partial<FakeSlackIdentity> {
  /** Answer `not_authed` to Web API calls without a token, as Slack does (default true; OAuth methods are exempt). */
  requireToken?: boolean;
}

export interface FakeSlack {
  /** Base for `SLACK_API_URL` / `slackApiUrl`: `http://127.0.0.1:<port>/api/`. */
  readonly url: string;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly port: number;
  readonly identity: Readonly<FakeSlackIdentity>;
  /** Bytes received through `upload_url`s, in arrival order. */
  readonly uploads: readonly FakeUpload[];
  /** All recorded calls in arrival order, or only those of `method`. */
  calls(method?: string): FakeSlackCall[];
  lastCall(method: string): FakeSlackCall | undefined;
  /** Resolves with the first call (already recorded or future) of `method` matching `predicate`; rejects after `timeoutMs`. */
  waitFor(method: string, predicate?: (call: FakeSlackCall) => boolean, timeoutMs?: number): Promise<FakeSlackCall>;
  /** A fresh `response_url` on this server: `http://127.0.0.1:<port>/response/<id>`. */
  responseUrl(): string;
  setUser(userId: string, config: FakeUserConfig): void;
  setChannel(channelId: string, config: FakeChannelConfig): void;
  /** Fields merged over the default `oauth.v2.access` answer (e.g. `{ team: { id: 'T2', name: 'Other' } }`). */
  setOAuthResponse(override: JsonObject): void;
  /** The next call(s) of `method` fail as described. Faults queue up in order. */
  failNext(method: string, fault: FakeSlackFault): void;
  /** Every later call of `method` is answered `ms` later (0 removes the delay). */
  delay(method: string, ms: number): void;
  /**
   * Calls of `method` are not answered until the function returned is called (they are recorded as
   * they arrive): Slack taking its time. Releasing answers those held, and later calls at once.
   */
  hold(method: string): () => void;
  /** The current state of a view opened/pushed/updated/published through the fake. */
  view(viewId: string): JsonObject | undefined;
  /**
   * A view an app's ack put on screen (`response_action: push` or `update` in a view_submission's ack):
   * Slack knows it from then on, by its external_id too; the test app's sender hands each one over.
   */
  acceptAckedView(view: JsonObject): void;
  /** Back to the just-started state: calls, uploads, faults, delays, holds (released), views, messages and user/channel/OAuth overrides are cleared. */
  reset(): void;
  close(): Promise<void>;
}

type Handler = (args: JsonObject, token: string | undefined) => JsonObject;

interface Waiter {
  method: string;
  predicate: ((call: FakeSlackCall) => boolean) | undefined;
  resolve: (call: FakeSlackCall) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface PendingUpload {
  filename: string;
  length: number;
  title: string | undefined;
  altText: string | undefined;
}

const JSON_FIELDS = new Set([
  'blocks',
  'attachments',
  'view',
  'metadata',
  'files',
  'unfurls',
  'options',
  'option_groups',
  'user_auth_blocks',
  'channel_ids',
]);

/** Methods Slack answers without a bearer token (client credentials go in the body or Basic auth). */
const TOKENLESS_METHODS = new Set(['oauth.v2.access', 'oauth.v2.exchange', 'oauth.access', 'api.test']);

function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function truthy(value: unknown): boolean {
  return value === true || value === 1 || value === 'true' || value === '1';
}

function decodeFormValue(key: string, value: string): unknown {
  if (JSON_FIELDS.has(key) && (value.startsWith('{') || value.startsWith('['))) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

interface ParsedBody {
  args: JsonObject;
  files: { field: string; name: string; data: Buffer }[];
}

async function parseBody(raw: Buffer, contentType: string | undefined, query: URLSearchParams): Promise<ParsedBody> {
  const args: JsonObject = {};
  const files: ParsedBody['files'] = [];
  for (const [key, value] of query) args[key] = decodeFormValue(key, value);
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (raw.length === 0) return { args, files };
  if (type === 'application/json') {
    const parsed: unknown = JSON.parse(raw.toString('utf8'));
    if (isRecord(parsed)) Object.assign(args, parsed);
  } else if (type === 'multipart/form-data' && contentType !== undefined) {
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
    for (const [key, value] of form) {
      if (typeof value === 'string') {
        args[key] = decodeFormValue(key, value);
      } else {
        files.push({ field: key, name: value.name, data: Buffer.from(await value.arrayBuffer()) });
      }
    }
  } else {
    for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) args[key] = decodeFormValue(key, value);
  }
  return { args, files };
}

function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(header);
  return match?.[1]?.trim();
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.writableEnded || res.destroyed) return;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    ...headers,
  });
  res.end(text);
}

/** Offset in seconds east of UTC for an IANA zone at `at`, and a long label, computed with Intl. */
function zoneInfo(tz: string, at: Date): { offset: number; label: string } {
  try {
    const offsetPart = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    const label =
      new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'long' })
        .formatToParts(at)
        .find((p) => p.type === 'timeZoneName')?.value ?? tz;
    const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(offsetPart ?? '');
    if (match === null) return { offset: 0, label };
    const sign = match[1] === '-' ? -1 : 1;
    return { offset: sign * (Number(match[2]) * 3600 + Number(match[3] ?? '0') * 60), label };
  } catch {
    return { offset: 0, label: tz };
  }
}

function randomAlnum(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const identity: FakeSlackIdentity = {
    teamId: options.teamId ?? SLACK_DEFAULTS.teamId,
    teamDomain: options.teamDomain ?? SLACK_DEFAULTS.teamDomain,
    teamName: options.teamName ?? SLACK_DEFAULTS.teamName,
    appId: options.appId ?? SLACK_DEFAULTS.appId,
    botId: options.botId ?? SLACK_DEFAULTS.botId,
    botUserId: options.botUserId ?? SLACK_DEFAULTS.botUserId,
    botName: options.botName ?? SLACK_DEFAULTS.botName,
    installerUserId: options.installerUserId ?? SLACK_DEFAULTS.userId,
  };
  const requireToken = options.requireToken ?? true;

  // ---- mutable state (reset() restores all of it) ----
  let calls: FakeSlackCall[] = [];
  let uploads: FakeUpload[] = [];
  let waiters: Waiter[] = [];
  let faults = new Map<string, FakeSlackFault[]>();
  let delays = new Map<string, number>();
  let holds = new Map<string, Promise<void>>();
  let users = new Map<string, FakeUserConfig>();
  let channels = new Map<string, FakeChannelConfig>();
  let oauthOverride: JsonObject = {};
  let views = new Map<string, JsonObject>();
  let externalIds = new Map<string, string>();
  let homeViews = new Map<string, string>();
  let messages = new Map<string, JsonObject>();
  let pendingUploads = new Map<string, PendingUpload>();
  let tsSeq = 0;
  let idSeq = 0;
  const timers = new Set<NodeJS.Timeout>();
  /** Every hold's release: reset() and close() let held calls go. */
  const releases = new Set<() => void>();

  let origin = '';

  const nextTs = (): string => {
    tsSeq += 1;
    const micros = tsSeq * 100;
    return `${1_700_000_000 + Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, '0')}`;
  };
  const nextId = (prefix: string): string => {
    idSeq += 1;
    return `${prefix}0${String(idSeq).padStart(9, '0')}`;
  };
  const newHash = (): string => `${Math.floor(Date.now() / 1000)}.${randomAlnum(8)}`;

  const record = (call: FakeSlackCall): void => {
    calls.push(call);
    const still: Waiter[] = [];
    for (const waiter of waiters) {
      if (waiter.method === call.method && (waiter.predicate === undefined || waiter.predicate(call))) {
        clearTimeout(waiter.timer);
        waiter.resolve(call);
      } else {
        still.push(waiter);
      }
    }
    waiters = still;
  };

  const takeFault = (method: string): FakeSlackFault | undefined => {
    const queue = faults.get(method);
    const fault = queue?.[0];
    if (queue === undefined || fault === undefined) return undefined;
    const remaining = (fault.times ?? 1) - 1;
    if (remaining > 0) queue[0] = { ...fault, times: remaining };
    else queue.shift();
    if (queue.length === 0) faults.delete(method);
    return fault;
  };

  const sendFault = (res: ServerResponse, fault: FakeSlackFault): void => {
    const status = fault.status ?? 200;
    if (status === 429) {
      const retryAfter = fault.retryAfter === undefined ? 1 : fault.retryAfter;
      const headers: Record<string, string> = retryAfter === null ? {} : { 'retry-after': String(retryAfter) };
      send(res, 429, { ok: false, error: fault.error ?? 'ratelimited', ...fault.extra }, headers);
      return;
    }
    if (status !== 200) {
      send(res, status, { ok: false, error: fault.error ?? 'internal_error', ...fault.extra });
      return;
    }
    send(res, 200, { ok: false, error: fault.error ?? 'fatal_error', ...fault.extra });
  };

  const afterDelay = async (method: string): Promise<void> => {
    await holds.get(method);
    const ms = delays.get(method) ?? 0;
    if (ms <= 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });
  };

  // ---- object builders ----
  const buildUser = (userId: string, includeLocale: boolean): JsonObject => {
    const isBot = userId === identity.botUserId;
    const config = users.get(userId) ?? {};
    const name = config.name ?? (isBot ? identity.botName : userId.toLowerCase());
    const realName = config.real_name ?? (isBot ? 'Pipeline Assistant' : name);
    const tz = config.tz ?? 'Europe/London';
    const zone = zoneInfo(tz, new Date());
    const user: JsonObject = {
      id: userId,
      team_id: identity.teamId,
      name,
      deleted: config.deleted ?? false,
      color: '9f69e7',
      real_name: realName,
      tz,
      tz_label: zone.label,
      tz_offset: zone.offset,
      profile: {
        real_name: realName,
        real_name_normalized: realName,
        display_name: name,
        display_name_normalized: name,
        ...(config.email !== undefined ? { email: config.email } : {}),
        ...(isBot ? { bot_id: identity.botId, api_app_id: identity.appId } : {}),
        image_48: `https://avatars.example/${userId}_48.png`,
        team: identity.teamId,
      },
      is_admin: config.is_admin ?? false,
      is_owner: false,
      is_primary_owner: false,
      is_restricted: false,
      is_ultra_restricted: false,
      is_bot: config.is_bot ?? isBot,
      is_app_user: false,
      updated: 1_700_000_000,
      is_email_confirmed: !isBot,
    };
    // Slack's usual locale (and the app's default): a test that wants another sets it with setUser.
    if (includeLocale) user.locale = config.locale ?? 'en-US';
    return user;
  };

  const buildChannel = (channelId: string, includeLocale: boolean): JsonObject => {
    const config = channels.get(channelId) ?? {};
    const isIm = channelId.startsWith('D');
    const isPrivate = config.is_private ?? channelId.startsWith('G');
    const name =
      config.name ?? (channelId === SLACK_DEFAULTS.channelId ? SLACK_DEFAULTS.channelName : channelId.toLowerCase());
    const channel: JsonObject = {
      id: channelId,
      name,
      name_normalized: name,
      is_channel: !isIm && !isPrivate,
      is_group: !isIm && isPrivate,
      is_im: isIm,
      is_mpim: false,
      is_private: isPrivate || isIm,
      is_archived: config.is_archived ?? false,
      is_general: false,
      is_shared: false,
      is_org_shared: false,
      is_ext_shared: false,
      is_member: config.is_member ?? true,
      created: 1_600_000_000,
      creator: SLACK_DEFAULTS.userId,
      unlinked: 0,
      context_team_id: identity.teamId,
      topic: { value: '', creator: '', last_set: 0 },
      purpose: { value: '', creator: '', last_set: 0 },
      ...(config.num_members !== undefined ? { num_members: config.num_members } : {}),
    };
    if (includeLocale) channel.locale = config.locale ?? 'en-GB';
    return channel;
  };

  const buildView = (
    id: string,
    input: JsonObject,
    previous: JsonObject | undefined,
    extra: JsonObject = {},
  ): JsonObject => ({
    id,
    team_id: identity.teamId,
    type: str(input.type) ?? 'modal',
    blocks: Array.isArray(input.blocks) ? input.blocks : [],
    private_metadata: str(input.private_metadata) ?? '',
    callback_id: str(input.callback_id) ?? '',
    state: { values: {} },
    hash: newHash(),
    title: input.title ?? null,
    clear_on_close: truthy(input.clear_on_close),
    notify_on_close: truthy(input.notify_on_close),
    close: input.close ?? null,
    submit: input.submit ?? null,
    previous_view_id: previous?.previous_view_id ?? null,
    root_view_id: previous?.root_view_id ?? id,
    app_id: identity.appId,
    external_id: str(input.external_id) ?? str(previous?.external_id) ?? '',
    app_installed_team_id: identity.teamId,
    bot_id: identity.botId,
    ...extra,
  });

  const storeView = (view: JsonObject): void => {
    const id = str(view.id) ?? '';
    views.set(id, view);
    const externalId = str(view.external_id);
    if (externalId !== undefined && externalId !== '') externalIds.set(externalId, id);
  };

  const resolveChannel = (channel: string): string =>
    /^[UW]/.test(channel) ? `D${channel.slice(1)}` : channel.startsWith('#') ? SLACK_DEFAULTS.channelId : channel;

  const hasMessageContent = (args: JsonObject): boolean =>
    (str(args.text) ?? '') !== '' ||
    (Array.isArray(args.blocks) && args.blocks.length > 0) ||
    (Array.isArray(args.attachments) && args.attachments.length > 0) ||
    (str(args.markdown_text) ?? '') !== '';

  const defaultOAuth = (): JsonObject => ({
    ok: true,
    app_id: identity.appId,
    authed_user: { id: identity.installerUserId },
    scope: 'commands,chat:write,chat:write.public,users:read,channels:read,im:write',
    token_type: 'bot',
    access_token: SLACK_DEFAULTS.botToken,
    bot_user_id: identity.botUserId,
    team: { id: identity.teamId, name: identity.teamName },
    enterprise: null,
    is_enterprise_install: false,
  });

  const handlers: Record<string, Handler> = {
    'api.test': (args) => ({ ok: true, args }),
    'auth.test': (_args, token) =>
      token?.startsWith('xoxp-') === true
        ? {
            ok: true,
            url: `https://${identity.teamDomain}.slack.com/`,
            team: identity.teamName,
            user: str(buildUser(identity.installerUserId, false).name) ?? '',
            team_id: identity.teamId,
            user_id: identity.installerUserId,
            is_enterprise_install: false,
          }
        : {
            ok: true,
            url: `https://${identity.teamDomain}.slack.com/`,
            team: identity.teamName,
            user: identity.botName,
            team_id: identity.teamId,
            user_id: identity.botUserId,
            bot_id: identity.botId,
            is_enterprise_install: false,
          },
    'chat.postMessage': (args) => {
      const channel = str(args.channel);
      if (channel === undefined || channel === '') return { ok: false, error: 'channel_not_found' };
      if (!hasMessageContent(args)) return { ok: false, error: 'no_text' };
      const ts = nextTs();
      const resolved = resolveChannel(channel);
      const message: JsonObject = {
        type: 'message',
        user: identity.botUserId,
        bot_id: identity.botId,
        app_id: identity.appId,
        team: identity.teamId,
        text: str(args.text) ?? '',
        ts,
        ...(args.blocks !== undefined ? { blocks: args.blocks } : {}),
        ...(args.attachments !== undefined ? { attachments: args.attachments } : {}),
        ...(args.metadata !== undefined ? { metadata: args.metadata } : {}),
        ...(str(args.thread_ts) !== undefined ? { thread_ts: str(args.thread_ts) } : {}),
      };
      messages.set(`${resolved}:${ts}`, message);
      return { ok: true, channel: resolved, ts, message };
    },
    'chat.update': (args) => {
      const channel = str(args.channel);
      const ts = str(args.ts);
      if (channel === undefined || channel === '') return { ok: false, error: 'channel_not_found' };
      if (ts === undefined || ts === '') return { ok: false, error: 'message_not_found' };
      if (!hasMessageContent(args)) return { ok: false, error: 'no_text' };
      const key = `${channel}:${ts}`;
      const previous = messages.get(key) ?? {
        type: 'message',
        user: identity.botUserId,
        bot_id: identity.botId,
        app_id: identity.appId,
        team: identity.teamId,
        ts,
      };
      const message: JsonObject = {
        ...previous,
        text: str(args.text) ?? '',
        ...(args.blocks !== undefined ? { blocks: args.blocks } : {}),
        ...(args.attachments !== undefined ? { attachments: args.attachments } : {}),
        edited: { user: identity.botUserId, ts: nextTs() },
      };
      messages.set(key, message);
      return { ok: true, channel, ts, text: message.text, message };
    },
    'chat.postEphemeral': (args) => {
      const channel = str(args.channel);
      if (channel === undefined || channel === '') return { ok: false, error: 'channel_not_found' };
      if (str(args.user) === undefined) return { ok: false, error: 'user_not_in_channel' };
      if (!hasMessageContent(args)) return { ok: false, error: 'no_text' };
      return { ok: true, message_ts: nextTs() };
    },
    'chat.delete': (args) => {
      const channel = str(args.channel);
      const ts = str(args.ts);
      if (channel === undefined || channel === '') return { ok: false, error: 'channel_not_found' };
      if (ts === undefined || ts === '') return { ok: false, error: 'message_not_found' };
      messages.delete(`${channel}:${ts}`);
      return { ok: true, channel, ts };
    },
    'views.open': (args) => {
      if (str(args.trigger_id) === undefined && str(args.interactivity_pointer) === undefined) {
        return { ok: false, error: 'invalid_arguments' };
      }
      if (!isRecord(args.view)) return { ok: false, error: 'invalid_arguments' };
      const externalId = str(args.view.external_id);
      if (externalId !== undefined && externalId !== '' && externalIds.has(externalId)) {
        return { ok: false, error: 'duplicate_external_id' };
      }
      const view = buildView(nextId('V'), args.view, undefined);
      storeView(view);
      return { ok: true, view };
    },
    'views.push': (args) => {
      if (str(args.trigger_id) === undefined && str(args.interactivity_pointer) === undefined) {
        return { ok: false, error: 'invalid_arguments' };
      }
      if (!isRecord(args.view)) return { ok: false, error: 'invalid_arguments' };
      const view = buildView(nextId('V'), args.view, undefined);
      storeView(view);
      return { ok: true, view };
    },
    'views.update': (args) => {
      if (!isRecord(args.view)) return { ok: false, error: 'invalid_arguments' };
      const externalId = str(args.external_id);
      let viewId = str(args.view_id);
      if ((viewId === undefined || viewId === '') && externalId !== undefined) {
        viewId = externalIds.get(externalId);
        if (viewId === undefined) return { ok: false, error: 'not_found' };
      }
      if (viewId === undefined || viewId === '') return { ok: false, error: 'invalid_arguments' };
      const previous = views.get(viewId);
      const hash = str(args.hash);
      if (previous !== undefined && hash !== undefined && hash !== '' && hash !== previous.hash) {
        return { ok: false, error: 'hash_conflict' };
      }
      const view = buildView(viewId, args.view, previous);
      storeView(view);
      return { ok: true, view };
    },
    'views.publish': (args) => {
      const userId = str(args.user_id);
      if (userId === undefined || userId === '') return { ok: false, error: 'invalid_arguments' };
      if (!isRecord(args.view)) return { ok: false, error: 'invalid_arguments' };
      const existingId = homeViews.get(userId);
      const previous = existingId === undefined ? undefined : views.get(existingId);
      const hash = str(args.hash);
      if (previous !== undefined && hash !== undefined && hash !== '' && hash !== previous.hash) {
        return { ok: false, error: 'hash_conflict' };
      }
      const viewId = existingId ?? nextId('V');
      homeViews.set(userId, viewId);
      const view = buildView(viewId, { ...args.view, type: str(args.view.type) ?? 'home' }, previous);
      storeView(view);
      return { ok: true, view };
    },
    'users.info': (args) => {
      const userId = str(args.user);
      if (userId === undefined || userId === '') return { ok: false, error: 'user_not_found' };
      return { ok: true, user: buildUser(userId, truthy(args.include_locale)) };
    },
    'conversations.info': (args) => {
      const channelId = str(args.channel);
      if (channelId === undefined || channelId === '') return { ok: false, error: 'channel_not_found' };
      return { ok: true, channel: buildChannel(channelId, truthy(args.include_locale)) };
    },
    'conversations.join': (args) => {
      const channelId = str(args.channel);
      if (channelId === undefined || channelId === '') return { ok: false, error: 'channel_not_found' };
      const config = channels.get(channelId) ?? {};
      if (config.is_private === true) return { ok: false, error: 'method_not_supported_for_channel_type' };
      if (config.is_archived === true) return { ok: false, error: 'is_archived' };
      const already = config.is_member ?? true;
      channels.set(channelId, { ...config, is_member: true });
      return {
        ok: true,
        channel: buildChannel(channelId, false),
        ...(already ? { warning: 'already_in_channel', response_metadata: { warnings: ['already_in_channel'] } } : {}),
      };
    },
    'files.getUploadURLExternal': (args) => {
      const filename = str(args.filename);
      const length = Number(str(args.length));
      if (filename === undefined || filename === '' || !Number.isFinite(length)) {
        return { ok: false, error: 'invalid_arguments' };
      }
      const fileId = nextId('F');
      pendingUploads.set(fileId, { filename, length, title: undefined, altText: str(args.alt_text) });
      return { ok: true, upload_url: `${origin}/upload/${fileId}`, file_id: fileId };
    },
    'files.completeUploadExternal': (args) => {
      const files = args.files;
      if (!Array.isArray(files) || files.length === 0) return { ok: false, error: 'invalid_arguments' };
      const out: JsonObject[] = [];
      for (const entry of files) {
        const id = isRecord(entry) ? str(entry.id) : undefined;
        const pending = id === undefined ? undefined : pendingUploads.get(id);
        if (id === undefined || pending === undefined) return { ok: false, error: 'file_not_found' };
        const upload = uploads.find((u) => u.fileId === id);
        const title = (isRecord(entry) ? str(entry.title) : undefined) ?? pending.filename;
        const channelId = str(args.channel_id);
        out.push({
          id,
          created: Math.floor(Date.now() / 1000),
          timestamp: Math.floor(Date.now() / 1000),
          name: pending.filename,
          title,
          mimetype: '',
          filetype: '',
          pretty_type: '',
          user: identity.botUserId,
          user_team: identity.teamId,
          size: upload?.data.length ?? pending.length,
          is_public: channelId !== undefined && channelId.startsWith('C'),
          url_private: `https://files.slack.com/files-pri/${identity.teamId}-${id}/${encodeURIComponent(pending.filename)}`,
          permalink: `https://${identity.teamDomain}.slack.com/files/${identity.botUserId}/${id}/${encodeURIComponent(pending.filename)}`,
          ...(pending.altText !== undefined ? { alt_txt: pending.altText } : {}),
          shares: {},
          channels: channelId === undefined ? [] : [channelId],
        });
      }
      return { ok: true, files: out };
    },
    'oauth.v2.access': (args) => {
      if ((str(args.code) ?? '') === '' && (str(args.refresh_token) ?? '') === '') {
        return { ok: false, error: 'invalid_code' };
      }
      return { ...defaultOAuth(), ...oauthOverride };
    },
  };

  const handleApi = async (
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    parsed: ParsedBody,
    contentType: string | undefined,
  ): Promise<void> => {
    const token = bearerToken(req) ?? str(parsed.args.token);
    record({ method, args: parsed.args, token, at: Date.now(), contentType });
    await afterDelay(method);
    const fault = takeFault(method);
    if (fault !== undefined) {
      sendFault(res, fault);
      return;
    }
    const handler = handlers[method];
    if (handler === undefined) {
      send(res, 200, { ok: false, error: 'unknown_method', req_method: method });
      return;
    }
    if (requireToken && !TOKENLESS_METHODS.has(method) && (token === undefined || token === '')) {
      send(res, 200, { ok: false, error: 'not_authed' });
      return;
    }
    send(res, 200, handler(parsed.args, token));
  };

  const handleUpload = async (
    res: ServerResponse,
    fileId: string,
    raw: Buffer,
    parsed: ParsedBody,
    contentType: string | undefined,
    token: string | undefined,
  ): Promise<void> => {
    const pending = pendingUploads.get(fileId);
    const data = parsed.files[0]?.data ?? (contentType?.startsWith('multipart/') === true ? Buffer.alloc(0) : raw);
    record({
      method: 'file_upload',
      id: fileId,
      args: { file_id: fileId, filename: pending?.filename, length: data.length },
      token,
      at: Date.now(),
      contentType,
    });
    await afterDelay('file_upload');
    const fault = takeFault('file_upload');
    if (fault !== undefined) {
      sendFault(res, fault);
      return;
    }
    if (pending === undefined) {
      send(res, 404, 'file_not_found');
      return;
    }
    uploads.push({ fileId, filename: pending.filename, length: pending.length, data, contentType, at: Date.now() });
    send(res, 200, `OK - ${data.length}`);
  };

  const handleResponseUrl = async (
    res: ServerResponse,
    id: string,
    parsed: ParsedBody,
    contentType: string | undefined,
  ): Promise<void> => {
    record({ method: 'response_url', id, args: parsed.args, token: undefined, at: Date.now(), contentType });
    await afterDelay('response_url');
    const fault = takeFault('response_url');
    if (fault !== undefined) {
      sendFault(res, fault);
      return;
    }
    send(res, 200, { ok: true });
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const contentType = req.headers['content-type'];
        const raw = await readBody(req);
        let parsed: ParsedBody;
        try {
          // An upload's raw bytes are the file, not form fields (only a multipart upload has fields).
          const rawUpload = url.pathname.startsWith('/upload/') && !(contentType ?? '').startsWith('multipart/');
          parsed = rawUpload ? { args: {}, files: [] } : await parseBody(raw, contentType, url.searchParams);
        } catch {
          if (url.pathname.startsWith('/upload/')) parsed = { args: {}, files: [] };
          else {
            send(res, 200, { ok: false, error: 'invalid_json' });
            return;
          }
        }
        const api = /^\/api\/([A-Za-z0-9_.]+)$/.exec(url.pathname);
        if (api?.[1] !== undefined) {
          await handleApi(req, res, api[1], parsed, contentType);
          return;
        }
        const upload = /^\/upload\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
        if (upload?.[1] !== undefined && req.method === 'POST') {
          await handleUpload(res, upload[1], raw, parsed, contentType, bearerToken(req));
          return;
        }
        const response = /^\/response\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
        if (response?.[1] !== undefined && req.method === 'POST') {
          await handleResponseUrl(res, response[1], parsed, contentType);
          return;
        }
        send(res, 404, 'not_found');
      } catch (error) {
        send(res, 500, { ok: false, error: 'fake_slack_internal_error', detail: String(error) });
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  let closed = false;

  const fake: FakeSlack = {
    url: `${origin}/api/`,
    origin,
    port,
    identity,
    get uploads(): readonly FakeUpload[] {
      return uploads;
    },
    calls(method?: string): FakeSlackCall[] {
      return method === undefined ? [...calls] : calls.filter((c) => c.method === method);
    },
    lastCall(method: string): FakeSlackCall | undefined {
      return calls.filter((c) => c.method === method).at(-1);
    },
    waitFor(method, predicate, timeoutMs = 5000): Promise<FakeSlackCall> {
      const existing = calls.find((c) => c.method === method && (predicate === undefined || predicate(c)));
      if (existing !== undefined) return Promise.resolve(existing);
      if (closed) return Promise.reject(new Error(`fake Slack is closed; no ${method} call will arrive`));
      return new Promise<FakeSlackCall>((resolve, reject) => {
        const waiter: Waiter = {
          method,
          predicate,
          resolve,
          reject,
          timer: setTimeout(() => {
            waiters = waiters.filter((w) => w !== waiter);
            const seen = calls.map((c) => c.method).join(', ') || 'none';
            reject(new Error(`fake Slack: no matching ${method} call within ${timeoutMs} ms (calls so far: ${seen})`));
          }, timeoutMs),
        };
        waiters.push(waiter);
      });
    },
    responseUrl(): string {
      idSeq += 1;
      return `${origin}/response/${identity.teamId}-${idSeq}-${randomAlnum(12)}`;
    },
    setUser(userId, config): void {
      users.set(userId, { ...users.get(userId), ...config });
    },
    setChannel(channelId, config): void {
      channels.set(channelId, { ...channels.get(channelId), ...config });
    },
    setOAuthResponse(override): void {
      oauthOverride = { ...oauthOverride, ...override };
    },
    failNext(method, fault): void {
      const queue = faults.get(method) ?? [];
      queue.push({ ...fault });
      faults.set(method, queue);
    },
    delay(method, ms): void {
      if (ms <= 0) delays.delete(method);
      else delays.set(method, ms);
    },
    hold(method): () => void {
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = () => {
          if (holds.get(method) === held) holds.delete(method);
          releases.delete(release);
          resolve();
        };
      });
      holds.set(method, held);
      releases.add(release);
      return release;
    },
    view(viewId): JsonObject | undefined {
      return views.get(viewId);
    },
    acceptAckedView(view): void {
      storeView(buildView(nextId('V'), view, undefined));
    },
    reset(): void {
      for (const waiter of waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error('fake Slack was reset while waiting'));
      }
      calls = [];
      uploads = [];
      waiters = [];
      faults = new Map();
      delays = new Map();
      for (const release of releases) release();
      releases.clear();
      holds = new Map();
      users = new Map();
      channels = new Map();
      oauthOverride = {};
      views = new Map();
      externalIds = new Map();
      homeViews = new Map();
      messages = new Map();
      pendingUploads = new Map();
      tsSeq = 0;
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const release of releases) release();
      for (const waiter of waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error('fake Slack was closed while waiting'));
      }
      waiters = [];
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  return fake;
}
