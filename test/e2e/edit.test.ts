// Issue 14, "Edit": an opportunity's description, contact, salesperson and priority change from one line,
// from the Edit form (opened by the command or the card's button) and are recorded in the card's history;
// a reassignment is told to the new salesperson by DM, from the outbox. Through the real receiver, on
// both backends.
import { describe, expect, it } from 'vitest';
import { ACTION_IDS, BLOCK_IDS, CALLBACK_IDS } from '../../src/slack/ids.ts';
import { BACKENDS } from '../support/databases.ts';
import type { JsonObject } from '../support/fake-slack.ts';
import { newOpportunity, seededWorkspace, useTestApp, workspaceRows } from '../support/fixtures.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { newTriggerId } from '../support/slack-requests.ts';
import { allText } from '../support/test-app.ts';
import {
  blockIds,
  buttonsOf,
  expectNoBrokenText,
  fieldErrors,
  inputElements,
  mark,
  openedModal,
  run,
  sentences,
  submitModal,
} from './e2e-kit.ts';

const ADMIN = SLACK_DEFAULTS.userId;
const ANN = 'U0ANN00001';
const REP = 'U0REPB0001';
const CHANNEL = SLACK_DEFAULTS.channelId;

describe.each(BACKENDS)('editing an opportunity on %s', (backend) => {
  const t = useTestApp(backend, {}, (app) => {
    app.fake.setUser(ANN, { real_name: 'Ann Lee' });
    app.fake.setUser(REP, { real_name: 'Rex Rep' });
  });

  async function opportunityRow(teamId: string, no: string) {
    return t.db.prisma.opportunity.findUniqueOrThrow({
      where: { workspaceId_no: { workspaceId: teamId, no } },
      include: {
        contact: true,
        salesperson: true,
        entries: { where: { active: true } },
        edits: { orderBy: { id: 'asc' } },
      },
    });
  }

  /** A workspace whose first user (ADMIN) is its admin, and one opportunity of ADMIN's. */
  async function setUp(overrides: Parameters<typeof newOpportunity>[2] = {}) {
    const teamId = await seededWorkspace(t);
    await run(t, 'roles', teamId, ADMIN);
    const no = await newOpportunity(t.app.services, teamId, overrides);
    return { teamId, no };
  }

  it('one line edits description, salesperson and priority: the card shows what changed, the new owner hears by DM', async () => {
    const { teamId, no } = await setUp();
    const since = mark(t);
    const reply = await run(
      t,
      `edit ${no} owner:<@${ANN}|ann> priority:high description:"Fleet renewal, phase 2"`,
      teamId,
    );
    expect(reply).toContain(
      `Edited by <@${ADMIN}>: description “Fleet renewal” → “Fleet renewal, phase 2”; salesperson <@${ADMIN}> → <@${ANN}>; priority Normal → High`,
    );
    expect(reply).toContain(`*Priority*\nHigh`);
    const row = await opportunityRow(teamId, no);
    expect(row.description).toBe('Fleet renewal, phase 2');
    expect(row.priority).toBe('HIGH');
    expect(row.salesperson.slackUserId).toBe(ANN);
    // Business Central moves the active entry to the new salesperson too.
    expect(row.entries[0]?.salespersonId).toBe(row.salespersonId);
    expect(row.edits).toHaveLength(1);
    expect(row.edits[0]).toMatchObject({ actorUserId: ADMIN });
    expect(row.edits[0]?.changes).toEqual([
      { field: 'description', from: 'Fleet renewal', to: 'Fleet renewal, phase 2' },
      { field: 'salesperson', from: ADMIN, to: ANN, fromName: expect.any(String), toName: 'Ann Lee' },
      { field: 'priority', from: 'normal', to: 'high' },
    ]);
    // The DM comes from the outbox (delivered by the dispatcher), to the new salesperson only.
    const dm = await t.fake.waitFor('chat.postMessage', (c) => since.calls().includes(c) && c.args.channel === ANN);
    expect(allText(dm.args)).toContain(`<@${ADMIN}> made you the salesperson of *${no}* Fleet renewal, phase 2`);
    await t.app.dispatcher.idle();
    const events = await t.db.prisma.outboxEvent.findMany({ where: { workspaceId: teamId }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.kind).slice(-2)).toEqual(['opportunity-edited', 'opportunity-reassigned']);
    const delivery = await t.db.prisma.outboxDelivery.findFirstOrThrow({
      where: { consumer: 'notifications', event: { workspaceId: teamId, kind: 'opportunity-reassigned' } },
    });
    expect(delivery).toMatchObject({ consumer: 'notifications', deliveredAt: expect.any(Date) });
    // Editing it to what it already is changes nothing and says so.
    expect(await run(t, `edit ${no} priority:high`, teamId)).toContain(
      `Opportunity ${no} already has those values, so nothing was changed.`,
    );
    expect((await opportunityRow(teamId, no)).edits).toHaveLength(1);
    expectNoBrokenText(since.calls());
  });

  it('after the start the contact changes only within the same company (Business Central §5.2)', async () => {
    const { teamId, no } = await setUp();
    await run(t, `quote ${no} line:"Trucks;2;6000"`, teamId);
    expect(await run(t, `edit ${no} contact:"Pat Person"`, teamId)).toContain(
      'Edited by <@U0REP00001>: contact Acme Corp → Pat Person',
    );
    const row = await opportunityRow(teamId, no);
    expect(row.contact.name).toBe('Pat Person');
    expect(row.entries[0]?.contactId).toBe(row.contactId);
    // Its sales quote is made out to the new contact too.
    const quote = await t.db.prisma.salesQuote.findFirstOrThrow({
      where: { opportunity: { workspaceId: teamId, no } },
    });
    expect(quote.contactId).toBe(row.contactId);
    const before = await workspaceRows(t.db, teamId);
    expect(await run(t, `edit ${no} contact:"Solo Sam"`, teamId)).toContain(
      'Solo Sam (CT00003) belongs to a different company; once an opportunity has started, its contact can only change within the same company.',
    );
    expect(await workspaceRows(t.db, teamId)).toEqual(before);
    // Before the start any contact will do.
    const notStarted = await newOpportunity(t.app.services, teamId, { start: false, description: 'Not started' });
    expect(await run(t, `edit ${notStarted} contact:"Solo Sam"`, teamId)).toContain('contact Acme Corp → Solo Sam');
  });

  it('the Edit form opens filled in with the current values and saves what was changed', async () => {
    const { teamId, no } = await setUp();
    const since = mark(t);
    const triggerId = newTriggerId();
    expect((await t.commandAck(`edit ${no}`, { teamId, triggerId })).status).toBe(200);
    const form = await openedModal(t, since, CALLBACK_IDS.editOpportunity, triggerId);
    const elements = inputElements(form.view);
    const b = BLOCK_IDS.edit;
    expect(elements.get(b.description)?.initial_value).toBe('Fleet renewal');
    expect((elements.get(b.contact)?.initial_option as JsonObject).value).toBe('CT00001');
    expect(elements.get(b.salesperson)?.initial_user).toBe(ADMIN);
    expect((elements.get(b.priority)?.initial_option as JsonObject).value).toBe('normal');
    const ack = await submitModal(t, form, { [b.priority]: 'low', [b.contact]: 'CT00002' }, { teamId });
    expect(ack.status).toBe(200);
    expect(ack.text).toBe('');
    // Opened by a command, the form shows the card privately where it was typed.
    const card = await t.fake.waitFor('chat.postEphemeral', (c) => since.calls().includes(c));
    expect(sentences(card.args)).toContain('contact Acme Corp → Pat Person; priority Normal → Low');
    const row = await opportunityRow(teamId, no);
    expect([row.priority, row.contact.name]).toEqual(['LOW', 'Pat Person']);
    // A stale form (the opportunity changed since it was opened) is refused under its field.
    const stale = fieldErrors(await submitModal(t, form, { [b.priority]: 'high' }, { teamId }));
    expect(Object.values(stale).join(' ')).toMatch(/changed/i);
    expect((await opportunityRow(teamId, no)).priority).toBe('LOW');
  });

  it("the card's Edit button opens the form; saving updates that card in place, history in date order", async () => {
    const { teamId, no } = await setUp();
    // The same day, a minute apart: the history orders by date, then by when each was recorded.
    t.clock.advance(60_000);
    await run(t, `note ${no} Called Pat`, teamId);
    t.clock.advance(60_000);
    const { reply } = await t.command(`show ${no}`, { teamId });
    const edit = buttonsOf(reply.args).find((x) => x.actionId === ACTION_IDS.edit);
    expect(edit?.value).toBe(no);
    const messageTs = '1700000200.000001';
    const since = mark(t);
    const triggerId = newTriggerId();
    await t.click({
      actionId: ACTION_IDS.edit,
      blockId: BLOCK_IDS.card.actions,
      value: no,
      teamId,
      channelId: CHANNEL,
      messageTs,
      triggerId,
      responseUrl: t.fake.responseUrl(),
      message: { type: 'message', ts: messageTs, text: 'card', blocks: reply.args.blocks },
    });
    const form = await openedModal(t, since, CALLBACK_IDS.editOpportunity, triggerId);
    expect(
      (await submitModal(t, form, { [BLOCK_IDS.edit.description]: 'Fleet renewal 2027' }, { teamId })).status,
    ).toBe(200);
    const updated = await t.fake.waitFor('chat.update', (c) => since.calls().includes(c));
    expect([updated.args.channel, updated.args.ts]).toEqual([CHANNEL, messageTs]);
    // Newest first: the edit, the note, then the first entry.
    const history = blockIds(updated.args).filter((id) => id.startsWith('history_'));
    expect(history).toEqual([
      expect.stringMatching(/^history_edit_\d+$/),
      expect.stringMatching(/^history_note_\d+$/),
      expect.stringMatching(/^history_\d+$/),
    ]);
    expect(allText(updated.args)).toContain('description “Fleet renewal” → “Fleet renewal 2027”');
  });

  it('a rep edits their own opportunity, cannot give it away, and cannot edit someone else’s', async () => {
    const { teamId } = await setUp();
    const mine = await newOpportunity(t.app.services, teamId, { owner: REP, description: 'Rex deal' });
    const theirs = await newOpportunity(t.app.services, teamId, { owner: ANN, description: 'Ann deal' });
    expect(await run(t, `edit ${mine} priority:high`, teamId, REP)).toContain('priority Normal → High');
    const before = await workspaceRows(t.db, teamId);
    expect(await run(t, `edit ${mine} owner:<@${ANN}>`, teamId, REP)).toContain(
      `Only managers and admins can give opportunity ${mine} to another salesperson; ask an admin (see /opp roles).`,
    );
    expect(await run(t, `edit ${theirs} priority:low`, teamId, REP)).toContain(
      `Only managers and admins can change opportunity ${theirs}, because someone else is its salesperson`,
    );
    expect(await workspaceRows(t.db, teamId)).toEqual(before);
    // The card a rep reads of someone else's opportunity offers no Edit.
    const { reply } = await t.command(`show ${theirs}`, { teamId, userId: REP });
    expect(buttonsOf(reply.args).map((x) => x.actionId)).not.toContain(ACTION_IDS.edit);
  });

  it('a closed opportunity keeps all but its description', async () => {
    const { teamId, no } = await setUp();
    await run(t, `close ${no} lost code:PRICE`, teamId);
    expect(await run(t, `edit ${no} priority:high`, teamId)).toMatch(new RegExp(`${no}.*(closed|lost)`, 'i'));
    expect(await run(t, `edit ${no} description:"Fleet renewal (lost on price)"`, teamId)).toContain(
      'description “Fleet renewal” → “Fleet renewal (lost on price)”',
    );
    const since = mark(t);
    const triggerId = newTriggerId();
    await t.commandAck(`edit ${no}`, { teamId, triggerId });
    const form = await openedModal(t, since, CALLBACK_IDS.editOpportunity, triggerId);
    expect([...inputElements(form.view).keys()]).toEqual([BLOCK_IDS.edit.description]);
  });
});
