// On PostgreSQL a digest reads on a pool of its own (src/store/database.ts): a digest over a large
// pipeline must not take the connections that commands wait for, nor wait for them.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../src/domain/local-date.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { createTestDatabase, POSTGRES_URL, type TestDatabase, uniqueWorkspaceId } from '../support/databases.ts';
import { newOpportunity } from '../support/fixtures.ts';
import { seedPipelineSetup } from '../support/pipeline-fixtures.ts';

const TODAY = localDate('2026-11-18');

describe.skipIf(!POSTGRES_URL)('the digests’ connections on PostgreSQL', () => {
  let db: TestDatabase;
  let services: Services;
  const ws = uniqueWorkspaceId();

  beforeAll(async () => {
    // One connection for commands: held below, so that anything needing it waits.
    db = await createTestDatabase('postgres', { poolSize: 1 });
    services = createServices(db);
    await seedPipelineSetup(services, ws);
    await newOpportunity(services, ws, { value: 5_000, today: TODAY });
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('builds a digest while every connection of the commands is taken', async () => {
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let holding = () => undefined as void;
    const taken = new Promise<void>((resolve) => {
      holding = resolve;
    });
    const holder = db.sql.transaction().execute(async (tx) => {
      await sql`SELECT 1`.execute(tx);
      holding();
      await held;
    });
    await taken;
    try {
      const digest = await services.digests.build({ workspaceId: ws, today: TODAY, changesSince: new Date(0) });
      expect(digest.totals.count).toBe(1);
      expect(digest.totals.estimatedValue.toString()).toBe('5000');
      expect(digest.changes.newOpportunities.map((line) => line.description)).toEqual(['Fleet renewal']);
    } finally {
      release();
      await holder;
    }
  });
});
