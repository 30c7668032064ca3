// Opens the app's database: embedded PGlite under a data directory by default, PostgreSQL through
// the pg driver when a connection URL is given. Pending migrations are applied before anything else
// starts. The app's SQL goes through kysely (src/store/kysely.ts); the Prisma client stays open for
// the code not yet converted, the tests' fixtures and the seed.
import { mkdir } from 'node:fs/promises';
import type { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { type Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { applyMigrations, type SqlSession } from './migrate.ts';
import { PGliteProxy } from './pglite-proxy.ts';
import { type EmbeddedSession, embeddedKysely, PG_TYPES, postgresKysely, type SqlDatabase } from './kysely.ts';

export type { PrismaClient };
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  readonly kind: DatabaseKind;
  readonly prisma: PrismaClient;
  /** The typed query builder on the same database (src/store/kysely.ts): the app's SQL goes through it. */
  readonly sql: SqlDatabase;
  /**
   * The same database for background work (the outbox dispatcher), kept from taking what commands
   * need: a small pool of its own on PostgreSQL, one statement or transaction at a time on PGlite's
   * one worker.
   * Absent: `sql`.
   */
  readonly background?: SqlDatabase;
  /**
   * The same database for the digests' reads: a small pool of its own on PostgreSQL (see
   * openPostgres). Absent: `sql` (PGlite's one worker runs them in turn in any case).
   */
  readonly reports?: SqlDatabase;
  /** Migrations applied while opening (empty when the schema was already current). */
  readonly appliedMigrations: string[];
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… to use a PostgreSQL server; absent for the embedded database. */
  databaseUrl?: string | undefined;
  /** Where PGlite keeps its files; `memory://` for a throw-away database. */
  dataDir?: string;
  /** Connections in the PostgreSQL pool. */
  poolSize?: number;
  /** Connections in the PostgreSQL pool of background work (the outbox dispatcher). */
  backgroundPoolSize?: number;
  /** Connections in the PostgreSQL pool of the digests' reads. */
  reportsPoolSize?: number;
}

/**
 * Settings of every session the app opens. DateStyle is pinned to ISO: kysely's type parsers read DATE
 * and timestamp columns from that text (src/store/kysely.ts). TimeZone is UTC, so that a column's
 * DEFAULT now() holds UTC like every timestamp the app writes. (join_collapse_limit = 1 would shorten the
 * planning of wide joins, but as a session setting it slowed the digest aggregates by a quarter on
 * PostgreSQL and twofold on PGlite; the opportunity projection is written to plan quickly instead.)
 */
export const SESSION_SETTINGS = { DateStyle: 'ISO', TimeZone: 'UTC' } as const;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, {
        commands: options.poolSize ?? 10,
        background: options.backgroundPoolSize ?? 2,
        reports: options.reportsPoolSize ?? 2,
      })
    : openPGlite(options.dataDir ?? './data');
}

async function openPGlite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) await mkdir(dataDir, { recursive: true });
  // PGlite runs in a worker thread so that its SQL never holds up the app's event loop.
  const pglite = await PGliteProxy.open(dataDir);
  const session: SqlSession = {
    query: async <Row>(sql: string, params?: unknown[]) => (await pglite.query<Row>(sql, params)).rows,
    exec: async (sql: string) => {
      await pglite.exec(sql);
    },
  };
  let appliedMigrations: string[];
  try {
    appliedMigrations = await applyMigrations(session);
  } catch (error) {
    await pglite.close();
    throw error;
  }
  // PGlite is one session: its settings last as long as it is open.
  for (const [name, value] of Object.entries(SESSION_SETTINGS)) await pglite.exec(`SET ${name} = '${value}'`);
  const prisma = new PrismaClient({ adapter: pgliteAdapter(pglite) });
  return {
    kind: 'pglite',
    prisma,
    sql: embeddedKysely(pglite),
    background: embeddedKysely(oneStatementAtATime(pglite)),
    appliedMigrations,
    ping: () => pingWith(() => pglite.query('SELECT 1')),
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

async function openPostgres(
  connectionString: string,
  sizes: { commands: number; background: number; reports: number },
): Promise<Database> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  let appliedMigrations: string[];
  try {
    appliedMigrations = await applyMigrations({
      query: async <Row>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as Row[],
      exec: async (sql: string) => {
        await client.query(sql);
      },
    });
  } finally {
    await client.end();
  }
  // A statement waits up to 10 s for a free connection: under more changes than the app carries, the
  // after-ack work is bounded, but the statements made before each ack (the replay guard, who asks) are
  // not, and a change then waited behind hundreds of them past the former 2.5 s, and was refused. A server
  // that is down still fails at once (its connections are refused).
  const pool = postgresPool(connectionString, sizes.commands, 10_000);
  // Background work waits for a connection as long as it must: nobody is waiting on it, and a delivery
  // whose outcome could not be stored after Slack accepted it would be sent again.
  const backgroundPool = postgresPool(connectionString, sizes.background, 60_000);
  // A digest's statements run side by side on a pool of their own. On the commands' pool, a digest over a
  // large pipeline held seven of its ten connections for a second or more, and each of its statements was
  // prepared and planned anew on whichever connection it landed (PostgreSQL plans a prepared statement
  // for its values at its first five runs on a connection). Measured at 1,000 opportunities, digests 13
  // to 32 took 6.2 to 9.3 ms (median) on ten connections and 4.4 to 4.9 on two; once every connection
  // knew them, 2.7 on ten and 3.7 to 3.9 on two (seven statements in turn on two connections). At
  // 1,000,000, on a two-core server, 1.41 to 1.73 s on ten and 1.20 to 1.38 s on two. Waiting for one of
  // them is only a digest waiting for another.
  const reportsPool = postgresPool(connectionString, sizes.reports, 60_000);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: 'postgres',
    prisma,
    sql: postgresKysely(pool),
    background: postgresKysely(backgroundPool),
    reports: postgresKysely(reportsPool),
    appliedMigrations,
    ping: () => pingWith(() => pool.query('SELECT 1')),
    async close() {
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
      await backgroundPool.end().catch(() => undefined);
      await reportsPool.end().catch(() => undefined);
    },
  };
}

function postgresPool(connectionString: string, max: number, connectionTimeoutMillis: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis,
    // A connection is kept once opened, where pg closes one that has been idle for 10 s: a new one costs
    // its handshake, and its server process starts with cold caches and none of the app's prepared
    // statements. On 1,000 opportunities, after 11 s without a request a list took 20.6 ms against 1.9
    // and a digest 121 against 4.1: a small team, whose requests come minutes apart, met that every
    // time. TCP keepalive, from 30 s idle (the system's default waits two hours), stops a firewall or
    // NAT from dropping an idle one unnoticed.
    idleTimeoutMillis: 0,
    keepAlive: true,
    keepAliveInitialDelayMillis: 30_000,
    types: PG_TYPES,
    options: Object.entries(SESSION_SETTINGS)
      .map(([name, value]) => `-c ${name}=${value}`)
      .join(' '),
  });
  // A client that loses its connection must not crash the process: the pool only listens to its idle
  // clients, and a checked-out one whose socket is reset (the server terminated the backend) emits
  // 'error' besides failing its query. The query's caller sees the failure; the next query reconnects.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/**
 * PGlite's worker runs one statement at a time, first come first served: background work sends at most
 * one statement or transaction at a time, so a command's statement waits behind one of them at most. A
 * transaction keeps the turn until it ends (its begin is answered at once: src/store/pglite-proxy.ts);
 * its own statements pass (it already holds the worker; waiting here could deadlock). A transaction
 * must end (kysely's always do): until it does, no other background work is sent.
 */
function oneStatementAtATime(session: EmbeddedSession): EmbeddedSession {
  let busy: Promise<unknown> = Promise.resolve();
  /** Runs `work` in the background's turn, which it keeps until `holds(its result)` settles. */
  const inTurn = <T>(
    work: () => Promise<T>,
    holds: (result: Promise<T>) => Promise<unknown> = (result) => result,
  ): Promise<T> => {
    const result = busy.then(work);
    busy = holds(result).catch(() => undefined);
    return result;
  };
  const endOf = new Map<number, () => void>();
  const ending = <T>(tx: number, end: Promise<T>) =>
    end.finally(() => {
      endOf.get(tx)?.();
      endOf.delete(tx);
    });
  return {
    query<Row>(sql: string, params: unknown[], options: Parameters<EmbeddedSession['query']>[2], tx?: number) {
      return tx === undefined
        ? inTurn(() => session.query<Row>(sql, params, options))
        : session.query<Row>(sql, params, options, tx);
    },
    begin: () => {
      let ended: () => void = () => undefined;
      const end = new Promise<void>((resolve) => {
        ended = resolve;
      });
      // A transaction keeps the turn until its commit or rollback calls `ended` (or its begin fails).
      return inTurn(
        () => session.begin(),
        (started) => started.then(() => end),
      ).then((tx) => {
        endOf.set(tx, ended);
        return tx;
      });
    },
    commit: (tx) => ending(tx, session.commit(tx)),
    rollback: (tx) => ending(tx, session.rollback(tx)),
  };
}

type AdapterFactory = NonNullable<Prisma.PrismaClientOptions['adapter']>;

/**
 * pglite-prisma-adapter 0.6 is typed against an older @prisma/driver-adapter-utils than Prisma 6.19
 * (0.7 needs Prisma 7, which cannot run offline). The runtime contract is the same; the storage
 * suites exercise it on every run.
 */
export function pgliteAdapter(pglite: PGlite | PGliteProxy): AdapterFactory {
  // The proxy offers the part of PGlite's interface the adapter uses: query, exec, transaction.
  return new PrismaPGlite(pglite as PGlite) as unknown as AdapterFactory;
}

async function pingWith(probe: () => Promise<unknown>): Promise<boolean> {
  try {
    await probe();
    return true;
  } catch {
    return false;
  }
}
