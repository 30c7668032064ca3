// Modals: the commands that open them, their submissions with state.values as Slack sends them (built
// from the view the app opened), field errors from the readers and from the rules, the in-modal
// actions that rebuild a view, and stale or tampered submissions.
import { describe, expect, it } from 'vitest';
import {
  ACTION_IDS,
  BLOCK_IDS,
  CALLBACK_IDS,
  closeCodeBlockId,
  OPTION_VALUES,
  quoteLineBlockId,
  updateTargetBlockId,
} from '../../src/slack/ids.ts';
import { system } from '../../src/i18n/en/system.ts';
import { BACKENDS } from '../support/databases.ts';
import { newOpportunity, seededWorkspace, useTestApp } from '../support/fixtures.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { newTriggerId } from '../support/slack-requests.ts';
import { allText } from '../support/test-app.ts';
import {
  blockIds,
  expectNoBrokenText,
  fieldErrors,
  inputElements,
  mark,
  modalAction,
  openedModal,
  optionValues,
  type OpenedModal,
  run,
  sentences,
  submitModal,
  updatedModal,
} from './e2e-kit.ts';

const ME = SLACK_DEFAULTS.userId;
const CHANNEL = SLACK_DEFAULTS.channelId;
const C = BLOCK_IDS.create;
const U = BLOCK_IDS.update;
const X = BLOCK_IDS.close;
const FORM_REFUSED = system.formContextRefused;

describe.each(BACKENDS)('modals on %s', (backend) => {
  const t = useTestApp(backend);

  const workspace = () => seededWorkspace(t);

  const opportunity = (teamId: string, atStage?: number) => newOpportunity(t.app.services, teamId, { atStage });

  async function load(teamId: string, no: string) {
    const row = await t.db.prisma.opportunity.findUniqueOrThrow({
      where: { workspaceId_no: { workspaceId: teamId, no } },
      include: {
        entries: { orderBy: { id: 'asc' }, include: { closeCode: true } },
        quote: { include: { lines: { orderBy: { lineNo: 'asc' } } } },
      },
    });
    return { ...row, active: row.entries.find((e) => e.active) };
  }

  /** Runs `/opp <text>` and returns the modal the app opened for that trigger. */
  async function open(text: string, teamId: string, callbackId: string): Promise<OpenedModal> {
    const since = mark(t);
    const triggerId = newTriggerId();
    const ack = await t.commandAck(text, { teamId, triggerId });
    expect(ack.status).toBe(200);
    expect(ack.text).toBe('');
    return openedModal(t, since, callbackId, triggerId);
  }

  // ---- opening -----------------------------------------------------------------------------------

  it('each modal command calls views.open with its trigger_id and the right callback_id', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId);
    const cases: [string, string][] = [
      ['new', CALLBACK_IDS.createOpportunity],
      [`move ${no}`, CALLBACK_IDS.updateOpportunity],
      [`close ${no.toLowerCase()}`, CALLBACK_IDS.closeOpportunity],
      [`quote ${no}`, CALLBACK_IDS.createQuote],
      ['cycle add', CALLBACK_IDS.salesCycle],
      ['setup cycle add', CALLBACK_IDS.salesCycle],
      ['stage add STD', CALLBACK_IDS.stage],
      ['code add', CALLBACK_IDS.closeCode],
      ['contact add', CALLBACK_IDS.contact],
    ];
    for (const [text, callbackId] of cases) {
      const modal = await open(text, teamId, callbackId);
      expect(modal.view.type).toBe('modal');
    }
    // stage add STD preselects the cycle.
    const stage = await open('stage add STD', teamId, CALLBACK_IDS.stage);
    expect(inputElements(stage.view).get(BLOCK_IDS.stage.cycle)?.initial_option).toMatchObject({ value: 'STD' });
    // A modal for an opportunity that does not exist is a sentence instead.
    const { reply } = await t.command('move OP00077', { teamId });
    expect(sentences(reply.args)).toMatch(/There is no opportunity OP00077\./);
  });

  // ---- Create Opportunity ------------------------------------------------------------------------

  it('Create Opportunity: submitted with Slack-shaped state it creates and starts the opportunity', async () => {
    const teamId = await workspace();
    const modal = await open('new', teamId, CALLBACK_IDS.createOpportunity);
    // Defaults: me as salesperson, the only cycle, normal priority, "activate" ticked.
    const elements = inputElements(modal.view);
    expect(elements.get(C.salesperson)?.initial_user).toBe(ME);
    expect(elements.get(C.salesCycle)?.initial_option).toMatchObject({ value: 'STD' });
    expect(elements.get(C.contact)).toMatchObject({ type: 'external_select', action_id: ACTION_IDS.contactSearch });

    const since = mark(t);
    const ack = await submitModal(
      t,
      modal,
      {
        [C.description]: 'Forklift lease',
        [C.contact]: 'CT00002',
        [C.estimatedValue]: '25,000',
        [C.chances]: '40%',
        [C.estimatedCloseDate]: '2026-12-31',
        [C.priority]: 'high',
      },
      { teamId },
    );
    expect(ack.status).toBe(200);
    expect(ack.text).toBe('');
    const row = await load(teamId, 'OP00001');
    expect([row.description, row.status, row.priority]).toEqual(['Forklift lease', 'IN_PROGRESS', 'HIGH']);
    expect([row.active?.stage, row.active?.estimatedValue.toString(), row.active?.chancesPct.toString()]).toEqual([
      10,
      '25000',
      '40',
    ]);
    // The card comes back in the channel the command was typed in, only for me (Home is rebuilt when
    // it is next opened: see home.test.ts).
    const card = await t.fake.waitFor('chat.postEphemeral', (c) => since.calls().includes(c));
    expect([card.args.channel, card.args.user]).toEqual([CHANNEL, ME]);
    expect(sentences(card.args)).toMatch(/OP00001 · Forklift lease/);
    expect(allText(card.args)).toMatch(/Pat Person, Acme Corp/);
    await t.settle();
    expect(since.calls('views.publish')).toEqual([]);
    expectNoBrokenText(since.calls());
  });

  it('Create Opportunity: reader errors under their fields, and nothing is written', async () => {
    const teamId = await workspace();
    const modal = await open('new', teamId, CALLBACK_IDS.createOpportunity);
    const errors = fieldErrors(
      await submitModal(
        t,
        modal,
        {
          [C.description]: '   ',
          [C.contact]: null,
          [C.estimatedValue]: '12abc',
          [C.chances]: '150',
          [C.estimatedCloseDate]: null,
        },
        { teamId },
      ),
    );
    expect(errors).toEqual({
      [C.description]: 'Fill in this field.',
      [C.contact]: 'Pick a contact.',
      [C.estimatedValue]: 'Enter an amount like 12,000.50',
      [C.chances]: 'Enter a percentage between 0 and 100, like 40 or 12.5',
      [C.estimatedCloseDate]: 'Pick a date.',
    });
    // A value of 0 is refused under the estimated value.
    const zero = fieldErrors(
      await submitModal(
        t,
        modal,
        {
          [C.description]: 'X',
          [C.contact]: 'CT00001',
          [C.estimatedValue]: '0',
          [C.chances]: '40',
          [C.estimatedCloseDate]: '2026-12-31',
        },
        { teamId },
      ),
    );
    expect(Object.keys(zero)).toEqual([C.estimatedValue]);
    expect(zero[C.estimatedValue]).toMatch(/greater than 0/);
    expect(await t.db.prisma.opportunity.count({ where: { workspaceId: teamId } })).toBe(0);
  });

  it('Create Opportunity: rule refusals go under the field they concern', async () => {
    const teamId = await workspace();
    const modal = await open('new', teamId, CALLBACK_IDS.createOpportunity);
    const valid = {
      [C.description]: 'Forklift lease',
      [C.contact]: 'CT00001',
      [C.estimatedValue]: '5000',
      [C.chances]: '40',
    };
    const past = fieldErrors(
      await submitModal(t, modal, { ...valid, [C.estimatedCloseDate]: '2026-10-30' }, { teamId }),
    );
    expect(past).toEqual({
      [C.estimatedCloseDate]: "The estimated closing date (Oct 30, 2026) can't be earlier than today (Nov 2, 2026).",
    });
    const unknown = fieldErrors(
      await submitModal(
        t,
        modal,
        { ...valid, [C.contact]: 'CT00999', [C.estimatedCloseDate]: '2026-12-01' },
        { teamId },
      ),
    );
    expect(unknown).toEqual({ [C.contact]: 'No contact matches "CT00999".' });
    expect(await t.db.prisma.opportunity.count({ where: { workspaceId: teamId } })).toBe(0);
    // The number was not used up by the refusals.
    await submitModal(t, modal, { ...valid, [C.estimatedCloseDate]: '2026-12-01' }, { teamId });
    expect((await t.db.prisma.opportunity.findFirstOrThrow({ where: { workspaceId: teamId } })).no).toBe('OP00001');
  });

  // ---- Update Opportunity ------------------------------------------------------------------------

  it('Update Opportunity: Next with new estimates moves the opportunity', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId);
    const modal = await open(`move ${no}`, teamId, CALLBACK_IDS.updateOpportunity);
    expect(optionValues(modal.view, U.actionType)).toEqual(['next', 'skip', 'update']);
    expect(sentences(modal.view)).toMatch(/Moves to stage 20 · Qualification\./);
    const since = mark(t);
    const ack = await submitModal(t, modal, { [U.estimatedValue]: '15,000', [U.chances]: '45' }, { teamId });
    expect(ack.text).toBe('');
    const row = await load(teamId, no);
    expect([row.active?.stage, row.active?.actionTaken, row.active?.estimatedValue.toString()]).toEqual([
      20,
      'NEXT',
      '15000',
    ]);
    const card = await t.fake.waitFor('chat.postEphemeral', (c) => since.calls().includes(c));
    expect(sentences(card.args)).toMatch(/\*Stage\*\n20 · Qualification/);
  });

  it('Update Opportunity: reader errors and rule refusals under the right blocks; nothing written', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId, 20);
    const entries = async () => t.db.prisma.opportunityEntry.count({ where: { workspaceId: teamId } });
    const before = await entries();
    const modal = await open(`move ${no}`, teamId, CALLBACK_IDS.updateOpportunity);
    // Next from 20 enters 40, which needs a quote: the modal warns, and the rule refuses under the action type.
    expect(blockIds(modal.view)).toContain(U.quoteWarning);
    const quote = fieldErrors(await submitModal(t, modal, {}, { teamId }));
    expect(quote).toEqual({
      [U.actionType]: "You can't move to stage 40 (Proposal) until a sales quote is assigned to the opportunity.",
    });
    const read = fieldErrors(
      await submitModal(t, modal, { [U.estimatedValue]: '0', [U.chances]: '150', [U.dateOfChange]: null }, { teamId }),
    );
    expect(read).toEqual({
      [U.dateOfChange]: 'Pick a date.',
      [U.estimatedValue]: 'Enter an amount greater than 0.',
      [U.chances]: 'Enter a percentage between 0 and 100, like 40 or 12.5',
    });
    const dates = fieldErrors(
      await submitModal(t, modal, { [U.dateOfChange]: '2026-11-20', [U.estimatedCloseDate]: '2026-11-10' }, { teamId }),
    );
    expect(dates).toEqual({ [U.estimatedCloseDate]: "The closing date can't be earlier than the date of change." });
    const earlier = fieldErrors(await submitModal(t, modal, { [U.dateOfChange]: '2026-10-01' }, { teamId }));
    expect(Object.keys(earlier)).toEqual([U.dateOfChange]);
    expect(earlier[U.dateOfChange]).toMatch(/can't be earlier than the last date of change \(Nov 2, 2026\)\./);
    expect(await entries()).toBe(before);
  });

  it('Update Opportunity: changing the action type rebuilds the view with only the allowed targets', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId, 50);
    let modal = await open(`move ${no}`, teamId, CALLBACK_IDS.updateOpportunity);
    expect(optionValues(modal.view, U.actionType)).toEqual(['next', 'previous', 'jump', 'update']);

    let since = mark(t);
    const ack = await modalAction(
      t,
      modal,
      {
        blockId: U.actionType,
        actionId: ACTION_IDS.updateActionType,
        type: 'static_select',
        action: { selected_option: { text: { type: 'plain_text', text: 'Jump back' }, value: 'jump' } },
      },
      { [U.actionType]: 'jump' },
      teamId,
    );
    expect(ack.status).toBe(200);
    modal = await updatedModal(t, since, modal);
    expect(since.calls('views.update')[0]?.args.hash).toBeDefined();
    const jumpBlock = updateTargetBlockId('jump');
    expect(optionValues(modal.view, jumpBlock)).toEqual(['10', '20', '40']);
    expect(blockIds(modal.view)).not.toContain(updateTargetBlockId('skip'));
    expect(inputElements(modal.view).get(U.actionType)?.initial_option).toMatchObject({ value: 'jump' });

    // Picking another target rebuilds again, keeping the action.
    since = mark(t);
    await modalAction(
      t,
      modal,
      {
        blockId: jumpBlock,
        actionId: ACTION_IDS.updateTargetStage,
        type: 'static_select',
        action: { selected_option: { value: '20' } },
      },
      { [jumpBlock]: '20' },
      teamId,
    );
    modal = await updatedModal(t, since, modal);
    expect(inputElements(modal.view).get(jumpBlock)?.initial_option).toMatchObject({ value: '20' });

    const ack2 = await submitModal(t, modal, {}, { teamId });
    expect(ack2.text).toBe('');
    const row = await load(teamId, no);
    expect([row.active?.stage, row.active?.actionTaken]).toEqual([20, 'JUMPED']);
  });

  it('Update Opportunity: Skip onto a Quote Required stage is refused under the target select', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId);
    let modal = await open(`move ${no}`, teamId, CALLBACK_IDS.updateOpportunity);
    const since = mark(t);
    await modalAction(
      t,
      modal,
      {
        blockId: U.actionType,
        actionId: ACTION_IDS.updateActionType,
        type: 'static_select',
        action: { selected_option: { value: 'skip' } },
      },
      { [U.actionType]: 'skip' },
      teamId,
    );
    modal = await updatedModal(t, since, modal);
    const skipBlock = updateTargetBlockId('skip');
    expect(optionValues(modal.view, skipBlock)).toEqual(['20', '40', '50']);
    const errors = fieldErrors(await submitModal(t, modal, { [skipBlock]: '40' }, { teamId }));
    expect(errors).toEqual({
      [skipBlock]: "You can't move to stage 40 (Proposal) until a sales quote is assigned to the opportunity.",
    });
    expect((await load(teamId, no)).active?.stage).toBe(10);
  });

  it('Update Opportunity: a stale version (moved meanwhile) or edited private_metadata is refused, nothing written', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId);
    const modal = await open(`move ${no}`, teamId, CALLBACK_IDS.updateOpportunity);
    // Someone moves it meanwhile.
    await run(t, `next ${no}`, teamId);
    const before = await t.db.prisma.opportunityEntry.count({ where: { workspaceId: teamId } });
    const stale = fieldErrors(await submitModal(t, modal, {}, { teamId }));
    expect(Object.keys(stale)).toHaveLength(1);
    expect(Object.values(stale)[0]).toMatch(
      /Opportunity OP00001 was changed by someone else in the meantime; have a look at it and try again\./,
    );
    expect([U.actionType, U.dateOfChange, U.estimatedValue]).toContain(Object.keys(stale)[0]);

    // The metadata is only the id of the form's server-side context: anything else is refused.
    const contextId = String(modal.view.private_metadata);
    expect(contextId).toMatch(/^[0-9a-f]{32}$/);
    for (const edited of [
      JSON.stringify({ no: 'OP00001', version: 1 }),
      `${contextId.slice(0, -1)}${contextId.endsWith('0') ? '1' : '0'}`,
      contextId.toUpperCase(),
      '',
    ]) {
      const errors = fieldErrors(await submitModal(t, modal, {}, { teamId, privateMetadata: edited }));
      expect(Object.values(errors)).toEqual([FORM_REFUSED]);
      expect(inputElements(modal.view).has(Object.keys(errors)[0] ?? '')).toBe(true);
    }
    expect(await t.db.prisma.opportunityEntry.count({ where: { workspaceId: teamId } })).toBe(before);
    expect((await load(teamId, no)).active?.stage).toBe(20);
  });

  // ---- Close Opportunity -------------------------------------------------------------------------

  it('Close Opportunity: the outcome refreshes the codes; rule and reader errors; then closes as Won', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId);
    let modal = await open(`close ${no}`, teamId, CALLBACK_IDS.closeOpportunity);
    expect(blockIds(modal.view)).toContain(X.codeInfo);
    // No outcome yet.
    expect(fieldErrors(await submitModal(t, modal, {}, { teamId }))).toEqual({
      [X.outcome]: 'Choose either Won or Lost.',
    });

    const outcome = (value: 'won' | 'lost') => ({
      blockId: X.outcome,
      actionId: ACTION_IDS.closeOutcome,
      type: 'radio_buttons',
      action: { selected_option: { value } },
    });
    let since = mark(t);
    await modalAction(t, modal, outcome('lost'), { [X.outcome]: 'lost' }, teamId);
    modal = await updatedModal(t, since, modal);
    expect(optionValues(modal.view, closeCodeBlockId('lost'))).toEqual(['NOBUDGET', 'PRICE']);
    expect(blockIds(modal.view)).not.toContain(closeCodeBlockId('won'));
    expect(blockIds(modal.view)).not.toContain(X.salesAmount);

    since = mark(t);
    await modalAction(t, modal, outcome('won'), { [X.outcome]: 'won' }, teamId);
    modal = await updatedModal(t, since, modal);
    expect(optionValues(modal.view, closeCodeBlockId('won'))).toEqual(['WIN']);
    expect(blockIds(modal.view)).not.toContain(closeCodeBlockId('lost'));
    expect(blockIds(modal.view)).toContain(X.salesAmount);

    const code = closeCodeBlockId('won');
    const reader = fieldErrors(await submitModal(t, modal, { [code]: null, [X.salesAmount]: '0' }, { teamId }));
    expect(reader).toEqual({ [code]: 'Pick a close code.', [X.salesAmount]: 'Enter an amount greater than 0.' });
    const early = fieldErrors(
      await submitModal(
        t,
        modal,
        { [code]: 'WIN', [X.salesAmount]: '9,000', [X.closingDate]: '2026-11-01' },
        { teamId },
      ),
    );
    expect(early).toEqual({
      [X.closingDate]: "The closing date (Nov 1, 2026) can't be earlier than the last change (Nov 2, 2026).",
    });
    expect((await load(teamId, no)).status).toBe('IN_PROGRESS');

    since = mark(t);
    const ack = await submitModal(t, modal, { [code]: 'WIN', [X.salesAmount]: '9,000' }, { teamId });
    expect(ack.text).toBe('');
    const row = await load(teamId, no);
    expect([row.status, row.active?.closeCode?.code, row.active?.calcdCurrentValue.toString()]).toEqual([
      'WON',
      'WIN',
      '9000',
    ]);
    const card = await t.fake.waitFor('chat.postEphemeral', (c) => since.calls().includes(c));
    expect(sentences(card.args)).toMatch(/\*Status\*\nWon/);
    const announcement = await t.fake.waitFor('chat.postMessage', (c) => since.calls().includes(c));
    expect(announcement.args.channel).toBe(CHANNEL);
    expect(sentences(announcement.args)).toMatch(/won OP00001 Fleet renewal \(\$9,000\.00\)/);
  });

  it('Close Opportunity: Lost with its code', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId);
    let modal = await open(`close ${no}`, teamId, CALLBACK_IDS.closeOpportunity);
    const since = mark(t);
    await modalAction(
      t,
      modal,
      {
        blockId: X.outcome,
        actionId: ACTION_IDS.closeOutcome,
        type: 'radio_buttons',
        action: { selected_option: { value: 'lost' } },
      },
      { [X.outcome]: 'lost' },
      teamId,
    );
    modal = await updatedModal(t, since, modal);
    // A code of the other outcome cannot be chosen from this select; Slack would not send it, but a
    // crafted one is refused under the code.
    const wrong = fieldErrors(await submitModal(t, modal, { [closeCodeBlockId('lost')]: 'WIN' }, { teamId }));
    expect(wrong).toEqual({
      [closeCodeBlockId('lost')]: "Close code WIN is for Won opportunities, so it can't be used to close as Lost.",
    });
    expect(await submitModal(t, modal, { [closeCodeBlockId('lost')]: 'PRICE' }, { teamId })).toMatchObject({
      text: '',
    });
    const row = await load(teamId, no);
    expect([row.status, row.active?.closeCode?.code]).toEqual(['LOST', 'PRICE']);
  });

  it('an in-modal action on a modal whose private_metadata was edited shows the form is out of date', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId);
    const modal = await open(`close ${no}`, teamId, CALLBACK_IDS.closeOpportunity);
    const since = mark(t);
    const edited = { ...modal, view: { ...modal.view, private_metadata: '{"no":"OP00001","version":-1}' } };
    expect(modal.view.private_metadata).toMatch(/^[0-9a-f]{32}$/);
    await modalAction(
      t,
      edited,
      {
        blockId: X.outcome,
        actionId: ACTION_IDS.closeOutcome,
        type: 'radio_buttons',
        action: { selected_option: { value: 'won' } },
      },
      { [X.outcome]: 'won' },
      teamId,
    );
    const updated = await updatedModal(t, since, modal);
    expect(updated.view.callback_id).toBe(CALLBACK_IDS.unavailable);
    expect(allText(updated.view)).toContain(FORM_REFUSED);
    expect((await load(teamId, no)).status).toBe('IN_PROGRESS');
  });

  // ---- Create Quote ------------------------------------------------------------------------------

  it('Create Quote: Add line adds a line group and keeps what was typed; submit creates the quote', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId);
    let modal = await open(`quote ${no}`, teamId, CALLBACK_IDS.createQuote);
    expect(blockIds(modal.view)).toContain(quoteLineBlockId(1, 'description'));
    expect(blockIds(modal.view)).not.toContain(quoteLineBlockId(2, 'description'));
    const line1 = {
      [quoteLineBlockId(1, 'description')]: 'Trucks',
      [quoteLineBlockId(1, 'quantity')]: '2',
      [quoteLineBlockId(1, 'unitPrice')]: '6,000',
      [quoteLineBlockId(1, 'discount')]: '10',
    };
    const since = mark(t);
    await modalAction(
      t,
      modal,
      { blockId: BLOCK_IDS.quote.addLine, actionId: ACTION_IDS.quoteAddLine, type: 'button' },
      line1,
      teamId,
    );
    modal = await updatedModal(t, since, modal);
    for (const field of ['description', 'quantity', 'unitPrice', 'discount'] as const)
      expect(blockIds(modal.view)).toContain(quoteLineBlockId(2, field));
    expect(inputElements(modal.view).get(quoteLineBlockId(1, 'description'))?.initial_value).toBe('Trucks');
    expect(sentences(modal.view)).toMatch(/\*Total:\* \$10,800\.00 \(1 complete line\)/);

    // Reader errors name the line and field.
    const bad = fieldErrors(
      await submitModal(
        t,
        modal,
        {
          [quoteLineBlockId(2, 'description')]: 'Service',
          [quoteLineBlockId(2, 'quantity')]: 'two',
          [quoteLineBlockId(2, 'unitPrice')]: '1200',
        },
        { teamId },
      ),
    );
    expect(bad).toEqual({ [quoteLineBlockId(2, 'quantity')]: 'Enter a quantity greater than 0, like 2 or 1.5' });
    const empty = fieldErrors(
      await submitModal(t, modal, Object.fromEntries(Object.keys(line1).map((k) => [k, null])), { teamId }),
    );
    expect(empty).toEqual({ [quoteLineBlockId(1, 'description')]: 'Fill in at least one line.' });
    expect((await load(teamId, no)).quote).toBeNull();

    const done = mark(t);
    const ack = await submitModal(
      t,
      modal,
      {
        [quoteLineBlockId(2, 'description')]: 'Service',
        [quoteLineBlockId(2, 'quantity')]: '1',
        [quoteLineBlockId(2, 'unitPrice')]: '1,200',
      },
      { teamId },
    );
    expect(ack.text).toBe('');
    const row = await load(teamId, no);
    expect(row.quote?.no).toBe('SQ00001');
    expect(row.quote?.lines.map((l) => [l.description, l.amount.toString()])).toEqual([
      ['Trucks', '10800'],
      ['Service', '1200'],
    ]);
    const card = await t.fake.waitFor('chat.postEphemeral', (c) => done.calls().includes(c));
    expect(sentences(card.args)).toMatch(/Quote SQ00001 · \$12,000\.00/);
  });

  it('Create Quote: a stale version is refused under a field and writes nothing', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId);
    const modal = await open(`quote ${no}`, teamId, CALLBACK_IDS.createQuote);
    await run(t, `update ${no} value:11000`, teamId);
    const errors = fieldErrors(
      await submitModal(
        t,
        modal,
        {
          [quoteLineBlockId(1, 'description')]: 'Trucks',
          [quoteLineBlockId(1, 'quantity')]: '1',
          [quoteLineBlockId(1, 'unitPrice')]: '100',
        },
        { teamId },
      ),
    );
    expect(errors).toEqual({
      [quoteLineBlockId(1, 'description')]:
        'Opportunity OP00001 was changed by someone else in the meantime; have a look at it and try again.',
    });
    expect(await t.db.prisma.salesQuote.count({ where: { workspaceId: teamId } })).toBe(0);
  });

  // ---- setup modals ------------------------------------------------------------------------------

  it('Sales cycle modal: saves; a missing code and a duplicate are field errors', async () => {
    const teamId = await workspace();
    const modal = await open('cycle add', teamId, CALLBACK_IDS.salesCycle);
    const B = BLOCK_IDS.salesCycle;
    expect(fieldErrors(await submitModal(t, modal, { [B.code]: null }, { teamId }))).toEqual({
      [B.code]: 'Fill in this field.',
    });
    expect(fieldErrors(await submitModal(t, modal, { [B.code]: 'std' }, { teamId }))).toEqual({
      [B.code]: 'A sales cycle STD already exists.',
    });
    const since = mark(t);
    const ack = await submitModal(
      t,
      modal,
      {
        [B.code]: 'firm',
        [B.description]: 'Firm sales',
        [B.calculation]: 'chances',
        [B.blocked]: [OPTION_VALUES.blocked],
      },
      { teamId },
    );
    expect(ack.text).toBe('');
    const cycle = await t.db.prisma.salesCycle.findFirstOrThrow({ where: { workspaceId: teamId, code: 'FIRM' } });
    expect([cycle.description, cycle.probabilityCalculation, cycle.blocked]).toEqual(['Firm sales', 'CHANCES', true]);
    const notice = await t.fake.waitFor('chat.postEphemeral', (c) => since.calls().includes(c));
    expect([notice.args.channel, notice.args.user]).toEqual([CHANNEL, ME]);
    expect(sentences(notice.args)).toMatch(/Sales cycle FIRM added\./);
  });

  it('Stage modal: saves with its flags; a percentage over 100 and a duplicate stage are field errors', async () => {
    const teamId = await workspace();
    const modal = await open('stage add STD', teamId, CALLBACK_IDS.stage);
    const B = BLOCK_IDS.stage;
    const valid = { [B.stageNo]: '60', [B.description]: 'Legal review', [B.completed]: '85', [B.chances]: '80' };
    expect(
      fieldErrors(await submitModal(t, modal, { ...valid, [B.completed]: '150', [B.stageNo]: null }, { teamId })),
    ).toEqual({
      [B.stageNo]: 'Fill in this field.',
      [B.completed]: 'Enter a percentage between 0 and 100, like 40 or 12.5',
    });
    expect(fieldErrors(await submitModal(t, modal, { ...valid, [B.stageNo]: '10' }, { teamId }))).toEqual({
      [B.stageNo]: 'A stage STD 10 already exists.',
    });
    const since = mark(t);
    const ack = await submitModal(
      t,
      modal,
      { ...valid, [B.flags]: [OPTION_VALUES.allowSkip, OPTION_VALUES.quoteRequired], [B.dateFormula]: '2w' },
      { teamId },
    );
    expect(ack.text).toBe('');
    const stage = await t.db.prisma.salesCycleStage.findFirstOrThrow({ where: { workspaceId: teamId, stage: 60 } });
    expect([
      stage.description,
      stage.completedPct.toString(),
      stage.allowSkip,
      stage.quoteRequired,
      stage.dateFormula,
    ]).toEqual(['Legal review', '85', true, true, '2W']);
    const notice = await t.fake.waitFor('chat.postEphemeral', (c) => since.calls().includes(c));
    expect(sentences(notice.args)).toMatch(/Stage 60 added to sales cycle STD\./);
  });

  it('Close code modal: saves a Lost code; a bad code is a field error', async () => {
    const teamId = await workspace();
    const modal = await open('code add', teamId, CALLBACK_IDS.closeCode);
    const B = BLOCK_IDS.closeCode;
    expect(fieldErrors(await submitModal(t, modal, { [B.code]: 'TOO LATE' }, { teamId }))).toEqual({
      [B.code]: 'Use 1 to 10 letters or digits, without spaces.',
    });
    expect(fieldErrors(await submitModal(t, modal, { [B.code]: 'win' }, { teamId }))).toEqual({
      [B.code]: 'A close code WIN already exists.',
    });
    const ack = await submitModal(
      t,
      modal,
      { [B.code]: 'late', [B.type]: 'lost', [B.description]: 'Too late' },
      { teamId },
    );
    expect(ack.text).toBe('');
    const code = await t.db.prisma.closeOpportunityCode.findFirstOrThrow({
      where: { workspaceId: teamId, code: 'LATE' },
    });
    expect([code.type, code.description]).toEqual(['LOST', 'Too late']);
  });

  it('Contact modal: a person of a company with the customer; a company inside a company is a field error', async () => {
    const teamId = await workspace();
    const modal = await open('contact add', teamId, CALLBACK_IDS.contact);
    const B = BLOCK_IDS.contact;
    expect(
      fieldErrors(
        await submitModal(t, modal, { [B.name]: 'Gamma', [B.type]: 'company', [B.company]: 'CT00001' }, { teamId }),
      ),
    ).toEqual({
      [B.company]: 'Only a person can belong to a company; leave this empty for a company.',
    });
    expect(
      fieldErrors(
        await submitModal(t, modal, { [B.name]: 'Zed', [B.type]: 'person', [B.company]: 'CT00003' }, { teamId }),
      ),
    ).toEqual({
      [B.company]: 'Contact CT00003 is a person, not a company, so nobody can belong to it.',
    });
    expect(
      fieldErrors(
        await submitModal(t, modal, { [B.name]: 'Zed', [B.type]: 'person', [B.email]: 'not-an-email' }, { teamId }),
      ),
    ).toEqual({
      [B.email]: 'Enter an email address like name@example.com',
    });
    const since = mark(t);
    const ack = await submitModal(
      t,
      modal,
      {
        [B.name]: 'Zed Zee',
        [B.type]: 'person',
        [B.company]: 'CT00001',
        [B.email]: 'zed@acme.com',
        [B.customer]: [OPTION_VALUES.createCustomer],
      },
      { teamId },
    );
    expect(ack.text).toBe('');
    const zed = await t.db.prisma.contact.findFirstOrThrow({
      where: { workspaceId: teamId, name: 'Zed Zee' },
      include: { company: { include: { customer: true } } },
    });
    expect([zed.type, zed.company?.name, zed.email]).toEqual(['PERSON', 'Acme Corp', 'zed@acme.com']);
    expect(zed.company?.customer).not.toBeNull();
    const notice = await t.fake.waitFor('chat.postEphemeral', (c) => since.calls().includes(c));
    expect(sentences(notice.args)).toMatch(/Contact Zed Zee \(CT00004\) added, with customer \w+\./);
  });
});
