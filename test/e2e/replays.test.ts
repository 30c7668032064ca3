// Exact replays of signed requests: the same raw body with the same headers (signature and timestamp),
// sent again within Slack's 5-minute window. Bolt accepts the signature both times; the app records each
// command's, click's and submission's trigger_id (table processed_trigger) before anything runs, so the
// replay changes nothing and the person reads a sentence instead.
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/domain/decimal.ts';
import { system } from '../../src/i18n/en/system.ts';
import { presenterFor } from '../../src/i18n/presenter.ts';
import { ACTION_IDS, BLOCK_IDS, CALLBACK_IDS } from '../../src/slack/ids.ts';
import { BACKENDS } from '../support/databases.ts';
import { newOpportunity, seededWorkspace, useTestApp } from '../support/fixtures.ts';
import type { JsonObject } from '../support/fake-slack.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import {
  blockAction,
  newTriggerId,
  type SlackAppResponse,
  type SlackRequest,
  slashCommand,
  viewSubmission,
} from '../support/slack-requests.ts';
import { buttonsOf, mark, openedModal, run, sentences, stateOf } from './e2e-kit.ts';

const CHANNEL = SLACK_DEFAULTS.channelId;

describe.each(BACKENDS)('exact replays of signed requests on %s', (backend) => {
  const t = useTestApp(backend);

  /** A workspace with the shared setup plus PLAIN, a cycle whose stages any move may reach. */
  async function workspace(): Promise<string> {
    const teamId = await seededWorkspace(t);
    const { setup } = t.app.services;
    await setup.addSalesCycle(teamId, { code: 'PLAIN', description: 'Plain sale' });
    for (const [stage, completed, chances] of [
      [10, 10, 20],
      [20, 30, 40],
      [30, 50, 60],
      [40, 70, 80],
    ] as const) {
      await setup.addStage(teamId, 'PLAIN', {
        stage,
        description: `Stage ${stage}`,
        completedPct: dec(completed),
        chancesPct: dec(chances),
      });
    }
    return teamId;
  }

  /** OP00001, started at stage 10 of PLAIN. */
  const opportunity = (teamId: string) => newOpportunity(t.app.services, teamId, { salesCycleCode: 'PLAIN' });

  async function history(teamId: string, no: string) {
    const entries = await t.db.prisma.opportunityEntry.findMany({
      where: { workspaceId: teamId, opportunity: { no } },
      orderBy: { id: 'asc' },
    });
    return { count: entries.length, active: entries.find((e) => e.active) };
  }

  /** The same signed request (raw body, signature, timestamp) sent twice, one after the other. */
  async function sendTwice(request: SlackRequest): Promise<{ first: SlackAppResponse; replay: SlackAppResponse }> {
    const timestamp = Math.floor(Date.now() / 1000);
    const first = await t.send(request, { timestamp });
    const replay = await t.send(request, { timestamp });
    expect([first.status, replay.status]).toEqual([200, 200]);
    return { first, replay };
  }

  /** A command's replay is acknowledged with the sentence, shown only to the person. */
  function expectAnsweredAsReplay(ack: SlackAppResponse): void {
    expect(ack.json()).toEqual({ response_type: 'ephemeral', text: system.alreadyHandled });
  }

  function repliesTo(responseUrl: string) {
    const id = responseUrl.split('/').pop();
    return t.fake.calls('response_url').filter((c) => c.id === id);
  }

  it('/opp new sent twice creates one opportunity; the replay is answered with the sentence', async () => {
    const teamId = await workspace();
    const responseUrl = t.fake.responseUrl();
    const request = slashCommand({
      text: 'new Fleet renewal contact:"Acme Corp" value:12000 chance:40 close:2026-12-15 cycle:STD',
      teamId,
      responseUrl,
    });
    const { first, replay } = await sendTwice(request);
    expect(first.text).toBe('');
    const reply = await t.fake.waitFor('response_url', (c) => c.id === responseUrl.split('/').pop());
    expect(sentences(reply.args)).toMatch(/OP00001/);
    expectAnsweredAsReplay(replay);
    await t.settle();
    expect(await t.db.prisma.opportunity.count({ where: { workspaceId: teamId } })).toBe(1);
    for (const call of repliesTo(responseUrl)) expect(sentences(call.args)).not.toMatch(/OP00002/);
  });

  it('a replay is answered in the language the person was last answered in', async () => {
    const teamId = await workspace();
    t.fake.setUser('U0CHLOE', { real_name: 'Chloé Tremblay', tz: 'America/Toronto', locale: 'fr-CA' });
    const responseUrl = t.fake.responseUrl();
    const request = slashCommand({
      text: 'new Fleet renewal contact:"Acme Corp" value:12000 chance:40 close:2026-12-15 cycle:STD',
      teamId,
      userId: 'U0CHLOE',
      responseUrl,
    });
    const timestamp = Math.floor(Date.now() / 1000);
    expect((await t.send(request, { timestamp })).text).toBe('');
    // Answered once (in French): this instance now knows her language.
    await t.fake.waitFor('response_url', (c) => c.id === responseUrl.split('/').pop());
    const replay = await t.send(request, { timestamp });
    const french = presenterFor('fr-CA').t.system.alreadyHandled;
    expect(french).not.toBe(system.alreadyHandled);
    expect(replay.json()).toEqual({ response_type: 'ephemeral', text: french });
  });

  it('/opp new sent twice at once still creates one opportunity', async () => {
    const teamId = await workspace();
    const responseUrl = t.fake.responseUrl();
    const request = slashCommand({
      text: 'new Fleet renewal contact:"Acme Corp" value:12000 chance:40 close:2026-12-15 cycle:STD',
      teamId,
      responseUrl,
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const acks = await Promise.all([t.send(request, { timestamp }), t.send(request, { timestamp })]);
    expect(acks.map((a) => a.status)).toEqual([200, 200]);
    expect(acks.filter((a) => a.text === '')).toHaveLength(1);
    // The accepted one replies once it has created the opportunity (a quiet spell alone is no proof).
    await t.fake.waitFor('response_url', (c) => c.id === responseUrl.split('/').pop());
    await t.settle();
    expect(await t.db.prisma.opportunity.count({ where: { workspaceId: teamId } })).toBe(1);
  });

  it('/opp next sent twice moves the opportunity one stage', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId);
    const before = await history(teamId, no);
    const responseUrl = t.fake.responseUrl();
    const { first, replay } = await sendTwice(slashCommand({ text: `next ${no}`, teamId, responseUrl }));
    expect(first.text).toBe('');
    const reply = await t.fake.waitFor('response_url', (c) => c.id === responseUrl.split('/').pop());
    expect(sentences(reply.args)).toMatch(/\*Stage\*\n20 · Stage 20/);
    expectAnsweredAsReplay(replay);
    await t.settle();
    const after = await history(teamId, no);
    expect(after.count).toBe(before.count + 1);
    expect(after.active?.stage).toBe(20);
    // The same command typed again is a new request (its own trigger_id): it moves on.
    expect(await run(t, `next ${no}`, teamId)).toMatch(/\*Stage\*\n30 · Stage 30/);
  });

  it('the Next button clicked twice (the same request) moves the opportunity one stage', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId);
    const { reply: card } = await t.command(`show ${no}`, { teamId });
    const next = buttonsOf(card.args).find((b) => b.actionId === ACTION_IDS.next);
    expect(next, 'the card has a Next button').toBeDefined();
    const before = await history(teamId, no);
    const messageTs = '1700000200.000100';
    const responseUrl = t.fake.responseUrl();
    const since = mark(t);
    const click = blockAction({
      actionId: ACTION_IDS.next,
      blockId: next?.blockId,
      value: next?.value,
      teamId,
      channelId: CHANNEL,
      messageTs,
      responseUrl,
      message: { type: 'message', ts: messageTs, text: String(card.args.text), blocks: card.args.blocks },
    });
    const { first, replay } = await sendTwice(click);
    expect([first.text, replay.text]).toEqual(['', '']);
    const answer = await t.fake.waitFor('response_url', (c) => c.id === responseUrl.split('/').pop());
    expect(answer.args).toEqual({ response_type: 'ephemeral', replace_original: false, text: system.alreadyHandled });
    await t.settle();
    // The first click updated the card in place, once.
    expect(since.calls('chat.update')).toHaveLength(1);
    const after = await history(teamId, no);
    expect(after.count).toBe(before.count + 1);
    expect(after.active?.stage).toBe(20);
  });

  it('/opp update sent twice adds one entry', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId);
    const before = await history(teamId, no);
    const responseUrl = t.fake.responseUrl();
    const { replay } = await sendTwice(slashCommand({ text: `update ${no} value:15000`, teamId, responseUrl }));
    const reply = await t.fake.waitFor('response_url', (c) => c.id === responseUrl.split('/').pop());
    expect(sentences(reply.args)).toMatch(/\$15,000\.00/);
    expectAnsweredAsReplay(replay);
    await t.settle();
    const after = await history(teamId, no);
    expect(after.count).toBe(before.count + 1);
    expect(after.active?.estimatedValue.toString()).toBe('15000');
  });

  it('the Update form submitted twice (the same request) adds one entry; the replay reads the sentence under the form', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId);
    const since = mark(t);
    const triggerId = newTriggerId();
    expect((await t.commandAck(`move ${no}`, { teamId, triggerId })).status).toBe(200);
    const modal = await openedModal(t, since, CALLBACK_IDS.updateOpportunity, triggerId);
    const before = await history(teamId, no);
    const U = BLOCK_IDS.update;
    const values = stateOf(modal.view, { [U.estimatedValue]: '15,000', [U.chances]: '45' });
    const submission = viewSubmission({
      callbackId: CALLBACK_IDS.updateOpportunity,
      viewId: modal.id,
      hash: modal.hash,
      blocks: modal.view.blocks as unknown[],
      privateMetadata: String(modal.view.private_metadata ?? ''),
      values,
      teamId,
    });
    const { first, replay } = await sendTwice(submission);
    expect(first.text).toBe('');
    const firstInput = (modal.view.blocks as JsonObject[]).find((b) => b.type === 'input')?.block_id;
    expect(replay.json()).toEqual({
      response_action: 'errors',
      errors: { [String(firstInput)]: system.alreadyHandled },
    });
    await t.settle();
    expect((await history(teamId, no)).count).toBe(before.count + 1);
  });

  // A form's submission listener reads the form's context and who submits while the middleware records
  // its trigger_id, and waits for that record before it saves: a replay arriving at the same time changes
  // nothing either. The one that arrives while the other waits for its ack is answered with the progress
  // view and saved (or refused) behind it, so the sentence reaches the person in the ack's errors or in
  // the view that replaces the progress view.
  it('the Update form submitted twice at once adds one entry; one of the two reads the sentence', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId);
    const since = mark(t);
    const triggerId = newTriggerId();
    expect((await t.commandAck(`move ${no}`, { teamId, triggerId })).status).toBe(200);
    const modal = await openedModal(t, since, CALLBACK_IDS.updateOpportunity, triggerId);
    const before = await history(teamId, no);
    const U = BLOCK_IDS.update;
    const submission = viewSubmission({
      callbackId: CALLBACK_IDS.updateOpportunity,
      viewId: modal.id,
      hash: modal.hash,
      blocks: modal.view.blocks as unknown[],
      privateMetadata: String(modal.view.private_metadata ?? ''),
      values: stateOf(modal.view, { [U.estimatedValue]: '15,000', [U.chances]: '45' }),
      teamId,
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const submitted = mark(t);
    const acks = await Promise.all([t.send(submission, { timestamp }), t.send(submission, { timestamp })]);
    expect(acks.map((a) => a.status)).toEqual([200, 200]);
    const firstInput = (modal.view.blocks as JsonObject[]).find((b) => b.type === 'input')?.block_id;
    const bodies = acks.map((a) => (a.text === '' ? undefined : (a.json() as JsonObject)));
    // What each submission came to: from its ack, or from the view that replaced its progress view.
    const outcomes = await Promise.all(
      bodies.map(async (body) => {
        if (body === undefined) return 'saved';
        if (body.response_action === 'errors') {
          expect(body).toEqual({
            response_action: 'errors',
            errors: { [String(firstInput)]: system.alreadyHandled },
          });
          return 'replay';
        }
        expect(body.response_action).toBe('push');
        const externalId = (body.view as JsonObject).external_id;
        const update = await t.fake.waitFor(
          'views.update',
          (c) => submitted.calls().includes(c) && c.args.external_id === externalId,
        );
        const text = sentences(update.args.view);
        if (text.includes(system.alreadyHandled)) return 'replay';
        expect(text).toMatch(/Your changes were saved/);
        return 'saved';
      }),
    );
    expect(outcomes.sort()).toEqual(['replay', 'saved']);
    await t.settle();
    const after = await history(teamId, no);
    expect(after.count).toBe(before.count + 1);
    expect(after.active?.estimatedValue.toString()).toBe('15000');
  });

  it('the Create Opportunity form submitted twice creates one opportunity', async () => {
    const teamId = await workspace();
    const since = mark(t);
    const triggerId = newTriggerId();
    expect((await t.commandAck('new', { teamId, triggerId })).status).toBe(200);
    const modal = await openedModal(t, since, CALLBACK_IDS.createOpportunity, triggerId);
    const C = BLOCK_IDS.create;
    const submission = viewSubmission({
      callbackId: CALLBACK_IDS.createOpportunity,
      viewId: modal.id,
      hash: modal.hash,
      blocks: modal.view.blocks as unknown[],
      privateMetadata: String(modal.view.private_metadata ?? ''),
      values: stateOf(modal.view, {
        [C.description]: 'Forklift lease',
        [C.contact]: 'CT00002',
        [C.estimatedValue]: '25,000',
        [C.chances]: '40%',
        [C.estimatedCloseDate]: '2099-12-31',
        [C.salesCycle]: 'STD',
      }),
      teamId,
    });
    const { first, replay } = await sendTwice(submission);
    expect(first.text).toBe('');
    expect(replay.json()).toMatchObject({ response_action: 'errors' });
    expect(JSON.stringify(replay.json())).toContain(JSON.stringify(system.alreadyHandled));
    await t.settle();
    expect(await t.db.prisma.opportunity.count({ where: { workspaceId: teamId } })).toBe(1);
  });
});
