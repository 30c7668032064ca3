// Every /opp subcommand through the real receiver: the ack, the reply the user reads (a sentence or a
// card) and what it changed in the database. Mistakes change nothing and say what is wrong.
import { describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import { BACKENDS } from '../support/databases.ts';
import { newOpportunity, type OpportunityOverrides, seededWorkspace, useTestApp } from '../support/fixtures.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { allText, TEST_TODAY } from '../support/test-app.ts';
import { buttonsOf, expectNoBrokenText, mark, run, sentences } from './e2e-kit.ts';

const ME = SLACK_DEFAULTS.userId;
const ANN = 'U0ANN00001';

describe.each(BACKENDS)('/opp commands on %s', (backend) => {
  const t = useTestApp(backend, {}, (app) => app.fake.setUser(ANN, { real_name: 'Ann Lee' }));

  const workspace = () => seededWorkspace(t);

  /** An opportunity at stage 10 through the service (for tests about other commands). */
  const opportunity = (teamId: string, description?: string, overrides: OpportunityOverrides = {}) =>
    newOpportunity(t.app.services, teamId, { description, ...overrides });

  async function load(teamId: string, no: string) {
    const row = await t.db.prisma.opportunity.findUniqueOrThrow({
      where: { workspaceId_no: { workspaceId: teamId, no } },
      include: {
        entries: { orderBy: { id: 'asc' }, include: { closeCode: true } },
        salesCycle: true,
        salesperson: true,
        quote: { include: { lines: { orderBy: { lineNo: 'asc' } } } },
        order: true,
      },
    });
    const active = row.entries.find((e) => e.active);
    return { ...row, active, actions: row.entries.map((e) => e.actionTaken) };
  }

  async function entryCount(teamId: string): Promise<number> {
    return t.db.prisma.opportunityEntry.count({ where: { workspaceId: teamId } });
  }

  // ---- help --------------------------------------------------------------------------------------

  it('help lists the commands; help close explains close; an empty /opp is help', async () => {
    const teamId = t.newWorkspace();
    const help = await run(t, 'help', teamId);
    expect(help).toMatch(/`\/opp new/);
    // A workspace without close codes reads a placeholder where the example cites one.
    expect(help).toMatch(/\/opp close OP00012 won code:&lt;CODE&gt;/);
    expect(help).toMatch(/\/opp help &lt;command&gt;/);
    const close = await run(t, 'help close', teamId);
    expect(close).toMatch(/Closes an opportunity as won or lost/);
    expect(close).toMatch(/\/opp close &lt;no&gt; \[won\|lost code:&lt;CODE&gt;/);
    expect(close).not.toMatch(/Closes an opportunity[\s\S]*Creates a sales quote/);
    expect(await run(t, '', teamId)).toBe(help);
  });

  // ---- setup -------------------------------------------------------------------------------------

  it('cycle add / list, also as setup cycle add', async () => {
    const teamId = t.newWorkspace();
    expect(await run(t, 'cycle add FIRM Firm opportunities calc:add', teamId)).toMatch(
      /Sales cycle FIRM added\. Add its stages with `\/opp stage add FIRM/,
    );
    expect(await run(t, 'setup cycle add exist Existing customers blocked:yes', teamId)).toMatch(
      /Sales cycle EXIST added/,
    );
    const cycles = await t.db.prisma.salesCycle.findMany({ where: { workspaceId: teamId }, orderBy: { code: 'asc' } });
    expect(cycles.map((c) => [c.code, c.description, c.probabilityCalculation, c.blocked])).toEqual([
      ['EXIST', 'Existing customers', 'MULTIPLY', true],
      ['FIRM', 'Firm opportunities', 'ADD', false],
    ]);
    const list = await run(t, 'cycle list', teamId);
    expect(list).toMatch(/\*FIRM\* Firm opportunities · 0 stages · Average of chances and completed/);
    expect(list).toMatch(/\*EXIST\* Existing customers · 0 stages · Chances × completed · :no_entry: blocked/);
    // A duplicate is refused with a sentence and changes nothing.
    expect(await run(t, 'cycle add FIRM Again', teamId)).toMatch(/A sales cycle FIRM already exists\./);
    expect(await t.db.prisma.salesCycle.count({ where: { workspaceId: teamId } })).toBe(2);
  });

  it('stage add / list', async () => {
    const teamId = t.newWorkspace();
    await run(t, 'cycle add FIRM Firm opportunities', teamId);
    expect(await run(t, 'stage add FIRM 10 Initial contact completed:10 chance:20% formula:1w', teamId)).toMatch(
      /Stage 10 added to sales cycle FIRM\./,
    );
    expect(await run(t, 'stage add firm 20 Proposal completed:60 chance:60 quote:yes skip:yes', teamId)).toMatch(
      /Stage 20 added to sales cycle FIRM\./,
    );
    const stages = await t.db.prisma.salesCycleStage.findMany({
      where: { workspaceId: teamId },
      orderBy: { stage: 'asc' },
    });
    expect(
      stages.map((s) => [
        s.stage,
        s.description,
        s.completedPct.toString(),
        s.chancesPct.toString(),
        s.quoteRequired,
        s.allowSkip,
        s.dateFormula,
      ]),
    ).toEqual([
      [10, 'Initial contact', '10', '20', false, false, '1W'],
      [20, 'Proposal', '60', '60', true, true, ''],
    ]);
    const list = await run(t, 'stage list FIRM', teamId);
    expect(list).toMatch(/Stages of FIRM — Firm opportunities/);
    expect(list).toMatch(/10 +Initial contact +10% +20% +No +No +1W/);
    expect(list).toMatch(/20 +Proposal +60% +60% +Yes +Yes/);
    // An unknown cycle is a sentence.
    expect(await run(t, 'stage list NOPE', teamId)).toMatch(/There is no sales cycle NOPE\./);
    expect(await run(t, 'stage add NOPE 10 X completed:10 chance:10', teamId)).toMatch(
      /There is no sales cycle NOPE\./,
    );
  });

  it('code add / list', async () => {
    const teamId = t.newWorkspace();
    expect(await run(t, 'code add win won Best offer', teamId)).toMatch(/Close code WIN \(Won\) added\./);
    expect(await run(t, 'code add PRICE lost Too expensive', teamId)).toMatch(/Close code PRICE \(Lost\) added\./);
    const codes = await t.db.prisma.closeOpportunityCode.findMany({
      where: { workspaceId: teamId },
      orderBy: { code: 'asc' },
    });
    expect(codes.map((c) => [c.code, c.type, c.description])).toEqual([
      ['PRICE', 'LOST', 'Too expensive'],
      ['WIN', 'WON', 'Best offer'],
    ]);
    const list = await run(t, 'code list', teamId);
    expect(list).toMatch(/\*WIN\* \(Won\) Best offer · unused/);
    expect(list).toMatch(/\*PRICE\* \(Lost\) Too expensive · unused/);
  });

  it('cycle block / unblock, and deleting stages, close codes and cycles: refused while in use, done once free', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId); // STD, at stage 10
    // Blocked: no new opportunity may use the cycle; the ones that do go on.
    expect(await run(t, 'cycle block std', teamId)).toMatch(
      /Sales cycle STD is blocked: new opportunities can't use it/,
    );
    expect(
      await run(t, 'new Another deal contact:Acme value:100 chance:10 close:2026-12-31 cycle:STD', teamId),
    ).toMatch(/Sales cycle STD is blocked/);
    expect(await run(t, `next ${no}`, teamId)).toMatch(/Qualification/);
    expect(await run(t, 'cycle list', teamId)).toMatch(/\*STD\* .*:no_entry: blocked/);
    expect(await run(t, 'setup cycle unblock STD', teamId)).toMatch(/Sales cycle STD is no longer blocked/);
    expect((await t.db.prisma.salesCycle.findFirstOrThrow({ where: { workspaceId: teamId } })).blocked).toBe(false);

    // A stage with an open opportunity at it stays; a free one goes.
    const stageCount = () => t.db.prisma.salesCycleStage.count({ where: { workspaceId: teamId } });
    expect(await run(t, 'stage delete STD 20', teamId)).toMatch(
      /Stage 20 of sales cycle STD can't be deleted while opportunities are at that stage\./,
    );
    expect(await stageCount()).toBe(5);
    expect(await run(t, 'stage delete std 70', teamId)).toMatch(/Stage 70 deleted from sales cycle STD\./);
    expect(await run(t, 'stage delete STD 70', teamId)).toMatch(/Sales cycle STD has no stage 70\./);
    expect(await stageCount()).toBe(4);

    // A close code that closed an opportunity stays; an unused one goes.
    await run(t, `close ${no} lost code:PRICE`, teamId);
    expect(await run(t, 'code delete PRICE', teamId)).toMatch(
      /Close code PRICE has been used 1 time, so it can't be deleted/,
    );
    expect(await run(t, 'code delete nobudget', teamId)).toMatch(/Close code NOBUDGET deleted\./);
    expect(await run(t, 'code delete NOBUDGET', teamId)).toMatch(/There is no close code NOBUDGET\./);
    const codes = await t.db.prisma.closeOpportunityCode.findMany({
      where: { workspaceId: teamId },
      orderBy: { code: 'asc' },
    });
    expect(codes.map((c) => c.code)).toEqual(['PRICE', 'WIN']);

    // A cycle that a (closed) opportunity still uses stays, with the reason; once it is deleted, the cycle goes.
    expect(await run(t, 'cycle delete STD', teamId)).toMatch(
      /Sales cycle STD is still the cycle of 1 closed or not-started opportunity, so it can't be deleted/,
    );
    await run(t, `delete ${no}`, teamId);
    expect(await run(t, 'cycle delete STD', teamId)).toMatch(/Sales cycle STD deleted, with its stages\./);
    expect(await t.db.prisma.salesCycle.count({ where: { workspaceId: teamId } })).toBe(0);
    expect(await stageCount()).toBe(0);
    expect(await run(t, 'cycle delete STD', teamId)).toMatch(/There is no sales cycle STD\./);
  });

  it('contact add / list and customer add', async () => {
    const teamId = t.newWorkspace();
    expect(await run(t, 'contact add "Acme Corp" company', teamId)).toMatch(/Contact Acme Corp \(CT00001\) added\./);
    expect(await run(t, 'contact add Pat Person person company:"Acme Corp" email:pat@acme.com', teamId)).toMatch(
      /Contact Pat Person \(CT00002\) added\./,
    );
    expect(await run(t, 'contact add Beta Ltd company customer:yes', teamId)).toMatch(
      /Contact Beta Ltd \(CT00003\) added, with customer \w+\./,
    );
    const pat = await t.db.prisma.contact.findFirstOrThrow({
      where: { workspaceId: teamId, name: 'Pat Person' },
      include: { company: true },
    });
    expect([pat.type, pat.company?.name, pat.email]).toEqual(['PERSON', 'Acme Corp', 'pat@acme.com']);

    const acme = await run(t, 'contact list acme', teamId);
    expect(acme).toMatch(/\*CT00001\* Acme Corp · Company/);
    expect(acme).not.toMatch(/Beta Ltd/);
    expect(await run(t, 'contact list', teamId)).toMatch(/Beta Ltd[\s\S]*customer/);

    expect(await run(t, 'customer add Acme Corp', teamId)).toMatch(/Customer \w+ created for Acme Corp\./);
    expect(await run(t, 'customer add CT00001', teamId)).toMatch(/Acme Corp is already customer \w+\./);
    const customers = await t.db.prisma.customer.findMany({
      where: { workspaceId: teamId },
      include: { contact: true },
    });
    expect(customers.map((c) => c.contact.name).sort()).toEqual(['Acme Corp', 'Beta Ltd']);
    // A company cannot belong to a company (the grammar says so before anything is written).
    expect(await run(t, 'contact add Gamma company company:"Acme Corp"', teamId)).toMatch(
      /`company:` only applies to a `person` contact/,
    );
    expect(await t.db.prisma.contact.count({ where: { workspaceId: teamId } })).toBe(3);
  });

  it('activity add / list', async () => {
    const teamId = t.newWorkspace();
    expect(await run(t, 'activity list', teamId)).toMatch(/No activities yet/);
    expect(
      await run(t, 'activity add PRES Presentation step:"Book meeting;0D" step:"Send follow-up;1W"', teamId),
    ).toMatch(/Activity PRES added with 2 steps\./);
    const activity = await t.db.prisma.activity.findFirstOrThrow({
      where: { workspaceId: teamId },
      include: { steps: { orderBy: { stepNo: 'asc' } } },
    });
    expect(activity.steps.map((s) => [s.description, s.dateFormula])).toEqual([
      ['Book meeting', '0D'],
      ['Send follow-up', '1W'],
    ]);
    expect(await run(t, 'activity list', teamId)).toMatch(
      /\*PRES\* Presentation — Book meeting \(0D\), Send follow-up \(1W\)/,
    );
  });

  // ---- new ---------------------------------------------------------------------------------------

  it('new (text form) creates and starts an opportunity with the defaults: the only cycle, me, normal priority', async () => {
    const teamId = await workspace();
    const since = mark(t);
    const card = await run(t, 'new Fleet renewal contact:"Acme Corp" value:12,000 chance:50 close:2026-12-15', teamId);
    expect(card).toMatch(/OP00001 · Fleet renewal/);
    expect(card).toMatch(/\*Stage\*\n10 · Initial contact/);
    expect(card).toMatch(/\*Estimated value\*\n\$12,000\.00/);
    expect(card).toMatch(/\*Sales cycle\*\nSTD — Standard sale/);
    expect(card).toMatch(new RegExp(`<@${ME}>`));
    expect(card).toMatch(/Dec 15, 2026/);
    const row = await load(teamId, 'OP00001');
    expect([row.status, row.salesCycle.code, row.priority, row.salesperson.slackUserId]).toEqual([
      'IN_PROGRESS',
      'STD',
      'NORMAL',
      ME,
    ]);
    expect(row.active?.stage).toBe(10);
    expect(row.active?.estimatedValue.toString()).toBe('12000');
    expect(row.active?.chancesPct.toString()).toBe('50');
    expect(row.active?.estimatedCloseDate.toISOString().slice(0, 10)).toBe('2026-12-15');
    await t.settle();
    expectNoBrokenText(since.calls());
  });

  it('new with cycle:, owner:@user and priority:; without cycle: when two cycles exist it asks for one', async () => {
    const teamId = await workspace();
    await run(t, 'cycle add EXIST Existing customers', teamId);
    await run(t, 'stage add EXIST 1 Call completed:50 chance:50', teamId);
    const card = await run(
      t,
      `new CRM licences contact:CT00002 value:25000 chance:25% close:Dec 15 cycle:exist owner:<@${ANN}|ann> priority:high`,
      teamId,
    );
    expect(card).toMatch(/OP00001 · CRM licences/);
    expect(card).toMatch(/Pat Person, Acme Corp/);
    const row = await load(teamId, 'OP00001');
    expect([row.salesCycle.code, row.priority, row.salesperson.slackUserId, row.salesperson.name]).toEqual([
      'EXIST',
      'HIGH',
      ANN,
      'Ann Lee',
    ]);
    const refused = await run(t, 'new Other contact:"Acme Corp" value:1000 chance:10 close:2026-12-31', teamId);
    // Typed, the missing cycle is named as the key to type, with the command's usage (as a missing
    // contact: is): "choose" means nothing without a form.
    expect(refused).toMatch(/`\/opp new` needs `cycle:`\. Usage: `\/opp new &lt;description&gt; contact:/);
    expect(refused).not.toMatch(/Please choose/);
    expect(await t.db.prisma.opportunity.count({ where: { workspaceId: teamId } })).toBe(1);
  });

  it('new without cycle: when no cycle is usable says to set one up first, not to type cycle:', async () => {
    const teamId = await workspace();
    await run(t, 'cycle block STD', teamId);
    const refused = await run(t, 'new Fleet tablets contact:"Acme Corp" value:1000 chance:10 close:2026-12-31', teamId);
    // Naming cycle: would send the person round in a circle: there is no cycle to name.
    expect(refused).toMatch(
      /There is no usable sales cycle yet\. Add one with `\/opp cycle add` and its stages with `\/opp stage add`\./,
    );
    expect(refused).not.toMatch(/needs `cycle:`/);
    expect(await t.db.prisma.opportunity.count({ where: { workspaceId: teamId } })).toBe(0);
    // Once a cycle is usable again, the typed command works as before.
    await run(t, 'cycle unblock STD', teamId);
    expect(await run(t, 'new Fleet tablets contact:"Acme Corp" value:1000 chance:10 close:2026-12-31', teamId)).toMatch(
      /OP00001 · Fleet tablets/,
    );
  });

  it('setting shows every setting; an admin changes currency, default cycle and stale days; refusals change nothing', async () => {
    const teamId = await workspace();
    const shown = await run(t, 'setting', teamId);
    expect(shown).toMatch(/Reps see only their own opportunities: no/);
    expect(shown).toMatch(/Currency of amounts: USD/);
    expect(shown).toMatch(/Default sales cycle of new opportunities: none/);
    expect(shown).toMatch(/stale after 14 days without a change/);

    await run(t, 'cycle add EXIST Existing customers', teamId);
    await run(t, 'stage add EXIST 1 Call completed:50 chance:50', teamId);
    const changed = await run(t, 'setting currency:eur default-cycle:exist stale-days:21', teamId);
    expect(changed).toMatch(/Amounts are now shown in EUR\./);
    expect(changed).toMatch(/New opportunities now get sales cycle EXIST unless another is chosen\./);
    expect(changed).toMatch(/stale after 21 days without a change\./);
    const settings = () => t.db.prisma.workspace.findUniqueOrThrow({ where: { id: teamId } });
    expect(await settings()).toMatchObject({ currency: 'EUR', defaultSalesCycleCode: 'EXIST', staleDays: 21 });

    // With two cycles and none chosen, a new opportunity gets the default; amounts show in euros.
    const card = await run(t, 'new Other contact:"Acme Corp" value:1000 chance:10 close:2026-12-31', teamId);
    expect(card).toMatch(/€1,000/);
    expect((await load(teamId, 'OP00001')).salesCycle.code).toBe('EXIST');
    expect(await run(t, 'setting', teamId)).toMatch(
      /Currency of amounts: EUR[\s\S]*Default sales cycle of new opportunities: EXIST/,
    );

    // A cycle that does not exist, or is blocked, is refused and nothing changes; none clears it.
    const before = await settings();
    expect(await run(t, 'setting default-cycle:NOPE currency:GBP', teamId)).toMatch(/There is no sales cycle NOPE\./);
    await run(t, 'cycle block STD', teamId);
    expect(await run(t, 'setting default-cycle:STD', teamId)).toMatch(/Sales cycle STD is blocked/);
    expect(await settings()).toEqual(before);
    expect(await run(t, 'setting default-cycle:none', teamId)).toMatch(/no default sales cycle now/);
    expect((await settings()).defaultSalesCycleCode).toBeNull();
  });

  // ---- list --------------------------------------------------------------------------------------

  it('list: mine by default, all, @user, contact:, status:', async () => {
    const teamId = await workspace();
    await opportunity(teamId, 'Mine at Acme', { value: 1000 });
    await opportunity(teamId, 'Mine for Sam', { contact: 'Solo Sam', value: 2000 });
    await opportunity(teamId, 'Anns deal', { owner: ANN, value: 4000 });
    const won = await opportunity(teamId, 'Won one', { value: 8000 });
    await run(t, `close ${won} won code:WIN amount:8000`, teamId);

    const mine = await run(t, 'list', teamId);
    expect(mine).toMatch(/Your opportunities/);
    expect(mine).toMatch(/Mine at Acme/);
    expect(mine).toMatch(/Mine for Sam/);
    expect(mine).not.toMatch(/Anns deal|Won one/);
    expect(mine).toMatch(/2 opportunities/);
    expect(mine).toMatch(/\*Total:\* open 2: \$3,000\.00 estimated/);
    expect(await run(t, 'list mine', teamId)).toBe(mine);

    const all = await run(t, 'list all', teamId);
    expect(all).toMatch(/All opportunities/);
    expect(all).toMatch(/Mine at Acme[\s\S]*Mine for Sam[\s\S]*Anns deal/);
    expect(all).not.toMatch(/Won one/);

    const anns = await run(t, `list <@${ANN}|ann>`, teamId);
    expect(anns).toMatch(/Anns deal/);
    expect(anns).not.toMatch(/Mine at Acme/);

    const sam = await run(t, 'list all contact:"Solo Sam"', teamId);
    expect(sam).toMatch(/Mine for Sam/);
    expect(sam).not.toMatch(/Mine at Acme|Anns deal/);

    const wonList = await run(t, 'list all status:won', teamId);
    expect(wonList).toMatch(/Won one/);
    expect(wonList).not.toMatch(/Mine at Acme/);
    expect(await run(t, 'list all status:all', teamId)).toMatch(/4 opportunities/);

    // Every row has a Show button carrying its number.
    const { reply } = await t.command('list all', { teamId });
    expect(
      buttonsOf(reply.args)
        .filter((b) => b.actionId === ACTION_IDS.show)
        .map((b) => b.value),
    ).toEqual(['OP00001', 'OP00002', 'OP00003']);
  });

  // ---- moves -------------------------------------------------------------------------------------

  it('show, next, previous, skip to:, jump to:, update', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId);

    const shown = await run(t, `show ${no.toLowerCase()}`, teamId);
    expect(shown).toMatch(/OP00001 · Fleet renewal/);
    expect(shown).toMatch(/First stage activated → 10 · Initial contact/);

    expect(await run(t, `next ${no} value:11000`, teamId)).toMatch(/\*Stage\*\n20 · Qualification/);
    let row = await load(teamId, no);
    expect([row.active?.stage, row.active?.estimatedValue.toString()]).toEqual([20, '11000']);

    expect(await run(t, `previous ${no}`, teamId)).toMatch(/\*Stage\*\n10 · Initial contact/);
    // Skip over 20 and 40 (both may be skipped) to 50, without a quote: 50 does not require one.
    expect(await run(t, `skip ${no} to:50`, teamId)).toMatch(/\*Stage\*\n50 · Negotiation/);
    row = await load(teamId, no);
    expect(row.active?.chancesPct.toString()).toBe('75'); // the stage's chances replace the entered ones
    expect(await run(t, `jump ${no} to:10`, teamId)).toMatch(/\*Stage\*\n10 · Initial contact/);
    expect(await run(t, `update ${no} value:14 500 chance:70 close:2027-01-31`, teamId)).toMatch(
      /\*Estimated value\*\n\$14,500\.00/,
    );
    row = await load(teamId, no);
    expect(row.actions).toEqual(['NONE', 'NEXT', 'PREVIOUS', 'JUMPED', 'JUMPED', 'UPDATED']);
    expect([row.active?.stage, row.active?.estimatedValue.toString(), row.active?.chancesPct.toString()]).toEqual([
      10,
      '14500',
      '70',
    ]);
    expect(row.active?.estimatedCloseDate.toISOString().slice(0, 10)).toBe('2027-01-31');
    expect(row.entries.filter((e) => e.active)).toHaveLength(1);
  });

  it('moves the rules refuse: Next into a Quote Required stage, Skip to a stage it may not, Previous at the first', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId);
    expect(await run(t, `previous ${no}`, teamId)).toMatch(
      /Previous isn't possible for opportunity OP00001 right now: it is at the first stage\./,
    );
    await run(t, `next ${no}`, teamId);
    const before = await entryCount(teamId);
    expect(await run(t, `next ${no}`, teamId)).toMatch(
      /You can't move to stage 40 \(Proposal\) until a sales quote is assigned to the opportunity\./,
    );
    expect(await run(t, `skip ${no} to:70`, teamId)).toMatch(
      /Stage 70 isn't a valid target for Skip; choose one of 40, 50\./,
    );
    expect(await entryCount(teamId)).toBe(before);
    expect((await load(teamId, no)).active?.stage).toBe(20);
  });

  // ---- close, quote, order -----------------------------------------------------------------------

  it('close won and lost; a close code of the other outcome is a sentence and nothing changes', async () => {
    const teamId = await workspace();
    const a = await opportunity(teamId, 'Deal A');
    const b = await opportunity(teamId, 'Deal B');

    const wrong = await run(t, `close ${a} won code:PRICE amount:9000`, teamId);
    expect(wrong).toMatch(/Close code PRICE is for Lost opportunities, so it can't be used to close as Won\./);
    expect((await load(teamId, a)).status).toBe('IN_PROGRESS');
    expect(await run(t, `close ${a} won code:NOPE amount:9000`, teamId)).toMatch(/There is no close code NOPE\./);
    // Won without a quote needs the sales amount: typed, the missing one is named as amount:; a zero
    // typed is the rule's sentence.
    expect(await run(t, `close ${a} won code:WIN`, teamId)).toMatch(
      /`\/opp close` needs `amount:`\. Usage: `\/opp close &lt;no&gt; \[won\|lost code:&lt;CODE&gt;/,
    );
    expect(await run(t, `close ${a} won code:WIN amount:0`, teamId)).toMatch(
      /To close as Won, the sales amount must be greater than 0\./,
    );
    expect((await load(teamId, a)).status).toBe('IN_PROGRESS');
    // With a linked quote the sales amount is the quote's total, whatever is typed: a quote of nothing
    // reads the rule's sentence, never a request for amount: (which would not help).
    const free = await opportunity(teamId, 'Free pilot');
    expect(await run(t, `quote ${free} line:"Pilot;1;0"`, teamId)).toMatch(/Quote SQ00001/);
    for (const typed of ['', ' amount:5000']) {
      const refused = await run(t, `close ${free} won code:WIN${typed}`, teamId);
      expect(refused).toMatch(/To close as Won, the sales amount must be greater than 0\./);
      expect(refused).not.toMatch(/needs `amount:`/);
    }
    expect((await load(teamId, free)).status).toBe('IN_PROGRESS');

    const since = mark(t);
    const won = await run(t, `close ${a} won code:win amount:9,500 date:today`, teamId);
    expect(won).toMatch(/\*Status\*\nWon/);
    expect(won).toMatch(/WIN — Best offer/);
    const announcement = await t.fake.waitFor(
      'chat.postMessage',
      (c) => since.calls('chat.postMessage').includes(c) && /won OP00001/.test(allText(c.args)),
    );
    expect(announcement.args.channel).toBe(SLACK_DEFAULTS.channelId);
    expect(sentences(announcement.args)).toMatch(/:tada: <@U0REP00001> won OP00001 Deal A \(\$9,500\.00\)\./);
    const rowA = await load(teamId, a);
    expect([
      rowA.status,
      rowA.active?.actionTaken,
      rowA.active?.closeCode?.code,
      rowA.active?.calcdCurrentValue.toString(),
    ]).toEqual(['WON', 'WON', 'WIN', '9500']);
    expect(rowA.dateClosed?.toISOString().slice(0, 10)).toBe(TEST_TODAY);

    expect(await run(t, `close ${b} lost code:NOBUDGET`, teamId)).toMatch(/\*Status\*\nLost/);
    const rowB = await load(teamId, b);
    expect([rowB.status, rowB.active?.closeCode?.code]).toEqual(['LOST', 'NOBUDGET']);
    // Closed is closed.
    expect(await run(t, `next ${b}`, teamId)).toMatch(/already closed as Lost and can't be changed any more/);
    await t.settle();
    expectNoBrokenText(since.calls());
  });

  it('quote with lines, then order from it', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId);
    const since = mark(t);
    const card = await run(t, `quote ${no} line:"Trucks;2;6000;10" line:"Service;1;1,200"`, teamId);
    expect(card).toMatch(/Quote SQ00001 · \$12,000\.00/);
    await t.fake.waitFor(
      'chat.postMessage',
      (c) => since.calls('chat.postMessage').includes(c) && /SQ00001/.test(allText(c.args)),
    );
    const quoted = await load(teamId, no);
    expect(
      quoted.quote?.lines.map((l) => [
        l.description,
        l.quantity.toString(),
        l.unitPrice.toString(),
        l.lineDiscountPct.toString(),
        l.amount.toString(),
      ]),
    ).toEqual([
      ['Trucks', '2', '6000', '10', '10800'],
      ['Service', '1', '1200', '0', '1200'],
    ]);
    // One quote per opportunity.
    expect(await run(t, `quote ${no} line:"More;1;1"`, teamId)).toMatch(
      /A sales quote is already assigned to opportunity OP00001/,
    );
    // A bad line is a sentence naming it.
    expect(await run(t, `quote ${no} line:"Trucks;two;6000"`, teamId)).toMatch(
      /Quote line 1 \(`Trucks;two;6000`\): the quantity `two` is not a number\./,
    );

    const ordered = await run(t, `order ${no} code:WIN`, teamId);
    expect(ordered).toMatch(/Order SO00001 · \$12,000\.00/);
    expect(ordered).toMatch(/\*Status\*\nWon/);
    const order = await t.fake.waitFor(
      'chat.postMessage',
      (c) => since.calls('chat.postMessage').includes(c) && /SO00001/.test(allText(c.args)),
    );
    expect(sentences(order.args)).toMatch(/OP00001/);
    const row = await load(teamId, no);
    expect([row.status, row.quote, row.order?.no, row.order?.quoteNo]).toEqual(['WON', null, 'SO00001', 'SQ00001']);
    expect(row.active?.calcdCurrentValue.toString()).toBe('12000');
    // Without a quote there is nothing to order.
    const other = await opportunity(teamId, 'No quote');
    expect(await run(t, `order ${other}`, teamId)).toMatch(/No sales quote is assigned to opportunity OP00002\./);
  });

  // ---- delete and purge --------------------------------------------------------------------------

  it('delete: refused while In Progress, allowed once closed', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId);
    expect(await run(t, `delete ${no}`, teamId)).toMatch(
      /Opportunity OP00001 is in progress and can't be deleted; close it as Won or Lost first\./,
    );
    expect(await t.db.prisma.opportunity.count({ where: { workspaceId: teamId } })).toBe(1);
    await run(t, `close ${no} lost code:PRICE`, teamId);
    expect(await run(t, `delete ${no}`, teamId)).toMatch(
      /Opportunity OP00001 \(Fleet renewal\) and its history were deleted\./,
    );
    expect(await t.db.prisma.opportunity.count({ where: { workspaceId: teamId } })).toBe(0);
    expect(await entryCount(teamId)).toBe(0);
    expect(await run(t, `show ${no}`, teamId)).toMatch(/There is no opportunity OP00001\./);
  });

  it('purge: the preview lists what would go; confirm deletes exactly those, once; cancel deletes nothing', async () => {
    const teamId = await workspace();
    const lostA = await opportunity(teamId, 'Lost A');
    const lostB = await opportunity(teamId, 'Lost B');
    const won = await opportunity(teamId, 'Won C');
    const open = await opportunity(teamId, 'Open D');
    await run(t, `close ${lostA} lost code:PRICE`, teamId);
    await run(t, `close ${lostB} lost code:NOBUDGET`, teamId);
    await run(t, `close ${won} won code:WIN amount:100`, teamId);

    const { ack, reply, responseUrl } = await t.command('purge status:lost', { teamId });
    expect(ack.status).toBe(200);
    const preview = sentences(reply.args);
    expect(preview).toMatch(/These 2 closed opportunities would be deleted/);
    expect(preview).toMatch(/\*OP00001\* Lost A · Lost · closed Nov 2, 2026/);
    expect(preview).toMatch(/\*OP00002\* Lost B/);
    expect(preview).not.toMatch(/Won C|Open D/);
    expect(preview).toMatch(/Filter: status Lost/);
    const confirm = buttonsOf(reply.args).find((b) => b.actionId === ACTION_IDS.purgeConfirm);
    expect(confirm?.value).toMatch(/^[0-9a-f]{32}$/);

    // Closed after the preview: matches the filter but was not shown, so it stays.
    await run(t, `close ${open} lost code:PRICE`, teamId);

    const since = mark(t);
    const click = await t.click({
      actionId: ACTION_IDS.purgeConfirm,
      value: confirm?.value ?? '',
      teamId,
      responseUrl,
      messageTs: '1700000000.000300',
    });
    expect(click.status).toBe(200);
    const done = await t.fake.waitFor('chat.update', (c) => since.calls('chat.update').includes(c));
    expect(sentences(done.args)).toMatch(/2 closed opportunities were deleted\./);
    const left = await t.db.prisma.opportunity.findMany({ where: { workspaceId: teamId }, orderBy: { no: 'asc' } });
    expect(left.map((o) => o.no)).toEqual([won, open]);

    // The same confirmation again does nothing more.
    const again = mark(t);
    await t.click({
      actionId: ACTION_IDS.purgeConfirm,
      value: confirm?.value ?? '',
      teamId,
      messageTs: '1700000000.000300',
    });
    const expired = await t.fake.waitFor('chat.update', (c) => again.calls('chat.update').includes(c));
    expect(sentences(expired.args)).toMatch(/This confirmation has expired, so nothing was deleted\./);
    expect(await t.db.prisma.opportunity.count({ where: { workspaceId: teamId } })).toBe(2);

    // Cancel: nothing is deleted, and the token is gone.
    const second = await t.command('purge', { teamId });
    expect(sentences(second.reply.args)).toMatch(/These 2 closed opportunities would be deleted/);
    const buttons = buttonsOf(second.reply.args);
    const cancelButton = buttons.find((b) => b.actionId === ACTION_IDS.purgeCancel);
    const confirmButton = buttons.find((b) => b.actionId === ACTION_IDS.purgeConfirm);
    const cancelled = mark(t);
    await t.click({
      actionId: ACTION_IDS.purgeCancel,
      ...(cancelButton?.value ? { value: cancelButton.value } : {}),
      teamId,
      messageTs: '1700000000.000400',
    });
    const cancel = await t.fake.waitFor('chat.update', (c) => cancelled.calls('chat.update').includes(c));
    expect(sentences(cancel.args)).toMatch(/Nothing was deleted\./);
    expect(await t.db.prisma.opportunity.count({ where: { workspaceId: teamId } })).toBe(2);
    // The cancelled confirmation cannot be used any more (say, from a second copy of the message).
    const late = mark(t);
    await t.click({
      actionId: ACTION_IDS.purgeConfirm,
      value: confirmButton?.value ?? '',
      teamId,
      messageTs: '1700000000.000400',
    });
    const lateReply = await t.fake.waitFor('chat.update', (c) => late.calls('chat.update').includes(c));
    expect(sentences(lateReply.args)).toMatch(/This confirmation has expired, so nothing was deleted\./);
    expect(await t.db.prisma.opportunity.count({ where: { workspaceId: teamId } })).toBe(2);

    // A filter nothing matches: a sentence and no button.
    const none = await t.command('purge status:won closed-before:2026-01-01', { teamId });
    expect(sentences(none.reply.args)).toMatch(
      /No closed opportunity matches that filter, so nothing would be deleted\./,
    );
    expect(buttonsOf(none.reply.args)).toEqual([]);
  });

  // ---- mistakes ----------------------------------------------------------------------------------

  it('mistakes are sentences with a pointer to help, and write nothing', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId);
    const before = await entryCount(teamId);
    const check = async (text: string, expected: RegExp) => {
      const reply = await run(t, text, teamId);
      expect(reply).toMatch(expected);
      expect(reply).toMatch(/^:warning: /);
      expect(reply).toMatch(/[.?]$/);
    };
    await check(
      `nxt ${no}`,
      /`nxt` is not an `\/opp` command\. Did you mean `next`\? Type `\/opp help` for the list\./,
    );
    await check(
      'new Fleet contact:Acme colour:red value:1 chance:1 close:today',
      /`\/opp new` has no key `colour:`; it accepts .*\. Type `\/opp help new` for examples\./,
    );
    await check(`update ${no} valeu:12`, /has no key `valeu:`.* Did you mean `value:`\?/);
    await check(
      `update ${no} value:12abc`,
      /`value:` needs an amount like `12000`, `12,000` or `12000\.50`, not `12abc`\./,
    );
    await check(`update ${no} value:12.000`, /`12\.000` could be read as a decimal or as thousands/);
    await check(`update ${no} close:someday soon`, /`close:` needs a date, and `someday soon` is not one I can read/);
    await check('show OP1', /`OP1` is not an opportunity number; they look like `OP00001`\./);
    await check('show OP00042', /There is no opportunity OP00042\./);
    await check(
      'cycle frobnicate',
      /`\/opp cycle` does not know `frobnicate`; use `add`, `list`, `edit`, `block`, `unblock` or `delete`\./,
    );
    await check('help nonsense', /There is no help topic `nonsense`\./);
    await check('new Fleet contact:Acme', /`\/opp new` needs `value:`, `chance:` and `close:`\./);
    await check(`update ${no}`, /`\/opp update` needs at least one of `value:`, `chance:` or `close:`\./);
    expect(await entryCount(teamId)).toBe(before);
    expect(await t.db.prisma.opportunity.count({ where: { workspaceId: teamId } })).toBe(1);
  });

  it("another workspace's opportunity number reads not found and changes nothing", async () => {
    const mine = await workspace();
    const theirs = await workspace();
    await opportunity(theirs, 'Their first');
    const closed = await opportunity(theirs, 'Their closed');
    await run(t, `close ${closed} lost code:PRICE`, theirs);
    await opportunity(mine, 'My only one');
    const before = await t.db.prisma.opportunityEntry.findMany({
      where: { workspaceId: theirs },
      orderBy: { id: 'asc' },
    });

    for (const text of [
      `show ${closed}`,
      `next ${closed}`,
      `update ${closed} value:1`,
      `close ${closed} won code:WIN amount:5`,
      `delete ${closed}`,
      `quote ${closed} line:"X;1;1"`,
      `order ${closed}`,
    ]) {
      expect(await run(t, text, mine)).toMatch(/There is no opportunity OP00002\./);
    }
    expect(
      await t.db.prisma.opportunityEntry.findMany({ where: { workspaceId: theirs }, orderBy: { id: 'asc' } }),
    ).toEqual(before);
    expect(await t.db.prisma.opportunity.count({ where: { workspaceId: theirs } })).toBe(2);
    expect(await t.db.prisma.opportunity.count({ where: { workspaceId: mine } })).toBe(1);
    // And their lists are not mine.
    expect(await run(t, 'list all status:all', mine)).not.toMatch(/Their/);
  });

  it('roles and workspace administration answer (the first user is admin; see roles.test.ts for the rest)', async () => {
    const teamId = t.newWorkspace();
    expect(await run(t, 'roles', teamId)).toMatch(new RegExp(`Admins: <@${ME}>\\nManagers: none`));
    expect(await run(t, 'role <@U0ANN00001> manager', teamId)).toMatch(
      /^:white_check_mark: <@U0ANN00001> is now a manager in this workspace\.$/m,
    );
    const { reply } = await t.command('workspace delete', { teamId });
    expect(sentences(reply.args)).toMatch(/Delete all of this workspace's pipeline data\?/);
    expect(buttonsOf(reply.args).map((b) => b.actionId)).toEqual([
      ACTION_IDS.workspaceDeleteConfirm,
      ACTION_IDS.workspaceDeleteCancel,
    ]);
    expect(await t.db.prisma.workspace.count({ where: { id: teamId } })).toBe(1);
  });
});
