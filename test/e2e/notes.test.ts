// Issue 14, "Notes": `/opp note OP… <text>` and the card's "Add note" button log an interaction on the
// opportunity (Business Central's interaction log), shown in the card's history and counted in its
// statistics. Through the real receiver, on both backends.
import { describe, expect, it } from 'vitest';
import { ACTION_IDS, BLOCK_IDS, CALLBACK_IDS } from '../../src/slack/ids.ts';
import { BACKENDS } from '../support/databases.ts';
import { newOpportunity, seededWorkspace, useTestApp, workspaceRows } from '../support/fixtures.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { newTriggerId } from '../support/slack-requests.ts';
import { allText } from '../support/test-app.ts';
import { buttonsOf, expectNoBrokenText, fieldErrors, mark, openedModal, run, submitModal } from './e2e-kit.ts';

const ADMIN = SLACK_DEFAULTS.userId;
const REP = 'U0REPB0001';
const CHANNEL = SLACK_DEFAULTS.channelId;

describe.each(BACKENDS)('notes on %s', (backend) => {
  const t = useTestApp(backend, {}, (app) => app.fake.setUser(REP, { real_name: 'Rex Rep' }));

  async function setUp() {
    const teamId = await seededWorkspace(t);
    await run(t, 'roles', teamId, ADMIN);
    return { teamId, no: await newOpportunity(t.app.services, teamId) };
  }

  it('a typed note is logged for the opportunity’s contact and salesperson, shown in its history, its text escaped', async () => {
    const { teamId, no } = await setUp();
    const since = mark(t);
    const reply = await run(t, `note ${no} Called Pat <@U0EVIL> & agreed *a demo* on Friday`, teamId);
    expect(reply).toContain(`:memo: Note by <@${ADMIN}>: Called Pat &lt;@U0EVIL&gt; &amp; agreed *a demo* on Friday`);
    const [entry] = await t.db.prisma.interactionLogEntry.findMany({
      where: { workspaceId: teamId },
      include: { opportunity: true, contact: true, salesperson: true },
    });
    expect(entry).toMatchObject({
      description: 'Called Pat <@U0EVIL> & agreed *a demo* on Friday',
      actorUserId: ADMIN,
      canceled: false,
      opportunity: { no },
      contact: { name: 'Acme Corp' },
      salesperson: { slackUserId: ADMIN },
    });
    expect(entry?.date.toISOString().slice(0, 10)).toBe('2026-11-02');
    const event = await t.db.prisma.outboxEvent.findFirstOrThrow({
      where: { workspaceId: teamId, kind: 'note-added' },
    });
    expect(event.payload).toMatchObject({ no, interactionId: entry?.id, date: '2026-11-02' });
    // A note is not a change of the opportunity: its version stays, so an open form does not go stale.
    expect((await t.db.prisma.opportunity.findFirstOrThrow({ where: { workspaceId: teamId, no } })).version).toBe(1);
    expectNoBrokenText(since.calls());
  });

  it('the statistics count the interactions, and say where they come from', async () => {
    const { teamId, no } = await setUp();
    expect(await run(t, `stats ${no}`, teamId)).toMatch(/\*No\. of interactions\*\n0/);
    await run(t, `note ${no} First call`, teamId);
    await run(t, `note ${no} Sent the brochure`, teamId);
    const stats = await run(t, `stats ${no}`, teamId);
    expect(stats).toMatch(/\*No\. of interactions\*\n2/);
    expect(stats).toContain('Interactions are the notes logged on the opportunity');
    expect(stats).not.toContain('keeps no interaction log');
  });

  it("the card's Add note button opens a small form; saving it updates the card in place", async () => {
    const { teamId, no } = await setUp();
    const { reply } = await t.command(`show ${no}`, { teamId });
    expect(buttonsOf(reply.args).map((b) => b.actionId)).toContain(ACTION_IDS.addNote);
    const messageTs = '1700000300.000001';
    const since = mark(t);
    const triggerId = newTriggerId();
    await t.click({
      actionId: ACTION_IDS.addNote,
      blockId: BLOCK_IDS.card.actions,
      value: no,
      teamId,
      channelId: CHANNEL,
      messageTs,
      triggerId,
      responseUrl: t.fake.responseUrl(),
      message: { type: 'message', ts: messageTs, text: 'card', blocks: reply.args.blocks },
    });
    const form = await openedModal(t, since, CALLBACK_IDS.addNote, triggerId);
    expect(allText(form.view)).toContain(`Logs an interaction on *${no}* Fleet renewal`);
    // Empty: the field says so, nothing is logged.
    const empty = fieldErrors(await submitModal(t, form, { [BLOCK_IDS.note.text]: '   ' }, { teamId }));
    expect(Object.keys(empty)).toEqual([BLOCK_IDS.note.text]);
    expect(await t.db.prisma.interactionLogEntry.count({ where: { workspaceId: teamId } })).toBe(0);
    const ack = await submitModal(t, form, { [BLOCK_IDS.note.text]: 'Meeting booked for Tuesday' }, { teamId });
    expect(ack.status).toBe(200);
    const updated = await t.fake.waitFor('chat.update', (c) => since.calls().includes(c));
    expect([updated.args.channel, updated.args.ts]).toEqual([CHANNEL, messageTs]);
    expect(allText(updated.args)).toContain('Note by <@U0REP00001>: Meeting booked for Tuesday');
  });

  it('`/opp note OP…` alone opens the form; a rep notes only their own; a note too long is refused', async () => {
    const { teamId, no } = await setUp();
    const since = mark(t);
    const triggerId = newTriggerId();
    await t.commandAck(`note ${no}`, { teamId, triggerId });
    await openedModal(t, since, CALLBACK_IDS.addNote, triggerId);
    const before = await workspaceRows(t.db, teamId);
    expect(await run(t, `note ${no} Not my deal`, teamId, REP)).toContain(
      `Only managers and admins can change opportunity ${no}, because someone else is its salesperson`,
    );
    expect(await run(t, `note ${no} ${'x'.repeat(501)}`, teamId)).toContain(
      'The note is 501 characters long; the most is 500.',
    );
    expect(await workspaceRows(t.db, teamId)).toEqual(before);
    const mine = await newOpportunity(t.app.services, teamId, { owner: REP, description: 'Rex deal' });
    expect(await run(t, `note ${mine} Left a voicemail`, teamId, REP)).toContain(
      'Note by <@U0REPB0001>: Left a voicemail',
    );
  });

  it('a deleted opportunity’s interactions stay in the log, unlinked, as Business Central keeps them', async () => {
    const { teamId, no } = await setUp();
    await run(t, `note ${no} Lost on price`, teamId);
    await run(t, `close ${no} lost code:PRICE`, teamId);
    await run(t, `delete ${no}`, teamId);
    const entries = await t.db.prisma.interactionLogEntry.findMany({ where: { workspaceId: teamId } });
    expect(entries.map((e) => [e.description, e.opportunityId])).toEqual([['Lost on price', null]]);
  });

  it("deleting the workspace's data takes its notes and edits too", async () => {
    const { teamId, no } = await setUp();
    await run(t, `note ${no} Called`, teamId);
    await run(t, `edit ${no} priority:high`, teamId);
    await t.app.services.workspaceAdmin.deleteWorkspaceData(teamId);
    const rows = await workspaceRows(t.db, teamId);
    expect([rows.interactions, rows.edits, rows.opportunities, rows.contacts]).toEqual([[], [], [], []]);
  });
});
