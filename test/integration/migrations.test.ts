// The migration runner: what `prisma migrate deploy` would do, through our own driver, on both backends.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  applyMigrations,
  loadMigrations,
  type Migration,
  MigrationError,
  type SqlSession,
} from '../../src/store/migrate.ts';
import { openDatabase } from '../../src/store/database.ts';
import { BACKENDS, createTestDatabase, POSTGRES_URL, type TestDatabase, withDatabase } from '../support/databases.ts';

function pgliteSession(db: PGlite): SqlSession {
  return {
    query: async <Row>(sql: string, params?: unknown[]) => (await db.query<Row>(sql, params)).rows,
    exec: async (sql: string) => {
      await db.exec(sql);
    },
  };
}

describe('migration files', () => {
  it('are applied in name order and carry the sha256 checksum Prisma records', async () => {
    const migrations = await loadMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    expect(migrations.map((m) => m.name)).toEqual([...migrations.map((m) => m.name)].sort());
    for (const m of migrations) expect(m.checksum).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('migration runner on pglite', () => {
  it('applies pending migrations once and records them like Prisma', async () => {
    const db = new PGlite('memory://');
    const session = pgliteSession(db);
    const all = await loadMigrations();
    expect(await applyMigrations(session)).toEqual(all.map((m) => m.name));
    expect(await applyMigrations(session)).toEqual([]);
    const rows = await session.query<{
      migration_name: string;
      checksum: string;
      applied_steps_count: number;
      finished_at: Date | null;
    }>(
      'SELECT migration_name, checksum, applied_steps_count, finished_at FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(
      all.map((m) => [m.name, m.checksum, 1]),
    );
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    await db.close();
  });

  it('rolls a failing migration back completely and records nothing for it', async () => {
    const db = new PGlite('memory://');
    const session = pgliteSession(db);
    const broken: Migration = {
      name: '29990101000000_broken',
      sql: 'CREATE TABLE half_done (id int); SELECT * FROM missing_table;',
      checksum: 'x'.repeat(64),
    };
    await expect(applyMigrations(session, [broken])).rejects.toBeInstanceOf(MigrationError);
    const tables = await session.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'half_done'",
    );
    expect(tables[0]?.n).toBe(0);
    const recorded = await session.query<{ n: number }>('SELECT count(*)::int AS n FROM _prisma_migrations');
    expect(recorded[0]?.n).toBe(0);
    await db.close();
  });

  it('refuses to start when an applied migration was edited afterwards', async () => {
    const db = new PGlite('memory://');
    const session = pgliteSession(db);
    const original: Migration = { name: '29990101000000_a', sql: 'CREATE TABLE a (id int);', checksum: 'a'.repeat(64) };
    await applyMigrations(session, [original]);
    const edited = { ...original, checksum: 'b'.repeat(64) };
    await expect(applyMigrations(session, [edited])).rejects.toThrow(/changed after it was applied/);
    await db.close();
  });
});

describe.runIf(BACKENDS.includes('postgres'))('migration runner on postgres', () => {
  let target: TestDatabase | undefined;
  afterAll(async () => {
    await target?.destroy();
  });

  it('applies each migration exactly once when several instances start at the same time', async () => {
    // A fresh, empty database: createTestDatabase migrates it, so make our own empty one beside it.
    target = await createTestDatabase('postgres');
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    const name = `${new URL(target.url ?? '').pathname.slice(1)}_race`;
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = withDatabase(POSTGRES_URL ?? '', name);
    try {
      const instances = await Promise.all(
        Array.from({ length: 4 }, () => openDatabase({ databaseUrl: url, poolSize: 2 })),
      );
      const applied = instances.map((i) => i.appliedMigrations);
      const all = (await loadMigrations()).map((m) => m.name);
      // One instance applied everything; the others found nothing left to do.
      expect(applied.filter((a) => a.length > 0)).toEqual([all]);
      const check = new pg.Client({ connectionString: url });
      await check.connect();
      const rows = await check.query('SELECT migration_name FROM _prisma_migrations');
      expect(rows.rows.map((r: { migration_name: string }) => r.migration_name).sort()).toEqual(all);
      await check.end();
      await Promise.all(instances.map((i) => i.close()));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
