// Card buttons: the result replaces the card the user clicked (chat.update for a message in the
// channel, the response_url for an ephemeral one); failures are a sentence beside the card; a button
// value is re-checked against the clicking workspace.
import { describe, expect, it } from 'vitest';
import { ACTION_IDS, BLOCK_IDS, CALLBACK_IDS } from '../../src/slack/ids.ts';
import { BACKENDS } from '../support/databases.ts';
import { newOpportunity, type OpportunityOverrides, seededWorkspace, useTestApp } from '../support/fixtures.ts';
import type { JsonObject } from '../support/fake-slack.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { allText } from '../support/test-app.ts';
import {
  buttonsOf,
  ephemeralClick,
  expectNoBrokenText,
  mark,
  openedModal,
  run,
  sentences,
  submitModal,
} from './e2e-kit.ts';

const CHANNEL = SLACK_DEFAULTS.channelId;

describe.each(BACKENDS)('card buttons on %s', (backend) => {
  const t = useTestApp(backend);
  let tsCounter = 0;

  const workspace = () => seededWorkspace(t);

  const opportunity = (teamId: string, overrides: OpportunityOverrides = {}) =>
    newOpportunity(t.app.services, teamId, overrides);

  async function load(teamId: string, no: string) {
    const row = await t.db.prisma.opportunity.findUnique({
      where: { workspaceId_no: { workspaceId: teamId, no } },
      include: { entries: { orderBy: { id: 'asc' } }, quote: true, order: true },
    });
    return row && { ...row, active: row.entries.find((e) => e.active) };
  }

  /** The card of an opportunity as the app renders it (from `/opp show`). */
  async function card(teamId: string, no: string): Promise<JsonObject> {
    const { reply } = await t.command(`show ${no}`, { teamId });
    return reply.args;
  }

  function button(message: JsonObject, actionId: string) {
    const found = buttonsOf(message).find((b) => b.actionId === actionId);
    expect(found, `the card has no ${actionId} button`).toBeDefined();
    return found as { actionId: string; value: string; blockId: string };
  }

  /** Clicks a button of a card that was posted in the channel (a normal message). */
  async function clickInChannel(teamId: string, message: JsonObject, actionId: string, value?: string) {
    tsCounter += 1;
    const messageTs = `1700000100.${String(tsCounter).padStart(6, '0')}`;
    const b = button(message, actionId);
    const responseUrl = t.fake.responseUrl();
    const since = mark(t);
    const ack = await t.click({
      actionId,
      blockId: b.blockId,
      value: value ?? b.value,
      teamId,
      channelId: CHANNEL,
      messageTs,
      responseUrl,
      message: { type: 'message', ts: messageTs, text: String(message.text), blocks: message.blocks },
    });
    expect(ack.status).toBe(200);
    expect(ack.text).toBe('');
    return { since, messageTs, responseId: responseUrl.split('/').pop() ?? '' };
  }

  /** The server-side context of an opened form (its private_metadata is only the context's id). */
  async function formContext(view: JsonObject): Promise<unknown> {
    const id = String(view.private_metadata);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    return (await t.db.prisma.interactionContext.findUniqueOrThrow({ where: { id } })).payload;
  }

  async function updatedInPlace(since: ReturnType<typeof mark>, messageTs: string) {
    const update = await t.fake.waitFor('chat.update', (c) => since.calls('chat.update').includes(c));
    expect([update.args.channel, update.args.ts]).toEqual([CHANNEL, messageTs]);
    sentences(update.args);
    return update;
  }

  it('Activate first stage and Next update the card in place (chat.update, same channel and ts)', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId, { start: false });
    const notStarted = await card(teamId, no);
    expect(buttonsOf(notStarted).map((b) => b.actionId)).toEqual([
      ACTION_IDS.activate,
      ACTION_IDS.close,
      ACTION_IDS.edit,
      ACTION_IDS.addNote,
      ACTION_IDS.delete,
    ]);

    const activated = await clickInChannel(teamId, notStarted, ACTION_IDS.activate);
    const afterActivate = await updatedInPlace(activated.since, activated.messageTs);
    expect(allText(afterActivate.args)).toMatch(/\*Stage\*\n10 · Initial contact/);
    expect((await load(teamId, no))?.status).toBe('IN_PROGRESS');
    // Activated from the card, it has no estimated value yet: Next could only fail, so the card
    // offers Update (the form asks for the estimates) instead.
    expect(buttonsOf(afterActivate.args).map((b) => b.actionId)).toEqual([
      ACTION_IDS.update,
      ACTION_IDS.close,
      ACTION_IDS.createQuote,
      ACTION_IDS.edit,
      ACTION_IDS.addNote,
    ]);
    const stale = await clickInChannel(teamId, notStarted, ACTION_IDS.activate);
    const again = await t.fake.waitFor('response_url', (c) => c.id === stale.responseId);
    expect(sentences(again.args)).toMatch(
      /OP00001 has already been started, so its first stage can't be activated again\./,
    );

    const started = await opportunity(teamId);
    const message = await card(teamId, started);
    const next = await clickInChannel(teamId, message, ACTION_IDS.next);
    const afterNext = await updatedInPlace(next.since, next.messageTs);
    expect(allText(afterNext.args)).toMatch(/OP00002 · Fleet renewal/);
    expect(allText(afterNext.args)).toMatch(/\*Stage\*\n20 · Qualification/);
    expect((await load(teamId, started))?.active?.stage).toBe(20);
    await t.settle();
    expect(next.since.calls('response_url')).toEqual([]);
    expect(next.since.calls('chat.postEphemeral')).toEqual([]);
  });

  it('on an ephemeral card the result replaces it through the response_url', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId);
    const message = await card(teamId, no);
    const responseUrl = t.fake.responseUrl();
    const since = mark(t);
    const res = await t.send(
      ephemeralClick({ actionId: ACTION_IDS.next, value: button(message, ACTION_IDS.next).value, teamId, responseUrl }),
    );
    expect(res.status).toBe(200);
    const replaced = await t.fake.waitFor('response_url', (c) => c.id === responseUrl.split('/').pop());
    expect(replaced.args.replace_original).toBe(true);
    expect(sentences(replaced.args)).toMatch(/\*Stage\*\n20 · Qualification/);
    await t.settle();
    expect(since.calls('chat.update')).toEqual([]);
    expect((await load(teamId, no))?.active?.stage).toBe(20);
  });

  it('a form opened from an ephemeral card updates that card in place after the save (issue 14, point 10)', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId);
    const message = await card(teamId, no);
    const responseUrl = t.fake.responseUrl();
    const since = mark(t);
    await t.send(
      ephemeralClick({
        actionId: ACTION_IDS.update,
        blockId: BLOCK_IDS.card.actions,
        value: button(message, ACTION_IDS.update).value,
        teamId,
        responseUrl,
      }),
    );
    const modal = await openedModal(t, since, CALLBACK_IDS.updateOpportunity);
    const saved = mark(t);
    expect((await submitModal(t, modal, {}, { teamId })).text).toBe('');
    const replaced = await t.fake.waitFor(
      'response_url',
      (c) => saved.calls('response_url').includes(c) && c.id === responseUrl.split('/').pop(),
    );
    expect(replaced.args.replace_original).toBe(true);
    expect(sentences(replaced.args)).toMatch(/\*Stage\*\n20 · Qualification/);
    await t.settle();
    // No second card beside the old one.
    expect(saved.calls('chat.postEphemeral')).toEqual([]);
    expect(saved.calls('chat.update')).toEqual([]);
  });

  it('Next into a Quote Required stage: a sentence beside the card, the card and the opportunity stay', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId, { atStage: 20 });
    const before = await load(teamId, no);
    const message = await card(teamId, no);
    const click = await clickInChannel(teamId, message, ACTION_IDS.next);
    const reply = await t.fake.waitFor('response_url', (c) => c.id === click.responseId);
    expect(reply.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(sentences(reply.args)).toMatch(
      /:warning: You can't move to stage 40 \(Proposal\) until a sales quote is assigned to the opportunity\./,
    );
    await t.settle();
    expect(click.since.calls('chat.update')).toEqual([]);
    expect(await load(teamId, no)).toEqual(before);
  });

  it('Update, Close and Create quote open their modals with the card to update; submitting updates the card', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId);
    const message = await card(teamId, no);

    for (const [actionId, callbackId] of [
      [ACTION_IDS.close, CALLBACK_IDS.closeOpportunity],
      [ACTION_IDS.createQuote, CALLBACK_IDS.createQuote],
      [ACTION_IDS.update, CALLBACK_IDS.updateOpportunity],
    ] as const) {
      const click = await clickInChannel(teamId, message, actionId);
      const modal = await openedModal(t, click.since, callbackId);
      // The form carries only its context's id; the context holds the card to update.
      expect(await formContext(modal.view)).toMatchObject({ no, channelId: CHANNEL, messageTs: click.messageTs });
      if (actionId !== ACTION_IDS.update) continue;
      // Save the Update modal as proposed (Next): the card the button was on is updated in place.
      const since = mark(t);
      expect((await submitModal(t, modal, {}, { teamId })).text).toBe('');
      await updatedInPlace(since, click.messageTs);
      expect((await load(teamId, no))?.active?.stage).toBe(20);
    }
  });

  it('Make order closes as Won (through the Close form) with the quote and makes the order; Delete removes a closed one', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId);
    await run(t, `quote ${no} line:"Trucks;2;6000"`, teamId);
    const quoted = await card(teamId, no);
    const order = await clickInChannel(teamId, quoted, ACTION_IDS.makeOrder);
    // Still open: the Close form, set to Won, comes first (its only won code is preselected).
    const closeForm = await openedModal(t, order.since, CALLBACK_IDS.closeOpportunity);
    expect((await submitModal(t, closeForm, {}, { teamId })).status).toBe(200);
    const afterOrder = await updatedInPlace(order.since, order.messageTs);
    expect(allText(afterOrder.args)).toMatch(/Order SO00001 · \$12,000\.00/);
    const announcement = await t.fake.waitFor(
      'chat.postMessage',
      (c) => order.since.calls('chat.postMessage').includes(c) && /SO00001/.test(allText(c.args)),
    );
    expect(announcement.args.channel).toBe(CHANNEL);
    const row = await load(teamId, no);
    expect([row?.status, row?.order?.no, row?.quote]).toEqual(['WON', 'SO00001', null]);

    const del = await clickInChannel(teamId, afterOrder.args, ACTION_IDS.delete);
    const afterDelete = await updatedInPlace(del.since, del.messageTs);
    expect(allText(afterDelete.args)).toMatch(/Opportunity OP00001 \(Fleet renewal\) and its history were deleted\./);
    expect(await load(teamId, no)).toBeNull();
    // The order stays, without its opportunity.
    expect(await t.db.prisma.salesOrder.count({ where: { workspaceId: teamId, no: 'SO00001' } })).toBe(1);
  });

  it('Delete on an In Progress card is refused with a sentence; the opportunity stays', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId);
    const message = await card(teamId, no);
    // The card offers no Delete while In Progress; a click on an older card still arrives.
    expect(buttonsOf(message).map((b) => b.actionId)).not.toContain(ACTION_IDS.delete);
    const stale = {
      ...message,
      blocks: [
        {
          type: 'actions',
          block_id: BLOCK_IDS.card.actions,
          elements: [{ type: 'button', action_id: ACTION_IDS.delete, value: no }],
        },
      ],
    };
    const click = await clickInChannel(teamId, stale, ACTION_IDS.delete);
    const reply = await t.fake.waitFor('response_url', (c) => c.id === click.responseId);
    expect(sentences(reply.args)).toMatch(/is in progress and can't be deleted; close it as Won or Lost first\./);
    await t.settle();
    expect(click.since.calls('chat.update')).toEqual([]);
    expect(await load(teamId, no)).not.toBeNull();
  });

  it('Show on a list row posts the card beside the list; New opportunity opens the Create modal', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId);
    const { reply: list } = await t.command('list', { teamId });
    const click = await clickInChannel(teamId, list.args, ACTION_IDS.show);
    expect(button(list.args, ACTION_IDS.show).value).toBe(no);
    const shown = await t.fake.waitFor('response_url', (c) => c.id === click.responseId);
    expect(shown.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(sentences(shown.args)).toMatch(/OP00001 · Fleet renewal/);

    const since = mark(t);
    const ack = await t.click({
      actionId: ACTION_IDS.newOpportunity,
      teamId,
      channelId: CHANNEL,
      messageTs: '1700000200.000001',
    });
    expect(ack.status).toBe(200);
    const modal = await openedModal(t, since, CALLBACK_IDS.createOpportunity);
    expect(await formContext(modal.view)).toEqual({ channelId: CHANNEL });
  });

  it('purge confirm on the ephemeral confirmation replaces it through the response_url', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId);
    await run(t, `close ${no} lost code:PRICE`, teamId);
    const { reply, responseUrl } = await t.command('purge', { teamId });
    const confirm = button(reply.args, ACTION_IDS.purgeConfirm);
    const since = mark(t);
    await t.send(ephemeralClick({ actionId: ACTION_IDS.purgeConfirm, value: confirm.value, teamId, responseUrl }));
    const replaced = await t.fake.waitFor(
      'response_url',
      (c) => since.calls('response_url').includes(c) && c.id === responseUrl.split('/').pop(),
    );
    expect(replaced.args.replace_original).toBe(true);
    expect(sentences(replaced.args)).toMatch(/1 closed opportunity was deleted\./);
    expect(await load(teamId, no)).toBeNull();
  });

  it("an edited button value naming another workspace's opportunity: not found, nothing changed", async () => {
    const mine = await workspace();
    const theirs = await workspace();
    const myNo = await opportunity(mine);
    const theirNo = await opportunity(theirs);
    await opportunity(theirs);
    const message = await card(mine, myNo);
    const before = await t.db.prisma.opportunityEntry.findMany({
      where: { workspaceId: theirs },
      orderBy: { id: 'asc' },
    });
    const since = mark(t);
    for (const actionId of [ACTION_IDS.next, ACTION_IDS.update, ACTION_IDS.close, ACTION_IDS.createQuote]) {
      const click = await clickInChannel(mine, message, actionId, 'OP00002');
      const reply = await t.fake.waitFor('response_url', (c) => c.id === click.responseId);
      expect(sentences(reply.args)).toMatch(/There is no opportunity OP00002\./);
    }
    await t.settle();
    expect(since.calls('chat.update')).toEqual([]);
    expect(since.calls('views.open')).toEqual([]);
    expect(
      await t.db.prisma.opportunityEntry.findMany({ where: { workspaceId: theirs }, orderBy: { id: 'asc' } }),
    ).toEqual(before);
    expect(theirNo).toBe('OP00001');
    expectNoBrokenText(since.calls());
  });
});
