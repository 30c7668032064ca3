// SQL through the driver, for the paths the app runs most (the authorization read, lists and cards,
// stage moves). Prisma's query building costs about a millisecond of the app's one thread per query;
// the same statement sent through the driver costs a fifth of that, which is what keeps acks quick
// under load (see "Slack surface" in npm run bench). Everything else goes through Prisma.
//
// Statements are written with Prisma.sql templates (placeholders $1…, values apart) and must return
// only text, integers, booleans and nulls (cast dates and numerics ::text, counts ::int), so that every
// executor hands back the same JavaScript values whatever its driver's type parsers do.
import type pg from 'pg';
import { Prisma } from '../generated/prisma/client.ts';

/** What PGlite and its worker proxy (src/store/pglite-proxy.ts) both offer. */
interface PGliteLike {
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[]; affectedRows?: number }>;
}

export type SqlStatement = Pick<Prisma.Sql, 'text' | 'values'>;

/**
 * Runs statements, each on its own (autocommit) or inside the Prisma transaction it was made for. A
 * change written this way is one statement (see applyPlan in src/services/opportunities.ts), so it needs
 * no transaction of its own.
 */
export interface SqlExecutor {
  query<Row>(statement: SqlStatement): Promise<Row[]>;
  /** Rows changed by an INSERT, UPDATE or DELETE. */
  execute(statement: SqlStatement): Promise<number>;
}

export function postgresSql(pool: pg.Pool): SqlExecutor {
  return {
    query: async <Row>(s: SqlStatement) => (await pool.query(s.text, s.values)).rows as Row[],
    execute: async (s) => (await pool.query(s.text, s.values)).rowCount ?? 0,
  };
}

export function pgliteSql(pglite: PGliteLike): SqlExecutor {
  return {
    query: async <Row>(s: SqlStatement) => (await pglite.query<Row>(s.text, s.values)).rows,
    execute: async (s) => (await pglite.query(s.text, s.values)).affectedRows ?? 0,
  };
}

/** The same statements inside a Prisma transaction, for the operations that also write through Prisma. */
export function prismaSql(tx: Prisma.TransactionClient): SqlExecutor {
  return {
    query: <Row>(s: SqlStatement) => tx.$queryRawUnsafe<Row[]>(s.text, ...s.values),
    execute: (s) => tx.$executeRawUnsafe(s.text, ...s.values),
  };
}

/** A moment as the `timestamp(3)` columns hold it: UTC, as Prisma writes them, whatever the session's zone. */
export function utcTimestamp(moment: Date): Prisma.Sql {
  return Prisma.sql`(${moment.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}
