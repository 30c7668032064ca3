// Many changes at once against a small PostgreSQL pool: every one is made, none is refused. Work after an
// ack waits for its slot however many wait (src/slack/after-ack.ts); past 1,000 waiting it once ran at
// once, and hundreds of changes then waited for the pool's connections past its timeout and were told
// that the database was not reachable. That took more than 1,000 waiting, too many for a test: this one
// passed before the fix too, and guards the pool of two against four after-ack slots; the unit test
// (test/unit/slack/after-ack.test.ts) shows the bound itself, and failed before it.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.ts';
import { createTestDatabase, POSTGRES_URL, type TestDatabase } from '../support/databases.ts';
import { startFakeSlack } from '../support/fake-slack.ts';
import { seededWorkspace } from '../support/fixtures.ts';
import { startTestApp } from '../support/test-app.ts';
import { sentences } from './e2e-kit.ts';

const CHANGES = 60;

describe.skipIf(!POSTGRES_URL)('many changes at once on a pool of two connections (PostgreSQL)', () => {
  it('every change is made and answered, none refused', async () => {
    const owner = await createTestDatabase('postgres');
    // The same database through a pool of two: fewer connections than the after-ack slots.
    const small = await openDatabase({ databaseUrl: owner.url, poolSize: 2, backgroundPoolSize: 1 });
    const db: TestDatabase = Object.assign(small, {
      backend: 'postgres' as const,
      url: owner.url,
      destroy: () => small.close(),
    });
    const fake = await startFakeSlack();
    const app = await startTestApp('postgres', { sharing: { db, fake } });
    try {
      const teamId = await seededWorkspace(app);
      await app.command('roles', { teamId });
      const replies = await Promise.all(
        Array.from({ length: CHANGES }, (_, i) =>
          app.command(`new Load deal ${i} contact:"Acme Corp" value:5000 chance:40 close:2026-12-15`, { teamId }),
        ),
      );
      for (const { ack, reply } of replies) {
        expect(ack.status).toBe(200);
        expect(sentences(reply.args)).not.toMatch(/not reachable|went wrong/);
      }
      expect(await owner.prisma.opportunity.count({ where: { workspaceId: teamId } })).toBe(CHANGES);
      await app.app.dispatcher.idle();
    } finally {
      await app.close();
      await db.destroy();
      await fake.close();
      await owner.destroy();
    }
  });
});
