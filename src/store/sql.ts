// The statements not yet written with kysely (src/store/kysely.ts), run through it as they are: Prisma.sql
// templates (placeholders $1…, values apart) that return only text, integers, booleans and nulls (dates
// and numerics cast ::text, counts ::int). Each goes once its service is converted; then this file goes.
import { CompiledQuery } from 'kysely';
import { Prisma } from '../generated/prisma/client.ts';
import type { SqlDatabase } from './kysely.ts';

export type SqlStatement = Pick<Prisma.Sql, 'text' | 'values'>;

/** Runs statements, each on its own (autocommit) or inside the kysely transaction it was made for. */
export interface SqlExecutor {
  query<Row>(statement: SqlStatement): Promise<Row[]>;
  /** Rows changed by an INSERT, UPDATE or DELETE. */
  execute(statement: SqlStatement): Promise<number>;
}

export function sqlExecutorOf(db: SqlDatabase): SqlExecutor {
  const run = <Row>(s: SqlStatement) => db.executeQuery<Row>(CompiledQuery.raw(s.text, [...s.values]));
  return {
    query: async <Row>(s: SqlStatement) => (await run<Row>(s)).rows,
    execute: async (s) => Number((await run(s)).numAffectedRows ?? 0),
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
