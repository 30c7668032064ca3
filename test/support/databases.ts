// Test databases for the storage tier: every suite runs against embedded PGlite and, when
// TEST_DATABASE_URL is set, against a real PostgreSQL server (a fresh database per suite, dropped after).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/store/database.ts';

export type BackendName = 'pglite' | 'postgres';

export const POSTGRES_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;

/** The backends this run covers; PostgreSQL only when TEST_DATABASE_URL names one. */
export const BACKENDS: BackendName[] = POSTGRES_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase extends Database {
  backend: BackendName;
  /** The connection URL of the PostgreSQL test database (undefined for PGlite). */
  url: string | undefined;
  /** Closes and, for PostgreSQL, drops the database. */
  destroy(): Promise<void>;
}

/**
 * A fresh database for a suite. `poolSize`: the PostgreSQL pool of commands (12 by default; 1 for a suite
 * that must know which connection runs its statements, or that holds every connection on purpose).
 */
export async function createTestDatabase(
  backend: BackendName,
  options: { poolSize?: number } = {},
): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const db = await openDatabase({ dataDir: 'memory://' });
    return Object.assign(db, { backend, url: undefined, destroy: () => db.close() });
  }
  if (!POSTGRES_URL) throw new Error('TEST_DATABASE_URL is not set');
  const name = `pipeline_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = withDatabase(POSTGRES_URL, name);
  const db = await openDatabase({ databaseUrl: url, poolSize: options.poolSize ?? 12 });
  return Object.assign(db, {
    backend,
    url,
    async destroy() {
      await db.close();
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  });
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** One statement on the PostgreSQL server's admin connection (TEST_DATABASE_URL). */
export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Takes the PostgreSQL test database away (no new connections, existing ones terminated) and back. */
export function postgresOutage(url: string) {
  const name = new URL(url).pathname.slice(1);
  return {
    async start() {
      await adminQuery(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
      await adminQuery(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);
    },
    async end() {
      await adminQuery(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
    },
  };
}

let workspaceCounter = 0;
/** A workspace id no other test uses, so suites never see each other's data. */
export function uniqueWorkspaceId(): string {
  workspaceCounter += 1;
  return `T${process.pid}${workspaceCounter}${randomBytes(2).toString('hex')}`.toUpperCase().slice(0, 32);
}
