// Shared set-ups of the storage and end-to-end suites: one call registers a suite's beforeAll/afterAll
// (a running app, or a test database with the services), workspaces seeded with the shared pipeline
// setup, and opportunities from one factory whose defaults each test overrides where it matters.
import { afterAll, beforeAll } from 'vitest';
import { dec } from '../../src/domain/decimal.ts';
import { type LocalDate, localDate } from '../../src/domain/local-date.ts';
import type { Clock } from '../../src/services/clock.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { type BackendName, createTestDatabase, type TestDatabase, uniqueWorkspaceId } from './databases.ts';
import { seedPipelineSetup } from './pipeline-fixtures.ts';
import { SLACK_DEFAULTS } from './slack-defaults.ts';
import { startTestApp, TEST_TODAY, type TestApp } from './test-app.ts';

/**
 * An object that stands for one created in beforeAll: the suite can name it at the top of its describe
 * (`const t = useTestApp(backend)`) and use it in its tests as if it were the object itself.
 */
function lateBound<T extends object>(what: string, current: () => T | undefined): T {
  return new Proxy({} as T, {
    get(_target, property) {
      const target = current();
      if (target === undefined) throw new Error(`${what} is used before its beforeAll has run`);
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The whole app for the suite (started in beforeAll, closed in afterAll); `onStart` runs once it is up. */
export function useTestApp(
  backend: BackendName,
  options: Parameters<typeof startTestApp>[1] = {},
  onStart?: (t: TestApp) => void | Promise<void>,
): TestApp {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startTestApp(backend, options);
    await onStart?.(app);
  });
  afterAll(async () => {
    await app?.close();
  });
  return lateBound('the test app', () => app);
}

/** A test database and the services on it for the suite (created in beforeAll, destroyed in afterAll). */
export function useTestDatabase(
  backend: BackendName,
  options: { clock?: Clock } = {},
): { db: TestDatabase; services: Services } {
  let db: TestDatabase | undefined;
  let services: Services | undefined;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
    services = createServices(db, options.clock);
  });
  afterAll(async () => {
    await db?.destroy();
  });
  return { db: lateBound('the test database', () => db), services: lateBound('the services', () => services) };
}

/** {@link useTestDatabase} plus a fresh seeded workspace per call. */
export function useServices(
  backend: BackendName,
  options: { clock?: Clock } = {},
): {
  db: TestDatabase;
  services: Services;
  seededWorkspace(): Promise<string>;
} {
  const { db, services } = useTestDatabase(backend, options);
  return {
    db,
    services,
    async seededWorkspace() {
      const ws = uniqueWorkspaceId();
      await seedPipelineSetup(services, ws);
      return ws;
    },
  };
}

/** A fresh workspace of the running app with the shared pipeline setup (test/support/pipeline-fixtures.ts). */
export async function seededWorkspace(t: TestApp): Promise<string> {
  const teamId = t.newWorkspace();
  await seedPipelineSetup(t.app.services, teamId);
  return teamId;
}

export interface OpportunityOverrides {
  description?: string;
  contact?: string;
  /** The salesperson's Slack user id (default: SLACK_DEFAULTS.userId). */
  owner?: string;
  /** The salesperson's display name, when the test reads it. */
  ownerName?: string;
  salesCycleCode?: string;
  /** false: created Not Started, without estimates. */
  start?: boolean;
  value?: number;
  chances?: number;
  closeDate?: string;
  /** Skipped to this stage after the start (10, the first stage, needs no move). */
  atStage?: number;
  today?: LocalDate;
}

/**
 * An opportunity made through the services (for tests about something else): 'Fleet renewal' for
 * Acme Corp, started at stage 10 with 10,000 at 50 % closing 2026-12-15, unless overridden. Its number.
 */
export async function newOpportunity(
  services: Services,
  teamId: string,
  overrides: OpportunityOverrides = {},
): Promise<string> {
  const today = overrides.today ?? localDate(TEST_TODAY);
  const detail = await services.opportunities.create(teamId, {
    description: overrides.description ?? 'Fleet renewal',
    contact: overrides.contact ?? 'Acme Corp',
    salesperson: {
      slackUserId: overrides.owner ?? SLACK_DEFAULTS.userId,
      ...(overrides.ownerName === undefined ? {} : { displayName: overrides.ownerName }),
    },
    ...(overrides.salesCycleCode === undefined ? {} : { salesCycleCode: overrides.salesCycleCode }),
    ...(overrides.start === false
      ? {}
      : {
          activate: {
            estimatedValue: dec(overrides.value ?? 10_000),
            chancesPct: dec(overrides.chances ?? 50),
            estimatedCloseDate: localDate(overrides.closeDate ?? '2026-12-15'),
          },
        }),
    today,
  });
  if (overrides.atStage !== undefined && overrides.atStage !== 10)
    await services.opportunities.move(teamId, detail.no, { action: 'skip', targetStage: overrides.atStage, today });
  return detail.no;
}

/**
 * Every row of a workspace's data (setup, opportunities and their history, documents, tasks, digests,
 * members), in a stable order: compared before and after a request that must change nothing.
 * Request bookkeeping (processed triggers and events, form contexts) is left out.
 */
export async function workspaceRows(db: Pick<TestDatabase, 'prisma'>, teamId: string) {
  const p = db.prisma;
  const where = { workspaceId: teamId };
  const byId = { orderBy: { id: 'asc' as const } };
  const queries = {
    workspace: p.workspace.findUnique({ where: { id: teamId } }),
    numberSeries: p.numberSeries.findMany({ where, orderBy: { kind: 'asc' } }),
    salespeople: p.salesperson.findMany({ where, ...byId }),
    contacts: p.contact.findMany({ where, ...byId }),
    customers: p.customer.findMany({ where, ...byId }),
    cycles: p.salesCycle.findMany({ where, ...byId }),
    stages: p.salesCycleStage.findMany({ where, ...byId }),
    codes: p.closeOpportunityCode.findMany({ where, ...byId }),
    activities: p.activity.findMany({ where, include: { steps: byId }, ...byId }),
    opportunities: p.opportunity.findMany({ where, ...byId }),
    entries: p.opportunityEntry.findMany({ where, ...byId }),
    edits: p.opportunityEdit.findMany({ where, ...byId }),
    interactions: p.interactionLogEntry.findMany({ where, ...byId }),
    tasks: p.task.findMany({ where, ...byId }),
    quotes: p.salesQuote.findMany({ where, include: { lines: byId }, ...byId }),
    orders: p.salesOrder.findMany({ where, include: { lines: byId }, ...byId }),
    subscriptions: p.digestSubscription.findMany({ where, ...byId }),
    digestRuns: p.digestRun.findMany({ where, ...byId }),
    channelDigestStates: p.channelDigestState.findMany({ where, orderBy: { channelId: 'asc' } }),
    members: p.member.findMany({ where, orderBy: { slackUserId: 'asc' } }),
  };
  const names = Object.keys(queries) as (keyof typeof queries)[];
  const rows = await Promise.all(names.map((name) => queries[name]));
  return Object.fromEntries(names.map((name, i) => [name, rows[i]])) as {
    [Name in keyof typeof queries]: Awaited<(typeof queries)[Name]>;
  };
}
