// Every use case, called as a rep who may not do what it does, is refused with the role it needs and
// writes nothing — on both backends, without Slack: the check lives in the use case (src/usecases), so
// every surface gets it. The table is typed over each use-case class, so a new use case does not compile
// until it says here whether a rep is refused (and with which input) or why it is open to every member.
import { beforeAll, describe, expect, it } from 'vitest';
import { dec } from '../../src/domain/decimal.ts';
import { DomainError } from '../../src/domain/problems.ts';
import { localDate } from '../../src/domain/local-date.ts';
import { memberLoader, type RequestContext } from '../../src/usecases/context.ts';
import { createUseCases, type UseCases } from '../../src/usecases/index.ts';
import type { DigestPosting } from '../../src/usecases/pipeline.ts';
import { BACKENDS } from '../support/databases.ts';
import { newOpportunity, useServices, workspaceRows } from '../support/fixtures.ts';
import { TEST_TODAY } from '../support/test-app.ts';
import { seedTaskCycle, TASK_CYCLE } from '../support/task-fixtures.ts';

const ADMIN = 'U0ADMIN001';
const MANAGER = 'U0MGR00001';
const REP = 'U0REPB0001';
const OTHER = 'U0REPC0001';
const CHANNEL = 'C0SALES001';

interface Fixture {
  /** Owned by OTHER, in progress. */
  theirs: string;
  /** Owned by REP, in progress. */
  mine: string;
  /** Owned by OTHER, closed lost (what a purge could delete). */
  closed: string;
  /** An open task of OTHER's (from a stage activity). */
  theirTask: number;
}

/** A use case refused to a rep (with the input given), or open to every member (and why). */
type Case<Args extends unknown[]> = { refused: (f: Fixture) => Args } | { open: string };

type CasesOf<T> = {
  [K in keyof T]: T[K] extends (ctx: RequestContext, ...args: infer Args) => Promise<unknown> ? Case<Args> : never;
};

const CASES: { [G in keyof UseCases]: CasesOf<UseCases[G]> } = {
  opportunities: {
    create: {
      refused: () => [{ description: 'Not mine', contact: 'Acme Corp', salesperson: { slackUserId: OTHER } }],
    },
    show: { refused: (f) => [f.theirs] },
    list: { open: 'each reader sees what they may: reps only their own when the workspace says so' },
    home: { open: 'a rep’s own opportunities only; the team’s for managers and admins' },
    activate: { refused: (f) => [f.theirs] },
    move: { refused: (f) => [{ no: f.theirs, action: 'next' }] },
    recordMove: { refused: (f) => [{ no: f.theirs, action: 'update', chancesPct: dec(40) }] },
    afterChange: { refused: (f) => [f.theirs] },
    close: { refused: (f) => [{ no: f.theirs, outcome: 'lost', closeCode: 'PRICE' }] },
    createQuote: {
      refused: (f) => [{ no: f.theirs, lines: [{ description: 'Trucks', quantity: dec(1), unitPrice: dec(100) }] }],
    },
    makeOrder: { refused: (f) => [f.theirs] },
    delete: { refused: (f) => [f.closed] },
    purgePreview: { refused: () => [{ filter: { status: 'lost' } }] },
    purge: { refused: (f) => [{ status: 'lost' }, [f.closed]] },
    moveForm: { refused: (f) => [f.theirs] },
    closeForm: { refused: (f) => [f.theirs, 'won'] },
    quoteForm: { refused: (f) => [f.theirs] },
    orderForm: { refused: (f) => [f.theirs] },
    quoteLines: { refused: (f) => [f.theirs] },
    createForm: { open: 'every member creates opportunities for themselves' },
    viewQuote: { refused: (f) => [f.theirs] },
    editQuoteForm: { refused: (f) => [f.theirs] },
    replaceQuoteForm: { refused: (f) => [f.theirs] },
    editQuote: {
      refused: (f) => [{ no: f.theirs, lines: [{ description: 'Trucks', quantity: dec(1), unitPrice: dec(100) }] }],
    },
    replaceQuote: {
      refused: (f) => [{ no: f.theirs, lines: [{ description: 'Trucks', quantity: dec(1), unitPrice: dec(100) }] }],
    },
    edit: { refused: (f) => [{ no: f.theirs, priority: 'high' }] },
    addNote: { refused: (f) => [{ no: f.theirs, text: 'Called them' }] },
    find: { open: 'each reader finds what they may see: reps only their own when the workspace says so' },
    lookup: { open: 'each reader finds what they may see: reps only their own when the workspace says so' },
    editForm: { refused: (f) => [f.theirs] },
    noteForm: { refused: (f) => [f.theirs] },
  },
  tasks: {
    list: { refused: () => [{ owner: OTHER }] },
    complete: { refused: (f) => [f.theirTask] },
    postpone: { refused: (f) => [{ taskId: f.theirTask, date: localDate('2026-12-01') }] },
    postponeForm: { refused: (f) => [f.theirTask] },
  },
  notifications: {
    settings: { open: 'each member reads their own notification settings' },
    muteChoices: { open: 'each member reads their own open opportunities to mute' },
    change: { open: 'each member sets their own notifications' },
    mute: { open: 'each member mutes opportunities for themselves only' },
  },
  setup: {
    addSalesCycle: { refused: () => [{ code: 'NEW', description: 'New cycle' }] },
    blockSalesCycle: { refused: () => [{ code: 'STD', blocked: true }] },
    editSalesCycle: { refused: () => [{ code: 'STD', change: { description: 'Renamed' } }] },
    deleteSalesCycle: { refused: () => ['STD'] },
    listSalesCycles: { open: 'every member picks a sales cycle (only admins get Edit buttons)' },
    salesCycle: { open: 'every member reads the stages (only admins get Edit buttons)' },
    addStage: {
      refused: () => [
        {
          cycleCode: 'STD',
          stage: 90,
          description: 'Late',
          completedPct: dec(90),
          chancesPct: dec(90),
          quoteRequired: false,
          allowSkip: false,
          dateFormula: '',
          activityCode: null,
        },
      ],
    },
    editStage: { refused: () => [{ cycleCode: 'STD', stageNo: 10, change: { chancesPct: dec(35) } }] },
    deleteStage: { refused: () => [{ cycleCode: 'STD', stageNo: 10 }] },
    addCloseCode: { refused: () => [{ code: 'NEWCODE', description: 'New', type: 'won' }] },
    editCloseCode: { refused: () => [{ code: 'PRICE', description: 'Too dear' }] },
    deleteCloseCode: { refused: () => ['PRICE'] },
    listCloseCodes: { open: 'every member closes their own opportunities with a code' },
    // Refused here because this workspace keeps adding contacts to admins (reps-add-contacts:no, below).
    addContact: { refused: () => [{ name: 'Zed Ltd', type: 'company' }] },
    editContact: { refused: () => [{ contact: 'Acme Corp', name: 'Acme Corporation' }] },
    searchContacts: { open: 'every member picks a contact' },
    exampleCodes: { open: 'every member reads help, whose examples cite the workspace’s codes' },
    listContacts: { open: 'every member reads the contacts (only admins get Edit buttons)' },
    addCustomer: { refused: () => ['Acme Corp'] },
    addActivity: { refused: () => [{ code: 'CALL', steps: [{ description: 'Call' }] }] },
    listActivities: { open: 'every member reads the activities' },
    setupForm: { refused: () => ['cycle'] },
    editForm: { refused: () => [{ what: 'stage', cycleCode: 'STD', stageNo: 10 }] },
  },
  workspace: {
    claimFirstAdmin: { open: 'only takes effect in a workspace without an admin (this one has one)' },
    setRole: { refused: () => [{ userId: REP, role: 'admin' }] },
    roles: { open: 'every member may see who to ask' },
    settings: { open: 'every member may read the settings' },
    currency: { open: 'every member types amounts in the workspace currency' },
    changeSettings: { refused: () => [{ staleDays: 3 }] },
    deletionPreview: { refused: () => [] },
    deleteData: { refused: () => [] },
    languages: { open: 'every member reads the languages in force' },
    chooseOwnLanguage: { open: 'every member chooses their own language' },
    chooseChannelLanguage: { refused: () => [{ channelId: CHANNEL, language: 'fr' }] },
  },
  pipeline: {
    postDigest: { refused: () => [{ channelId: CHANNEL }] },
    opportunityStatistics: { refused: (f) => [f.theirs] },
    cycleStatistics: { refused: () => ['STD'] },
    exportRows: { open: 'each reader exports what they may read' },
    subscribe: { refused: () => [{ channelId: CHANNEL, frequency: 'daily' }] },
    unsubscribe: { refused: () => [CHANNEL] },
    subscriptions: { refused: () => [] },
  },
  channelDigests: {
    build: { open: 'run by the scheduler for a digest authorised when it was subscribed or asked for' },
    language: { open: 'the scheduler reads the channel’s language' },
    posted: { open: 'run by the scheduler once every part of that digest is posted' },
  },
  alerts: {
    add: {
      refused: () => [
        { channelId: CHANNEL, kinds: ['won'] },
        { channelReach: async () => 'ok' as const, isPerson: async () => true },
      ],
    },
    list: { refused: () => [] },
    remove: { refused: () => [1] },
  },
};

describe.each(BACKENDS)('every use case decides who may act, on %s', (backend) => {
  const s = useServices(backend);
  const digestCalls: string[] = [];
  const digests: DigestPosting = {
    enqueueNow: async (_ws, channelId) => {
      digestCalls.push(channelId);
      return 1;
    },
    postNow: async () => 'posted',
  };
  let useCases: UseCases;
  let teamId: string;
  let fixture: Fixture;

  const contextOf = (userId: string): RequestContext => ({
    workspaceId: teamId,
    actor: { userId, displayName: userId },
    ...memberLoader(() => s.services.members.access(teamId, userId)),
    now: new Date(`${TEST_TODAY}T10:00:00Z`),
    today: localDate(TEST_TODAY),
    timeZone: 'UTC',
    locale: 'en-US',
    surface: 'command',
    channelId: CHANNEL,
  });

  beforeAll(async () => {
    useCases = createUseCases(s.services, { digests });
    teamId = await s.seededWorkspace();
    const { members, opportunities, setup } = s.services;
    await members.claimFirstAdmin(teamId, ADMIN);
    await members.setRole(teamId, ADMIN, MANAGER, 'manager');
    await setup.changeSettings(teamId, { repsSeeOnlyOwn: true, repsAddContacts: false });
    const theirs = await newOpportunity(s.services, teamId, { owner: OTHER });
    const mine = await newOpportunity(s.services, teamId, { owner: REP });
    const closed = await newOpportunity(s.services, teamId, { owner: OTHER, description: 'Lost one' });
    await opportunities.close(teamId, closed, {
      outcome: 'lost',
      closeCode: 'PRICE',
      today: localDate(TEST_TODAY),
    });
    await seedTaskCycle(s.services, teamId);
    const withTasks = await newOpportunity(s.services, teamId, { owner: OTHER, salesCycleCode: TASK_CYCLE });
    const tasks = await s.services.tasks.listOpen(teamId, { opportunityNo: withTasks });
    fixture = { theirs, mine, closed, theirTask: tasks.items[0]?.id ?? 0 };
  });

  const refusals = Object.entries(CASES).flatMap(([group, cases]) =>
    Object.entries(cases as Record<string, Case<unknown[]>>)
      .filter(([, c]) => 'refused' in c)
      .map(([name, c]) => [`${group}.${name}`, group, name, c] as const),
  );

  it.each(refusals)('%s refuses a rep and writes nothing', async (_label, group, name, c) => {
    const before = await workspaceRows(s.db, teamId);
    const events = await s.db.prisma.outboxEvent.count({ where: { workspaceId: teamId } });
    const calls = digestCalls.length;
    const useCase = (useCases as unknown as Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>)[
      group
    ]?.[name];
    expect(useCase).toBeTypeOf('function');
    const args = 'refused' in c ? c.refused(fixture) : [];
    const outcome = await useCase
      ?.call((useCases as unknown as Record<string, object>)[group], contextOf(REP), ...args)
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(outcome).toBeInstanceOf(DomainError);
    expect((outcome as DomainError).problem).toMatchObject({ kind: 'not-allowed' });
    expect(await workspaceRows(s.db, teamId)).toEqual(before);
    expect(await s.db.prisma.outboxEvent.count({ where: { workspaceId: teamId } })).toBe(events);
    expect(digestCalls.length).toBe(calls);
  });

  it('the same use cases let the roles that may act through (so the refusals above are about the role)', async () => {
    const manager = contextOf(MANAGER);
    await expect(useCases.opportunities.show(manager, fixture.theirs)).resolves.toMatchObject({
      detail: { no: fixture.theirs },
    });
    const moved = await useCases.opportunities.move(manager, { no: fixture.theirs, action: 'next' });
    expect(moved.detail.current?.stage).toBe(20);
    // The rep on their own opportunity.
    const own = await useCases.opportunities.move(contextOf(REP), { no: fixture.mine, action: 'next' });
    expect(own.detail.current?.stage).toBe(20);
    // The outcome carries the events the change recorded, with who made it and what changed.
    expect(own.events).toEqual([
      expect.objectContaining({
        kind: 'opportunity-moved',
        actorUserId: REP,
        channelId: CHANNEL,
        payload: expect.objectContaining({ no: fixture.mine }),
      }),
    ]);
    await expect(useCases.pipeline.postDigest(manager, { channelId: CHANNEL })).resolves.toEqual({ posted: true });
    // A manager may read and change another person's tasks.
    const theirTasks = await useCases.tasks.list(manager, { owner: OTHER });
    expect(theirTasks).toMatchObject({ mine: false, canChange: true, total: 2 });
    await expect(useCases.tasks.postponeForm(manager, fixture.theirTask)).resolves.toMatchObject({ status: 'open' });
    await expect(useCases.setup.setupForm(contextOf(ADMIN), 'stage')).resolves.toMatchObject({
      cycles: expect.arrayContaining([expect.objectContaining({ code: 'STD' })]),
    });
  });

  it('a rep edits their own opportunity but may not give it to someone else', async () => {
    const rep = contextOf(REP);
    const before = await workspaceRows(s.db, teamId);
    const refused = await useCases.opportunities
      .edit(rep, { no: fixture.mine, salesperson: { slackUserId: OTHER } })
      .catch((error: unknown) => error);
    expect((refused as DomainError).problem).toMatchObject({
      kind: 'not-allowed',
      action: 'reassign-opportunity',
      role: 'manager',
    });
    expect(await workspaceRows(s.db, teamId)).toEqual(before);
    const edited = await useCases.opportunities.edit(rep, { no: fixture.mine, priority: 'high' });
    expect(edited.detail.priority).toBe('high');
    expect(edited.events.map((e) => e.kind)).toEqual(['opportunity-edited']);
    // A manager reassigns it: the new salesperson will hear of it (a notifications delivery).
    const reassigned = await useCases.opportunities.edit(contextOf(MANAGER), {
      no: fixture.mine,
      salesperson: { slackUserId: OTHER },
    });
    expect(reassigned.detail.salesperson.slackUserId).toBe(OTHER);
    expect(reassigned.events.map((e) => e.kind)).toEqual(['opportunity-edited', 'opportunity-reassigned']);
    const deliveries = await s.db.prisma.outboxDelivery.findMany({
      where: { eventId: { in: reassigned.events.map((e) => e.id) } },
    });
    // The salesperson's notifications, and the channel alerts (which match the workspace's alerts when delivering).
    expect(deliveries.map((d) => d.consumer).sort()).toEqual(['alerts', 'notifications']);
    // Back to the rep for the tests that follow.
    await useCases.opportunities.edit(contextOf(MANAGER), { no: fixture.mine, salesperson: { slackUserId: REP } });
  });

  it('the open ones show a rep only what they may read', async () => {
    const rep = contextOf(REP);
    const listed = await useCases.opportunities.list(rep, { filter: { status: 'all' }, limit: 50 });
    expect(listed.items.map((o) => o.no)).toEqual([fixture.mine]);
    const exported = await useCases.pipeline.exportRows(rep, { filter: { status: 'all' } });
    const exportedNos: string[] = [];
    for await (const page of exported.pages) exportedNos.push(...page.map((o) => o.no));
    expect(exportedNos).toEqual([fixture.mine]);
    const home = await useCases.opportunities.home(rep);
    expect(home.opportunities.map((o) => o.no)).toEqual([fixture.mine]);
    const found = await useCases.opportunities.find(rep, { text: 'FLEET' });
    expect(found.items.map((o) => o.no)).toEqual([fixture.mine]);
    const named = await useCases.opportunities.lookup(rep, 'fleet renewal');
    expect(named.kind === 'one' && named.view.detail.no).toBe(fixture.mine);
    expect(await useCases.workspace.claimFirstAdmin(rep)).toBe(false);
  });

  it('with reps-add-contacts on (the default), reps and managers add contacts, but customers stay an admin’s', async () => {
    await s.services.setup.changeSettings(teamId, { repsAddContacts: true });
    try {
      await expect(
        useCases.setup.addContact(contextOf(REP), { name: 'Prospect GmbH', type: 'company' }),
      ).resolves.toMatchObject({ name: 'Prospect GmbH', customerNo: null });
      await expect(
        useCases.setup.addContact(contextOf(MANAGER), { name: 'Other Prospect', type: 'company' }),
      ).resolves.toMatchObject({ name: 'Other Prospect' });
      const before = await workspaceRows(s.db, teamId);
      const refused = await useCases.setup
        .addContact(contextOf(REP), { name: 'Customer Ltd', type: 'company', createCustomer: true })
        .catch((error: unknown) => error);
      expect((refused as DomainError).problem).toMatchObject({ kind: 'not-allowed', action: 'add-customer' });
      expect(await workspaceRows(s.db, teamId)).toEqual(before);
      // Editing a contact stays with the admins whatever the setting.
      const edit = await useCases.setup
        .editContact(contextOf(REP), { contact: 'Prospect GmbH', name: 'Prospect AG' })
        .catch((error: unknown) => error);
      expect((edit as DomainError).problem).toMatchObject({ kind: 'not-allowed', role: 'admin' });
    } finally {
      await s.services.setup.changeSettings(teamId, { repsAddContacts: false });
    }
  });
});
