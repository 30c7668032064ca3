// The playground's stand-in for Slack, without the app: its Web API answers as Slack does (errors
// included), response URLs act on the message clicked, and what the page sends becomes Slack's shapes.
import { describe, expect, it } from 'vitest';
import { directChannelOf } from '../../../src/playground/identity.ts';
import { escapeCommandText, SlackInteractions, stateFrom } from '../../../src/playground/slack/interactions.ts';
import { SlackStore } from '../../../src/playground/slack/store.ts';
import { readApiArguments, SlackWebApi } from '../../../src/playground/slack/web-api.ts';

const TOKEN = 'xoxb-playground-test';
const ADMIN = 'U0PLAYADM01';
const REP = 'U0PLAYREP01';
const SALES = 'C0PLAYSALES';

function standIn() {
  const store = new SlackStore();
  const api = new SlackWebApi(store, TOKEN, () => 'http://127.0.0.1:1');
  const interactions = new SlackInteractions(
    store,
    () => ({ url: 'http://127.0.0.1:9/slack/events', signingSecret: 'unused' }),
    () => 'http://127.0.0.1:1',
  );
  const call = (method: string, args: Record<string, unknown>) => api.call(method, args, TOKEN);
  return { store, api, interactions, call };
}

const card = [
  {
    type: 'actions',
    block_id: 'card_actions',
    elements: [{ type: 'button', action_id: 'opp_next', text: { type: 'plain_text', text: 'Next' }, value: 'OP1' }],
  },
];

describe('the Web API stand-in', () => {
  it('answers only the bot token, as Slack does', () => {
    const { api } = standIn();
    expect(api.call('auth.test', {}, undefined)).toEqual({ ok: false, error: 'not_authed' });
    expect(api.call('auth.test', {}, 'xoxb-other')).toEqual({ ok: false, error: 'invalid_auth' });
    expect(api.call('auth.test', {}, TOKEN)).toMatchObject({ ok: true, team_id: 'T0PLAYGRND' });
    expect(api.call('no.such.method', {}, TOKEN)).toMatchObject({ ok: false, error: 'unknown_method' });
  });

  it('posts to channels and DMs; ephemeral messages are seen only by their person and cannot be updated', () => {
    const { store, call } = standIn();
    expect(call('chat.postMessage', { channel: '#nowhere', text: 'x' })).toEqual({
      ok: false,
      error: 'channel_not_found',
    });
    expect(call('chat.postMessage', { channel: SALES })).toEqual({ ok: false, error: 'no_text' });
    const posted = call('chat.postMessage', { channel: SALES, text: 'hello', blocks: card });
    expect(posted).toMatchObject({ ok: true, channel: SALES });
    expect(call('chat.postMessage', { channel: REP, text: 'just you' })).toMatchObject({
      channel: directChannelOf(REP),
    });
    const ephemeral = call('chat.postEphemeral', { channel: SALES, user: ADMIN, text: 'secret' });
    expect(store.channelMessages(SALES, ADMIN).map((m) => m.text)).toEqual(['hello', 'secret']);
    expect(store.channelMessages(SALES, REP).map((m) => m.text)).toEqual(['hello']);
    expect(call('chat.update', { channel: SALES, ts: ephemeral.message_ts, text: 'x' })).toEqual({
      ok: false,
      error: 'message_not_found',
    });
    expect(call('chat.update', { channel: SALES, ts: posted.ts, text: 'changed' })).toMatchObject({ ok: true });
    const [message] = store.channelMessages(SALES, REP);
    expect([message?.text, message?.edited]).toEqual(['changed', true]);
  });

  it('opens a modal once per trigger id, pushes at most three, and keeps what was typed in blocks that stay', () => {
    const { store, call } = standIn();
    const view = (blocks: unknown[]) => ({ type: 'modal', title: { type: 'plain_text', text: 'T' }, blocks });
    const input = (blockId: string) => ({
      type: 'input',
      block_id: blockId,
      label: { type: 'plain_text', text: blockId },
      element: { type: 'plain_text_input', action_id: blockId },
    });
    const trigger = store.newTrigger(ADMIN);
    const opened = call('views.open', { trigger_id: trigger, view: view([input('a'), input('b')]) });
    expect(opened.ok).toBe(true);
    expect(call('views.open', { trigger_id: trigger, view: view([]) })).toEqual({
      ok: false,
      error: 'invalid_trigger_id',
    });
    const stored = store.modalStack(ADMIN)[0];
    if (!stored) throw new Error('no modal');
    store.setViewInput(
      stored,
      stateFrom(stored.view.blocks, [
        { blockId: 'a', actionId: 'a', value: 'kept' },
        { blockId: 'b', actionId: 'b', value: 'dropped' },
        { blockId: 'forged', actionId: 'forged', value: 'ignored' },
      ]),
    );
    expect(Object.keys(stored.state)).toEqual(['a', 'b']);
    expect(call('views.update', { view_id: stored.id, hash: 'stale', view: view([]) })).toEqual({
      ok: false,
      error: 'hash_conflict',
    });
    call('views.update', { view_id: stored.id, hash: stored.hash, view: view([input('a'), input('c')]) });
    expect(stored.state).toEqual({ a: { a: { type: 'plain_text_input', value: 'kept' } } });

    call('views.push', { trigger_id: store.newTrigger(ADMIN), view: view([]) });
    call('views.push', { trigger_id: store.newTrigger(ADMIN), view: view([]) });
    expect(call('views.push', { trigger_id: store.newTrigger(ADMIN), view: view([]) })).toEqual({
      ok: false,
      error: 'push_limit_reached',
    });
    expect(store.modalStack(ADMIN)).toHaveLength(3);
    expect(store.modalStack(REP)).toHaveLength(0);
  });

  it('stores an uploaded file and shows it in the channel as a message of the app', () => {
    const { store, api, call } = standIn();
    const url = call('files.getUploadURLExternal', { filename: 'pipeline.csv', length: '3' });
    expect(url).toMatchObject({ ok: true, upload_url: expect.stringMatching(/\/upload\/F/) });
    const fileId = String(url.file_id);
    expect(call('files.completeUploadExternal', { files: [{ id: fileId }], channel_id: SALES })).toEqual({
      ok: false,
      error: 'file_not_found',
    });
    expect(api.receiveUpload(fileId, Buffer.from('a,b'))).toBe(true);
    expect(
      call('files.completeUploadExternal', { files: [{ id: fileId, title: 'Export' }], channel_id: SALES }),
    ).toMatchObject({
      ok: true,
    });
    const [message] = store.channelMessages(SALES, REP);
    expect(message?.files.map((f) => [f.title, f.mimetype, f.bytes.toString()])).toEqual([
      ['Export', 'text/csv', 'a,b'],
    ]);
  });

  it('reads the JSON fields of a form body as Slack does', () => {
    expect(readApiArguments('channel=C1&blocks=%5B%7B%22type%22%3A%22divider%22%7D%5D', undefined)).toEqual({
      channel: 'C1',
      blocks: [{ type: 'divider' }],
    });
  });
});

describe('response URLs', () => {
  it('reply only to the person by default, in the channel when asked, and replace or delete the message clicked', () => {
    const { store, interactions, call } = standIn();
    const posted = call('chat.postMessage', { channel: SALES, text: 'card', blocks: card });
    const target = store.newResponseTarget({ userId: ADMIN, channelId: SALES, sourceTs: String(posted.ts) });
    interactions.receiveResponse(target, { text: 'only you' });
    interactions.receiveResponse(target, { text: 'everyone', response_type: 'in_channel' });
    interactions.receiveResponse(target, { text: 'card v2', replace_original: true });
    expect(store.channelMessages(SALES, REP).map((m) => m.text)).toEqual(['card v2', 'everyone']);
    expect(store.channelMessages(SALES, ADMIN).map((m) => m.text)).toEqual(['card v2', 'only you', 'everyone']);
    interactions.receiveResponse(target, { delete_original: true });
    expect(store.channelMessages(SALES, REP).map((m) => m.text)).toEqual(['everyone']);
    // Five uses, as Slack allows; the sixth is refused.
    expect(interactions.receiveResponse(target, { text: '5th' }).status).toBe(200);
    expect(interactions.receiveResponse(target, { text: '6th' })).toEqual({ status: 404, body: 'used_url' });
    expect(interactions.receiveResponse('R0nothing', { text: 'x' }).status).toBe(404);
  });
});

describe('command text', () => {
  it('is escaped as Slack escapes it for the app (should_escape): entities, then mentions of this workspace', () => {
    expect(escapeCommandText('role @alex manager')).toBe('role <@U0PLAYREP01|alex> manager');
    expect(escapeCommandText('subscribe #pipeline weekly')).toBe('subscribe <#C0PLAYDIGST|pipeline> weekly');
    expect(escapeCommandText('new <b>R&D</b> @nobody #nowhere')).toBe(
      'new &lt;b&gt;R&amp;D&lt;/b&gt; @nobody #nowhere',
    );
  });
});
