// App Home (published on app_home_opened and after changes, with working buttons) and the contact
// pickers' option loads, answered inside the ack.
import { describe, expect, it } from 'vitest';
import { localDate } from '../../src/domain/local-date.ts';
import { ACTION_IDS, BLOCK_IDS, CALLBACK_IDS, closeCodeBlockId, rowBlockId } from '../../src/slack/ids.ts';
import { BACKENDS } from '../support/databases.ts';
import { newOpportunity, type OpportunityOverrides, seededWorkspace, useTestApp } from '../support/fixtures.ts';
import type { JsonObject } from '../support/fake-slack.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { buildView } from '../support/slack-requests.ts';
import { allText, TEST_TODAY } from '../support/test-app.ts';
import { buttonsOf, mark, modalAction, openedModal, sentences, submitModal, updatedModal } from './e2e-kit.ts';
import { expectWithinLimits } from '../unit/blocks/fixtures.ts';

const ME = SLACK_DEFAULTS.userId;
const ANN = 'U0ANN00001';
const BEN = 'U0BEN00001';
const MANAGER = 'U0MGR00001';
const ADMIN = 'U0ADM00001';
const today = localDate(TEST_TODAY);

describe.each(BACKENDS)('App Home on %s', (backend) => {
  const t = useTestApp(backend);

  const workspace = () => seededWorkspace(t);

  /** An opportunity worth 1,000 (Home sorts and sums by value) unless overridden. */
  const opportunity = (teamId: string, description: string, overrides: OpportunityOverrides = {}) =>
    newOpportunity(t.app.services, teamId, { description, value: 1000, ...overrides });

  /** Opens the Home tab and returns the view published for the user. */
  async function openHome(teamId: string, userId: string = ME): Promise<JsonObject> {
    const since = mark(t);
    const ack = await t.event({
      teamId,
      event: {
        type: 'app_home_opened',
        user: userId,
        channel: 'D0REP00001',
        tab: 'home',
        event_ts: '1700000000.000100',
      },
    });
    expect(ack.status).toBe(200);
    const call = await t.fake.waitFor('views.publish', (c) => since.calls('views.publish').includes(c));
    expect(call.args.user_id).toBe(userId);
    sentences(call.args.view);
    return call.args.view as JsonObject;
  }

  /** Section texts of the Home view, in order, for reading it like a person. */
  function lines(view: JsonObject): string[] {
    return ((view.blocks as JsonObject[]) ?? []).map((b) => allText({ blocks: [b] })).filter((s) => s !== '');
  }

  it('app_home_opened publishes my open opportunities grouped by stage, with totals', async () => {
    const teamId = await workspace();
    await opportunity(teamId, 'Alpha', { value: 1000 });
    await opportunity(teamId, 'Bravo', { value: 2000 });
    await opportunity(teamId, 'Charlie', { value: 4000, atStage: 20 });
    await opportunity(teamId, 'Delta', { start: false });
    await opportunity(teamId, 'Annas', { owner: ANN });
    const closed = await opportunity(teamId, 'Echo closed');
    await t.app.services.opportunities.close(teamId, closed, { outcome: 'lost', closeCode: 'PRICE', today });

    const view = await openHome(teamId);
    expect(view.type).toBe('home');
    expect(view.callback_id).toBe(CALLBACK_IDS.home);
    const text = lines(view).join('\n');
    expect(text).toMatch(/You have 4 open opportunities\./);
    expect(text).not.toMatch(/Annas|Echo closed/);
    // Not started first, then the stages in order, each with its count and totals.
    const order = ['Not started', 'Delta', '10 · Initial contact', 'Alpha', 'Bravo', '20 · Qualification', 'Charlie'];
    const positions = order.map((s) => text.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toMatch(
      /10 · Initial contact\* \(STD\)\n2 opportunities · \$3,000\.00 estimated · \$[\d,.]+ weighted/,
    );
    expect(text).toMatch(/20 · Qualification\* \(STD\)\n1 opportunity · \$4,000\.00 estimated/);
    // Quick actions use the card's action ids with the opportunity number.
    const buttons = buttonsOf(view);
    expect(buttons.filter((b) => b.blockId === rowBlockId('home_actions', 'OP00004')).map((b) => b.actionId)).toEqual([
      ACTION_IDS.activate,
      ACTION_IDS.close,
    ]);
    expect(buttons.filter((b) => b.blockId === rowBlockId('home_actions', 'OP00001')).map((b) => b.actionId)).toEqual([
      ACTION_IDS.next,
      ACTION_IDS.update,
      ACTION_IDS.close,
    ]);
    expect(buttons.find((b) => b.actionId === ACTION_IDS.newOpportunity)).toBeDefined();

    // Someone else's Home shows theirs; a user without any gets the empty state.
    expect(lines(await openHome(teamId, ANN)).join('\n')).toMatch(/You have 1 open opportunity\.[\s\S]*Annas/);
    const empty = lines(await openHome(teamId, 'U0NOBODY01')).join('\n');
    expect(empty).toMatch(/You don't have any open opportunities yet/);
  });

  it('only the Home tab is published; opening the Messages tab does nothing', async () => {
    const teamId = await workspace();
    const since = mark(t);
    const ack = await t.event({
      teamId,
      event: {
        type: 'app_home_opened',
        user: ME,
        channel: 'D0REP00001',
        tab: 'messages',
        event_ts: '1700000000.000200',
      },
    });
    expect(ack.status).toBe(200);
    await t.settle();
    expect(since.calls('views.publish')).toEqual([]);
  });

  it('a modal opened from Home republishes it with the change; one opened elsewhere leaves it to the next opening', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId, 'Alpha');
    const home = await openHome(teamId);
    expect(lines(home).join('\n')).toMatch(/10 · Initial contact[\s\S]*Alpha/);
    const update = buttonsOf(home).find((b) => b.actionId === ACTION_IDS.update && b.value === no);
    expect(update).toBeDefined();
    const homeView = buildView({
      type: 'home',
      viewId: 'V0HOME0002',
      callbackId: CALLBACK_IDS.home,
      teamId,
      blocks: home.blocks as unknown[],
    });
    const opened = mark(t);
    await t.click({ actionId: ACTION_IDS.update, blockId: update?.blockId, value: no, teamId, view: homeView });
    const fromHome = await openedModal(t, opened, CALLBACK_IDS.updateOpportunity);
    let since = mark(t);
    expect((await submitModal(t, fromHome, {}, { teamId })).text).toBe('');
    const publish = await t.fake.waitFor('views.publish', (c) => since.calls('views.publish').includes(c));
    expect(publish.args.user_id).toBe(ME);
    const text = lines(publish.args.view as JsonObject).join('\n');
    expect(text).toMatch(/20 · Qualification[\s\S]*Alpha/);
    expect(text).not.toMatch(/10 · Initial contact/);

    // From a command in a channel: the card comes back there, Home is not rebuilt until it is opened.
    const fromCommand = mark(t);
    await t.commandAck(`move ${no}`, { teamId });
    const modal = await openedModal(t, fromCommand, CALLBACK_IDS.updateOpportunity);
    since = mark(t);
    expect((await submitModal(t, modal, { [BLOCK_IDS.update.actionType]: 'previous' }, { teamId })).text).toBe('');
    await t.fake.waitFor('chat.postEphemeral', (c) => since.calls().includes(c));
    await t.settle();
    expect(since.calls('views.publish')).toEqual([]);
    expect(lines(await openHome(teamId)).join('\n')).toMatch(/10 · Initial contact[\s\S]*Alpha/);
  });

  it('a Home button works and republishes; a refused one shows the sentence in a small modal', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId, 'Alpha');
    const home = await openHome(teamId);
    const next = buttonsOf(home).find((b) => b.actionId === ACTION_IDS.next && b.value === no);
    expect(next).toBeDefined();
    const homeView = buildView({
      type: 'home',
      viewId: 'V0HOME0001',
      callbackId: CALLBACK_IDS.home,
      teamId,
      blocks: home.blocks as unknown[],
    });

    let since = mark(t);
    const ack = await t.click({ actionId: ACTION_IDS.next, blockId: next?.blockId, value: no, teamId, view: homeView });
    expect(ack.status).toBe(200);
    const publish = await t.fake.waitFor('views.publish', (c) => since.calls('views.publish').includes(c));
    expect(sentences(publish.args.view)).toMatch(/20 · Qualification/);
    const row = await t.db.prisma.opportunityEntry.findFirstOrThrow({ where: { workspaceId: teamId, active: true } });
    expect(row.stage).toBe(20);
    await t.settle();
    expect(since.calls('chat.update')).toEqual([]);

    // From 20, Next enters 40, which needs a quote: no change, the reason in a modal.
    since = mark(t);
    await t.click({ actionId: ACTION_IDS.next, blockId: next?.blockId, value: no, teamId, view: homeView });
    const refused = await openedModal(t, since, CALLBACK_IDS.unavailable);
    expect(allText(refused.view)).toMatch(/You can't move to stage 40 \(Proposal\) until a sales quote is assigned/);
    const still = await t.db.prisma.opportunityEntry.findFirstOrThrow({ where: { workspaceId: teamId, active: true } });
    expect(still.stage).toBe(20);
  });

  it('contact option loads answer within the ack with matching contacts of this workspace only', async () => {
    const teamId = await workspace();
    const other = await workspace();
    await t.app.services.setup.addContact(other, { name: 'Acorn Ltd', type: 'company' });
    await t.app.services.setup.addContact(teamId, { name: 'Zed Acre', type: 'person' });
    const view = buildView({ callbackId: CALLBACK_IDS.createOpportunity, teamId });

    const res = await t.suggest({
      actionId: ACTION_IDS.contactSearch,
      blockId: BLOCK_IDS.create.contact,
      value: 'ac',
      teamId,
      view,
    });
    expect(res.status).toBe(200);
    const body = res.json() as { options: { text: { text: string }; value: string; description?: { text: string } }[] };
    expect(body.options.map((o) => [o.value, o.text.text])).toEqual([
      ['CT00001', 'Acme Corp'],
      ['CT00004', 'Zed Acre'],
    ]);
    expect(body.options[0]?.description?.text).toBe('CT00001 · Company');
    sentences(body);

    const pat = (await t
      .suggest({ actionId: ACTION_IDS.contactSearch, value: 'pat', teamId, view })
      .then((r) => r.json())) as typeof body;
    expect(pat.options.map((o) => o.text.text)).toEqual(['Pat Person, Acme Corp']);
    // By number too.
    const byNo = (await t
      .suggest({ actionId: ACTION_IDS.contactSearch, value: 'ct00003', teamId, view })
      .then((r) => r.json())) as typeof body;
    expect(byNo.options.map((o) => o.text.text)).toEqual(['Solo Sam']);
    // Nothing from the other workspace, and nothing for no match.
    const acorn = (await t
      .suggest({ actionId: ACTION_IDS.contactSearch, value: 'acorn', teamId, view })
      .then((r) => r.json())) as typeof body;
    expect(acorn).toEqual({ options: [] });
    // The company picker offers companies only.
    const companies = (await t
      .suggest({ actionId: ACTION_IDS.companySearch, value: 'a', teamId, view })
      .then((r) => r.json())) as typeof body;
    expect(companies.options.map((o) => o.text.text)).toEqual(['Acme Corp']);
  });

  /** Gives people a role (as `/opp role` would; the roles themselves are tested in roles.test.ts). */
  async function giveRole(teamId: string, userId: string, role: 'MANAGER' | 'ADMIN'): Promise<void> {
    await t.db.prisma.member.create({ data: { workspaceId: teamId, slackUserId: userId, role } });
  }

  /** The active entries' weighted values of the workspace's open opportunities, as Home prints money. */
  async function weightedOf(teamId: string, owner?: string): Promise<string> {
    const entries = await t.db.prisma.opportunityEntry.findMany({
      where: {
        workspaceId: teamId,
        active: true,
        opportunity: {
          status: { in: ['NOT_STARTED', 'IN_PROGRESS'] },
          ...(owner ? { salesperson: { slackUserId: owner } } : {}),
        },
      },
    });
    const cents = entries.reduce((sum, e) => sum + Math.round(Number(e.calcdCurrentValue) * 100), 0);
    return `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
  }

  /** Clicks a button of a published Home view (sent back with the view's private_metadata, as Slack does). */
  async function clickOnHome(
    teamId: string,
    home: JsonObject,
    button: { actionId: string; value: string; blockId: string },
    userId: string,
  ): Promise<JsonObject> {
    const view = buildView({
      type: 'home',
      viewId: 'V0HOME0009',
      callbackId: CALLBACK_IDS.home,
      teamId,
      blocks: home.blocks as unknown[],
      privateMetadata: String(home.private_metadata ?? ''),
    });
    const since = mark(t);
    const ack = await t.click({ ...button, teamId, userId, view });
    expect(ack.status).toBe(200);
    const call = await t.fake.waitFor('views.publish', (c) => since.calls('views.publish').includes(c));
    expect(call.args.user_id).toBe(userId);
    sentences(call.args.view);
    return call.args.view as JsonObject;
  }

  /** The opportunity numbers of a Home view's rows, in order. */
  function rowsOf(view: JsonObject): string[] {
    return ((view.blocks as JsonObject[]) ?? [])
      .map((b) => String(b.block_id ?? ''))
      .filter((id) => id.startsWith('home_row_'))
      .map((id) => id.slice('home_row_'.length));
  }

  function pagerOf(view: JsonObject) {
    return buttonsOf(view).filter((b) => b.actionId === ACTION_IDS.homePage);
  }

  it("a manager's Home shows the team's pipeline by stage and by salesperson with totals; a rep's only theirs", async () => {
    const teamId = await workspace();
    await giveRole(teamId, MANAGER, 'MANAGER');
    await giveRole(teamId, ADMIN, 'ADMIN');
    await opportunity(teamId, 'Alpha', { value: 1000 });
    await opportunity(teamId, 'Bravo', { value: 2000 });
    await opportunity(teamId, 'Charlie', { value: 4000, atStage: 20, owner: ANN, ownerName: 'Ann Lee' });
    await opportunity(teamId, 'Delta', { start: false, owner: BEN, ownerName: 'Ben Ode' });
    const closed = await opportunity(teamId, 'Echo closed', { owner: ANN, value: 9000 });
    await t.app.services.opportunities.close(teamId, closed, { outcome: 'lost', closeCode: 'PRICE', today });

    const manager = await openHome(teamId, MANAGER);
    expectWithinLimits(manager.blocks as never, 'view');
    const text = lines(manager).join('\n');
    expect(text).toMatch(/^The team's open pipeline\n/);
    expect(text).toContain(
      `The team has 4 open opportunities: $7,000.00 estimated · ${await weightedOf(teamId)} weighted.`,
    );
    // By stage: not started first, then the stages in order, each with its count, estimated and weighted value.
    const byStage = allText({ blocks: (manager.blocks as JsonObject[]).filter((b) => b.block_id === 'home_by_stage') });
    expect(byStage.split('\n')).toEqual([
      '*By stage*',
      '• *Not started*: 1 opportunity · $0.00 estimated · $0.00 weighted',
      expect.stringMatching(
        /^• \*10 · Initial contact\* \(STD\): 2 opportunities · \$3,000\.00 estimated · \$[\d,.]+ weighted$/,
      ),
      expect.stringMatching(
        /^• \*20 · Qualification\* \(STD\): 1 opportunity · \$4,000\.00 estimated · \$[\d,.]+ weighted$/,
      ),
    ]);
    // By salesperson: the largest weighted value first.
    const bySalesperson = allText({
      blocks: (manager.blocks as JsonObject[]).filter((b) => b.block_id === 'home_by_salesperson'),
    });
    const annWeighted = await weightedOf(teamId, ANN);
    const myWeighted = await weightedOf(teamId, ME);
    expect(bySalesperson.split('\n')).toEqual([
      '*By salesperson*',
      `• <@${ANN}>: 1 opportunity · $4,000.00 estimated · ${annWeighted} weighted`,
      `• <@${ME}>: 2 opportunities · $3,000.00 estimated · ${myWeighted} weighted`,
      `• <@${BEN}>: 1 opportunity · $0.00 estimated · $0.00 weighted`,
    ]);
    // Then every open opportunity of the team, grouped by stage, with its salesperson and quick actions.
    expect(rowsOf(manager)).toEqual(['OP00004', 'OP00001', 'OP00002', 'OP00003']);
    expect(text).not.toMatch(/Echo closed/);
    expect(text).toMatch(/Charlie[^\n]*<@U0ANN00001>/);
    expect(
      buttonsOf(manager).filter((b) => b.blockId === rowBlockId('home_actions', 'OP00003')).length,
    ).toBeGreaterThan(0);
    expect(pagerOf(manager)).toEqual([]);

    // An admin sees the same team pipeline.
    expect(lines(await openHome(teamId, ADMIN)).join('\n')).toContain('The team has 4 open opportunities');

    // A rep keeps their own view: their opportunities, no team figures, whether or not reps may read the rest.
    for (const seeOnlyOwn of [false, true]) {
      await t.db.prisma.workspace.update({ where: { id: teamId }, data: { repsSeeOnlyOwn: seeOnlyOwn } });
      const mine = lines(await openHome(teamId, ME)).join('\n');
      expect(mine).toMatch(/^Your open opportunities\nYou have 2 open opportunities\./);
      expect(mine).toMatch(/Alpha[\s\S]*Bravo/);
      expect(mine).not.toMatch(/Charlie|Delta|By salesperson|By stage|The team/);
    }
  });

  it('a long pipeline is paged: Next page carries the position, every page fits Block Kit, clicks keep the page', async () => {
    const teamId = await workspace();
    await giveRole(teamId, MANAGER, 'MANAGER');
    const owners = [ME, ANN, BEN];
    for (let i = 0; i < 75; i++) {
      await opportunity(teamId, `Deal ${i + 1}`, {
        owner: owners[i % 3],
        value: 1000 + i,
        ...(i % 7 === 0 ? { start: false } : i % 5 === 0 ? { atStage: 20 } : {}),
      });
    }

    // The manager pages through all 75, each once, in Home's order.
    const seen: string[] = [];
    let page = await openHome(teamId, MANAGER);
    const first = page;
    for (let pages = 1; ; pages++) {
      expect(pages).toBeLessThan(10);
      expectWithinLimits(page.blocks as never, 'view');
      const rows = rowsOf(page);
      expect(rows.length).toBeGreaterThan(0);
      expect(lines(page).join('\n')).toContain(`Opportunities ${seen.length + 1}–${seen.length + rows.length} of 75.`);
      expect(page.private_metadata).toBe(String(seen.length));
      seen.push(...rows);
      const next = pagerOf(page).find((b) => b.value !== '0');
      if (pages > 1) expect(pagerOf(page).map((b) => b.value)[0]).toBe('0'); // First page
      if (!next) break;
      expect(next.value).toBe(String(seen.length));
      page = await clickOnHome(teamId, page, next, MANAGER);
      // Pages after the first hold only rows: the overview and the tasks open the first.
      expect(lines(page).join('\n')).not.toMatch(/By salesperson/);
    }
    expect(seen).toHaveLength(75);
    expect(new Set(seen).size).toBe(75);
    // Not started first, then stage 10, then stage 20.
    const stages = await t.db.prisma.opportunity.findMany({
      where: { workspaceId: teamId },
      include: { entries: { where: { active: true } } },
    });
    const rank = new Map(stages.map((o) => [o.no, o.entries[0]?.stage ?? 0]));
    const order = seen.map((no) => rank.get(no) ?? -1);
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    // On page 2, a row's button changes that opportunity and publishes page 2 again.
    const second = await clickOnHome(teamId, first, pagerOf(first)[0] as never, MANAGER);
    const offset = String(second.private_metadata);
    expect(Number(offset)).toBeGreaterThan(0);
    const row = rowsOf(second).find((no) =>
      buttonsOf(second).some((b) => b.actionId === ACTION_IDS.next && b.value === no),
    ) as string;
    const nextButton = buttonsOf(second).find((b) => b.actionId === ACTION_IDS.next && b.value === row);
    const after = await clickOnHome(teamId, second, nextButton as never, MANAGER);
    expect(after.private_metadata).toBe(offset);
    expect(lines(after).join('\n')).toContain(`Opportunities ${Number(offset) + 1}–`);

    // A value that is not a position, or one past the end, shows the first page.
    for (const value of ['abc', '-5', '99999999']) {
      const shown = await clickOnHome(
        teamId,
        second,
        { actionId: ACTION_IDS.homePage, value, blockId: 'home_pager' },
        MANAGER,
      );
      expect(shown.private_metadata).toBe('0');
      expect(lines(shown).join('\n')).toMatch(/The team has 75 open opportunities/);
    }

    // A rep who clicks a manager's page button gets that page of their own opportunities only.
    const annPage = await clickOnHome(
      teamId,
      second,
      { actionId: ACTION_IDS.homePage, value: '10', blockId: 'home_pager' },
      ANN,
    );
    const annRows = rowsOf(annPage);
    expect(annRows.length).toBeGreaterThan(0);
    const ownerOf = new Map(
      (await t.db.prisma.opportunity.findMany({ where: { workspaceId: teamId }, include: { salesperson: true } })).map(
        (o) => [o.no, o.salesperson.slackUserId],
      ),
    );
    expect(annRows.every((no) => ownerOf.get(no) === ANN)).toBe(true);
    expect(lines(annPage).join('\n')).toContain('Opportunities 11–25 of 25.');
  });

  it('a form opened on a later page of Home draws that page again once submitted, for its submitter only', async () => {
    const teamId = await workspace();
    await giveRole(teamId, MANAGER, 'MANAGER');
    for (let i = 0; i < 45; i++) await opportunity(teamId, `Deal ${i + 1}`, { owner: i % 2 === 0 ? ME : ANN });
    const first = await openHome(teamId, MANAGER);
    const second = await clickOnHome(teamId, first, pagerOf(first).at(-1) as never, MANAGER);
    const offset = String(second.private_metadata);
    expect(Number(offset)).toBeGreaterThan(0);
    const pageTwo = `Opportunities ${Number(offset) + 1}–45 of 45.`;
    expect(lines(second).join('\n')).toContain(pageTwo);

    /** Opens a row's form from this Home page (Slack sends the view with its private_metadata). */
    async function openFromHome(home: JsonObject, actionId: string, callbackId: string) {
      const row = rowsOf(home).find((no) => buttonsOf(home).some((b) => b.actionId === actionId && b.value === no));
      const button = buttonsOf(home).find((b) => b.actionId === actionId && b.value === row);
      expect(button).toBeDefined();
      const view = buildView({
        type: 'home',
        viewId: 'V0HOME0011',
        callbackId: CALLBACK_IDS.home,
        teamId,
        blocks: home.blocks as unknown[],
        privateMetadata: String(home.private_metadata ?? ''),
      });
      const opened = mark(t);
      await t.click({ actionId, blockId: button?.blockId, value: row ?? '', teamId, userId: MANAGER, view });
      return { no: row ?? '', form: await openedModal(t, opened, callbackId) };
    }
    async function submitted(form: Parameters<typeof submitModal>[1], inputs: Parameters<typeof submitModal>[2]) {
      const since = mark(t);
      expect((await submitModal(t, form, inputs, { teamId, userId: MANAGER })).text).toBe('');
      const publish = await t.fake.waitFor('views.publish', (c) => since.calls('views.publish').includes(c));
      expect(publish.args.user_id).toBe(MANAGER);
      return publish.args.view as JsonObject;
    }

    // Update: the moved opportunity's page is drawn again, not the first.
    const update = await openFromHome(second, ACTION_IDS.update, CALLBACK_IDS.updateOpportunity);
    const afterUpdate = await submitted(update.form, {});
    expect(afterUpdate.private_metadata).toBe(offset);
    expect(lines(afterUpdate).join('\n')).toContain(pageTwo);
    expect(lines(afterUpdate).join('\n')).not.toMatch(/By salesperson/);

    // Close as Lost: one fewer open opportunity, still the same page.
    const close = await openFromHome(afterUpdate, ACTION_IDS.close, CALLBACK_IDS.closeOpportunity);
    const since = mark(t);
    await modalAction(
      t,
      close.form,
      {
        blockId: BLOCK_IDS.close.outcome,
        actionId: ACTION_IDS.closeOutcome,
        type: 'radio_buttons',
        action: { selected_option: { value: 'lost' } },
      },
      { [BLOCK_IDS.close.outcome]: 'lost' },
      teamId,
      MANAGER,
    );
    const lost = await updatedModal(t, since, close.form);
    const afterClose = await submitted(lost, { [closeCodeBlockId('lost')]: 'PRICE' });
    expect(afterClose.private_metadata).toBe(offset);
    expect(lines(afterClose).join('\n')).toContain(`Opportunities ${Number(offset) + 1}–44 of 44.`);
    expect(rowsOf(afterClose)).not.toContain(close.no);

    // The page is kept in the form's server-side context (any instance reads it), not in the form itself.
    const again = await openFromHome(afterClose, ACTION_IDS.update, CALLBACK_IDS.updateOpportunity);
    const stored = await t.db.prisma.interactionContext.findMany({ where: { workspaceId: teamId, userId: MANAGER } });
    expect(stored.some((c) => (c.payload as { homeOffset?: number }).homeOffset === Number(offset))).toBe(true);
    const afterAgain = await submitted(again.form, {});
    expect(afterAgain.private_metadata).toBe(offset);

    // A rep on the first page of their own Home: their form draws their own first page again.
    const annHome = await openHome(teamId, ANN);
    const annUpdate = buttonsOf(annHome).find((b) => b.actionId === ACTION_IDS.update);
    const annView = buildView({
      type: 'home',
      viewId: 'V0HOME0012',
      callbackId: CALLBACK_IDS.home,
      teamId,
      blocks: annHome.blocks as unknown[],
      privateMetadata: String(annHome.private_metadata ?? ''),
    });
    const opened = mark(t);
    await t.click({
      actionId: ACTION_IDS.update,
      blockId: annUpdate?.blockId,
      value: annUpdate?.value ?? '',
      teamId,
      userId: ANN,
      view: annView,
    });
    const annForm = await openedModal(t, opened, CALLBACK_IDS.updateOpportunity);
    const annSince = mark(t);
    expect((await submitModal(t, annForm, {}, { teamId, userId: ANN })).text).toBe('');
    const annPublish = await t.fake.waitFor('views.publish', (c) => annSince.calls('views.publish').includes(c));
    expect(annPublish.args.user_id).toBe(ANN);
    const ownerOf = new Map(
      (await t.db.prisma.opportunity.findMany({ where: { workspaceId: teamId }, include: { salesperson: true } })).map(
        (o) => [o.no, o.salesperson.slackUserId],
      ),
    );
    expect(rowsOf(annPublish.args.view as JsonObject).every((no) => ownerOf.get(no) === ANN)).toBe(true);
    expect((annPublish.args.view as JsonObject).private_metadata).toBe('0');
  });
});
