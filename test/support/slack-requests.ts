/**
 * Builders for requests exactly as Slack sends them to an app's Request URL, and a sender that signs them with
 * Slack's v0 scheme (HMAC-SHA256 over `v0:<timestamp>:<raw body>`) and POSTs them to `<baseUrl>/slack/events`.
 *
 * Builders are pure: they return the raw body plus the structured payload, so a test can assert on what it sent.
 * IDs default to {@link SLACK_DEFAULTS}, which is also what the fake Slack Web API answers with.
 */
import { randomBytes } from 'node:crypto';

import { signSlackRequest } from '../../src/playground/slack/signing.ts';

import { SLACK_DEFAULTS } from './slack-defaults.ts';

export type JsonObject = Record<string, unknown>;

export type SlackContentType = 'application/x-www-form-urlencoded' | 'application/json';

export interface SlackRequest<P = JsonObject> {
  readonly kind: 'command' | 'interaction' | 'event';
  /** Exactly what Slack sends. Bolt compares the form type with `===`, so no `; charset` suffix. */
  readonly contentType: SlackContentType;
  /** The raw body that is signed and sent. */
  readonly body: string;
  /** Command fields, interaction payload, or event envelope, as an object. */
  readonly payload: P;
}

/**
 * Where `respond()` goes when a test gives no `responseUrl`: a closed port on 127.0.0.1, so a stray `respond()`
 * fails fast (the connection is refused: a connection error, not a RespondError) instead of reaching hooks.slack.com.
 */
export const UNROUTABLE_RESPONSE_URL = 'http://127.0.0.1:9/response/not-configured';

// ---------------------------------------------------------------------------------------------------------------
// ids

function digits(n: number): string {
  let out = '';
  for (const b of randomBytes(n)) out += String(b % 10);
  return out.replace(/^0/, '1');
}

/** A trigger id shaped like Slack's: `<13 digits>.<10 digits>.<32 hex>`. */
export function newTriggerId(): string {
  return `${digits(13)}.${digits(10)}.${randomBytes(16).toString('hex')}`;
}

/** A Unix timestamp with microseconds, as Slack formats `action_ts` / message `ts`. */
export function slackTs(date: Date = new Date()): string {
  const ms = date.getTime();
  return `${Math.floor(ms / 1000)}.${String((ms % 1000) * 1000 + Math.floor(Math.random() * 1000)).padStart(6, '0')}`;
}

export function newEventId(): string {
  return `Ev${randomBytes(5).toString('hex').toUpperCase()}`;
}

// ---------------------------------------------------------------------------------------------------------------
// common option shapes

export interface ActorOptions {
  userId?: string;
  userName?: string;
  teamId?: string;
  teamDomain?: string;
  apiAppId?: string;
  /** Grid: enterprise id. Omitted (null) by default. */
  enterpriseId?: string;
  enterpriseName?: string;
  isEnterpriseInstall?: boolean;
}

function actor(options: ActorOptions) {
  const teamId = options.teamId ?? SLACK_DEFAULTS.teamId;
  const userId = options.userId ?? SLACK_DEFAULTS.userId;
  const userName = options.userName ?? SLACK_DEFAULTS.userName;
  return {
    teamId,
    userId,
    userName,
    teamDomain: options.teamDomain ?? SLACK_DEFAULTS.teamDomain,
    apiAppId: options.apiAppId ?? SLACK_DEFAULTS.appId,
    enterprise:
      options.enterpriseId === undefined
        ? null
        : { id: options.enterpriseId, name: options.enterpriseName ?? 'Acme Corp' },
    isEnterpriseInstall: options.isEnterpriseInstall ?? false,
    user: { id: userId, username: userName, name: userName, team_id: teamId },
    team: { id: teamId, domain: options.teamDomain ?? SLACK_DEFAULTS.teamDomain },
  };
}

function formRequest<P extends JsonObject>(
  kind: SlackRequest['kind'],
  fields: Record<string, string>,
  payload: P,
): SlackRequest<P> {
  return {
    kind,
    contentType: 'application/x-www-form-urlencoded',
    body: new URLSearchParams(fields).toString(),
    payload,
  };
}

function interaction<P extends JsonObject>(payload: P): SlackRequest<P> {
  return formRequest('interaction', { payload: JSON.stringify(payload) }, payload);
}

// ---------------------------------------------------------------------------------------------------------------
// slash command

export interface SlashCommandOptions extends ActorOptions {
  /** The `response_url`; in e2e tests use `fake.responseUrl()`. */
  responseUrl: string;
  text?: string;
  command?: string;
  channelId?: string;
  channelName?: string;
  triggerId?: string;
}

/** Slack's slash-command POST: form-encoded fields (values are strings; `is_enterprise_install` is "true"/"false"). */
export function slashCommand(options: SlashCommandOptions): SlackRequest<Record<string, string>> {
  const a = actor(options);
  const fields: Record<string, string> = {
    token: SLACK_DEFAULTS.verificationToken,
    team_id: a.teamId,
    team_domain: a.teamDomain,
    ...(a.enterprise !== null ? { enterprise_id: a.enterprise.id, enterprise_name: a.enterprise.name } : {}),
    channel_id: options.channelId ?? SLACK_DEFAULTS.channelId,
    channel_name:
      options.channelName ??
      (options.channelId?.startsWith('D') === true ? 'directmessage' : SLACK_DEFAULTS.channelName),
    user_id: a.userId,
    user_name: a.userName,
    command: options.command ?? '/opp',
    text: options.text ?? '',
    api_app_id: a.apiAppId,
    is_enterprise_install: String(a.isEnterpriseInstall),
    response_url: options.responseUrl,
    trigger_id: options.triggerId ?? newTriggerId(),
  };
  return formRequest('command', fields, fields);
}

// ---------------------------------------------------------------------------------------------------------------
// views (used inside interaction payloads)

export interface ViewOptions {
  viewId?: string;
  hash?: string;
  callbackId?: string;
  privateMetadata?: string;
  /** `view.state.values`: `{ [block_id]: { [action_id]: { type, value | selected_option | selected_date … } } }`. */
  values?: Record<string, Record<string, JsonObject>>;
  blocks?: unknown[];
  title?: string;
  type?: 'modal' | 'home';
  externalId?: string;
  rootViewId?: string;
  previousViewId?: string | null;
  teamId?: string;
  notifyOnClose?: boolean;
}

/** A full `view` object as it appears in `view_submission`, `view_closed`, and modal `block_actions` payloads. */
export function buildView(options: ViewOptions = {}): JsonObject {
  const id = options.viewId ?? 'V0PIPEVIEW1';
  const type = options.type ?? 'modal';
  return {
    id,
    team_id: options.teamId ?? SLACK_DEFAULTS.teamId,
    type,
    blocks: options.blocks ?? [],
    private_metadata: options.privateMetadata ?? '',
    callback_id: options.callbackId ?? '',
    state: { values: options.values ?? {} },
    hash: options.hash ?? `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString('hex')}`,
    ...(type === 'modal'
      ? {
          title: { type: 'plain_text', text: options.title ?? 'Opportunity', emoji: true },
          clear_on_close: false,
          notify_on_close: options.notifyOnClose ?? false,
          close: { type: 'plain_text', text: 'Cancel', emoji: true },
          submit: { type: 'plain_text', text: 'Save', emoji: true },
        }
      : {}),
    previous_view_id: options.previousViewId ?? null,
    root_view_id: options.rootViewId ?? id,
    app_id: SLACK_DEFAULTS.appId,
    external_id: options.externalId ?? '',
    app_installed_team_id: options.teamId ?? SLACK_DEFAULTS.teamId,
    bot_id: SLACK_DEFAULTS.botId,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// block_actions

export interface BlockActionOptions extends ActorOptions {
  actionId: string;
  blockId?: string;
  /** Element type (default `button`). */
  type?: string;
  /** `value` of a button. */
  value?: string;
  /** Extra fields of the action object, e.g. `{ selected_option: { text, value } }` or `{ selected_date: '2025-01-31' }`. */
  action?: JsonObject;
  /** Button label (default "Button"). */
  text?: string;
  /** Message container (the default when `view` is absent). */
  channelId?: string;
  channelName?: string;
  messageTs?: string;
  /** The `message` the button sits in; default a bot message with no blocks. */
  message?: JsonObject;
  /** Inside a modal / Home tab: a full view object (see {@link buildView}); switches the container to `view`. */
  view?: JsonObject;
  /** `response_url` (message actions only); default {@link UNROUTABLE_RESPONSE_URL}. */
  responseUrl?: string;
  triggerId?: string;
  /** Form values already typed in the modal (`state.values`), for message actions. */
  state?: Record<string, Record<string, JsonObject>>;
}

export function blockAction(options: BlockActionOptions): SlackRequest {
  const a = actor(options);
  const actionTs = slackTs();
  const type = options.type ?? 'button';
  const actionObject: JsonObject = {
    action_id: options.actionId,
    block_id: options.blockId ?? 'actions',
    type,
    action_ts: actionTs,
    ...(type === 'button' ? { text: { type: 'plain_text', text: options.text ?? 'Button', emoji: true } } : {}),
    ...(options.value !== undefined ? { value: options.value } : {}),
    ...options.action,
  };
  const common = {
    type: 'block_actions',
    user: a.user,
    api_app_id: a.apiAppId,
    token: SLACK_DEFAULTS.verificationToken,
    trigger_id: options.triggerId ?? newTriggerId(),
    team: a.team,
    enterprise: a.enterprise,
    is_enterprise_install: a.isEnterpriseInstall,
  };
  if (options.view !== undefined) {
    const view = options.view;
    return interaction({
      ...common,
      container: { type: 'view', view_id: view.id },
      view,
      actions: [actionObject],
    });
  }
  const channelId = options.channelId ?? SLACK_DEFAULTS.channelId;
  const messageTs = options.messageTs ?? '1700000000.000100';
  const message: JsonObject = options.message ?? {
    type: 'message',
    user: SLACK_DEFAULTS.botUserId,
    bot_id: SLACK_DEFAULTS.botId,
    app_id: SLACK_DEFAULTS.appId,
    team: a.teamId,
    text: 'Opportunity',
    ts: messageTs,
    blocks: [],
  };
  return interaction({
    ...common,
    container: { type: 'message', message_ts: messageTs, channel_id: channelId, is_ephemeral: false },
    channel: { id: channelId, name: options.channelName ?? SLACK_DEFAULTS.channelName },
    message,
    state: { values: options.state ?? {} },
    response_url: options.responseUrl ?? UNROUTABLE_RESPONSE_URL,
    actions: [actionObject],
  });
}

// ---------------------------------------------------------------------------------------------------------------
// view_submission / view_closed

export interface ViewSubmissionOptions extends ActorOptions, Omit<ViewOptions, 'teamId'> {
  callbackId: string;
  /** `response_urls` when the modal has `response_url_enabled` inputs (Bolt wires `respond()` to the first). */
  responseUrls?: { block_id: string; action_id: string; channel_id: string; response_url: string }[];
  triggerId?: string;
}

export function viewSubmission(options: ViewSubmissionOptions): SlackRequest {
  const a = actor(options);
  return interaction({
    type: 'view_submission',
    team: a.team,
    user: a.user,
    api_app_id: a.apiAppId,
    token: SLACK_DEFAULTS.verificationToken,
    trigger_id: options.triggerId ?? newTriggerId(),
    view: buildView({ ...options, teamId: a.teamId }),
    response_urls: options.responseUrls ?? [],
    is_enterprise_install: a.isEnterpriseInstall,
    enterprise: a.enterprise,
  });
}

export interface ViewClosedOptions extends ActorOptions, Omit<ViewOptions, 'teamId'> {
  callbackId: string;
  isCleared?: boolean;
}

export function viewClosed(options: ViewClosedOptions): SlackRequest {
  const a = actor(options);
  return interaction({
    type: 'view_closed',
    team: a.team,
    user: a.user,
    api_app_id: a.apiAppId,
    token: SLACK_DEFAULTS.verificationToken,
    view: buildView({ notifyOnClose: true, ...options, teamId: a.teamId }),
    is_cleared: options.isCleared ?? false,
    is_enterprise_install: a.isEnterpriseInstall,
    enterprise: a.enterprise,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// block_suggestion (external_select options load)

export interface BlockSuggestionOptions extends ActorOptions {
  actionId: string;
  /** What the user typed. */
  value: string;
  blockId?: string;
  /** The modal the select sits in (default: a modal built with {@link buildView}). */
  view?: JsonObject;
}

export function blockSuggestion(options: BlockSuggestionOptions): SlackRequest {
  const a = actor(options);
  const view = options.view ?? buildView({ teamId: a.teamId });
  return interaction({
    type: 'block_suggestion',
    user: a.user,
    container: { type: 'view', view_id: view.id },
    api_app_id: a.apiAppId,
    token: SLACK_DEFAULTS.verificationToken,
    action_id: options.actionId,
    block_id: options.blockId ?? 'input',
    value: options.value,
    team: a.team,
    enterprise: a.enterprise,
    is_enterprise_install: a.isEnterpriseInstall,
    view,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Events API

export interface EventCallbackOptions {
  /** The inner event, e.g. `{ type: 'app_home_opened', user, channel, tab: 'home', event_ts }`. */
  event: JsonObject;
  teamId?: string;
  apiAppId?: string;
  eventId?: string;
  /** Unix seconds (default now). */
  eventTime?: number;
  /** `authorizations[0].user_id`: the installation the event is delivered for (default the bot user). */
  authorizedUserId?: string;
  enterpriseId?: string;
}

export function eventCallback(options: EventCallbackOptions): SlackRequest {
  const teamId = options.teamId ?? SLACK_DEFAULTS.teamId;
  const enterpriseId = options.enterpriseId ?? null;
  const envelope: JsonObject = {
    token: SLACK_DEFAULTS.verificationToken,
    team_id: teamId,
    context_team_id: teamId,
    context_enterprise_id: enterpriseId,
    api_app_id: options.apiAppId ?? SLACK_DEFAULTS.appId,
    event: options.event,
    type: 'event_callback',
    event_id: options.eventId ?? newEventId(),
    event_time: options.eventTime ?? Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: enterpriseId,
        team_id: teamId,
        user_id: options.authorizedUserId ?? SLACK_DEFAULTS.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${Buffer.from(JSON.stringify({ et: options.event.type, tid: teamId })).toString('base64url')}`,
  };
  return { kind: 'event', contentType: 'application/json', body: JSON.stringify(envelope), payload: envelope };
}

export function urlVerification(challenge: string): SlackRequest {
  const payload: JsonObject = { token: SLACK_DEFAULTS.verificationToken, challenge, type: 'url_verification' };
  return { kind: 'event', contentType: 'application/json', body: JSON.stringify(payload), payload };
}

// ---------------------------------------------------------------------------------------------------------------
// signing and sending

/** `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<body>` keyed with the signing secret (shared with the playground). */
export { signSlackRequest };

export interface SendOptions {
  signingSecret: string;
  /** Unix seconds put in `X-Slack-Request-Timestamp` and the signature (default now). */
  timestamp?: number;
  /** Sign the original body but send a modified one (Bolt must answer 401). */
  tamper?: boolean;
  /** Events API retry headers. */
  retryNum?: number;
  retryReason?: string;
  /** Path on the app (default `/slack/events`). */
  path?: string;
  /** Abort the request after this many ms (default none). */
  timeoutMs?: number;
}

export interface SlackAppResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON (throws on a non-JSON body). */
  json(): unknown;
  /** Milliseconds from sending to the full response. */
  elapsedMs: number;
}

function tamperBody(request: SlackRequest): string {
  if (request.contentType === 'application/json') {
    return request.body.replace(/}\s*$/, ',"tampered":true}');
  }
  return `${request.body}&tampered=1`;
}

export async function sendToSlackApp(
  baseUrl: string,
  request: SlackRequest,
  options: SendOptions,
): Promise<SlackAppResponse> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = signSlackRequest(options.signingSecret, timestamp, request.body);
  const body = options.tamper === true ? tamperBody(request) : request.body;
  const headers: Record<string, string> = {
    'Content-Type': request.contentType,
    'X-Slack-Request-Timestamp': String(timestamp),
    'X-Slack-Signature': signature,
    'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    Accept: '*/*',
  };
  if (options.retryNum !== undefined) headers['X-Slack-Retry-Num'] = String(options.retryNum);
  if (options.retryReason !== undefined) headers['X-Slack-Retry-Reason'] = options.retryReason;
  const url = `${baseUrl.replace(/\/+$/, '')}${options.path ?? '/slack/events'}`;
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body,
    ...(options.timeoutMs !== undefined ? { signal: AbortSignal.timeout(options.timeoutMs) } : {}),
  });
  const text = await response.text();
  const elapsedMs = performance.now() - started;
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: () => JSON.parse(text) as unknown,
    elapsedMs,
  };
}
