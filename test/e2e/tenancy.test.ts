// Tenancy, the complete matrix: workspace A and workspace B each have data; a person of B tries every
// route against A's objects (guessed opportunity numbers in every command, edited button values,
// edited private_metadata in every opportunity modal, option loads, App Home, lists, exports, digests,
// statistics, subscriptions, purge). B reads "not found" or nothing, never a word of A's data, and
// A's rows are exactly as they were, row for row.
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/domain/decimal.ts';
import { localDate } from '../../src/domain/local-date.ts';
import { system } from '../../src/i18n/en/system.ts';
import { ACTION_IDS, BLOCK_IDS, CALLBACK_IDS, closeCodeBlockId } from '../../src/slack/ids.ts';
import { BACKENDS } from '../support/databases.ts';
import { newOpportunity, useTestApp, workspaceRows } from '../support/fixtures.ts';
import type { FakeSlackCall } from '../support/fake-slack.ts';
import { seedPipelineSetup } from '../support/pipeline-fixtures.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { buildView, newEventId, newTriggerId } from '../support/slack-requests.ts';
import { allText, TEST_TODAY } from '../support/test-app.ts';
import {
  expectNoBrokenText,
  fieldErrors,
  mark,
  modalAction,
  openedModal,
  type OpenedModal,
  run,
  sentences,
  submitModal,
  updatedModal,
} from './e2e-kit.ts';

const today = localDate(TEST_TODAY);
const USER_A = 'U0ALICE001';
const USER_B = 'U0BOB00001';
const CHANNEL_B = SLACK_DEFAULTS.channelId;
const CHANNEL_A = 'C0ASALES01';
/**
 * Every text of A's that B must never read. The amount is matched as a number of its own: trigger ids
 * and message timestamps are long runs of random digits that may hold 77777.
 */
const A_SECRET = /A-secret|Aardvark|(?<![\d.])77[,\s\u00a0\u202f]?777(?!\d)/;
/** A's opportunity numbers that B does not have (B has only OP00001). */
const A_ONLY = ['OP00002', 'OP00003', 'OP00004'] as const;

describe.each(BACKENDS)('tenancy on %s', (backend) => {
  let A: string;
  let B: string;

  const t = useTestApp(backend, {}, async () => {
    A = t.newWorkspace();
    B = t.newWorkspace();
    const { opportunities, setup } = t.app.services;
    for (const [ws, user] of [
      [A, USER_A],
      [B, USER_B],
    ] as const) {
      await seedPipelineSetup(t.app.services, ws);
      // The first person to use /opp in a workspace is its admin: B's person may do everything in B.
      await t.command('help', { teamId: ws, userId: user });
    }
    // A: a company and a person only A has, four opportunities in four states, a subscription.
    await setup.addContact(A, { name: 'Aardvark Holdings', type: 'company' });
    await setup.addContact(A, { name: 'Alice Aardvark', type: 'person', company: 'Aardvark Holdings' });
    const newA = (description: string, value: number) =>
      newOpportunity(t.app.services, A, { description, value, contact: 'Aardvark Holdings', owner: USER_A });
    await newA('A-secret fleet', 77_777);
    await newA('A-secret quoted', 12_000);
    await opportunities.createQuote(
      A,
      'OP00002',
      [{ description: 'A-secret trucks', quantity: dec(2), unitPrice: dec(500) }],
      today,
    );
    await newA('A-secret won', 30_000);
    await opportunities.close(A, 'OP00003', { outcome: 'won', closeCode: 'WIN', salesAmount: dec(30_000), today });
    await newA('A-secret lost', 5_000);
    await opportunities.close(A, 'OP00004', { outcome: 'lost', closeCode: 'PRICE', today });
    await run(t, `subscribe <#${CHANNEL_A}|a-sales> weekly day:monday at:08:00 tz:UTC`, A, USER_A);
    // B: one contact of its own and one opportunity, OP00001.
    await setup.addContact(B, { name: 'Bravo Ltd', type: 'company' });
    await newOpportunity(t.app.services, B, {
      description: 'B own deal',
      contact: 'Bravo Ltd',
      owner: USER_B,
      value: 1_000,
    });
  });

  /** Every row of A's, in a stable order, as text: compared before and after B's attempts. */
  const snapshotA = async () => JSON.stringify(await workspaceRows(t.db, A));

  /** Nothing the app sent since `since` carries any of A's data. */
  function expectNothingOfA(calls: readonly FakeSlackCall[]): void {
    expectNoBrokenText(calls);
    for (const call of calls) expect(JSON.stringify(call.args), `${call.method} leaked A's data`).not.toMatch(A_SECRET);
  }

  async function asB(text: string): Promise<string> {
    return run(t, text, B, USER_B);
  }

  it('every opportunity command with a guessed number of A: not found, no modal opened', async () => {
    const before = await snapshotA();
    const since = mark(t);
    for (const no of A_ONLY) {
      for (const text of [
        `show ${no}`,
        `next ${no}`,
        `previous ${no}`,
        `skip ${no} to:40`,
        `jump ${no} to:10`,
        `update ${no} value:1 chance:10`,
        `close ${no} won code:WIN amount:5`,
        `close ${no} lost code:PRICE`,
        `quote ${no} line:"X;1;1"`,
        `order ${no}`,
        `delete ${no}`,
        `stats ${no}`,
        `move ${no}`,
        `close ${no}`,
        `quote ${no}`,
        `show ${no.toLowerCase()}`,
      ]) {
        expect(await asB(text), text).toMatch(new RegExp(`There is no opportunity ${no}\\.`));
      }
    }
    await t.settle();
    expect(since.calls('views.open')).toEqual([]);
    expectNothingOfA(since.calls());
    expect(await snapshotA()).toBe(before);
  });

  it("every card button with A's number clicked from B's team: not found beside the card, nothing changed", async () => {
    const before = await snapshotA();
    const since = mark(t);
    const buttons = [
      ACTION_IDS.show,
      ACTION_IDS.activate,
      ACTION_IDS.next,
      ACTION_IDS.update,
      ACTION_IDS.close,
      ACTION_IDS.createQuote,
      ACTION_IDS.makeOrder,
      ACTION_IDS.delete,
    ];
    for (const no of A_ONLY) {
      for (const actionId of buttons) {
        const responseUrl = t.fake.responseUrl();
        const ack = await t.click({ actionId, value: no, teamId: B, userId: USER_B, responseUrl });
        expect([ack.status, ack.text]).toEqual([200, '']);
        const reply = await t.fake.waitFor('response_url', (c) => c.id === responseUrl.split('/').pop());
        expect(sentences(reply.args), `${actionId} ${no}`).toMatch(new RegExp(`There is no opportunity ${no}\\.`));
      }
    }
    // The same from B's App Home: the refusal in a small modal.
    const home = buildView({ type: 'home', viewId: 'V0HOMEB001', callbackId: CALLBACK_IDS.home, teamId: B });
    for (const actionId of [ACTION_IDS.next, ACTION_IDS.makeOrder, ACTION_IDS.delete]) {
      const opened = mark(t);
      await t.click({ actionId, value: 'OP00003', teamId: B, userId: USER_B, view: home });
      const modal = await openedModal(t, opened, CALLBACK_IDS.unavailable);
      expect(allText(modal.view)).toMatch(/There is no opportunity OP00003\./);
    }
    await t.settle();
    expect(since.calls('chat.update')).toEqual([]);
    expect(since.calls('views.publish')).toEqual([]);
    expect(
      since
        .calls('views.open')
        .every((c) => (c.args.view as { callback_id?: string }).callback_id === CALLBACK_IDS.unavailable),
    ).toBe(true);
    expectNothingOfA(since.calls());
    expect(await snapshotA()).toBe(before);
  });

  it("A's purge confirmation used from B (by B's person, or by A's person in B) deletes nothing", async () => {
    const { reply } = await t.command('purge status:lost', { teamId: A, userId: USER_A });
    const confirm = JSON.stringify(reply.args).match(/"value":"([0-9a-f]{32})"/)?.[1];
    expect(confirm).toBeDefined();
    const before = await snapshotA();
    const since = mark(t);
    for (const userId of [USER_B, USER_A]) {
      const clicked = mark(t);
      await t.click({
        actionId: ACTION_IDS.purgeConfirm,
        value: confirm ?? '',
        teamId: B,
        userId,
        messageTs: '1700000000.000500',
      });
      const answer = await t.fake.waitFor('chat.update', (c) => clicked.calls('chat.update').includes(c));
      expect(sentences(answer.args)).toMatch(/This confirmation has expired, so nothing was deleted\./);
    }
    await t.settle();
    expectNothingOfA(since.calls());
    expect(await snapshotA()).toBe(before);
    // It still works where it was made (it was not used up by B's attempts).
    await t.click({ actionId: ACTION_IDS.purgeCancel, value: confirm ?? '', teamId: A, userId: USER_A });
  });

  /** Opens one of B's own opportunity modals (on B's OP00001), to submit it with edited metadata. */
  async function openB(text: string, callbackId: string): Promise<OpenedModal> {
    const since = mark(t);
    const triggerId = newTriggerId();
    await t.commandAck(text, { teamId: B, userId: USER_B, triggerId });
    return openedModal(t, since, callbackId, triggerId);
  }

  /** An element changed inside one of B's modals, by B's person (block_actions with the view). */
  const actInModal = (
    modal: OpenedModal,
    change: Parameters<typeof modalAction>[2],
    inputs: Record<string, string | null>,
  ) => modalAction(t, modal, change, inputs, B, USER_B);

  /** A form A's person opened in A on one of A's opportunities. */
  async function openA(text: string, callbackId: string): Promise<OpenedModal> {
    const since = mark(t);
    const triggerId = newTriggerId();
    await t.commandAck(text, { teamId: A, userId: USER_A, triggerId });
    return openedModal(t, since, callbackId, triggerId);
  }

  it("every opportunity modal submitted from B with private_metadata naming A's opportunity or A's form: refused, nothing written", async () => {
    const before = await snapshotA();
    const bBefore = await t.db.prisma.opportunityEntry.count({ where: { workspaceId: B } });
    const update = await openB('move OP00001', CALLBACK_IDS.updateOpportunity);
    const close = await openB('close OP00001', CALLBACK_IDS.closeOpportunity);
    const quote = await openB('quote OP00001', CALLBACK_IDS.createQuote);
    // The Close form shows its code select once Won is picked (an in-modal action on B's own modal).
    const picked = mark(t);
    const outcome = { blockId: BLOCK_IDS.close.outcome, actionId: ACTION_IDS.closeOutcome, type: 'radio_buttons' };
    await actInModal(
      close,
      { ...outcome, action: { selected_option: { value: 'won' } } },
      { [BLOCK_IDS.close.outcome]: 'won' },
    );
    const closeWon = await updatedModal(t, picked, close);
    // What B could put into the metadata: the ids of A's opportunity (the old format), or the context
    // id of a form A's person opened on it (as if it had leaked).
    const aForms = {
      [CALLBACK_IDS.updateOpportunity]: await openA('move OP00002', CALLBACK_IDS.updateOpportunity),
      [CALLBACK_IDS.closeOpportunity]: await openA('close OP00002', CALLBACK_IDS.closeOpportunity),
      [CALLBACK_IDS.createQuote]: await openA('quote OP00001', CALLBACK_IDS.createQuote),
    };
    const versions = (await t.db.prisma.opportunity.findMany({ where: { workspaceId: A } })).map((o) => o.version);
    const since = mark(t);
    const refused = [system.formContextRefused];
    for (const [modal, inputs] of [
      [update, { [BLOCK_IDS.update.estimatedValue]: '99999' }],
      [closeWon, { [closeCodeBlockId('won')]: 'WIN', [BLOCK_IDS.close.salesAmount]: '9,000' }],
      [quote, { line_1_description: 'X', line_1_quantity: '1', line_1_unitPrice: '1' }],
    ] as const) {
      const edits = [
        ...A_ONLY.flatMap((no) => versions.map((version) => JSON.stringify({ no, version, channelId: CHANNEL_A }))),
        String(aForms[String(modal.view.callback_id) as keyof typeof aForms].view.private_metadata),
      ];
      for (const privateMetadata of edits) {
        const errors = fieldErrors(await submitModal(t, modal, inputs, { teamId: B, userId: USER_B, privateMetadata }));
        expect(Object.values(errors), privateMetadata).toEqual(refused);
      }
      // A's person, clicking in B with A's form: bound to A, so refused too.
      const own = aForms[String(modal.view.callback_id) as keyof typeof aForms];
      const errors = fieldErrors(
        await submitModal(t, modal, inputs, {
          teamId: B,
          userId: USER_A,
          privateMetadata: String(own.view.private_metadata),
        }),
      );
      expect(Object.values(errors)).toEqual(refused);
    }

    // In-modal actions with A's form in the metadata: the modal says so instead of showing A's stages.
    for (const [modal, change] of [
      [update, { blockId: BLOCK_IDS.update.actionType, actionId: ACTION_IDS.updateActionType, type: 'static_select' }],
      [close, { blockId: BLOCK_IDS.close.outcome, actionId: ACTION_IDS.closeOutcome, type: 'radio_buttons' }],
    ] as const) {
      const leaked = aForms[String(modal.view.callback_id) as keyof typeof aForms].view.private_metadata;
      const edited = { ...modal, view: { ...modal.view, private_metadata: leaked } };
      const acted = mark(t);
      await actInModal(edited, change, {});
      const rebuilt = await updatedModal(t, acted, edited);
      expect(allText(rebuilt.view)).toContain(system.formContextRefused);
    }

    // Create Opportunity naming A's contact number (B has no CT00005): refused under the contact field.
    const create = await openB('new', CALLBACK_IDS.createOpportunity);
    const createErrors = fieldErrors(
      await submitModal(
        t,
        create,
        {
          [BLOCK_IDS.create.description]: 'Stolen',
          [BLOCK_IDS.create.contact]: 'CT00005',
          [BLOCK_IDS.create.estimatedValue]: '1000',
          [BLOCK_IDS.create.chances]: '50',
          [BLOCK_IDS.create.estimatedCloseDate]: '2026-12-15',
        },
        { teamId: B, userId: USER_B },
      ),
    );
    expect(Object.keys(createErrors)).toEqual([BLOCK_IDS.create.contact]);
    expect(createErrors[BLOCK_IDS.create.contact]).toMatch(/CT00005/);
    await t.settle();
    expectNothingOfA(since.calls());
    expect(await snapshotA()).toBe(before);
    expect(await t.db.prisma.opportunityEntry.count({ where: { workspaceId: B } })).toBe(bBefore);
    expect(await t.db.prisma.opportunity.count({ where: { workspaceId: B } })).toBe(1);
  });

  it("option loads from B never offer A's contacts", async () => {
    const view = buildView({ callbackId: CALLBACK_IDS.createOpportunity, teamId: B });
    for (const [actionId, value] of [
      [ACTION_IDS.contactSearch, 'aard'],
      [ACTION_IDS.contactSearch, 'alice'],
      [ACTION_IDS.contactSearch, 'a'],
      [ACTION_IDS.contactSearch, 'CT00005'],
      [ACTION_IDS.contactSearch, '%'],
      [ACTION_IDS.contactSearch, '_'],
      [ACTION_IDS.companySearch, 'a'],
      [ACTION_IDS.companySearch, 'holdings'],
    ] as const) {
      const res = await t.suggest({ actionId, value, teamId: B, userId: USER_B, view });
      expect(res.status).toBe(200);
      expect(res.text, `${actionId} "${value}"`).not.toMatch(A_SECRET);
    }
    // B's own are found, so the search did run.
    const own = await t.suggest({
      actionId: ACTION_IDS.contactSearch,
      value: 'bravo',
      teamId: B,
      userId: USER_B,
      view,
    });
    expect(own.text).toMatch(/Bravo Ltd/);
  });

  it("App Home in B shows nothing of A, for B's person and for A's person", async () => {
    for (const userId of [USER_B, USER_A]) {
      const since = mark(t);
      await t.event({
        teamId: B,
        eventId: newEventId(),
        event: {
          type: 'app_home_opened',
          user: userId,
          channel: 'D0HOME0001',
          tab: 'home',
          event_ts: '1700000000.000100',
        },
      });
      const published = await t.fake.waitFor('views.publish', (c) => since.calls('views.publish').includes(c));
      expect(published.args.user_id).toBe(userId);
      expect(sentences(published.args.view)).not.toMatch(A_SECRET);
      if (userId === USER_B) expect(allText(published.args.view)).toMatch(/B own deal/);
    }
  });

  it('lists, export, digest, statistics, subscriptions and purge in B see only B', async () => {
    const before = await snapshotA();
    const since = mark(t);
    const uploadsBefore = t.fake.uploads.length;
    expect(await asB('list all status:all')).toMatch(/B own deal/);
    expect(await asB(`list <@${USER_A}> status:all`)).not.toMatch(A_SECRET);
    expect(await asB('list all status:won')).not.toMatch(A_SECRET);
    expect(await asB('list all contact:CT00005')).toMatch(/CT00005/);
    expect(await asB('export all status:all')).toMatch(/Exported 1 opportunit/);
    const csv = t.fake.uploads
      .slice(uploadsBefore)
      .map((u) => u.data.toString('utf8'))
      .join('\n');
    expect(csv).toMatch(/B own deal/);
    expect(csv).not.toMatch(A_SECRET);
    expect(await asB('digest')).toMatch(/posted/);
    expect(await asB('stats cycle:STD')).not.toMatch(A_SECRET);
    expect(await asB('subscriptions')).not.toMatch(new RegExp(`${A_SECRET.source}|${CHANNEL_A}`));
    expect(await asB(`unsubscribe <#${CHANNEL_A}>`)).toMatch(/has no scheduled digest/);
    const purge = await asB('purge');
    expect(purge).toMatch(/No closed opportunity matches that filter, so nothing would be deleted\./);
    expect(await asB('purge status:won')).not.toMatch(/OP00003/);
    await t.settle();
    const digestPosts = since.calls('chat.postMessage').filter((c) => c.args.channel === CHANNEL_B);
    expect(digestPosts.length).toBeGreaterThan(0);
    expectNothingOfA(since.calls());
    expect(await snapshotA()).toBe(before);
    expect(await t.db.prisma.digestSubscription.count({ where: { workspaceId: A, channelId: CHANNEL_A } })).toBe(1);
  });

  it("B acting on its own OP00001 changes B's and never A's OP00001", async () => {
    const before = await snapshotA();
    expect(await asB('next OP00001')).toMatch(/B own deal/);
    expect(await asB('show OP00001')).not.toMatch(A_SECRET);
    expect(await snapshotA()).toBe(before);
    const stageB = await t.db.prisma.opportunityEntry.findFirstOrThrow({ where: { workspaceId: B, active: true } });
    expect(stageB.stage).toBe(20);
  });
});
