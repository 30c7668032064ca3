// The service layer's view of the database: one Prisma client, and one transaction per operation.
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import { DomainError, type Problem } from '../domain/problems.ts';

export type { PrismaClient };
export type Tx = Prisma.TransactionClient;

/** Raised when the database cannot be reached or fails for a reason no user caused. */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super('the pipeline database is not reachable', { cause });
    this.name = 'DatabaseUnavailableError';
  }
}

export interface TransactionOptions {
  /** Problem to report when a unique constraint fails (a concurrent insert of the same key). */
  onUniqueViolation?: (target: string) => Problem;
}

/**
 * Runs `work` as one transaction: everything it writes is stored, or nothing is.
 * A DomainError thrown inside rolls the transaction back and reaches the caller unchanged.
 */
export async function inTransaction<T>(
  prisma: PrismaClient,
  work: (tx: Tx) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  try {
    return await prisma.$transaction(work, { maxWait: 5_000, timeout: 20_000 });
  } catch (error) {
    throw translateDatabaseError(error, options);
  }
}

export function translateDatabaseError(error: unknown, options: TransactionOptions = {}): unknown {
  if (error instanceof DomainError) return error;
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === 'P2002' && options.onUniqueViolation) {
      return new DomainError(options.onUniqueViolation(uniqueTarget(error)));
    }
    // Write conflicts and deadlocks between concurrent transactions.
    if (error.code === 'P2034') return error;
    return error;
  }
  if (isConnectionFailure(error)) return new DatabaseUnavailableError(error);
  return error;
}

function uniqueTarget(error: Prisma.PrismaClientKnownRequestError): string {
  const target = error.meta?.['target'] ?? error.meta?.['modelName'] ?? '';
  return Array.isArray(target) ? target.join(',') : String(target);
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  '57P01',
  '57P03',
  '08006',
  '08001',
]);

function isConnectionFailure(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof Prisma.PrismaClientInitializationError) return true;
    if (typeof current === 'object' && current !== null) {
      const code = (current as { code?: unknown }).code;
      if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
      const message = (current as { message?: unknown }).message;
      if (
        typeof message === 'string' &&
        /connect|terminat|timeout exceeded when trying to connect|Connection/i.test(message)
      ) {
        return true;
      }
      current = (current as { cause?: unknown }).cause;
    } else {
      break;
    }
  }
  return false;
}
