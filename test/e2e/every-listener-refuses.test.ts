// Every listener the app registers (commands, actions, views, options, events), driven through the real
// receiver as someone whose role may not act: each is refused with a sentence naming the role, and
// nothing of the workspace is written. The listeners hold no permission logic (the lint refuses it in
// src/slack/listeners): the refusals come from the use cases they call, as
// test/integration/usecase-permissions.test.ts shows without Slack. A listener registered without a case
// here fails the first test; a command without one does not compile.
import { describe, expect, it } from 'vitest';
import {
  ACTION_IDS,
  BLOCK_IDS,
  CALLBACK_IDS,
  closeCodeBlockId,
  numberedActionId,
  quoteLineBlockId,
} from '../../src/slack/ids.ts';
import type { OppCommand } from '../../src/slack/grammar/index.ts';
import { BACKENDS } from '../support/databases.ts';
import { dec } from '../../src/domain/decimal.ts';
import { localDate } from '../../src/domain/local-date.ts';
import { seedTaskCycle, TASK_CYCLE } from '../support/task-fixtures.ts';
import { TEST_TODAY } from '../support/test-app.ts';
import { newOpportunity, seededWorkspace, useTestApp, workspaceRows } from '../support/fixtures.ts';
import { recordRegistrations } from '../support/registrations.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { newTriggerId } from '../support/slack-requests.ts';
import type { TestApp } from '../support/test-app.ts';
import {
  buttonsOf,
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

const ADMIN = SLACK_DEFAULTS.userId;
/** An admin while the forms and confirmations are opened, then made a rep before using them. */
const DEMOTED = 'U0MGR00001';
const REP = 'U0REPB0001';
const OTHER = 'U0REPC0001';
const CHANNEL = SLACK_DEFAULTS.channelId;

const REFUSAL = /Only (admins|managers and admins) can .+; ask an admin \(see \/opp roles\)\./;

/** What a rep types for each command, or why the command is open to every member. */
const COMMANDS: Record<OppCommand['name'], ((f: Fixture) => string) | { open: string }> = {
  help: { open: 'help' },
  'cycle-list': { open: 'every member picks a cycle' },
  'stage-list': { open: 'every member reads the stages' },
  'code-list': { open: 'every member closes with a code' },
  'contact-list': { open: 'every member picks a contact' },
  'activity-list': { open: 'every member reads the activities' },
  roles: { open: 'every member may see who to ask' },
  'new-modal': { open: 'every member creates for themselves (naming another is refused on submit)' },
  list: { open: 'each reader sees what they may' },
  find: { open: 'each reader finds what they may see' },
  'show-named': { open: 'each reader finds what they may see (a name is looked up among those)' },
  'list-named': { open: 'each reader finds what they may see (as show-named)' },
  export: { open: 'each reader exports what they may read' },
  'cycle-add': () => 'cycle add NEW New cycle',
  'cycle-block': () => 'cycle block STD',
  'cycle-delete': () => 'cycle delete STD',
  'stage-add': () => 'stage add STD 90 Late completed:90 chance:90',
  'stage-delete': () => 'stage delete STD 10',
  'code-add': () => 'code add NEWCODE won New code',
  'code-delete': () => 'code delete PRICE',
  'contact-add': () => 'contact add Zed Ltd company',
  'customer-add': () => 'customer add Acme Corp',
  'activity-add': () => 'activity add CALL Call step:"Call;1D"',
  'setup-modal': () => 'cycle add',
  'cycle-edit': () => 'cycle edit STD description:Renamed',
  'stage-edit': () => 'stage edit STD 10 chance:35',
  'code-edit': () => 'code edit PRICE description:"Too dear"',
  'contact-edit': () => 'contact edit Acme Corp name:"Acme Corporation"',
  'setup-edit-modal': () => 'stage edit STD 10',
  role: () => `role <@${REP}> admin`,
  setting: () => 'setting stale-days:3',
  // A member's own language is theirs to choose; a channel's is refused to reps.
  language: () => `language <#${CHANNEL}> fr`,
  'workspace-delete': () => 'workspace delete',
  purge: () => 'purge status:lost',
  new: () => `new Not mine contact:"Acme Corp" value:100 chance:50 close:2026-12-31 owner:<@${OTHER}>`,
  show: (f) => `show ${f.theirs}`,
  'edit-modal': (f) => `edit ${f.theirs}`,
  edit: (f) => `edit ${f.theirs} priority:high`,
  'note-modal': (f) => `note ${f.theirs}`,
  note: (f) => `note ${f.theirs} Called them about the renewal`,
  stats: (f) => `stats ${f.theirs}`,
  move: (f) => `move ${f.theirs}`,
  'close-modal': (f) => `close ${f.theirs}`,
  'quote-modal': (f) => `quote ${f.theirs}`,
  next: (f) => `next ${f.theirs}`,
  previous: (f) => `previous ${f.theirs}`,
  skip: (f) => `skip ${f.theirs} to:40`,
  jump: (f) => `jump ${f.theirs} to:40`,
  update: (f) => `update ${f.theirs} chance:40`,
  close: (f) => `close ${f.theirs} lost code:PRICE`,
  quote: (f) => `quote ${f.theirs} line:"Trucks;1;100"`,
  order: (f) => `order ${f.theirs}`,
  tasks: () => `tasks <@${OTHER}>`,
  delete: (f) => `delete ${f.closed}`,
  digest: () => 'digest',
  subscribe: () => `subscribe <#${CHANNEL}> daily`,
  unsubscribe: () => `unsubscribe <#${CHANNEL}>`,
  subscriptions: () => 'subscriptions',
  notify: { open: 'each member sets their own notifications' },
  'notify-mute': { open: 'each member mutes an opportunity for themselves only' },
  alert: () => `alert <#${CHANNEL}> won`,
  'alert-remove': () => 'alert remove 1',
  alerts: () => 'alerts',
};

interface Fixture {
  teamId: string;
  /** OTHER's opportunity, in progress; and one closed lost. */
  theirs: string;
  closed: string;
  /** OTHER's, in progress, with a quote; and an open task of OTHER's. */
  quoted: string;
  theirTask: number;
  /** Forms DEMOTED opened while allowed. */
  forms: Record<
    | 'update'
    | 'close'
    | 'closeLost'
    | 'quote'
    | 'editQuote'
    | 'replaceQuote'
    | 'postpone'
    | 'edit'
    | 'note'
    | 'cycle'
    | 'stage'
    | 'code'
    | 'contact'
    | 'editCycle'
    | 'editStage'
    | 'editCode'
    | 'editContact',
    OpenedModal
  >;
  /** Confirmations DEMOTED asked for while admin. */
  purgeToken: string;
  deleteToken: string;
}

type Refusal = (t: TestApp, f: Fixture) => Promise<string>;

/** A click on a card in the channel by a rep; the sentence beside it. */
function cardClick(actionId: string, value: (f: Fixture) => string, userId = REP): Refusal {
  return async (t, f) => {
    const responseUrl = t.fake.responseUrl();
    const messageTs = `1700000400.${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    const ack = await t.click({
      actionId,
      blockId: BLOCK_IDS.card.actions,
      value: value(f),
      teamId: f.teamId,
      userId,
      channelId: CHANNEL,
      messageTs,
      responseUrl,
      message: { type: 'message', ts: messageTs, text: 'card', blocks: [] },
    });
    expect(ack.status).toBe(200);
    const reply = await t.fake.waitFor('response_url', (c) => c.id === responseUrl.split('/').pop());
    return sentences(reply.args);
  };
}

/** An element changed inside one of DEMOTED's forms: the sentence the modal shows instead. */
function inModal(form: keyof Fixture['forms'], change: Parameters<typeof modalAction>[2]): Refusal {
  return async (t, f) => {
    const since = mark(t);
    const modal = f.forms[form];
    await modalAction(t, modal, change, {}, f.teamId, DEMOTED);
    const shown = await t.fake.waitFor(
      'views.update',
      (c) => since.calls('views.update').includes(c) && c.args.view_id === modal.id,
    );
    return sentences(shown.args.view);
  };
}

/** One of DEMOTED's forms submitted after the demotion: the sentence under its field. */
function submitted(form: keyof Fixture['forms'], inputs: Record<string, string>): Refusal {
  return async (t, f) =>
    Object.values(fieldErrors(await submitModal(t, f.forms[form], inputs, { teamId: f.teamId, userId: DEMOTED }))).join(
      '\n',
    );
}

type ListenerCase = Refusal | { open: string };

const LISTENERS: Record<string, ListenerCase> = {
  'command:/opp': { open: 'each command has its own case (COMMANDS)' },
  [`action:${ACTION_IDS.show}`]: cardClick(ACTION_IDS.show, (f) => f.theirs),
  [`action:${ACTION_IDS.activate}`]: cardClick(ACTION_IDS.activate, (f) => f.theirs),
  [`action:${ACTION_IDS.next}`]: cardClick(ACTION_IDS.next, (f) => f.theirs),
  [`action:${ACTION_IDS.update}`]: cardClick(ACTION_IDS.update, (f) => f.theirs),
  [`action:${ACTION_IDS.close}`]: cardClick(ACTION_IDS.close, (f) => f.theirs),
  [`action:${ACTION_IDS.createQuote}`]: cardClick(ACTION_IDS.createQuote, (f) => f.theirs),
  [`action:${ACTION_IDS.makeOrder}`]: cardClick(ACTION_IDS.makeOrder, (f) => f.theirs),
  [`action:${ACTION_IDS.delete}`]: cardClick(ACTION_IDS.delete, (f) => f.closed),
  [`action:${ACTION_IDS.viewQuote}`]: cardClick(ACTION_IDS.viewQuote, (f) => f.quoted),
  [`action:${ACTION_IDS.editQuote}`]: cardClick(ACTION_IDS.editQuote, (f) => f.quoted),
  [`action:${ACTION_IDS.replaceQuote}`]: cardClick(ACTION_IDS.replaceQuote, (f) => f.quoted),
  [`action:${ACTION_IDS.taskComplete}`]: cardClick(ACTION_IDS.taskComplete, (f) => String(f.theirTask)),
  [`action:${ACTION_IDS.taskPostpone}`]: cardClick(ACTION_IDS.taskPostpone, (f) => String(f.theirTask)),
  [`action:${ACTION_IDS.edit}`]: cardClick(ACTION_IDS.edit, (f) => f.theirs),
  [`action:${ACTION_IDS.addNote}`]: cardClick(ACTION_IDS.addNote, (f) => f.theirs),
  // The Edit buttons of an admin's setup lists, clicked by a rep (who is shown none).
  [`action:${ACTION_IDS.editSalesCycle}`]: cardClick(ACTION_IDS.editSalesCycle, () => 'STD'),
  [`action:${ACTION_IDS.editStage}_<n>`]: cardClick(numberedActionId(ACTION_IDS.editStage, 1), () => 'STD 10'),
  [`action:${ACTION_IDS.editCloseCode}`]: cardClick(ACTION_IDS.editCloseCode, () => 'PRICE'),
  [`action:${ACTION_IDS.editContact}`]: cardClick(ACTION_IDS.editContact, () => 'CT000001'),
  [`action:${ACTION_IDS.findMore}`]: { open: 'the next page of the person’s own search, read again with their access' },
  [`action:${ACTION_IDS.homePage}`]: { open: 'a page of the person’s own Home, read again with their access' },
  [`action:${ACTION_IDS.notifyMode}`]: { open: 'each member sets their own notifications (App Home)' },
  [`action:${ACTION_IDS.notifySummaryAt}`]: { open: 'each member sets their own summary time (App Home)' },
  [`action:${ACTION_IDS.notifyQuietStart}`]: { open: 'each member sets their own quiet hours (App Home)' },
  [`action:${ACTION_IDS.notifyQuietEnd}`]: { open: 'each member sets their own quiet hours (App Home)' },
  [`action:${ACTION_IDS.notifyUnmute}`]: { open: 'each member unmutes an opportunity for themselves only' },
  [`action:${ACTION_IDS.notifyMute}`]: { open: 'each member mutes an opportunity for themselves only' },
  [`action:${ACTION_IDS.notifyMuteButton}`]: { open: 'each member mutes an opportunity for themselves only' },
  [`action:${ACTION_IDS.newOpportunity}`]: { open: 'every member creates for themselves' },
  [`action:${ACTION_IDS.listMore}`]: { open: 'the next page of the clicker’s own list, filtered for them again' },
  [`action:${ACTION_IDS.purgeConfirm}`]: cardClick(ACTION_IDS.purgeConfirm, (f) => f.purgeToken, DEMOTED),
  [`action:${ACTION_IDS.purgeCancel}`]: { open: 'only discards the person’s own confirmation' },
  [`action:${ACTION_IDS.workspaceDeleteConfirm}`]: cardClick(
    ACTION_IDS.workspaceDeleteConfirm,
    (f) => f.deleteToken,
    DEMOTED,
  ),
  [`action:${ACTION_IDS.workspaceDeleteCancel}`]: { open: 'only discards the person’s own confirmation' },
  [`action:${ACTION_IDS.updateActionType}`]: inModal('update', {
    blockId: BLOCK_IDS.update.actionType,
    actionId: ACTION_IDS.updateActionType,
    type: 'static_select',
    action: { selected_option: { text: { type: 'plain_text', text: 'Jump' }, value: 'jump' } },
  }),
  [`action:${ACTION_IDS.updateTargetStage}`]: inModal('update', {
    blockId: BLOCK_IDS.update.actionType,
    actionId: ACTION_IDS.updateTargetStage,
    type: 'static_select',
    action: { selected_option: { text: { type: 'plain_text', text: '40' }, value: '40' } },
  }),
  [`action:${ACTION_IDS.closeOutcome}`]: inModal('close', {
    blockId: BLOCK_IDS.close.outcome,
    actionId: ACTION_IDS.closeOutcome,
    type: 'radio_buttons',
    action: { selected_option: { value: 'lost' } },
  }),
  [`action:${ACTION_IDS.quoteAddLine}`]: inModal('quote', {
    blockId: 'quote_add',
    actionId: ACTION_IDS.quoteAddLine,
    type: 'button',
    value: 'add',
  }),
  [`view:${CALLBACK_IDS.createOpportunity}`]: async (t, f) => {
    const since = mark(t);
    const triggerId = newTriggerId();
    await t.commandAck('new', { teamId: f.teamId, userId: REP, triggerId });
    const form = await openedModal(t, since, CALLBACK_IDS.createOpportunity, triggerId);
    const b = BLOCK_IDS.create;
    const ack = await submitModal(
      t,
      form,
      {
        [b.description]: 'Not mine',
        [b.contact]: 'CT00002',
        [b.salesperson]: OTHER,
        [b.estimatedValue]: '25,000',
        [b.chances]: '40%',
        [b.estimatedCloseDate]: '2026-12-31',
      },
      { teamId: f.teamId, userId: REP },
    );
    return Object.values(fieldErrors(ack)).join('\n');
  },
  [`view:${CALLBACK_IDS.updateOpportunity}`]: submitted('update', {}),
  [`view:${CALLBACK_IDS.closeOpportunity}`]: submitted('closeLost', {
    [BLOCK_IDS.close.outcome]: 'lost',
    [closeCodeBlockId('lost')]: 'PRICE',
  }),
  [`view:${CALLBACK_IDS.createQuote}`]: submitted('quote', {
    [quoteLineBlockId(1, 'description')]: 'Trucks',
    [quoteLineBlockId(1, 'quantity')]: '1',
    [quoteLineBlockId(1, 'unitPrice')]: '100',
  }),
  [`view:${CALLBACK_IDS.editQuote}`]: submitted('editQuote', {}),
  [`view:${CALLBACK_IDS.replaceQuote}`]: submitted('replaceQuote', {
    [quoteLineBlockId(1, 'description')]: 'Vans',
    [quoteLineBlockId(1, 'quantity')]: '1',
    [quoteLineBlockId(1, 'unitPrice')]: '100',
  }),
  [`view:${CALLBACK_IDS.postponeTask}`]: submitted('postpone', { [BLOCK_IDS.postponeTask.newDate]: '2026-12-20' }),
  [`view:${CALLBACK_IDS.editOpportunity}`]: submitted('edit', { [BLOCK_IDS.edit.description]: 'Renamed' }),
  [`view:${CALLBACK_IDS.addNote}`]: submitted('note', { [BLOCK_IDS.note.text]: 'Called them' }),
  [`view:${CALLBACK_IDS.salesCycle}`]: submitted('cycle', {
    [BLOCK_IDS.salesCycle.code]: 'NEW',
    [BLOCK_IDS.salesCycle.description]: 'New cycle',
  }),
  [`view:${CALLBACK_IDS.stage}`]: submitted('stage', {
    [BLOCK_IDS.stage.stageNo]: '90',
    [BLOCK_IDS.stage.description]: 'Late',
    [BLOCK_IDS.stage.completed]: '90',
    [BLOCK_IDS.stage.chances]: '90',
  }),
  [`view:${CALLBACK_IDS.closeCode}`]: submitted('code', {
    [BLOCK_IDS.closeCode.code]: 'NEWCODE',
    [BLOCK_IDS.closeCode.description]: 'New code',
  }),
  [`view:${CALLBACK_IDS.contact}`]: submitted('contact', { [BLOCK_IDS.contact.name]: 'Zed Ltd' }),
  [`view:${CALLBACK_IDS.editSalesCycle}`]: submitted('editCycle', { [BLOCK_IDS.salesCycle.description]: 'Renamed' }),
  [`view:${CALLBACK_IDS.editStage}`]: submitted('editStage', { [BLOCK_IDS.stage.chances]: '35' }),
  [`view:${CALLBACK_IDS.editCloseCode}`]: submitted('editCode', { [BLOCK_IDS.closeCode.description]: 'Too dear' }),
  [`view:${CALLBACK_IDS.editContact}`]: submitted('editContact', { [BLOCK_IDS.contact.name]: 'Acme Corporation' }),
  [`options:${ACTION_IDS.contactSearch}`]: { open: 'every member picks a contact' },
  [`options:${ACTION_IDS.companySearch}`]: { open: 'every member picks a company' },
  'event:app_home_opened': { open: 'shows the person their own opportunities only' },
  'event:app_uninstalled': { open: 'sent by Slack for the workspace, not by a member' },
  'event:tokens_revoked': { open: 'sent by Slack for the workspace, not by a member' },
};

describe('every registered listener has a refusal case', () => {
  it('the cases name exactly the listeners the app registers', () => {
    const seen = recordRegistrations();
    const registered = [
      ...seen.commands.map((name) => `command:${name}`),
      ...seen.actions.map((id) => `action:${id}`),
      ...seen.views.map((id) => `view:${id}`),
      ...seen.options.map((id) => `options:${id}`),
      ...seen.events.map((name) => `event:${name}`),
    ].sort();
    expect(Object.keys(LISTENERS).sort()).toEqual(registered);
  });
});

describe.each(BACKENDS)('every listener refuses a role that may not act, on %s', (backend) => {
  const t = useTestApp(backend, {}, (app) => {
    app.fake.setUser(DEMOTED, { real_name: 'Dee Demoted' });
    app.fake.setUser(REP, { real_name: 'Rex Rep' });
    app.fake.setUser(OTHER, { real_name: 'Olga Other' });
  });

  async function openForm(teamId: string, text: string, callbackId: string): Promise<OpenedModal> {
    const since = mark(t);
    const triggerId = newTriggerId();
    expect((await t.commandAck(text, { teamId, userId: DEMOTED, triggerId })).status).toBe(200);
    return openedModal(t, since, callbackId, triggerId);
  }

  /** A form DEMOTED opens with a button (on a card in the channel) while allowed. */
  async function openFormByClick(teamId: string, actionId: string, value: string, callbackId: string) {
    const since = mark(t);
    const triggerId = newTriggerId();
    const messageTs = `1700000500.${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    const ack = await t.click({
      actionId,
      blockId: BLOCK_IDS.card.actions,
      value,
      teamId,
      userId: DEMOTED,
      channelId: CHANNEL,
      messageTs,
      triggerId,
      message: { type: 'message', ts: messageTs, text: 'card', blocks: [] },
    });
    expect(ack.status).toBe(200);
    return openedModal(t, since, callbackId, triggerId);
  }

  async function confirmationToken(teamId: string, text: string, actionId: string): Promise<string> {
    const { reply } = await t.command(text, { teamId, userId: DEMOTED });
    const token = buttonsOf(reply.args).find((b) => b.actionId === actionId)?.value;
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    return token ?? '';
  }

  async function fixture(): Promise<Fixture> {
    const teamId = await seededWorkspace(t);
    await run(t, 'roles', teamId, ADMIN);
    expect(await run(t, `role <@${DEMOTED}> admin`, teamId, ADMIN)).toMatch(/is now an admin/);
    // Adding contacts is everyone's by default: this workspace keeps it to admins, so it is refused too.
    expect(await run(t, 'setting reps-see-own:yes reps-add-contacts:no', teamId, ADMIN)).not.toMatch(REFUSAL);
    const theirs = await newOpportunity(t.app.services, teamId, { owner: OTHER });
    const closed = await newOpportunity(t.app.services, teamId, { owner: OTHER, description: 'Lost one' });
    expect(await run(t, `close ${closed} lost code:PRICE`, teamId, ADMIN)).not.toMatch(REFUSAL);
    const quoted = await newOpportunity(t.app.services, teamId, { owner: OTHER, description: 'Quoted' });
    await t.app.services.opportunities.createQuote(
      teamId,
      quoted,
      [{ description: 'Trucks', quantity: dec(2), unitPrice: dec(100) }],
      localDate(TEST_TODAY),
    );
    await seedTaskCycle(t.app.services, teamId);
    const withTasks = await newOpportunity(t.app.services, teamId, { owner: OTHER, salesCycleCode: TASK_CYCLE });
    const theirTask = (await t.app.services.tasks.listOpen(teamId, { opportunityNo: withTasks })).items[0]?.id ?? 0;
    expect(theirTask).toBeGreaterThan(0);
    // The New form keeps proposing the one usable cycle.
    await t.app.services.setup.setSalesCycleBlocked(teamId, TASK_CYCLE, true);
    // A Close form set to Lost (its close code field appears with the outcome).
    const closeLost = await openForm(teamId, `close ${theirs}`, CALLBACK_IDS.closeOpportunity);
    const lostAt = mark(t);
    await modalAction(
      t,
      closeLost,
      {
        blockId: BLOCK_IDS.close.outcome,
        actionId: ACTION_IDS.closeOutcome,
        type: 'radio_buttons',
        action: { selected_option: { value: 'lost' } },
      },
      { [BLOCK_IDS.close.outcome]: 'lost' },
      teamId,
      DEMOTED,
    );
    const forms = {
      closeLost: await updatedModal(t, lostAt, closeLost),
      update: await openForm(teamId, `move ${theirs}`, CALLBACK_IDS.updateOpportunity),
      close: await openForm(teamId, `close ${theirs}`, CALLBACK_IDS.closeOpportunity),
      quote: await openForm(teamId, `quote ${theirs}`, CALLBACK_IDS.createQuote),
      editQuote: await openFormByClick(teamId, ACTION_IDS.editQuote, quoted, CALLBACK_IDS.editQuote),
      replaceQuote: await openFormByClick(teamId, ACTION_IDS.replaceQuote, quoted, CALLBACK_IDS.replaceQuote),
      postpone: await openFormByClick(teamId, ACTION_IDS.taskPostpone, String(theirTask), CALLBACK_IDS.postponeTask),
      edit: await openForm(teamId, `edit ${theirs}`, CALLBACK_IDS.editOpportunity),
      note: await openForm(teamId, `note ${theirs}`, CALLBACK_IDS.addNote),
      cycle: await openForm(teamId, 'cycle add', CALLBACK_IDS.salesCycle),
      stage: await openForm(teamId, 'stage add STD', CALLBACK_IDS.stage),
      code: await openForm(teamId, 'code add', CALLBACK_IDS.closeCode),
      contact: await openForm(teamId, 'contact add', CALLBACK_IDS.contact),
      editCycle: await openForm(teamId, 'cycle edit STD', CALLBACK_IDS.editSalesCycle),
      editStage: await openForm(teamId, 'stage edit STD 10', CALLBACK_IDS.editStage),
      editCode: await openForm(teamId, 'code edit PRICE', CALLBACK_IDS.editCloseCode),
      editContact: await openForm(teamId, 'contact edit Acme Corp', CALLBACK_IDS.editContact),
    };
    const purgeToken = await confirmationToken(teamId, 'purge status:lost', ACTION_IDS.purgeConfirm);
    const deleteToken = await confirmationToken(teamId, 'workspace delete', ACTION_IDS.workspaceDeleteConfirm);
    expect(await run(t, `role <@${DEMOTED}> rep`, teamId, ADMIN)).toMatch(/is now a rep/);
    return { teamId, theirs, closed, quoted, theirTask, forms, purgeToken, deleteToken };
  }

  it('every guarded command, typed by a rep, is refused; nothing written', async () => {
    const f = await fixture();
    const before = await workspaceRows(t.db, f.teamId);
    const since = mark(t);
    for (const [name, c] of Object.entries(COMMANDS)) {
      if (typeof c !== 'function') continue;
      const text = c(f);
      // Commands that open a form are refused before the form: the sentence comes as a reply.
      expect(await run(t, text, f.teamId, REP), `${name}: /opp ${text}`).toMatch(REFUSAL);
    }
    await t.settle();
    expect(since.calls('views.open')).toEqual([]);
    expect(since.calls('chat.postMessage').filter((c) => c.args.channel === CHANNEL)).toEqual([]);
    expect(await workspaceRows(t.db, f.teamId)).toEqual(before);
  });

  it('every other listener, used by a role that may not, is refused; nothing written', async () => {
    const f = await fixture();
    const before = await workspaceRows(t.db, f.teamId);
    const since = mark(t);
    for (const [listener, c] of Object.entries(LISTENERS)) {
      if (typeof c !== 'function') continue;
      expect(await c(t, f), listener).toMatch(REFUSAL);
    }
    await t.settle();
    expect(since.calls('chat.update')).toEqual([]);
    expect(since.calls('chat.postMessage').filter((c) => c.args.channel === CHANNEL)).toEqual([]);
    expect(await workspaceRows(t.db, f.teamId)).toEqual(before);
  });
});
