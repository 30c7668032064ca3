// Issue 14, setup editing and reps adding contacts, through the real receiver on both backends: an admin
// changes a stage, a cycle, a close code and a contact in place (one line or the pre-filled form) with
// Business Central's rules — entries already made keep their figures, a person who leaves a company leaves
// their opportunities with it — and reps add contacts unless the workspace keeps that to admins.
import { describe, expect, it } from 'vitest';
import { BLOCK_IDS, CALLBACK_IDS, OPTION_VALUES } from '../../src/slack/ids.ts';
import { BACKENDS } from '../support/databases.ts';
import { newOpportunity, seededWorkspace, useTestApp } from '../support/fixtures.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { newTriggerId } from '../support/slack-requests.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import {
  fieldErrors,
  inputElements,
  mark,
  openedModal,
  type OpenedModal,
  run,
  sentences,
  submitModal,
} from './e2e-kit.ts';

const ADMIN = SLACK_DEFAULTS.userId;
const REP = 'U0REPB0001';
const CHANNEL = SLACK_DEFAULTS.channelId;

describe.each(BACKENDS)('setup editing on %s', (backend) => {
  const t = useTestApp(backend, {}, (app) => app.fake.setUser(REP, { real_name: 'Rex Rep' }));

  async function open(text: string, teamId: string, callbackId: string): Promise<OpenedModal> {
    const since = mark(t);
    const triggerId = newTriggerId();
    const ack = await t.commandAck(text, { teamId, triggerId });
    expect(ack.status).toBe(200);
    return openedModal(t, since, callbackId, triggerId);
  }

  /** Submits a form and returns the private note the app posted about it. */
  async function submitted(modal: OpenedModal, inputs: Parameters<typeof submitModal>[2], teamId: string) {
    const since = mark(t);
    const ack = await submitModal(t, modal, inputs, { teamId });
    expect(ack.text).toBe('');
    const note = await t.fake.waitFor('chat.postEphemeral', (c) => since.calls().includes(c));
    expect([note.args.channel, note.args.user]).toEqual([CHANNEL, ADMIN]);
    return sentences(note.args);
  }

  async function stage(teamId: string, no: number) {
    return t.db.prisma.salesCycleStage.findFirstOrThrow({
      where: { workspaceId: teamId, stage: no, salesCycle: { code: 'STD' } },
    });
  }

  it('stage edit on one line changes the stage, not the entries already made; the next move uses it', async () => {
    const teamId = await seededWorkspace(t);
    const before = await newOpportunity(t.app.services, teamId, { atStage: 20 });
    const reply = await run(t, 'stage edit STD 20 chance:35 formula:1M skip:no description:Qualified', teamId);
    expect(reply).toContain('Stage 20 of sales cycle STD changed:');
    expect(reply).toContain('chances of success 40% → 35%');
    expect(reply).toContain('date formula 2W → 1M');
    expect(reply).toContain('can be skipped Yes → No');
    expect(reply).toContain('Entries already made keep their figures');
    const changed = await stage(teamId, 20);
    expect([changed.chancesPct.toString(), changed.dateFormula, changed.allowSkip, changed.description]).toEqual([
      '35',
      '1M',
      false,
      'Qualified',
    ]);
    // The entry made at stage 20 before the change keeps its chances and the description copied onto it.
    const entry = await t.db.prisma.opportunityEntry.findFirstOrThrow({
      where: { workspaceId: teamId, active: true, opportunity: { no: before } },
    });
    expect([entry.stage, entry.chancesPct.toString(), entry.stageDescription]).toEqual([20, '40', 'Qualification']);
    // A move into the stage now proposes its new chances.
    const after = await newOpportunity(t.app.services, teamId);
    await run(t, `next ${after}`, teamId);
    const moved = await t.db.prisma.opportunityEntry.findFirstOrThrow({
      where: { workspaceId: teamId, active: true, opportunity: { no: after } },
    });
    expect([moved.stage, moved.chancesPct.toString(), moved.stageDescription]).toEqual([20, '35', 'Qualified']);
    // `none` clears the formula; the same values again change nothing and say so.
    expect(await run(t, 'stage edit STD 20 formula:none', teamId)).toContain('date formula 1M → none');
    expect(await run(t, 'stage edit STD 20 chance:35', teamId)).toContain('Nothing changed');
    // What the rules refuse is refused with their sentence, and nothing changes.
    expect(await run(t, 'stage edit STD 20 completed:12.5', teamId)).toMatch(/whole/);
    expect(await run(t, 'stage edit STD 30 chance:10', teamId)).toContain('Sales cycle STD has no stage 30.');
    expect((await stage(teamId, 20)).completedPct.toString()).toBe('30');
  });

  it('stage edit without keys opens the Stage form pre-filled; its submission changes the stage', async () => {
    const teamId = await seededWorkspace(t);
    const modal = await open('stage edit STD 40', teamId, CALLBACK_IDS.editStage);
    const B = BLOCK_IDS.stage;
    const elements = inputElements(modal.view);
    // Its cycle and number are shown, not asked.
    expect(elements.has(B.cycle)).toBe(false);
    expect(elements.has(B.stageNo)).toBe(false);
    expect(sentences(modal.view)).toContain('Stage *40* of sales cycle *STD*');
    expect(elements.get(B.description)?.initial_value).toBe('Proposal');
    expect(elements.get(B.chances)?.initial_value).toBe('60');
    expect(elements.get(B.dateFormula)?.initial_value).toBe('1M');
    expect((elements.get(B.flags)?.initial_options as { value: string }[]).map((o) => o.value).sort()).toEqual([
      OPTION_VALUES.allowSkip,
      OPTION_VALUES.quoteRequired,
    ]);
    expect(fieldErrors(await submitModal(t, modal, { [B.chances]: '120' }, { teamId }))).toEqual({
      [B.chances]: 'Enter a percentage between 0 and 100, like 40 or 12.5',
    });
    const note = await submitted(modal, { [B.chances]: '55', [B.flags]: [OPTION_VALUES.quoteRequired] }, teamId);
    expect(note).toContain('chances of success 60% → 55%');
    expect(note).toContain('can be skipped Yes → No');
    const changed = await stage(teamId, 40);
    expect([changed.chancesPct.toString(), changed.allowSkip, changed.quoteRequired]).toEqual(['55', false, true]);
  });

  it('cycle edit and code edit: one line and the pre-filled forms', async () => {
    const teamId = await seededWorkspace(t);
    const reply = await run(t, 'cycle edit STD calc:add description:"Standard B2B sale"', teamId);
    expect(reply).toContain('Sales cycle STD changed: description “Standard sale” → “Standard B2B sale”');
    expect(reply).toContain('Opportunities keep the probability their entries were made with');
    let cycle = await t.db.prisma.salesCycle.findFirstOrThrow({ where: { workspaceId: teamId, code: 'STD' } });
    expect([cycle.description, cycle.probabilityCalculation]).toEqual(['Standard B2B sale', 'ADD']);

    const cycleForm = await open('cycle edit std', teamId, CALLBACK_IDS.editSalesCycle);
    const C = BLOCK_IDS.salesCycle;
    const elements = inputElements(cycleForm.view);
    expect(elements.has(C.code)).toBe(false);
    expect(elements.get(C.calculation)?.initial_option).toMatchObject({ value: 'add' });
    expect(await submitted(cycleForm, { [C.calculation]: 'chances' }, teamId)).toContain('probability calculation');
    cycle = await t.db.prisma.salesCycle.findFirstOrThrow({ where: { workspaceId: teamId, code: 'STD' } });
    expect([cycle.description, cycle.probabilityCalculation]).toEqual(['Standard B2B sale', 'CHANCES']);

    expect(await run(t, 'code edit PRICE description:"Price too high"', teamId)).toContain(
      'Close code PRICE changed: description “Too expensive” → “Price too high”.',
    );
    const codeForm = await open('code edit PRICE', teamId, CALLBACK_IDS.editCloseCode);
    expect(inputElements(codeForm.view).get(BLOCK_IDS.closeCode.description)?.initial_value).toBe('Price too high');
    expect(inputElements(codeForm.view).has(BLOCK_IDS.closeCode.type)).toBe(false);
    await submitted(codeForm, { [BLOCK_IDS.closeCode.description]: 'Over budget' }, teamId);
    const code = await t.db.prisma.closeOpportunityCode.findFirstOrThrow({
      where: { workspaceId: teamId, code: 'PRICE' },
    });
    expect([code.description, code.type]).toEqual(['Over budget', 'LOST']);
    expect(await run(t, 'code edit NOPE description:x', teamId)).toContain('There is no close code NOPE.');
  });

  it('contact edit: a person who leaves a company leaves their opportunities with it; names and customers follow', async () => {
    const teamId = await seededWorkspace(t);
    const pats = await newOpportunity(t.app.services, teamId, { contact: 'Pat Person' });
    const reply = await run(t, 'contact edit Pat Person company:none', teamId);
    expect(reply).toContain('company Acme Corp → none');
    expect(reply).toContain('1 opportunity of theirs at Acme Corp stay with Acme Corp');
    const opportunity = await t.db.prisma.opportunity.findFirstOrThrow({
      where: { workspaceId: teamId, no: pats },
      include: { contact: true },
    });
    expect(opportunity.contact.name).toBe('Acme Corp');
    const entries = await t.db.prisma.opportunityEntry.findMany({
      where: { workspaceId: teamId, opportunity: { no: pats } },
    });
    expect(entries.map((e) => e.contactId)).toEqual(entries.map(() => opportunity.contactId));
    const pat = await t.db.prisma.contact.findFirstOrThrow({ where: { workspaceId: teamId, name: 'Pat Person' } });
    expect(pat.companyId).toBeNull();
    // Back to the company (nothing of theirs moves back), then a customer for a company, renamed with it.
    expect(await run(t, 'contact edit Pat Person company:"Acme Corp"', teamId)).toContain('company none → Acme Corp');
    expect(await run(t, 'contact edit Acme Corp customer:yes', teamId)).toMatch(/customer none → CU\d+/);
    expect(await run(t, 'contact edit Acme Corp name:"Acme Corporation"', teamId)).toContain(
      'name “Acme Corp” → “Acme Corporation”',
    );
    const customer = await t.db.prisma.customer.findFirstOrThrow({ where: { workspaceId: teamId } });
    expect(customer.name).toBe('Acme Corporation');
    // A company has no company; an unused customer link can be removed.
    expect(await run(t, 'contact edit Acme Corporation company:"Solo Sam"', teamId)).toContain(
      "Acme Corporation is a company, so it can't belong to another company.",
    );
    expect(await run(t, 'contact edit Acme Corporation customer:no', teamId)).toMatch(/customer CU\d+ → none/);
  });

  it('contact edit form: pre-filled, it moves a person to no company and creates a customer', async () => {
    const teamId = await seededWorkspace(t);
    const modal = await open('contact edit Pat Person', teamId, CALLBACK_IDS.editContact);
    const B = BLOCK_IDS.contact;
    const elements = inputElements(modal.view);
    expect(elements.get(B.name)?.initial_value).toBe('Pat Person');
    expect(elements.get(B.company)?.initial_option).toMatchObject({ value: expect.stringMatching(/^CT/) });
    expect(elements.has(B.type)).toBe(false);
    const note = await submitted(
      modal,
      {
        [B.name]: 'Pat Persson',
        [B.leaveCompany]: [OPTION_VALUES.leaveCompany],
        [B.customer]: [OPTION_VALUES.createCustomer],
      },
      teamId,
    );
    expect(note).toContain('name “Pat Person” → “Pat Persson”');
    expect(note).toContain('company Acme Corp → none');
    expect(note).toMatch(/customer none → CU\d+/);
    const pat = await t.db.prisma.contact.findFirstOrThrow({
      where: { workspaceId: teamId, name: 'Pat Persson' },
      include: { customer: true },
    });
    expect([pat.companyId, pat.customer?.name]).toEqual([null, 'Pat Persson']);
  });

  it('reps add contacts by default (not customers); reps-add-contacts:no keeps it to admins; /opp setting shows it', async () => {
    const teamId = await seededWorkspace(t);
    await run(t, 'roles', teamId, ADMIN);
    expect(await run(t, 'setting', teamId, REP)).toContain('Reps and managers add contacts: yes');
    expect(await run(t, 'contact add Newco company', teamId, REP)).toMatch(/Newco/);
    expect(await run(t, 'contact add Custco company customer:yes', teamId, REP)).toContain(
      'Only admins can make customers from contacts',
    );
    // The form is there for the rep, without the customer choice.
    const since = mark(t);
    const triggerId = newTriggerId();
    await t.commandAck('contact add', { teamId, userId: REP, triggerId });
    const form = await openedModal(t, since, CALLBACK_IDS.contact, triggerId);
    expect(inputElements(form.view).has(BLOCK_IDS.contact.customer)).toBe(false);
    const ack = await submitModal(t, form, { [BLOCK_IDS.contact.name]: 'Formco' }, { teamId, userId: REP });
    expect(ack.text).toBe('');
    await t.settle();
    expect(await t.db.prisma.contact.count({ where: { workspaceId: teamId, name: { in: ['Newco', 'Formco'] } } })).toBe(
      2,
    );
    expect(await t.db.prisma.contact.count({ where: { workspaceId: teamId, name: 'Custco' } })).toBe(0);

    expect(await run(t, 'setting reps-add-contacts:no', teamId, ADMIN)).toContain('Only admins add contacts now');
    expect(await run(t, 'contact add Laterco company', teamId, REP)).toContain('Only admins can add contacts');
    expect(await run(t, 'setting', teamId, REP)).toContain('Reps and managers add contacts: no, only admins');
    expect(await t.db.prisma.contact.count({ where: { workspaceId: teamId, name: 'Laterco' } })).toBe(0);
  });

  // ---- wording (issue 14) --------------------------------------------------------------------------

  it('a rep who reads only their own sees their list headed as theirs; an empty list all suggests no list all', async () => {
    const teamId = await seededWorkspace(t);
    await run(t, 'roles', teamId, ADMIN);
    await newOpportunity(t.app.services, teamId, { owner: REP });
    await newOpportunity(t.app.services, teamId, { owner: ADMIN });
    expect(await run(t, 'list all', teamId, REP)).toMatch(/^All opportunities/);
    await run(t, 'setting reps-see-own:yes', teamId, ADMIN);
    const own = await run(t, 'list all', teamId, REP);
    expect(own).toContain('Your opportunities (reps here see only their own)');
    expect(own).not.toContain('All opportunities');
    const empty = await run(t, 'list all status:lost', teamId, ADMIN);
    expect(empty).toContain('No opportunities match.');
    expect(empty).not.toContain('list all');
    // An empty list of one's own still points to everyone's.
    expect(await run(t, 'list status:lost', teamId, ADMIN)).toContain('Try `/opp list all`');
  });

  it('the purge preview keeps its sentences apart; a won card offers a plain Delete, not a lone red one', async () => {
    const teamId = await seededWorkspace(t);
    const lost = await newOpportunity(t.app.services, teamId);
    await run(t, `close ${lost} lost code:PRICE`, teamId);
    const { reply } = await t.command('purge status:lost', { teamId });
    const filter = (reply.args.blocks as { block_id?: string; elements?: { text: string }[] }[]).find(
      (b) => b.block_id === BLOCK_IDS.purge.filter,
    );
    expect(filter?.elements).toHaveLength(1);
    expect(filter?.elements?.[0]?.text).toMatch(/^Filter: status Lost\.\n\S/);

    const won = await newOpportunity(t.app.services, teamId);
    const card = await t.command(`close ${won} won code:WIN amount:5000`, { teamId });
    const blocks = card.reply.args.blocks as { elements?: { action_id?: string; style?: string }[] }[];
    const deleteButton = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === ACTION_IDS.delete);
    if (deleteButton) expect(deleteButton.style).toBeUndefined();
    const shown = await t.command(`show ${won}`, { teamId });
    const shownDelete = (shown.reply.args.blocks as { elements?: { action_id?: string; style?: string }[] }[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === ACTION_IDS.delete);
    expect(shownDelete).toBeDefined();
    expect(shownDelete?.style).toBeUndefined();
  });

  it('help describes the edit commands and the contacts setting', async () => {
    const teamId = await seededWorkspace(t);
    const stageHelp = await run(t, 'help stage', teamId);
    expect(stageHelp).toContain('stage edit');
    expect(stageHelp).toContain('entries already made keep their figures');
    expect(await run(t, 'help contact', teamId)).toContain('contact edit');
    expect(await run(t, 'help setting', teamId)).toContain('reps-add-contacts');
    expect(await run(t, 'help', teamId)).toContain('stage edit STD 10 chance:35');
  });
});
