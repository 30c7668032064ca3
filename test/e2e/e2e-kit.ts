// Shared helpers of the end-to-end suites: reading what the app sent to the fake Slack, filling a
// modal's state.values the way Slack does from the view the app opened, and interactions Slack sends
// that the request builders do not cover directly (buttons on ephemeral messages).
import { expect } from 'vitest';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import type { FakeSlackCall, JsonObject } from '../support/fake-slack.ts';
import { blockAction, buildView, type BlockActionOptions, type SlackRequest } from '../support/slack-requests.ts';
import { allText, type TestApp } from '../support/test-app.ts';

/** What the app must never show a person. */
export const BROKEN_TEXT = /undefined|\[object Object\]|NaN/;

/** All text of a message, view or call, checked for broken interpolations. */
export function sentences(value: unknown): string {
  const text = allText(value);
  expect(text).not.toMatch(BROKEN_TEXT);
  return text;
}

/** A mark in the fake's call log: `calls()` afterwards returns only what came later. */
export function mark(t: TestApp): { calls(method?: string): FakeSlackCall[] } {
  const start = t.fake.calls().length;
  return {
    calls: (method) =>
      t.fake
        .calls()
        .slice(start)
        .filter((c) => method === undefined || c.method === method),
  };
}

/** Every call in the log is free of broken text (run at the end of a test). */
export function expectNoBrokenText(calls: readonly FakeSlackCall[]): void {
  for (const call of calls) expect(allText(call.args), `${call.method} sent broken text`).not.toMatch(BROKEN_TEXT);
}

/** `/opp …` that must reply: ack 200 with an empty body, and the reply's text (checked). */
export async function run(t: TestApp, text: string, teamId: string, userId?: string): Promise<string> {
  const { ack, reply } = await t.command(text, { teamId, ...(userId ? { userId } : {}) });
  expect(ack.status).toBe(200);
  expect(ack.text).toBe('');
  return sentences(reply.args);
}

// ---- modals -------------------------------------------------------------------------------------

export interface OpenedModal {
  /** The id the test uses for this modal in later payloads (Slack's view id). */
  id: string;
  hash: string;
  view: JsonObject;
}

let viewCounter = 0;

/** The view the app opened with views.open (after `since`), with its trigger_id checked. */
export async function openedModal(
  t: TestApp,
  since: { calls(method?: string): FakeSlackCall[] },
  callbackId: string,
  triggerId?: string,
): Promise<OpenedModal> {
  const call = await t.fake.waitFor(
    'views.open',
    (c) =>
      since.calls('views.open').includes(c) &&
      isObject(c.args.view) &&
      c.args.view.callback_id === callbackId &&
      (triggerId === undefined || c.args.trigger_id === triggerId),
  );
  const view = call.args.view as JsonObject;
  sentences(view);
  viewCounter += 1;
  return { id: `V0E2E${String(viewCounter).padStart(6, '0')}`, hash: `1700000000.e2e${viewCounter}`, view };
}

/** The modal after the app's views.update on it (the fake keeps the latest state per view id). */
export async function updatedModal(
  t: TestApp,
  since: { calls(method?: string): FakeSlackCall[] },
  modal: OpenedModal,
): Promise<OpenedModal> {
  const call = await t.fake.waitFor(
    'views.update',
    (c) => since.calls('views.update').includes(c) && c.args.view_id === modal.id,
  );
  // The fake records a call as it arrives; the view is stored once it has been answered.
  let stored = t.fake.view(modal.id);
  for (let i = 0; i < 100 && (stored === undefined || stored.hash === modal.hash); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    stored = t.fake.view(modal.id);
  }
  expect(stored).toBeDefined();
  sentences(call.args.view);
  return { id: modal.id, hash: String(stored?.hash ?? ''), view: call.args.view as JsonObject };
}

type Input = string | string[] | null;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The input blocks of a view: block_id → element. */
export function inputElements(view: JsonObject): Map<string, JsonObject> {
  const elements = new Map<string, JsonObject>();
  for (const block of (view.blocks as JsonObject[] | undefined) ?? []) {
    if (block.type === 'input' && typeof block.block_id === 'string' && isObject(block.element))
      elements.set(block.block_id, block.element);
  }
  return elements;
}

/** The block ids of a view, in order. */
export function blockIds(view: JsonObject): string[] {
  return ((view.blocks as JsonObject[] | undefined) ?? []).map((b) => String(b.block_id ?? ''));
}

/** The option values a select (or radio/checkbox group) of an input block offers. */
export function optionValues(view: JsonObject, blockId: string): string[] {
  const element = inputElements(view).get(blockId);
  return ((element?.options as JsonObject[] | undefined) ?? []).map((o) => String(o.value));
}

/** One element's state as Slack sends it, from the typed/picked input or the element's initial value. */
function elementState(element: JsonObject, input: Input | undefined): JsonObject {
  const type = String(element.type);
  const initialOption = isObject(element.initial_option) ? String(element.initial_option.value) : null;
  const option = (value: string | null) =>
    value === null ? null : { text: { type: 'plain_text', text: value }, value };
  switch (type) {
    case 'plain_text_input':
    case 'number_input':
    case 'email_text_input': {
      const value = input === undefined ? ((element.initial_value as string | undefined) ?? null) : input;
      return { type, value: value === '' ? null : value };
    }
    case 'static_select':
    case 'external_select':
    case 'radio_buttons': {
      const value = input === undefined ? initialOption : (input as string | null);
      return { type, selected_option: option(value) };
    }
    case 'datepicker':
      return {
        type,
        selected_date: input === undefined ? ((element.initial_date as string | undefined) ?? null) : input,
      };
    case 'users_select':
      return {
        type,
        selected_user: input === undefined ? ((element.initial_user as string | undefined) ?? null) : input,
      };
    case 'checkboxes': {
      const initial = ((element.initial_options as JsonObject[] | undefined) ?? []).map((o) => String(o.value));
      const values = input === undefined ? initial : input === null ? [] : Array.isArray(input) ? input : [input];
      return { type, selected_options: values.map((v) => option(v)) };
    }
    default:
      throw new Error(`no state shape for element type ${type}`);
  }
}

/**
 * `view.state.values` for a submission: every input block with what the user typed (`inputs`, by
 * block_id) or else the element's initial value; keyed by block_id → action_id as Slack sends it.
 */
export function stateOf(
  view: JsonObject,
  inputs: Record<string, Input> = {},
): Record<string, Record<string, JsonObject>> {
  const values: Record<string, Record<string, JsonObject>> = {};
  const elements = inputElements(view);
  for (const blockId of Object.keys(inputs))
    if (!elements.has(blockId)) throw new Error(`the view has no input block ${blockId}`);
  for (const [blockId, element] of elements) {
    values[blockId] = { [String(element.action_id)]: elementState(element, inputs[blockId]) };
  }
  return values;
}

/** Submits the modal as Slack would: its blocks, private_metadata, callback_id and state. */
export function submitModal(
  t: TestApp,
  modal: OpenedModal,
  inputs: Record<string, Input>,
  options: { teamId: string; userId?: string; privateMetadata?: string },
) {
  return t.submit({
    callbackId: String(modal.view.callback_id),
    viewId: modal.id,
    hash: modal.hash,
    blocks: modal.view.blocks as unknown[],
    privateMetadata: options.privateMetadata ?? String(modal.view.private_metadata ?? ''),
    values: stateOf(modal.view, inputs),
    teamId: options.teamId,
    ...(options.userId ? { userId: options.userId } : {}),
  });
}

/** An element inside an open modal changed (dispatch_action input or button): block_actions. */
export function modalAction(
  t: TestApp,
  modal: OpenedModal,
  change: { blockId: string; actionId: string; type: string; action?: JsonObject; value?: string },
  inputs: Record<string, Input>,
  teamId: string,
  userId?: string,
) {
  const view = buildView({
    viewId: modal.id,
    hash: modal.hash,
    callbackId: String(modal.view.callback_id),
    privateMetadata: String(modal.view.private_metadata ?? ''),
    blocks: modal.view.blocks as unknown[],
    values: stateOf(modal.view, inputs),
    teamId,
  });
  return t.click({
    actionId: change.actionId,
    blockId: change.blockId,
    type: change.type,
    teamId,
    ...(userId ? { userId } : {}),
    view,
    ...(change.action ? { action: change.action } : {}),
    ...(change.value !== undefined ? { value: change.value } : {}),
  });
}

/** The error body of a view_submission ack. */
export function fieldErrors(ack: { status: number; text: string }): Record<string, string> {
  expect(ack.status).toBe(200);
  const body = JSON.parse(ack.text) as { response_action?: string; errors?: Record<string, string> };
  expect(body.response_action).toBe('errors');
  for (const sentence of Object.values(body.errors ?? {})) {
    expect(sentence).not.toMatch(BROKEN_TEXT);
    expect(sentence.trim()).not.toBe('');
  }
  return body.errors ?? {};
}

// ---- buttons ------------------------------------------------------------------------------------

/** The buttons of a message or view: action_id → value ('' for none). */
export function buttonsOf(message: JsonObject): { actionId: string; value: string; blockId: string }[] {
  const found: { actionId: string; value: string; blockId: string }[] = [];
  for (const block of (message.blocks as JsonObject[] | undefined) ?? []) {
    const blockId = String(block.block_id ?? '');
    const elements = [
      ...((block.elements as JsonObject[] | undefined) ?? []),
      ...(isObject(block.accessory) ? [block.accessory] : []),
    ];
    for (const element of elements)
      if (element.type === 'button')
        found.push({ actionId: String(element.action_id), value: String(element.value ?? ''), blockId });
  }
  return found;
}

/** A button click on an ephemeral message: Slack sends no `message`, only the container and response_url. */
export function ephemeralClick(options: BlockActionOptions & { responseUrl: string }): SlackRequest {
  const base = blockAction(options);
  const payload: JsonObject = { ...base.payload };
  delete payload.message;
  payload.container = {
    type: 'message',
    message_ts: options.messageTs ?? '1700000000.000200',
    channel_id: options.channelId ?? SLACK_DEFAULTS.channelId,
    is_ephemeral: true,
  };
  return {
    kind: 'interaction',
    contentType: 'application/x-www-form-urlencoded',
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    payload,
  };
}

/**
 * The same request with its payload changed by `edit` (on a deep copy), encoded as Slack would send it:
 * e.g. a click whose `team.id` and `user.team_id` disagree, or an event whose envelope and authorization do.
 */
export function reshaped(request: SlackRequest, edit: (payload: JsonObject) => void): SlackRequest {
  const payload = structuredClone(request.payload) as JsonObject;
  edit(payload);
  if (request.kind === 'event')
    return { kind: 'event', contentType: 'application/json', body: JSON.stringify(payload), payload };
  if (request.kind === 'interaction')
    return {
      kind: 'interaction',
      contentType: 'application/x-www-form-urlencoded',
      body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
      payload,
    };
  const fields = Object.fromEntries(Object.entries(payload).map(([key, value]) => [key, String(value)]));
  return {
    kind: 'command',
    contentType: 'application/x-www-form-urlencoded',
    body: new URLSearchParams(fields).toString(),
    payload,
  };
}
