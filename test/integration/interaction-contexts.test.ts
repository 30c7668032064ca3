// The interaction context store on both backends: a context is found only with its own kind, workspace
// and user, until it expires; take() hands it out exactly once, also to two callers at the same time;
// expired rows are pruned. Time is the injected clock's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/services/clock.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { BACKENDS, createTestDatabase, type TestDatabase, uniqueWorkspaceId } from '../support/databases.ts';

const NOW = '2026-11-02T10:00:00Z';
const MINUTE = 60_000;

describe.each(BACKENDS)('interaction contexts on %s', (backend) => {
  let db: TestDatabase;
  let services: Services;
  const clock = fixedClock(NOW);

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    services = createServices(db, clock);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('finds a context only with its kind, workspace and user, as often as asked, until it expires', async () => {
    clock.set(NOW);
    const ws = uniqueWorkspaceId();
    const payload = { no: 'OP00001', version: 3, channelId: 'C0SALES001' };
    const id = await services.contexts.create('form:opp_update', ws, 'U1', payload, 15 * MINUTE);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    const { contexts } = services;
    expect(await contexts.find(id, 'form:opp_update', ws, 'U1')).toEqual(payload);
    expect(await contexts.find(id, 'form:opp_update', ws, 'U1')).toEqual(payload);
    expect(await contexts.find(id, 'form:opp_close', ws, 'U1')).toBeNull();
    expect(await contexts.find(id, 'form:opp_update', uniqueWorkspaceId(), 'U1')).toBeNull();
    expect(await contexts.find(id, 'form:opp_update', ws, 'U2')).toBeNull();
    expect(await contexts.find(id.toUpperCase(), 'form:opp_update', ws, 'U1')).toBeNull();
    expect(await contexts.find("' OR 1=1 --", 'form:opp_update', ws, 'U1')).toBeNull();
    clock.advance(15 * MINUTE);
    expect(await contexts.find(id, 'form:opp_update', ws, 'U1')).toBeNull();
    expect(await contexts.take(id, 'form:opp_update', ws, 'U1')).toBeNull();
  });

  it('takes a context exactly once, even when two take it at the same time', async () => {
    clock.set(NOW);
    const ws = uniqueWorkspaceId();
    const { contexts } = services;
    const once = await contexts.create('purge', ws, 'U1', { nos: ['OP00001'] }, 15 * MINUTE);
    expect(await contexts.take(once, 'purge', ws, 'U2')).toBeNull();
    expect(await contexts.take(once, 'purge', ws, 'U1')).toEqual({ nos: ['OP00001'] });
    expect(await contexts.take(once, 'purge', ws, 'U1')).toBeNull();
    for (let i = 0; i < 5; i++) {
      const id = await contexts.create('purge', ws, 'U1', { i }, 15 * MINUTE);
      const got = await Promise.all([
        contexts.take(id, 'purge', ws, 'U1'),
        contexts.take(id, 'purge', ws, 'U1'),
        contexts.take(id, 'purge', ws, 'U1'),
      ]);
      expect(got.filter((g) => g !== null)).toEqual([{ i }]);
    }
  });

  it('prunes expired contexts and keeps the others', async () => {
    clock.set(NOW);
    const ws = uniqueWorkspaceId();
    const { contexts } = services;
    const short = await contexts.create('purge', ws, 'U1', {}, MINUTE);
    const long = await contexts.create('purge', ws, 'U1', {}, 60 * MINUTE);
    clock.advance(2 * MINUTE);
    expect(await contexts.prune()).toBeGreaterThanOrEqual(1);
    const left = await db.prisma.interactionContext.findMany({ where: { workspaceId: ws }, select: { id: true } });
    expect(left.map((r) => r.id)).toEqual([long]);
    expect(left.map((r) => r.id)).not.toContain(short);
  });
});
