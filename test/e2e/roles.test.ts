// Roles and authorization through the real receiver: the first person to use /opp becomes admin; admins
// give roles; every route (text command, card button with an edited value, modal submission with edited
// private_metadata, in-modal action, Home button) refuses what the person's role does not allow, with
// a sentence naming the role, and writes nothing; reps may be limited to reading their own
// opportunities; /opp workspace delete removes one workspace's data after a one-time confirmation.
import { describe, expect, it } from 'vitest';
import { localDate } from '../../src/domain/local-date.ts';
import { system } from '../../src/i18n/en/system.ts';
import { ACTION_IDS, BLOCK_IDS, CALLBACK_IDS, closeCodeBlockId, quoteLineBlockId } from '../../src/slack/ids.ts';
import { BACKENDS } from '../support/databases.ts';
import { newOpportunity, seededWorkspace, useTestApp, workspaceRows } from '../support/fixtures.ts';
import type { JsonObject } from '../support/fake-slack.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { buildView, newTriggerId } from '../support/slack-requests.ts';
import { allText, TEST_TODAY } from '../support/test-app.ts';
import {
  buttonsOf,
  ephemeralClick,
  expectNoBrokenText,
  fieldErrors,
  mark,
  modalAction,
  openedModal,
  type OpenedModal,
  run,
  sentences,
  stateOf,
  submitModal,
  updatedModal,
} from './e2e-kit.ts';

const ADMIN = SLACK_DEFAULTS.userId;
const MANAGER = 'U0MGR00001';
const REP = 'U0REPB0001';
const OTHER = 'U0REPC0001';
const CHANNEL = SLACK_DEFAULTS.channelId;
const today = localDate(TEST_TODAY);

const ROLE_HINT = '; ask an admin (see /opp roles).';
const onlyAdmins = (what: string) => `Only admins can ${what}${ROLE_HINT}`;
const onlyManagers = (what: string) => `Only managers and admins can ${what}${ROLE_HINT}`;
/** A reply's text without the repetition of its fallback (the message text and its section say the same). */
const said = (text: string): string => [...new Set(text.split('\n'))].join('\n');
const notYours = (no: string) => onlyManagers(`change opportunity ${no}, because someone else is its salesperson`);

describe.each(BACKENDS)('roles and authorization on %s', (backend) => {
  const t = useTestApp(backend, {}, (app) => {
    app.fake.setUser(MANAGER, { real_name: 'Mia Manager' });
    app.fake.setUser(REP, { real_name: 'Rex Rep' });
    app.fake.setUser(OTHER, { real_name: 'Olga Other' });
  });

  /** A seeded workspace whose admin is ADMIN (the first to use /opp), with a manager. */
  async function workspace(): Promise<string> {
    const teamId = await seededWorkspace(t);
    await run(t, 'roles', teamId, ADMIN);
    expect(await run(t, `role <@${MANAGER}> manager`, teamId, ADMIN)).toMatch(/is now a manager/);
    return teamId;
  }

  const opportunity = (teamId: string, owner: string, description?: string) =>
    newOpportunity(t.app.services, teamId, { owner, description });

  /** Everything stored about a workspace, to prove a refusal wrote nothing. */
  const snapshot = (teamId: string) => workspaceRows(t.db, teamId);

  /** Row counts of every table that holds a workspace's data. */
  async function rowCounts(teamId: string) {
    const where = { workspaceId: teamId };
    const p = t.db.prisma;
    return {
      opportunity: await p.opportunity.count({ where }),
      opportunityEntry: await p.opportunityEntry.count({ where }),
      task: await p.task.count({ where }),
      salesQuote: await p.salesQuote.count({ where }),
      salesQuoteLine: await p.salesQuoteLine.count({ where: { quote: where } }),
      salesOrder: await p.salesOrder.count({ where }),
      salesOrderLine: await p.salesOrderLine.count({ where: { order: where } }),
      contact: await p.contact.count({ where }),
      customer: await p.customer.count({ where }),
      salesCycle: await p.salesCycle.count({ where }),
      salesCycleStage: await p.salesCycleStage.count({ where }),
      closeOpportunityCode: await p.closeOpportunityCode.count({ where }),
      activity: await p.activity.count({ where }),
      activityStep: await p.activityStep.count({ where: { activity: where } }),
      salesperson: await p.salesperson.count({ where }),
      numberSeries: await p.numberSeries.count({ where }),
      digestSubscription: await p.digestSubscription.count({ where }),
      digestRun: await p.digestRun.count({ where }),
      channelDigestState: await p.channelDigestState.count({ where }),
      member: await p.member.count({ where }),
      outboxEvent: await p.outboxEvent.count({ where }),
      workspace: await p.workspace.count({ where: { id: teamId } }),
    };
  }

  async function card(teamId: string, no: string, userId: string): Promise<JsonObject> {
    const { reply } = await t.command(`show ${no}`, { teamId, userId });
    return reply.args;
  }

  let tsCounter = 0;
  /** A click on a card in the channel, with the value the test chooses (an edited one, say). */
  async function clickCard(teamId: string, userId: string, actionId: string, value: string) {
    tsCounter += 1;
    const messageTs = `1700000300.${String(tsCounter).padStart(6, '0')}`;
    const responseUrl = t.fake.responseUrl();
    const since = mark(t);
    const ack = await t.click({
      actionId,
      blockId: BLOCK_IDS.card.actions,
      value,
      teamId,
      userId,
      channelId: CHANNEL,
      messageTs,
      responseUrl,
      message: { type: 'message', ts: messageTs, text: 'card', blocks: [] },
    });
    expect(ack.status).toBe(200);
    return { since, responseId: responseUrl.split('/').pop() ?? '' };
  }

  /** A click whose answer is a sentence beside the card (a refusal): its text. */
  async function refusedClick(teamId: string, userId: string, actionId: string, value: string) {
    const click = await clickCard(teamId, userId, actionId, value);
    const reply = await t.fake.waitFor('response_url', (c) => c.id === click.responseId);
    return { since: click.since, text: sentences(reply.args) };
  }

  async function openModal(text: string, teamId: string, userId: string, callbackId: string): Promise<OpenedModal> {
    const since = mark(t);
    const triggerId = newTriggerId();
    expect((await t.commandAck(text, { teamId, userId, triggerId })).status).toBe(200);
    return openedModal(t, since, callbackId, triggerId);
  }

  // ---- who is admin --------------------------------------------------------------------------------

  it('the first person to use /opp becomes admin and is told so; nobody after them is', async () => {
    const teamId = t.newWorkspace();
    const first = await t.command('roles', { teamId, userId: REP });
    expect(sentences(first.reply.args)).toMatch(new RegExp(`Admins: <@${REP}>`));
    const note = await t.fake.waitFor(
      'response_url',
      (c) => c.id === first.responseUrl.split('/').pop() && /you are now its admin/.test(allText(c.args)),
    );
    expect(sentences(note.args)).toMatch(/Nobody had the admin role in this workspace yet/);
    expect(await t.db.prisma.member.findMany({ where: { workspaceId: teamId } })).toMatchObject([
      { slackUserId: REP, role: 'ADMIN' },
    ]);

    const second = await t.command('help', { teamId, userId: OTHER });
    await t.settle();
    const toOther = t.fake.calls('response_url').filter((c) => c.id === second.responseUrl.split('/').pop());
    expect(toOther).toHaveLength(1);
    expect(allText(toOther[0]?.args)).not.toMatch(/now its admin/);
    expect(await run(t, `role <@${ADMIN}> admin`, teamId, OTHER)).toContain(onlyAdmins('give people roles'));
    expect(await t.db.prisma.member.count({ where: { workspaceId: teamId } })).toBe(1);
  });

  it('the first person’s first command already runs as admin (their role was read before they became it)', async () => {
    const teamId = t.newWorkspace();
    expect(await run(t, `role <@${MANAGER}> manager`, teamId, REP)).toMatch(/is now a manager/);
    expect(
      (await t.db.prisma.member.findMany({ where: { workspaceId: teamId }, orderBy: { slackUserId: 'asc' } })).map(
        (m) => [m.slackUserId, m.role],
      ),
    ).toEqual([
      [MANAGER, 'MANAGER'],
      [REP, 'ADMIN'],
    ]);
  });

  it('an admin gives roles; /opp roles lists admins and managers; the last admin stays', async () => {
    const teamId = await workspace();
    expect(await run(t, `role <@${REP}> rep`, teamId, ADMIN)).toMatch(new RegExp(`<@${REP}> is already a rep`));
    expect(await run(t, `setup role <@${OTHER}> manager`, teamId, ADMIN)).toMatch(
      new RegExp(`<@${OTHER}> is now a manager in this workspace\\.`),
    );
    const roles = await run(t, 'roles', teamId, REP);
    expect(roles).toMatch(new RegExp(`Admins: <@${ADMIN}>\\nManagers: <@${MANAGER}>, <@${OTHER}>`));
    expect(roles).toMatch(/Everyone else is a rep\./);

    // The only admin cannot step down; nothing changes.
    const before = await snapshot(teamId);
    expect(await run(t, `role <@${ADMIN}> manager`, teamId, ADMIN)).toContain(
      `<@${ADMIN}> is the only admin of this workspace, so nothing was changed; make someone else admin first`,
    );
    expect(await snapshot(teamId)).toEqual(before);

    // A manager cannot give roles.
    expect(await run(t, `role <@${REP}> manager`, teamId, MANAGER)).toContain(onlyAdmins('give people roles'));
    expect(await snapshot(teamId)).toEqual(before);

    // With a second admin, the first may become a rep — and then gives no roles any more.
    await run(t, `role <@${MANAGER}> admin`, teamId, ADMIN);
    expect(await run(t, `role <@${ADMIN}> rep`, teamId, ADMIN)).toMatch(new RegExp(`<@${ADMIN}> is now a rep`));
    expect(await run(t, `role <@${REP}> admin`, teamId, ADMIN)).toContain(onlyAdmins('give people roles'));
    const members = await t.db.prisma.member.findMany({
      where: { workspaceId: teamId },
      orderBy: { slackUserId: 'asc' },
    });
    expect(members.map((m) => [m.slackUserId, m.role])).toEqual([
      [MANAGER, 'ADMIN'],
      [ADMIN, 'REP'],
      [OTHER, 'MANAGER'],
    ]);
  });

  // ---- admin and manager commands refused to a rep -----------------------------------------------

  it('a rep’s setup, purge, role, setting, workspace delete, digest and subscriptions are refused; nothing written', async () => {
    const teamId = await workspace();
    const lost = await opportunity(teamId, REP);
    await t.app.services.opportunities.close(teamId, lost, { outcome: 'lost', closeCode: 'PRICE', today });
    const before = await snapshot(teamId);
    const since = mark(t);
    const refusals: [string, string][] = [
      ['cycle add FIRM Firm sales', onlyAdmins('set up sales cycles')],
      ['stage add STD 80 Handover completed:100 chance:100', onlyAdmins('set up the stages of sales cycles')],
      ['code add LATE lost Too late', onlyAdmins('set up close codes')],
      ['cycle block STD', onlyAdmins('set up sales cycles')],
      ['cycle unblock STD', onlyAdmins('set up sales cycles')],
      ['cycle delete STD', onlyAdmins('set up sales cycles')],
      ['stage delete STD 70', onlyAdmins('set up the stages of sales cycles')],
      ['code delete NOBUDGET', onlyAdmins('set up close codes')],
      // Reps add contacts (the workspace's default, see setup-editing.test.ts), not customers.
      ['contact add "Zeta Ltd" company customer:yes', onlyAdmins('make customers from contacts')],
      ['contact edit Acme Corp name:"Acme Corporation"', onlyAdmins('change contacts')],
      ['cycle edit STD description:Renamed', onlyAdmins('set up sales cycles')],
      ['stage edit STD 20 chance:35', onlyAdmins('set up the stages of sales cycles')],
      ['code edit PRICE description:Dear', onlyAdmins('set up close codes')],
      ['customer add Acme Corp', onlyAdmins('make customers from contacts')],
      ['activity add CALL Call step:"Call;1W"', onlyAdmins('set up activities')],
      ['cycle add', onlyAdmins('set up sales cycles')],
      ['stage edit STD 20', onlyAdmins('set up the stages of sales cycles')],
      ['purge status:lost', onlyAdmins('purge closed opportunities')],
      [`role <@${REP}> admin`, onlyAdmins('give people roles')],
      ['setting reps-see-own:yes', onlyAdmins("change the workspace's settings")],
      ['setting currency:EUR stale-days:30', onlyAdmins("change the workspace's settings")],
      ['workspace delete', onlyAdmins("delete the workspace's data")],
      ['digest', onlyManagers('post pipeline digests')],
      [`subscribe <#${CHANNEL}|sales> weekly day:monday at:08:00`, onlyManagers('schedule pipeline digests')],
      [`unsubscribe <#${CHANNEL}|sales>`, onlyManagers('schedule pipeline digests')],
      ['subscriptions', onlyManagers('schedule pipeline digests')],
    ];
    for (const [text, sentence] of refusals) {
      const reply = await run(t, text, teamId, REP);
      expect(said(reply), text).toBe(`:warning: ${sentence}`);
    }
    await t.settle();
    expect(since.calls('views.open')).toEqual([]);
    expect(since.calls('chat.postMessage')).toEqual([]);
    expect(since.calls('files.completeUploadExternal')).toEqual([]);
    expect(await snapshot(teamId)).toEqual(before);

    // A manager: digests and subscriptions yes, setup no.
    expect(await run(t, `subscribe <#${CHANNEL}|sales> weekly day:monday at:08:00`, teamId, MANAGER)).toMatch(
      /will get the pipeline digest every Monday/,
    );
    expect(said(await run(t, 'cycle add FIRM Firm sales', teamId, MANAGER))).toBe(
      `:warning: ${onlyAdmins('set up sales cycles')}`,
    );
    expect((await snapshot(teamId)).cycles).toEqual(before.cycles);
    // Reading the setup is for everyone.
    expect(await run(t, 'cycle list', teamId, REP)).toMatch(/STD/);
    expect(await run(t, 'code list', teamId, REP)).toMatch(/PRICE/);
  });

  it('a setup form submitted by someone no longer admin, or by another person, is refused; nothing written', async () => {
    const teamId = await workspace();
    // REP is made admin, opens the form, and is a rep again by the time they submit it.
    expect(await run(t, `role <@${REP}> admin`, teamId, ADMIN)).toMatch(/is now an admin/);
    const cycle = await openModal('cycle add', teamId, REP, CALLBACK_IDS.salesCycle);
    expect(await run(t, `role <@${REP}> rep`, teamId, ADMIN)).toMatch(/is now a rep/);
    const before = await snapshot(teamId);
    const typed = { [BLOCK_IDS.salesCycle.code]: 'FIRM', [BLOCK_IDS.salesCycle.description]: 'Firm sales' };
    const errors = fieldErrors(await submitModal(t, cycle, typed, { teamId, userId: REP }));
    expect(Object.values(errors)).toEqual([onlyAdmins('set up sales cycles')]);
    // An admin's form submitted by someone else: the form is the admin's alone.
    const contact = await openModal('contact add', teamId, ADMIN, CALLBACK_IDS.contact);
    const contactErrors = fieldErrors(
      await submitModal(t, contact, { [BLOCK_IDS.contact.name]: 'Zeta Ltd' }, { teamId, userId: MANAGER }),
    );
    expect(contactErrors).toEqual({ [BLOCK_IDS.contact.name]: system.formContextRefused });
    expect(await snapshot(teamId)).toEqual(before);
  });

  // ---- changing opportunities: every route -------------------------------------------------------

  it('text commands: a rep changes their own opportunity, not someone else’s; a manager changes any', async () => {
    const teamId = await workspace();
    const mine = await opportunity(teamId, REP);
    const theirs = await opportunity(teamId, OTHER);
    expect(await run(t, `next ${mine}`, teamId, REP)).toMatch(/20 · Qualification/);

    const before = await snapshot(teamId);
    const since = mark(t);
    for (const text of [
      `next ${theirs}`,
      `previous ${theirs}`,
      `update ${theirs} value:1`,
      `jump ${theirs} to:10`,
      `skip ${theirs} to:40`,
      `close ${theirs} lost code:PRICE`,
      `quote ${theirs} line:"Trucks;1;100"`,
      `order ${theirs}`,
      `delete ${theirs}`,
      `move ${theirs}`,
      `close ${theirs}`,
      `quote ${theirs}`,
    ]) {
      expect(said(await run(t, text, teamId, REP)), text).toBe(`:warning: ${notYours(theirs)}`);
    }
    await t.settle();
    expect(since.calls('views.open')).toEqual([]);
    expect(since.calls('chat.postMessage')).toEqual([]);
    expect(await snapshot(teamId)).toEqual(before);
    // An unknown number is simply not found.
    expect(await run(t, 'next OP00099', teamId, REP)).toMatch(/There is no opportunity OP00099\./);

    expect(await run(t, `next ${theirs}`, teamId, MANAGER)).toMatch(/20 · Qualification/);
    expect(await run(t, `next ${mine}`, teamId, ADMIN)).toMatch(/40 · Proposal|quote/);
  });

  it('a card shown to one reader has buttons only if that reader may change the opportunity', async () => {
    const teamId = await workspace();
    const mine = await opportunity(teamId, REP);
    const theirs = await opportunity(teamId, OTHER);
    const buttons = (message: JsonObject) =>
      ((message.blocks as { type: string; block_id?: string; elements?: { action_id: string }[] }[]) ?? [])
        .filter((b) => b.block_id === BLOCK_IDS.card.actions)
        .flatMap((b) => (b.elements ?? []).map((e) => e.action_id));
    const theirsForRep = await card(teamId, theirs, REP);
    expect(allText(theirsForRep)).toMatch(new RegExp(`${theirs} · Fleet renewal`));
    expect(buttons(theirsForRep)).toEqual([]);
    expect(buttons(await card(teamId, mine, REP))).toContain(ACTION_IDS.update);
    expect(buttons(await card(teamId, theirs, MANAGER))).toContain(ACTION_IDS.update);
  });

  it('card buttons with an edited value: refused for someone else’s opportunity, nothing written', async () => {
    const teamId = await workspace();
    const mine = await opportunity(teamId, REP);
    const theirs = await opportunity(teamId, OTHER);
    const myCard = await card(teamId, mine, REP);
    const next = buttonsOf(myCard).find((b) => b.actionId === ACTION_IDS.next);
    expect(next?.value).toBe(mine);

    const before = await snapshot(teamId);
    for (const actionId of [
      ACTION_IDS.next,
      ACTION_IDS.activate,
      ACTION_IDS.update,
      ACTION_IDS.close,
      ACTION_IDS.createQuote,
      ACTION_IDS.makeOrder,
      ACTION_IDS.delete,
    ]) {
      const click = await refusedClick(teamId, REP, actionId, theirs);
      expect(said(click.text), actionId).toBe(`:warning: ${notYours(theirs)}`);
      await t.settle();
      expect(click.since.calls('views.open')).toEqual([]);
      expect(click.since.calls('chat.update')).toEqual([]);
    }
    // Values that are not opportunity numbers are "not found".
    for (const [value, shown] of [
      ['OP00002"}', 'OP00002??'],
      ['../../x', '??????x'],
      ['', '(none)'],
      ['x'.repeat(300), 'x'.repeat(20)],
    ] as const) {
      const click = await refusedClick(teamId, REP, ACTION_IDS.next, value);
      expect(said(click.text)).toBe(`:warning: There is no opportunity ${shown}.`);
    }
    expect(await snapshot(teamId)).toEqual(before);

    // The same button on the rep's own card works; a manager's edited value works too.
    const own = await clickCard(teamId, REP, ACTION_IDS.next, mine);
    await t.fake.waitFor('chat.update', (c) => own.since.calls('chat.update').includes(c));
    const moved = await t.db.prisma.opportunityEntry.findFirstOrThrow({
      where: { workspaceId: teamId, active: true, opportunity: { no: mine } },
    });
    expect(moved.stage).toBe(20);
    const managerClick = await clickCard(teamId, MANAGER, ACTION_IDS.next, theirs);
    await t.fake.waitFor('chat.update', (c) => managerClick.since.calls('chat.update').includes(c));
    const managed = await t.db.prisma.opportunityEntry.findFirstOrThrow({
      where: { workspaceId: teamId, active: true, opportunity: { no: theirs } },
    });
    expect(managed.stage).toBe(20);
  });

  it('forms with edited metadata or in someone else’s hands are refused; the role is checked again on submit', async () => {
    const teamId = await workspace();
    const mine = await opportunity(teamId, REP);
    const theirs = await opportunity(teamId, OTHER);
    const theirVersion = (await snapshot(teamId)).opportunities.find((o) => o.no === theirs)?.version ?? 0;
    // What a rep could put into their form's private_metadata: the ids of someone else's opportunity,
    // or the context id of a form its salesperson opened.
    const theirForm = await openModal(`move ${theirs}`, teamId, OTHER, CALLBACK_IDS.updateOpportunity);
    const edits = [
      JSON.stringify({ no: theirs, version: theirVersion, channelId: CHANNEL }),
      String(theirForm.view.private_metadata),
    ];
    const before = await snapshot(teamId);
    const refused = [system.formContextRefused];

    const update = await openModal(`move ${mine}`, teamId, REP, CALLBACK_IDS.updateOpportunity);
    let close = await openModal(`close ${mine}`, teamId, REP, CALLBACK_IDS.closeOpportunity);
    const lostAt = mark(t);
    await modalAction(
      t,
      close,
      {
        blockId: BLOCK_IDS.close.outcome,
        actionId: ACTION_IDS.closeOutcome,
        type: 'radio_buttons',
        action: { selected_option: { value: 'lost' } },
      },
      { [BLOCK_IDS.close.outcome]: 'lost' },
      teamId,
      REP,
    );
    close = await updatedModal(t, lostAt, close);
    const quote = await openModal(`quote ${mine}`, teamId, REP, CALLBACK_IDS.createQuote);
    for (const privateMetadata of edits) {
      const submitted = (modal: OpenedModal, inputs: Record<string, string>) =>
        submitModal(t, modal, inputs, { teamId, userId: REP, privateMetadata });
      expect(Object.values(fieldErrors(await submitted(update, {})))).toEqual(refused);
      const lost = { [BLOCK_IDS.close.outcome]: 'lost', [closeCodeBlockId('lost')]: 'PRICE' };
      expect(Object.values(fieldErrors(await submitted(close, lost)))).toEqual(refused);
      const line = {
        [quoteLineBlockId(1, 'description')]: 'Trucks',
        [quoteLineBlockId(1, 'quantity')]: '1',
        [quoteLineBlockId(1, 'unitPrice')]: '100',
      };
      expect(Object.values(fieldErrors(await submitted(quote, line)))).toEqual(refused);
    }
    // The form the rep was given, submitted by someone else: refused as well.
    expect(Object.values(fieldErrors(await submitModal(t, update, {}, { teamId, userId: OTHER })))).toEqual(refused);

    // An in-modal action (changing the action type) on the edited form shows the refusal instead.
    const since = mark(t);
    await t.click({
      actionId: ACTION_IDS.updateActionType,
      blockId: BLOCK_IDS.update.actionType,
      type: 'static_select',
      teamId,
      userId: REP,
      action: { selected_option: { text: { type: 'plain_text', text: 'Jump' }, value: 'jump' } },
      view: buildView({
        viewId: update.id,
        hash: update.hash,
        callbackId: CALLBACK_IDS.updateOpportunity,
        privateMetadata: edits[1],
        blocks: update.view.blocks as unknown[],
        values: stateOf(update.view),
        teamId,
      }),
    });
    const shown = await t.fake.waitFor(
      'views.update',
      (c) => since.calls('views.update').includes(c) && c.args.view_id === update.id,
    );
    expect(sentences(shown.args.view)).toContain(system.formContextRefused);
    expect(await snapshot(teamId)).toEqual(before);

    // A manager's form on their opportunity, submitted after the manager became a rep: the role is
    // read again, so it is refused.
    const managed = await openModal(`move ${theirs}`, teamId, MANAGER, CALLBACK_IDS.updateOpportunity);
    expect(await run(t, `role <@${MANAGER}> rep`, teamId, ADMIN)).toMatch(/is now a rep/);
    expect(Object.values(fieldErrors(await submitModal(t, managed, {}, { teamId, userId: MANAGER })))).toEqual([
      notYours(theirs),
    ]);
    expect((await snapshot(teamId)).entries).toEqual(before.entries);

    // Unchanged metadata: the rep's own form saves.
    expect((await submitModal(t, update, {}, { teamId, userId: REP })).text).toBe('');
    const moved = await t.db.prisma.opportunityEntry.findFirstOrThrow({
      where: { workspaceId: teamId, active: true, opportunity: { no: mine } },
    });
    expect(moved.stage).toBe(20);
  });

  it('Home buttons: a rep’s own work, an edited one is refused in a small modal', async () => {
    const teamId = await workspace();
    const mine = await opportunity(teamId, REP, 'Alpha');
    const theirs = await opportunity(teamId, OTHER, 'Bravo');
    const since = mark(t);
    await t.event({
      teamId,
      event: { type: 'app_home_opened', user: REP, channel: 'D0REPB0001', tab: 'home', event_ts: '1700000000.000100' },
    });
    const published = await t.fake.waitFor('views.publish', (c) => since.calls('views.publish').includes(c));
    const home = published.args.view as JsonObject;
    expect(allText(home)).toMatch(/Alpha/);
    expect(allText(home)).not.toMatch(/Bravo/);
    const homeView = buildView({
      type: 'home',
      viewId: 'V0HOMEREP1',
      callbackId: CALLBACK_IDS.home,
      teamId,
      blocks: home.blocks as unknown[],
    });
    const before = await snapshot(teamId);
    const refusedAt = mark(t);
    await t.click({ actionId: ACTION_IDS.next, value: theirs, teamId, userId: REP, view: homeView });
    const refused = await openedModal(t, refusedAt, CALLBACK_IDS.unavailable);
    expect(allText(refused.view)).toContain(notYours(theirs));
    expect(await snapshot(teamId)).toEqual(before);

    const okAt = mark(t);
    await t.click({ actionId: ACTION_IDS.next, value: mine, teamId, userId: REP, view: homeView });
    await t.fake.waitFor('views.publish', (c) => okAt.calls('views.publish').includes(c));
    const moved = await t.db.prisma.opportunityEntry.findFirstOrThrow({
      where: { workspaceId: teamId, active: true, opportunity: { no: mine } },
    });
    expect(moved.stage).toBe(20);
  });

  // ---- creating ------------------------------------------------------------------------------------

  it('a rep creates for themselves only: owner:@other is refused, so is another salesperson in the form', async () => {
    const teamId = await workspace();
    const line = 'contact:"Acme Corp" value:1,000 chance:20 close:2026-12-15';
    const before = await snapshot(teamId);
    expect(said(await run(t, `new For Olga ${line} owner:<@${OTHER}>`, teamId, REP))).toBe(
      `:warning: ${onlyManagers('create opportunities for another salesperson (name yourself as the salesperson)')}`,
    );
    expect(await snapshot(teamId)).toEqual(before);
    expect(await run(t, `new Mine ${line} owner:<@${REP}>`, teamId, REP)).toMatch(/OP00001 · Mine/);
    expect(await run(t, `new For Olga ${line} owner:<@${OTHER}>`, teamId, MANAGER)).toMatch(/OP00002 · For Olga/);

    const modal = await openModal('new', teamId, REP, CALLBACK_IDS.createOpportunity);
    const C = BLOCK_IDS.create;
    expect(new Map(Object.entries(stateOf(modal.view))).get(C.salesperson)).toBeDefined();
    const inputs = {
      [C.description]: 'Forklift lease',
      [C.contact]: 'CT00001',
      [C.estimatedValue]: '25000',
      [C.chances]: '40',
      [C.estimatedCloseDate]: '2026-12-31',
    };
    const middle = await snapshot(teamId);
    const errors = fieldErrors(
      await submitModal(t, modal, { ...inputs, [C.salesperson]: OTHER }, { teamId, userId: REP }),
    );
    expect(errors).toEqual({
      [C.salesperson]: onlyManagers('create opportunities for another salesperson (name yourself as the salesperson)'),
    });
    expect(await snapshot(teamId)).toEqual(middle);
    // As proposed (the rep themselves) it saves.
    expect((await submitModal(t, modal, inputs, { teamId, userId: REP })).text).toBe('');
    expect(await t.db.prisma.opportunity.count({ where: { workspaceId: teamId } })).toBe(3);
  });

  // ---- reading -------------------------------------------------------------------------------------

  it('reps-see-own: reps read only their own in list, show, export, stats and buttons; managers read all', async () => {
    const teamId = await workspace();
    const mine = await opportunity(teamId, REP, 'Alpha deal');
    const theirs = await opportunity(teamId, OTHER, 'Bravo deal');
    // By default everyone reads everything.
    expect(await run(t, 'list all', teamId, REP)).toMatch(/Alpha deal[\s\S]*Bravo deal/);
    expect(await run(t, 'setting', teamId, REP)).toMatch(/Reps see only their own opportunities: no/);

    expect(await run(t, 'setting reps-see-own:yes', teamId, ADMIN)).toMatch(/Reps now see only the opportunities/);
    expect(await run(t, 'setting', teamId, REP)).toMatch(/Reps see only their own opportunities: yes/);

    const list = await run(t, 'list all status:all', teamId, REP);
    expect(list).toMatch(/Alpha deal/);
    expect(list).not.toMatch(/Bravo deal/);
    expect(await run(t, `list <@${OTHER}>`, teamId, REP)).not.toMatch(/Bravo deal/);
    const hidden = onlyManagers(
      `see opportunity ${theirs}, because someone else is its salesperson and reps here see only their own opportunities`,
    );
    expect(said(await run(t, `show ${theirs}`, teamId, REP))).toBe(`:warning: ${hidden}`);
    expect(said(await run(t, `stats ${theirs}`, teamId, REP))).toBe(`:warning: ${hidden}`);
    expect(said(await run(t, 'stats cycle:STD', teamId, REP))).toBe(
      `:warning: ${onlyManagers('see statistics over all opportunities: reps here see only their own')}`,
    );
    expect(await run(t, `show ${mine}`, teamId, REP)).toMatch(/Alpha deal/);
    expect(said((await refusedClick(teamId, REP, ACTION_IDS.show, theirs)).text)).toBe(`:warning: ${hidden}`);

    const uploads = t.fake.uploads.length;
    expect(await run(t, 'export all status:all', teamId, REP)).toMatch(/Exported 1 opportunity/);
    await t.settle();
    const csv = t.fake.uploads.slice(uploads).at(-1)?.data.toString('utf8') ?? '';
    expect(csv).toMatch(/Alpha deal/);
    expect(csv).not.toMatch(/Bravo deal/);

    // Managers still read all.
    expect(await run(t, 'list all', teamId, MANAGER)).toMatch(/Alpha deal[\s\S]*Bravo deal/);
    expect(await run(t, `show ${theirs}`, teamId, MANAGER)).toMatch(/Bravo deal/);
    expect(await run(t, 'export all', teamId, MANAGER)).toMatch(/Exported 2 opportunities/);

    expect(await run(t, 'setting reps-see-own:no', teamId, ADMIN)).toMatch(/Reps now see all opportunities/);
    expect(await run(t, 'list all', teamId, REP)).toMatch(/Alpha deal[\s\S]*Bravo deal/);
  });

  // ---- workspace delete ----------------------------------------------------------------------------

  it('workspace delete: cancel keeps everything; confirm deletes this workspace only; a second click does nothing', async () => {
    const teamId = await workspace();
    const other = await workspace();
    for (const ws of [teamId, other]) {
      const no = await opportunity(ws, REP);
      await run(t, `quote ${no} line:"Trucks;2;6000"`, ws, ADMIN);
      await run(t, `order ${no} code:WIN`, ws, ADMIN);
      await opportunity(ws, OTHER);
      await run(t, 'activity add CALL Call step:"Call;1W"', ws, ADMIN);
      await run(t, 'customer add Acme Corp', ws, ADMIN);
      await run(t, `subscribe <#${CHANNEL}|sales> weekly day:monday at:08:00`, ws, MANAGER);
      await run(t, 'setting reps-see-own:yes', ws, ADMIN);
      // A task of the opportunity (stages with activities create them).
      const row = await t.db.prisma.opportunity.findUniqueOrThrow({
        where: { workspaceId_no: { workspaceId: ws, no } },
      });
      await t.db.prisma.task.create({
        data: {
          workspaceId: ws,
          opportunityId: row.id,
          contactId: row.contactId,
          salespersonId: row.salespersonId,
          description: 'Call back',
          date: new Date('2026-11-09'),
        },
      });
    }
    await t.db.prisma.installation.create({ data: { installKey: `T:${teamId}`, teamId, data: 'encrypted' } });
    const full = await rowCounts(teamId);
    expect(full.opportunity).toBe(2);
    expect(full.salesOrder).toBe(1);
    expect(full.digestSubscription).toBe(1);
    expect(full.task).toBe(1);
    expect(full.activityStep).toBe(1);
    // Every change recorded its event (two created and activated, a quote, an order): the workspace's too.
    expect(full.outboxEvent).toBe(6);
    const otherBefore = await snapshot(other);
    const otherCounts = await rowCounts(other);

    // Refused to a manager; nothing is even offered.
    expect(said(await run(t, 'workspace delete', teamId, MANAGER))).toBe(
      `:warning: ${onlyAdmins("delete the workspace's data")}`,
    );

    // Ask, then cancel.
    const ask = await t.command('workspace delete', { teamId, userId: ADMIN });
    expect(sentences(ask.reply.args)).toMatch(/Delete all of this workspace's pipeline data\?\* 2 opportunities/);
    const confirm = buttonsOf(ask.reply.args).find((b) => b.actionId === ACTION_IDS.workspaceDeleteConfirm);
    const cancel = buttonsOf(ask.reply.args).find((b) => b.actionId === ACTION_IDS.workspaceDeleteCancel);
    expect(confirm?.value).toMatch(/^[0-9a-f]{32}$/);
    expect(cancel?.value).toBe(confirm?.value);
    const id = ask.responseUrl.split('/').pop();
    let since = mark(t);
    await t.send(
      ephemeralClick({
        actionId: ACTION_IDS.workspaceDeleteCancel,
        value: cancel?.value ?? '',
        teamId,
        userId: ADMIN,
        responseUrl: ask.responseUrl,
      }),
    );
    let replaced = await t.fake.waitFor('response_url', (c) => since.calls('response_url').includes(c) && c.id === id);
    expect(sentences(replaced.args)).toMatch(/Nothing was deleted\./);
    // The cancelled token no longer deletes anything.
    since = mark(t);
    await t.send(
      ephemeralClick({
        actionId: ACTION_IDS.workspaceDeleteConfirm,
        value: confirm?.value ?? '',
        teamId,
        userId: ADMIN,
        responseUrl: ask.responseUrl,
      }),
    );
    replaced = await t.fake.waitFor('response_url', (c) => since.calls('response_url').includes(c) && c.id === id);
    expect(sentences(replaced.args)).toMatch(/expired or was already used, so nothing was deleted/);
    expect(await rowCounts(teamId)).toEqual(full);

    // Ask again; someone else's click (even an admin's), a tampered token or a purge button find nothing.
    const again = await t.command('workspace delete', { teamId, userId: ADMIN });
    const token =
      buttonsOf(again.reply.args).find((b) => b.actionId === ACTION_IDS.workspaceDeleteConfirm)?.value ?? '';
    await run(t, `role <@${OTHER}> admin`, teamId, ADMIN);
    for (const [actionId, value, userId] of [
      [ACTION_IDS.workspaceDeleteConfirm, token, OTHER],
      [ACTION_IDS.workspaceDeleteConfirm, token.toUpperCase(), ADMIN],
      [ACTION_IDS.workspaceDeleteConfirm, 'not-a-token', ADMIN],
      [ACTION_IDS.purgeConfirm, token, ADMIN],
    ] as const) {
      const responseUrl = t.fake.responseUrl();
      await t.send(ephemeralClick({ actionId, value, teamId, userId, responseUrl }));
      const reply = await t.fake.waitFor('response_url', (c) => c.id === responseUrl.split('/').pop());
      expect(sentences(reply.args)).toMatch(/nothing was deleted/);
    }
    expect(await rowCounts(teamId)).toEqual({ ...full, member: full.member + 1 });

    // Confirm: everything of this workspace goes, in one go; the other workspace and the installation stay.
    since = mark(t);
    const againId = again.responseUrl.split('/').pop();
    await t.send(
      ephemeralClick({
        actionId: ACTION_IDS.workspaceDeleteConfirm,
        value: token,
        teamId,
        userId: ADMIN,
        responseUrl: again.responseUrl,
      }),
    );
    replaced = await t.fake.waitFor('response_url', (c) => since.calls('response_url').includes(c) && c.id === againId);
    expect(sentences(replaced.args)).toMatch(
      /All of this workspace's pipeline data was deleted: 2 opportunities, 3 contacts, and the setup, subscriptions, roles and settings\./,
    );
    const empty = await rowCounts(teamId);
    expect(Object.entries(empty).filter(([, n]) => n !== 0)).toEqual([]);
    expect(await t.db.prisma.interactionContext.count({ where: { workspaceId: teamId } })).toBe(0);
    expect(await snapshot(other)).toEqual(otherBefore);
    expect(await rowCounts(other)).toEqual(otherCounts);
    expect(await t.db.prisma.installation.count({ where: { teamId } })).toBe(1);

    // A second click does nothing.
    since = mark(t);
    await t.send(
      ephemeralClick({
        actionId: ACTION_IDS.workspaceDeleteConfirm,
        value: token,
        teamId,
        userId: ADMIN,
        responseUrl: again.responseUrl,
      }),
    );
    replaced = await t.fake.waitFor('response_url', (c) => since.calls('response_url').includes(c) && c.id === againId);
    expect(sentences(replaced.args)).toMatch(/expired or was already used, so nothing was deleted/);
    expect(await rowCounts(other)).toEqual(otherCounts);

    // The workspace starts again from nothing: the next person to use /opp is its admin.
    const fresh = await t.command('roles', { teamId, userId: REP });
    expect(sentences(fresh.reply.args)).toMatch(new RegExp(`Admins: <@${REP}>`));
    expectNoBrokenText(since.calls());
  });
});
