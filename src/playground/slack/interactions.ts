// Slack's side of every interaction: what a person does on the page becomes the request Slack would
// send to the app's Request URL (a slash command, block_actions, block_suggestion, view_submission,
// view_closed, an app_home_opened event), signed with the app's signing secret; the app's answer (the
// ack body, response_url posts) is then shown as Slack shows it.
import { randomBytes } from 'node:crypto';
import { directChannelOf, PLAYGROUND_CHANNELS, PLAYGROUND_PEOPLE, PLAYGROUND_TEAM, personById } from '../identity.ts';
import type { Json, StateValues } from '../render/blocks.ts';
import { signSlackRequest } from './signing.ts';
import { RESPONSE_URL_USES, type SlackStore, type StoredView } from './store.ts';
import { viewJson, withBlockIds } from './web-api.ts';

export interface AppEndpoint {
  /** The app's Request URL (`…/slack/events`). */
  readonly url: string;
  readonly signingSecret: string;
}

/** What a person did to one element (the page sends it; the element itself is looked up in the blocks). */
export interface ElementInput {
  blockId: string;
  actionId: string;
  /** Text typed, a date, a time, a chosen option's or user's value. */
  value?: string | null | undefined;
  /** Checkboxes: the values ticked. */
  values?: string[] | undefined;
  /** external_select: the option chosen from the suggestions (its text is not in the blocks). */
  option?: { text: string; value: string } | null | undefined;
}

export type Surface = { kind: 'message'; channelId: string; ts: string } | { kind: 'view'; viewId: string };

export interface SuggestedOption {
  text: string;
  value: string;
  description?: string | undefined;
}

/** Slack waits 3 seconds for an ack; the playground waits longer so a busy machine still shows answers. */
const ACK_TIMEOUT_MS = 10_000;

function obj(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}
function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
function list(value: unknown): Json[] {
  return Array.isArray(value) ? value.map(obj).filter((v): v is Json => v !== undefined) : [];
}

/** Every element of the blocks with the block it sits in. */
function elementsOf(blocks: unknown): { blockId: string; element: Json; inInput: boolean }[] {
  const out: { blockId: string; element: Json; inInput: boolean }[] = [];
  for (const block of list(blocks)) {
    const blockId = str(block.block_id) ?? '';
    for (const element of list(block.elements))
      if (block.type === 'actions') out.push({ blockId, element, inInput: false });
    const accessory = obj(block.accessory);
    if (accessory) out.push({ blockId, element: accessory, inInput: false });
    const element = obj(block.element);
    if (element && block.type === 'input') out.push({ blockId, element, inInput: true });
  }
  return out;
}

function findElement(blocks: unknown, blockId: string, actionId: string): Json | undefined {
  return elementsOf(blocks).find((e) => e.blockId === blockId && e.element.action_id === actionId)?.element;
}

/** All options of a select, radio group, checkbox group or overflow menu (groups flattened). */
function optionsOf(element: Json): Json[] {
  return [...list(element.options), ...list(element.option_groups).flatMap((g) => list(g.options))];
}

/** An element's value in Slack's state.values shape, from what the page sent. */
function stateValue(element: Json, input: ElementInput): Json | undefined {
  const type = str(element.type) ?? '';
  const option = (value: string | null | undefined) =>
    value ? (optionsOf(element).find((o) => o.value === value) ?? null) : null;
  switch (type) {
    case 'plain_text_input':
    case 'number_input':
    case 'email_text_input':
    case 'url_text_input':
      return { type, value: input.value === '' || input.value === undefined ? null : input.value };
    case 'static_select':
    case 'radio_buttons':
      return { type, selected_option: option(input.value) };
    case 'external_select':
      return {
        type,
        selected_option: input.option
          ? { text: { type: 'plain_text', text: input.option.text, emoji: true }, value: input.option.value }
          : null,
      };
    case 'checkboxes':
      return { type, selected_options: optionsOf(element).filter((o) => input.values?.includes(String(o.value))) };
    case 'datepicker':
      return { type, selected_date: input.value || null };
    case 'timepicker':
      return { type, selected_time: input.value || null };
    case 'users_select':
      return { type, selected_user: input.value && personById(input.value) ? input.value : null };
    default:
      return undefined;
  }
}

/** The view's state.values from the page's inputs; only elements that are in the view count. */
export function stateFrom(blocks: unknown, inputs: readonly ElementInput[]): StateValues {
  const state: StateValues = {};
  for (const input of inputs) {
    const element = findElement(blocks, input.blockId, input.actionId);
    const value = element ? stateValue(element, input) : undefined;
    if (value === undefined) continue;
    (state[input.blockId] ??= {})[input.actionId] = value;
  }
  return state;
}

/** The `actions[0]` Slack sends for this element and input. */
function actionObject(element: Json, input: ElementInput): Json {
  const type = str(element.type) ?? '';
  const base: Json = {
    type,
    block_id: input.blockId,
    action_id: input.actionId,
    action_ts: `${(Date.now() / 1000).toFixed(6)}`,
  };
  if (type === 'button') {
    return {
      ...base,
      text: element.text,
      ...(element.value !== undefined ? { value: element.value } : {}),
      ...(element.style !== undefined ? { style: element.style } : {}),
    };
  }
  if (type === 'overflow') {
    return { ...base, selected_option: optionsOf(element).find((o) => o.value === input.value) ?? null };
  }
  const { type: _type, ...value } = stateValue(element, input) ?? {};
  return { ...base, ...value };
}

export interface SubmitOutcome {
  /** What happened to the modal: closed, updated or pushed, or errors shown under fields. */
  result: 'closed' | 'updated' | 'pushed' | 'errors' | 'failed';
}

export class SlackInteractions {
  private readonly verificationToken = randomBytes(12).toString('hex');

  constructor(
    private readonly store: SlackStore,
    private readonly endpoint: () => AppEndpoint,
    /** `http://127.0.0.1:<port>`: where response URLs point. */
    private readonly origin: () => string,
  ) {}

  // ---- what a person does

  /**
   * `/opp <text>` typed in a channel. Slack escapes the text as the manifest asks (should_escape):
   * `&`, `<`, `>` become entities, `@handle` and `#channel` become mentions.
   */
  async command(userId: string, channelId: string, text: string): Promise<void> {
    const person = this.person(userId);
    if (!this.conversationExists(userId, channelId)) return;
    const responseId = this.store.newResponseTarget({ userId, channelId, sourceTs: undefined });
    const fields: Record<string, string> = {
      token: this.verificationToken,
      team_id: PLAYGROUND_TEAM.id,
      team_domain: PLAYGROUND_TEAM.domain,
      channel_id: channelId,
      channel_name: channelId.startsWith('D')
        ? 'directmessage'
        : (PLAYGROUND_CHANNELS.find((c) => c.id === channelId)?.name ?? ''),
      user_id: userId,
      user_name: person.handle,
      command: '/opp',
      text: escapeCommandText(text),
      api_app_id: PLAYGROUND_TEAM.appId,
      is_enterprise_install: 'false',
      response_url: this.responseUrl(responseId),
      trigger_id: this.store.newTrigger(userId),
    };
    const answer = await this.deliver(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded');
    if (!answer.ok) return this.slackbotSays(userId, channelId, `/opp failed with the error "${answer.error}"`);
    const body = parseAck(answer.text);
    if (typeof body === 'string') {
      if (body !== '')
        this.store.addMessage({
          channel: channelId,
          author: 'bot',
          text: body,
          blocks: [],
          files: [],
          visibleTo: userId,
        });
      return;
    }
    if (body && (str(body.text) || Array.isArray(body.blocks)))
      this.postResponse(body, { userId, channelId, sourceTs: undefined });
  }

  /** A message a person writes (the app does not read channel messages; it is shown as Slack would). */
  say(userId: string, channelId: string, text: string): void {
    const command = /^\/\S+/.exec(text);
    if (command)
      return this.slackbotSays(
        userId,
        channelId,
        `${command[0]} is not a valid command. In Slack, all messages that start with "/" are interpreted as commands.`,
      );
    if (!this.conversationExists(userId, channelId)) return;
    this.store.addMessage({
      channel: channelId,
      author: userId,
      text: escapeCommandText(text),
      blocks: [],
      files: [],
      visibleTo: undefined,
    });
  }

  /** A click or a choice on a message's element. */
  async messageAction(userId: string, channelId: string, ts: string, input: ElementInput): Promise<void> {
    const message = this.store.message(channelId, ts);
    if (!message || (message.visibleTo !== undefined && message.visibleTo !== userId)) return;
    const element = findElement(message.blocks, input.blockId, input.actionId);
    if (!element) return;
    const ephemeral = message.visibleTo !== undefined;
    const responseId = this.store.newResponseTarget({ userId, channelId, sourceTs: ts });
    const payload = {
      type: 'block_actions',
      ...this.actor(userId),
      api_app_id: PLAYGROUND_TEAM.appId,
      token: this.verificationToken,
      trigger_id: this.store.newTrigger(userId),
      container: { type: 'message', message_ts: ts, channel_id: channelId, is_ephemeral: ephemeral },
      channel: { id: channelId, name: PLAYGROUND_CHANNELS.find((c) => c.id === channelId)?.name ?? 'directmessage' },
      // Slack sends the message only when it is not ephemeral.
      ...(ephemeral
        ? {}
        : {
            message: {
              type: 'message',
              user: PLAYGROUND_TEAM.botUserId,
              bot_id: PLAYGROUND_TEAM.botId,
              app_id: PLAYGROUND_TEAM.appId,
              team: PLAYGROUND_TEAM.id,
              text: message.text,
              ts,
              blocks: message.blocks,
            },
          }),
      state: { values: {} },
      response_url: this.responseUrl(responseId),
      actions: [actionObject(element, input)],
    };
    await this.deliverInteraction(payload);
  }

  /** A click or choice inside a modal or the Home tab; `inputs` are the values entered so far. */
  async viewAction(
    userId: string,
    viewId: string,
    input: ElementInput,
    inputs: readonly ElementInput[],
  ): Promise<void> {
    const view = this.ownView(userId, viewId);
    if (!view) return;
    const element = findElement(view.view.blocks, input.blockId, input.actionId);
    if (!element) return;
    this.store.setViewInput(view, stateFrom(view.view.blocks, inputs), view.errors);
    await this.deliverInteraction({
      type: 'block_actions',
      ...this.actor(userId),
      api_app_id: PLAYGROUND_TEAM.appId,
      token: this.verificationToken,
      trigger_id: this.store.newTrigger(userId),
      container: { type: 'view', view_id: view.id },
      view: viewJson(view),
      actions: [actionObject(element, input)],
    });
  }

  /** An external_select asking the app for options (Slack: block_suggestion, answered in the ack). */
  async suggest(
    userId: string,
    surface: Surface,
    blockId: string,
    actionId: string,
    value: string,
  ): Promise<SuggestedOption[]> {
    const view = surface.kind === 'view' ? this.ownView(userId, surface.viewId) : undefined;
    const payload: Json = {
      type: 'block_suggestion',
      ...this.actor(userId),
      api_app_id: PLAYGROUND_TEAM.appId,
      token: this.verificationToken,
      action_id: actionId,
      block_id: blockId,
      value,
      ...(view
        ? { container: { type: 'view', view_id: view.id }, view: viewJson(view) }
        : surface.kind === 'message'
          ? {
              container: { type: 'message', message_ts: surface.ts, channel_id: surface.channelId },
              channel: { id: surface.channelId },
            }
          : {}),
    };
    const answer = await this.deliver(interactionBody(payload), 'application/x-www-form-urlencoded');
    const body = answer.ok ? parseAck(answer.text) : undefined;
    if (!body || typeof body === 'string') return [];
    const toOption = (o: Json): SuggestedOption => ({
      text: str(obj(o.text)?.text) ?? '',
      value: str(o.value) ?? '',
      description: str(obj(o.description)?.text),
    });
    return [...list(body.options), ...list(body.option_groups).flatMap((g) => list(g.options))]
      .slice(0, 100)
      .map(toOption);
  }

  /** Submit pressed on the modal on top. */
  async submit(userId: string, viewId: string, inputs: readonly ElementInput[]): Promise<SubmitOutcome> {
    const view = this.ownView(userId, viewId);
    if (!view || view.type !== 'modal') return { result: 'failed' };
    const state = stateFrom(view.view.blocks, inputs);
    this.store.setViewInput(view, state);
    const payload = {
      type: 'view_submission',
      ...this.actor(userId),
      api_app_id: PLAYGROUND_TEAM.appId,
      token: this.verificationToken,
      trigger_id: this.store.newTrigger(userId),
      view: viewJson(view),
      response_urls: [],
    };
    const answer = await this.deliver(interactionBody(payload), 'application/x-www-form-urlencoded');
    if (!answer.ok) {
      this.store.setViewInput(view, state, { '': 'We had some trouble connecting. Try again?' });
      return { result: 'failed' };
    }
    const body = parseAck(answer.text);
    const action = typeof body === 'object' && body ? str(body.response_action) : undefined;
    const next = typeof body === 'object' && body ? obj(body.view) : undefined;
    if (action === 'errors' && typeof body === 'object' && body) {
      const errors = Object.fromEntries(Object.entries(obj(body.errors) ?? {}).map(([k, v]) => [k, String(v)]));
      this.store.setViewInput(view, state, errors);
      return { result: 'errors' };
    }
    if (action === 'update' && next) {
      this.store.replaceView(view, { ...next, type: 'modal', blocks: withBlockIds(next.blocks) });
      return { result: 'updated' };
    }
    if (action === 'push' && next) {
      this.store.pushModal(userId, { ...next, type: 'modal', blocks: withBlockIds(next.blocks) });
      return { result: 'pushed' };
    }
    this.store.closeModals(userId, action === 'clear' ? 'all' : 'top');
    return { result: 'closed' };
  }

  /** The modal's close button (or ×): the view on top goes (all of them with clear_on_close); view_closed if the app asked for it. */
  async close(userId: string, viewId: string): Promise<void> {
    const view = this.ownView(userId, viewId);
    if (!view || view.type !== 'modal') return;
    // A view with clear_on_close takes the whole stack with it.
    const closed = this.store.closeModals(userId, view.view.clear_on_close === true ? 'all' : 'top');
    for (const gone of closed) {
      if (gone.view.notify_on_close !== true) continue;
      await this.deliverInteraction({
        type: 'view_closed',
        ...this.actor(userId),
        api_app_id: PLAYGROUND_TEAM.appId,
        token: this.verificationToken,
        view: viewJson(gone),
        is_cleared: false,
      });
    }
  }

  /** The person opens the app's Home tab: Slack sends app_home_opened. */
  async openHome(userId: string): Promise<void> {
    const home = this.store.home(userId);
    const event = {
      type: 'app_home_opened',
      user: userId,
      channel: directChannelOf(userId),
      tab: 'home',
      event_ts: `${(Date.now() / 1000).toFixed(6)}`,
      ...(home ? { view: viewJson(home) } : {}),
    };
    const envelope = {
      token: this.verificationToken,
      team_id: PLAYGROUND_TEAM.id,
      context_team_id: PLAYGROUND_TEAM.id,
      context_enterprise_id: null,
      api_app_id: PLAYGROUND_TEAM.appId,
      event,
      type: 'event_callback',
      event_id: `Ev${randomBytes(5).toString('hex').toUpperCase()}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [
        {
          enterprise_id: null,
          team_id: PLAYGROUND_TEAM.id,
          user_id: PLAYGROUND_TEAM.botUserId,
          is_bot: true,
          is_enterprise_install: false,
        },
      ],
      is_ext_shared_channel: false,
    };
    await this.deliver(JSON.stringify(envelope), 'application/json');
  }

  // ---- what the app sends back through a response_url

  /** A POST to a response URL: a reply only the person sees, or one for the channel, or a change to the clicked message. */
  receiveResponse(id: string, body: Json): { status: number; body: Json | string } {
    const target = this.store.responseTarget(id);
    if (!target) return { status: 404, body: 'expired_url' };
    if (target.uses >= RESPONSE_URL_USES) return { status: 404, body: 'used_url' };
    target.uses += 1;
    this.postResponse(body, target);
    return { status: 200, body: { ok: true } };
  }

  private postResponse(body: Json, target: { userId: string; channelId: string; sourceTs: string | undefined }): void {
    const source = target.sourceTs ? this.store.message(target.channelId, target.sourceTs) : undefined;
    if (body.delete_original === true || body.delete_original === 'true') {
      if (source) this.store.deleteMessage(source.channel, source.ts);
      return;
    }
    const content = { text: str(body.text) ?? '', blocks: withBlockIds(body.blocks) };
    if ((body.replace_original === true || body.replace_original === 'true') && source) {
      this.store.updateMessage(source, content);
      return;
    }
    const inChannel = body.response_type === 'in_channel';
    this.store.addMessage({
      channel: target.channelId,
      author: 'bot',
      ...content,
      files: [],
      visibleTo: inChannel ? undefined : target.userId,
    });
  }

  // ---- delivery

  private async deliverInteraction(payload: Json): Promise<void> {
    const answer = await this.deliver(interactionBody(payload), 'application/x-www-form-urlencoded');
    if (!answer.ok) {
      const user = str(obj(payload.user)?.id);
      const channel = str(obj(payload.container)?.channel_id);
      if (user && channel) this.slackbotSays(user, channel, `The app did not respond (${answer.error}).`);
    }
  }

  private async deliver(
    body: string,
    contentType: 'application/json' | 'application/x-www-form-urlencoded',
  ): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
    const { url, signingSecret } = this.endpoint();
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': contentType,
          'X-Slack-Request-Timestamp': String(timestamp),
          'X-Slack-Signature': signSlackRequest(signingSecret, timestamp, body),
          'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
        },
        body,
        signal: AbortSignal.timeout(ACK_TIMEOUT_MS),
      });
      const text = await response.text();
      if (response.status !== 200) return { ok: false, error: `http_${response.status}` };
      return { ok: true, text };
    } catch (error) {
      return {
        ok: false,
        error: error instanceof Error && error.name === 'TimeoutError' ? 'operation_timeout' : 'dispatch_failed',
      };
    }
  }

  private conversationExists(userId: string, channelId: string): boolean {
    return PLAYGROUND_CHANNELS.some((c) => c.id === channelId) || channelId === directChannelOf(userId);
  }

  private slackbotSays(userId: string, channelId: string, text: string): void {
    this.store.addMessage({ channel: channelId, author: 'slackbot', text, blocks: [], files: [], visibleTo: userId });
  }

  private responseUrl(id: string): string {
    return `${this.origin()}/response/${id}`;
  }

  private person(userId: string) {
    const person = personById(userId);
    if (!person) throw new Error(`no person ${userId} in the playground`);
    return person;
  }

  private actor(userId: string): Json {
    const person = this.person(userId);
    return {
      user: { id: person.id, username: person.handle, name: person.handle, team_id: PLAYGROUND_TEAM.id },
      team: { id: PLAYGROUND_TEAM.id, domain: PLAYGROUND_TEAM.domain },
      enterprise: null,
      is_enterprise_install: false,
    };
  }

  /** A modal of this person's stack, or their Home tab. */
  private ownView(userId: string, viewId: string): StoredView | undefined {
    const view = this.store.view(viewId);
    return view && view.userId === userId ? view : undefined;
  }
}

function interactionBody(payload: Json): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** An ack body: '' (nothing), JSON, or plain text. */
function parseAck(text: string): Json | string | undefined {
  if (text.trim() === '') return undefined;
  try {
    return obj(JSON.parse(text)) ?? text;
  } catch {
    return text;
  }
}

/**
 * A command's text as Slack delivers it with should_escape: the three control characters as entities,
 * then `@handle` and `#channel` of this workspace as mentions.
 */
export function escapeCommandText(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped
    .replace(/(^|\s)@([a-z0-9._-]+)/gi, (whole, space: string, handle: string) => {
      const person = PLAYGROUND_PEOPLE.find((p) => p.handle === handle.toLowerCase());
      return person ? `${space}<@${person.id}|${person.handle}>` : whole;
    })
    .replace(/(^|\s)#([a-z0-9._-]+)/gi, (whole, space: string, name: string) => {
      const channel = PLAYGROUND_CHANNELS.find((c) => c.name === name.toLowerCase());
      return channel ? `${space}<#${channel.id}|${channel.name}>` : whole;
    });
}
