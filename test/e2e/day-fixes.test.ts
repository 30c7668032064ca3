// Issue 14's "wrong or surprising" points through the real receiver, on both backends: what a move or a
// Won close replaced is said (1), Make order on an open opportunity closes it through the Close form (2),
// a person without a company can be won (4), amounts in another currency are refused (5), exports go to
// the person who asked (6), a company filter includes its persons (7), `list … status:all` pages (11).
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/databases.ts';
import { newOpportunity, seededWorkspace, useTestApp } from '../support/fixtures.ts';
import {
  ACTION_IDS,
  BLOCK_IDS,
  CALLBACK_IDS,
  closeCodeBlockId,
  OPTION_VALUES,
  quoteLineBlockId,
} from '../../src/slack/ids.ts';
import { newTriggerId } from '../support/slack-requests.ts';
import { allText, TEST_TODAY } from '../support/test-app.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { dec } from '../../src/domain/decimal.ts';
import { localDate } from '../../src/domain/local-date.ts';
import {
  buttonsOf,
  fieldErrors,
  inputElements,
  mark,
  modalAction,
  type OpenedModal,
  openedModal,
  optionValues,
  run,
  sentences,
  submitModal,
  updatedModal,
} from './e2e-kit.ts';

const U = BLOCK_IDS.update;
const C = BLOCK_IDS.close;

describe.each(BACKENDS)('a day in Slack without surprises on %s', (backend) => {
  const t = useTestApp(backend);

  it('next says what the stage replaced; a Won close says the quote amount replaced the typed one (point 1)', async () => {
    const teamId = await seededWorkspace(t);
    const no = await newOpportunity(t.app.services, teamId, { chances: 50, closeDate: '2026-12-15' });
    const moved = await run(t, `next ${no}`, teamId);
    expect(moved).toContain("Set by the rules: chances 50% → 40% (stage 20's default), closing date");
    expect(moved).toContain('(stage formula 2W)');
    // Typed values are the person's: nothing to say about them.
    const typed = await run(t, `previous ${no} chance:35 close:2027-01-20`, teamId);
    expect(typed).not.toContain('Set by the rules');

    await run(t, `next ${no}`, teamId);
    await run(t, `quote ${no} line:"Trucks;2;6000"`, teamId);
    const won = await run(t, `close ${no} won code:WIN amount:999`, teamId);
    expect(won).toContain("Set by the rules: sales amount $999.00 → $12,000.00 (the linked quote's amount).");
  });

  async function open(text: string, teamId: string, callbackId: string): Promise<OpenedModal> {
    const since = mark(t);
    const triggerId = newTriggerId();
    const ack = await t.commandAck(text, { teamId, triggerId });
    expect(ack.status).toBe(200);
    return openedModal(t, since, callbackId, triggerId);
  }

  /** What an input of the form shows: its text or date. */
  function shown(modal: OpenedModal, blockId: string): unknown {
    const element = inputElements(modal.view).get(blockId);
    return element?.initial_value ?? element?.initial_date;
  }

  async function switchAction(modal: OpenedModal, action: string, inputs: Record<string, string>, teamId: string) {
    const since = mark(t);
    await modalAction(
      t,
      modal,
      {
        blockId: U.actionType,
        actionId: ACTION_IDS.updateActionType,
        type: 'static_select',
        action: { selected_option: { value: action } },
      },
      { [U.actionType]: action, ...inputs },
      teamId,
    );
    return updatedModal(t, since, modal);
  }

  it('the Update form: Update estimates shows the current values, and a new action keeps what was typed (point 1)', async () => {
    const teamId = await seededWorkspace(t);
    const no = await newOpportunity(t.app.services, teamId, { value: 10_000, chances: 50, closeDate: '2026-12-15' });
    let modal = await open(`move ${no}`, teamId, CALLBACK_IDS.updateOpportunity);
    // Next (the default) proposes stage 20's chances and formula.
    expect(shown(modal, U.chances)).toBe('40');
    expect(shown(modal, U.estimatedCloseDate)).toBe('2026-11-16');
    modal = await switchAction(modal, 'update', {}, teamId);
    expect(shown(modal, U.chances)).toBe('50');
    expect(shown(modal, U.estimatedCloseDate)).toBe('2026-12-15');
    expect(shown(modal, U.estimatedValue)).toBe('10,000.00');
    // Typed under Update, kept under Next and back; the closing date, not typed, follows the action.
    modal = await switchAction(modal, 'next', { [U.chances]: '45' }, teamId);
    expect(shown(modal, U.chances)).toBe('45');
    expect(shown(modal, U.estimatedCloseDate)).toBe('2026-11-16');
    modal = await switchAction(modal, 'update', {}, teamId);
    expect(shown(modal, U.chances)).toBe('45');
    expect(shown(modal, U.estimatedCloseDate)).toBe('2026-12-15');
    expect((await submitModal(t, modal, {}, { teamId })).status).toBe(200);
    await t.settle();
    const active = await t.db.prisma.opportunityEntry.findFirstOrThrow({
      where: { workspaceId: teamId, active: true, opportunity: { no } },
    });
    expect([active.actionTaken, active.chancesPct.toString()]).toEqual(['UPDATED', '45']);
  });

  it('Make order on an open opportunity opens the Close form set to Won; `order … code:` works on one line (point 2)', async () => {
    const teamId = await seededWorkspace(t);
    // Two won codes: none can be chosen for the person.
    await t.app.services.setup.addCloseCode(teamId, { code: 'REFERRAL', description: 'Referral', type: 'won' });
    const no = await newOpportunity(t.app.services, teamId);
    await run(t, `quote ${no} line:"Trucks;2;6000"`, teamId);
    const { reply } = await t.command(`show ${no}`, { teamId });
    const makeOrder = buttonsOf(reply.args).find((b) => b.actionId === ACTION_IDS.makeOrder);
    expect(makeOrder).toBeDefined();
    const since = mark(t);
    const triggerId = newTriggerId();
    await t.click({ actionId: ACTION_IDS.makeOrder, value: no, teamId, triggerId });
    const form = await openedModal(t, since, CALLBACK_IDS.closeOpportunity, triggerId);
    expect(optionValues(form.view, C.outcome)).toEqual(['won']);
    expect(inputElements(form.view).get(C.outcome)?.initial_option).toMatchObject({ value: 'won' });
    expect(shown(form, C.closingDate)).toBe(TEST_TODAY);
    expect(shown(form, C.salesAmount)).toBe('12,000.00');
    expect(inputElements(form.view).get(C.cancelTasks)?.initial_options).toHaveLength(1);
    expect(optionValues(form.view, closeCodeBlockId('won'))).toEqual(['REFERRAL', 'WIN']);
    // No code picked: said under the select, nothing written.
    expect(fieldErrors(await submitModal(t, form, {}, { teamId }))).toEqual({
      [closeCodeBlockId('won')]: 'Pick a close code.',
    });
    expect((await submitModal(t, form, { [closeCodeBlockId('won')]: 'REFERRAL' }, { teamId })).status).toBe(200);
    await t.settle();
    const ordered = await t.db.prisma.opportunity.findFirstOrThrow({
      where: { workspaceId: teamId, no },
      include: { order: true, entries: { where: { active: true }, include: { closeCode: true } } },
    });
    expect([ordered.status, ordered.order?.no, ordered.entries[0]?.closeCode?.code]).toEqual([
      'WON',
      'SO00001',
      'REFERRAL',
    ]);

    // The command without a code opens the same form; with one it closes and orders on one line.
    const other = await newOpportunity(t.app.services, teamId, { description: 'Second fleet' });
    await run(t, `quote ${other} line:"Vans;1;5000"`, teamId);
    const opened = await open(`order ${other}`, teamId, CALLBACK_IDS.closeOpportunity);
    expect(optionValues(opened.view, C.outcome)).toEqual(['won']);
    const oneLine = await run(t, `order ${other} code:WIN`, teamId);
    expect(oneLine).toContain('Order SO00002');
    expect(oneLine).toContain('WIN — Best offer');
  });

  it('list … status:all pages with a More button and totals per status (point 11)', async () => {
    const teamId = await seededWorkspace(t);
    const { services } = t.app;
    const today = localDate(TEST_TODAY);
    const nos: string[] = [];
    for (let i = 0; i < 50; i++) nos.push(await newOpportunity(services, teamId, { value: 1_000, chances: 50 }));
    for (const no of nos.slice(0, 2))
      await services.opportunities.close(teamId, no, {
        outcome: 'won',
        closeCode: 'WIN',
        salesAmount: dec(3_000),
        today,
      });
    await services.opportunities.close(teamId, nos[2] ?? '', { outcome: 'lost', closeCode: 'PRICE', today });

    const { reply } = await t.command('list all status:all', { teamId });
    const first = sentences(reply.args);
    expect(first).toContain('46 of 50 opportunities');
    // Stage 10 of STD is 10 % completed: 1,000 × 50 % × 10 % weighted each.
    expect(first).toContain(
      '*Total:* open 47: $47,000.00 estimated, $2,350.00 weighted · won 2: $6,000.00 sales · lost 1: $1,000.00 estimated',
    );
    expect(first).not.toContain('more —');
    const more = buttonsOf(reply.args).find((b) => b.actionId === ACTION_IDS.listMore);
    expect(more?.value).toMatch(/^[0-9a-f]{32}:46$/);

    const since = mark(t);
    const responseUrl = t.fake.responseUrl();
    await t.click({ actionId: ACTION_IDS.listMore, value: more?.value ?? '', teamId, responseUrl });
    const page = await t.fake.waitFor(
      'response_url',
      (c) => since.calls('response_url').includes(c) && allText(c.args).includes('of 50 opportunities'),
    );
    const second = sentences(page.args);
    expect(second).toContain('47–50 of 50 opportunities');
    for (const no of nos.slice(46)) expect(second).toContain(no);
    expect(buttonsOf(page.args).map((b) => b.actionId)).not.toContain(ACTION_IDS.listMore);
    // Someone else's click on it finds nothing.
    const other = mark(t);
    await t.click({
      actionId: ACTION_IDS.listMore,
      value: more?.value ?? '',
      teamId,
      userId: 'U0OTHER001',
      responseUrl: t.fake.responseUrl(),
    });
    await t.fake.waitFor(
      'response_url',
      (c) => other.calls('response_url').includes(c) && allText(c.args).includes('This list is no longer available'),
    );
  });

  it('export goes to the asker in a DM; a manager or an admin gets the whole open pipeline by default (point 6)', async () => {
    const teamId = await seededWorkspace(t);
    const admin = SLACK_DEFAULTS.userId;
    const rep = 'U0REP00777';
    await run(t, 'help', teamId, admin); // the first person becomes admin
    const own = await newOpportunity(t.app.services, teamId, { description: 'Admin deal', owner: admin });
    const theirs = await newOpportunity(t.app.services, teamId, { description: 'Rep deal', owner: rep });
    const won = await newOpportunity(t.app.services, teamId, { description: 'Won deal', owner: rep });
    await run(t, `close ${won} won code:WIN amount:4000`, teamId, admin);

    const exportOf = async (userId: string, text = 'export') => {
      const since = mark(t);
      const reply = await run(t, text, teamId, userId);
      const upload = await t.fake.waitFor('files.completeUploadExternal', (c) =>
        since.calls('files.completeUploadExternal').includes(c),
      );
      expect(upload.args.channel_id).toBe(`D${userId.slice(1)}`);
      const bytes = t.fake.uploads.at(-1)?.data.toString('utf8') ?? '';
      return { reply, lines: bytes.trim().split('\r\n') };
    };
    const byAdmin = await exportOf(admin);
    expect(byAdmin.reply).toContain('Exported 2 opportunities: the CSV file is in your direct messages with the app.');
    expect(byAdmin.lines[0]).toContain(
      'Close code,Close code description,Priority,Last change date,Weighted value (USD)',
    );
    expect(byAdmin.lines.slice(1).map((l) => l.split(',')[0])).toEqual([own, theirs]);
    // Stage 10 (10 % completed) at 50 %: 10,000 × 5 % weighted; changed today.
    expect(byAdmin.lines[1]).toMatch(/,,,Normal,2026-11-02,500\.00$/);

    const byRep = await exportOf(rep, 'export status:all');
    expect(byRep.lines.slice(1).map((l) => l.split(',')[0])).toEqual([theirs, won]);
    expect(byRep.lines[2]).toMatch(/,WIN,Best offer,Normal,2026-11-02,$/);
  });

  it('an amount in another currency is refused with a sentence; the workspace’s own is accepted (point 5)', async () => {
    const teamId = await seededWorkspace(t);
    await run(t, 'help', teamId); // the first person becomes admin
    await run(t, 'setting currency:EUR', teamId);
    const no = await newOpportunity(t.app.services, teamId, { value: 10_000 });
    const refused = await run(t, `update ${no} value:$20,000`, teamId);
    expect(refused).toContain("is written in another currency, and this workspace's amounts are in EUR");
    expect(await run(t, `update ${no} value:"USD 20000"`, teamId)).toContain('another currency');
    const before = await t.db.prisma.opportunityEntry.findFirstOrThrow({
      where: { workspaceId: teamId, active: true, opportunity: { no } },
    });
    expect(before.estimatedValue.toString()).toBe('10000');
    await run(t, `update ${no} value:€20,000`, teamId);
    await run(t, `update ${no} value:"21000 EUR"`, teamId);
    const after = await t.db.prisma.opportunityEntry.findFirstOrThrow({
      where: { workspaceId: teamId, active: true, opportunity: { no } },
    });
    expect(after.estimatedValue.toString()).toBe('21000');
  });

  it('every form with an amount refuses one in another currency under its field, keeping the form (point 5)', async () => {
    const teamId = await seededWorkspace(t);
    await run(t, 'help', teamId); // the first person becomes admin
    await run(t, 'setting currency:EUR', teamId);
    const no = await newOpportunity(t.app.services, teamId, { value: 10_000 });
    const sentence = (typed: string) =>
      `${typed} is written in another currency, and this workspace's amounts are in EUR: write it in EUR, or without a currency sign.`;
    const value = async () =>
      (
        await t.db.prisma.opportunityEntry.findFirstOrThrow({
          where: { workspaceId: teamId, active: true, opportunity: { no } },
        })
      ).estimatedValue.toString();

    // Update: the estimated value.
    const update = await open(`move ${no}`, teamId, CALLBACK_IDS.updateOpportunity);
    expect(fieldErrors(await submitModal(t, update, { [U.estimatedValue]: '$20,000' }, { teamId }))).toEqual({
      [U.estimatedValue]: sentence('$20,000'),
    });
    expect(fieldErrors(await submitModal(t, update, { [U.estimatedValue]: 'USD 20000' }, { teamId }))).toEqual({
      [U.estimatedValue]: sentence('USD 20000'),
    });
    expect(await value()).toBe('10000');

    // New: the estimated value of the first stage.
    const created = await open('new', teamId, CALLBACK_IDS.createOpportunity);
    const N = BLOCK_IDS.create;
    expect(
      fieldErrors(
        await submitModal(
          t,
          created,
          { [N.description]: 'Priced in pounds', [N.activate]: [OPTION_VALUES.activate], [N.estimatedValue]: '£5,000' },
          { teamId },
        ),
      )[N.estimatedValue],
    ).toBe(sentence('£5,000'));

    // Create, Edit and Replace Quote: each line's unit price.
    const line = (price: string) => ({
      [quoteLineBlockId(1, 'description')]: 'Trucks',
      [quoteLineBlockId(1, 'quantity')]: '2',
      [quoteLineBlockId(1, 'unitPrice')]: price,
    });
    const quote = await open(`quote ${no}`, teamId, CALLBACK_IDS.createQuote);
    expect(fieldErrors(await submitModal(t, quote, line('$6,000'), { teamId }))).toEqual({
      [quoteLineBlockId(1, 'unitPrice')]: sentence('$6,000'),
    });
    expect(await t.db.prisma.salesQuote.count({ where: { workspaceId: teamId } })).toBe(0);
    // The one-line quote refuses it too; in euros (or without a sign) it is made.
    expect(await run(t, `quote ${no} line:"Trucks;2;$6000"`, teamId)).toContain(
      "is written in another currency, and this workspace's amounts are in EUR",
    );
    expect((await submitModal(t, quote, line('€6,000'), { teamId })).status).toBe(200);
    await t.settle();
    for (const [actionId, callbackId] of [
      [ACTION_IDS.editQuote, CALLBACK_IDS.editQuote],
      [ACTION_IDS.replaceQuote, CALLBACK_IDS.replaceQuote],
    ] as const) {
      const since = mark(t);
      const triggerId = newTriggerId();
      await t.click({ actionId, value: no, teamId, triggerId });
      const form = await openedModal(t, since, callbackId, triggerId);
      expect(fieldErrors(await submitModal(t, form, line('6000 USD'), { teamId }))).toEqual({
        [quoteLineBlockId(1, 'unitPrice')]: sentence('6000 USD'),
      });
    }
    const quotes = await t.db.prisma.salesQuote.findMany({ where: { workspaceId: teamId }, include: { lines: true } });
    expect(quotes.map((q) => q.lines.map((l) => l.unitPrice.toString()))).toEqual([['6000']]);

    // Close: the sales amount of a Won close.
    const closeForm = await open(`close ${no}`, teamId, CALLBACK_IDS.closeOpportunity);
    const since = mark(t);
    await modalAction(
      t,
      closeForm,
      {
        blockId: C.outcome,
        actionId: ACTION_IDS.closeOutcome,
        type: 'radio_buttons',
        action: { selected_option: { value: 'won' } },
      },
      { [C.outcome]: 'won' },
      teamId,
    );
    const won = await updatedModal(t, since, closeForm);
    expect(
      fieldErrors(
        await submitModal(t, won, { [closeCodeBlockId('won')]: 'WIN', [C.salesAmount]: '¥900,000' }, { teamId }),
      ),
    ).toEqual({ [C.salesAmount]: sentence('¥900,000') });
    const still = await t.db.prisma.opportunity.findFirstOrThrow({ where: { workspaceId: teamId, no } });
    expect(still.status).toBe('IN_PROGRESS');
    // The workspace's own currency, by code or sign, is accepted.
    expect(
      (await submitModal(t, won, { [closeCodeBlockId('won')]: 'WIN', [C.salesAmount]: 'EUR 12000' }, { teamId }))
        .status,
    ).toBe(200);
    await t.settle();
    const closed = await t.db.prisma.opportunity.findFirstOrThrow({ where: { workspaceId: teamId, no } });
    expect(closed.status).toBe('WON');
  });

  it('closing Won with a person without a company creates the customer from the person (point 4)', async () => {
    const teamId = await seededWorkspace(t);
    const no = await newOpportunity(t.app.services, teamId, { contact: 'Solo Sam' });
    const reply = await run(t, `close ${no} won code:WIN amount:12000`, teamId);
    expect(reply).toContain('Won');
    const opportunity = await t.db.prisma.opportunity.findFirstOrThrow({ where: { workspaceId: teamId, no } });
    expect(opportunity.status).toBe('WON');
    const customer = await t.db.prisma.customer.findFirstOrThrow({
      where: { workspaceId: teamId, contact: { name: 'Solo Sam' } },
    });
    expect(customer.name).toBe('Solo Sam');
  });

  it("a company's filter lists its persons' opportunities too (point 7)", async () => {
    const teamId = await seededWorkspace(t);
    const ofCompany = await newOpportunity(t.app.services, teamId, { description: 'Company deal' });
    const ofPerson = await newOpportunity(t.app.services, teamId, {
      description: 'Person deal',
      contact: 'Pat Person',
    });
    const ofLoner = await newOpportunity(t.app.services, teamId, { description: 'Loner deal', contact: 'Solo Sam' });
    const listed = await run(t, 'list all contact:"Acme Corp"', teamId);
    expect(listed).toContain(ofCompany);
    expect(listed).toContain(ofPerson);
    expect(listed).not.toContain(ofLoner);
    // A person's filter stays the person's.
    const person = await run(t, 'list all contact:"Pat Person"', teamId);
    expect(person).toContain(ofPerson);
    expect(person).not.toContain(ofCompany);
  });
});
