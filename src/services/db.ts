// The service layer's view of the database: kysely (src/store/kysely.ts), one transaction per
// operation (`transaction`), and what a failed statement means to the caller. (Prisma's error classes
// are still recognised: the test suites read and write fixtures through Prisma's client.)
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import { DomainError, type Problem } from '../domain/problems.ts';
import type { SqlDatabase, SqlTransaction } from '../store/kysely.ts';

export type { PrismaClient, SqlDatabase, SqlTransaction };
export type Tx = Prisma.TransactionClient;

/** Raised when the database cannot be reached or fails for a reason no user caused. */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super('the pipeline database is not reachable', { cause });
    this.name = 'DatabaseUnavailableError';
  }
}

/**
 * Raised when a change was stored but reading it back to show it failed (the database did not answer
 * in time): the person must not be told that nothing was changed, or they would make it again.
 */
export class ChangeSavedError extends Error {
  constructor(
    readonly opportunityNo: string,
    cause: unknown,
  ) {
    super(`opportunity ${opportunityNo} was changed, but could not be read back`, { cause });
    this.name = 'ChangeSavedError';
  }
}

export interface TransactionOptions {
  /**
   * Problem to report when a unique constraint fails (a concurrent insert of the same key): given the
   * constraint's name (SQLSTATE 23505; through Prisma, the fields of the unique key).
   */
  onUniqueViolation?: (target: string) => Problem;
}

/**
 * Runs `work` as one kysely transaction: everything it writes is stored, or nothing is. A DomainError
 * thrown inside rolls the transaction back and reaches the caller unchanged; a unique violation becomes
 * `onUniqueViolation`'s problem; a database that cannot be reached, DatabaseUnavailableError.
 */
export async function transaction<T>(
  db: SqlDatabase,
  work: (tx: SqlTransaction) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  try {
    return await db.transaction().execute(work);
  } catch (error) {
    throw translateDatabaseError(error, options);
  }
}

export function translateDatabaseError(error: unknown, options: TransactionOptions = {}): unknown {
  if (error instanceof DomainError || error instanceof DatabaseUnavailableError) return error;
  // Before the known-request branch: Prisma reports an unreachable server as P1001/P1003/P1017….
  if (isDatabaseUnavailable(error)) return new DatabaseUnavailableError(error);
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002' && options.onUniqueViolation) {
    return new DomainError(options.onUniqueViolation(uniqueTarget(error)));
  }
  // The drivers' own error (pg's DatabaseError, PGlite's): SQLSTATE and constraint as PostgreSQL reports them.
  const { code, constraint } = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    constraint?: unknown;
  };
  if (code === UNIQUE_VIOLATION && options.onUniqueViolation) {
    return new DomainError(options.onUniqueViolation(typeof constraint === 'string' ? constraint : ''));
  }
  // Write conflicts and deadlocks between concurrent transactions (P2034) and the rest: unchanged.
  return error;
}

const UNIQUE_VIOLATION = '23505';

function uniqueTarget(error: Prisma.PrismaClientKnownRequestError): string {
  const target = error.meta?.['target'] ?? error.meta?.['modelName'] ?? '';
  return Array.isArray(target) ? target.join(',') : String(target);
}

/**
 * Prisma's codes for "the database could not be used at all": authentication failed (P1000), server
 * unreachable (P1001), timed out (P1002), database missing (P1003), operation timed out (P1008),
 * could not open a TLS connection (P1011), server closed the connection (P1017), no connection free in
 * the pool in time (P2024).
 */
const PRISMA_UNAVAILABLE_CODES = new Set(['P1000', 'P1001', 'P1002', 'P1003', 'P1008', 'P1011', 'P1017', 'P2024']);

/**
 * Socket errors (Node), and SQLSTATEs of the server refusing or dropping the connection: 57P01–57P03
 * (terminated by an administrator, crash, cannot connect now), class 08 (connection exceptions), 53300
 * (too many connections), 3D000 (the database does not exist).
 */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300',
  '3D000',
]);

/**
 * What the drivers say when there is no database to talk to: the embedded database's worker closed or
 * stopped (src/store/pglite-proxy.ts) or PGlite itself closed; the pg pool ended or its connection
 * dropped or timed out; the server refusing connections to this database; kysely used after its driver was destroyed.
 */
const UNAVAILABLE_MESSAGES =
  /the embedded database (is closed|stopped)|PGlite is closed|Cannot use a pool after calling end on the pool|Connection terminated|terminating connection due to administrator command|server closed the connection unexpectedly|timeout exceeded when trying to connect|is not currently accepting connections|the database system is (starting up|shutting down|in recovery mode)|Can't reach database server|Client has encountered a connection error|driver has already been destroyed/i;

/** True when the error (or one of its causes) says the database cannot be reached, rather than a query failing. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth++) {
    if (current instanceof DatabaseUnavailableError) return true;
    if (current instanceof Prisma.PrismaClientInitializationError) return true;
    if (current instanceof Prisma.PrismaClientKnownRequestError && PRISMA_UNAVAILABLE_CODES.has(current.code)) {
      return true;
    }
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
