// Which failures mean "the database is not reachable": the errors the embedded database's proxy, the pg
// driver and Prisma actually raise (messages copied from real runs against a closed PGlite, a
// terminated or dropped PostgreSQL database, an ended pool and a refused port), and what must not be
// mistaken for an outage.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/problems.ts';
import { Prisma } from '../../../src/generated/prisma/client.ts';
import { system } from '../../../src/i18n/en/system.ts';
import { DatabaseUnavailableError, isDatabaseUnavailable, translateDatabaseError } from '../../../src/services/db.ts';
import { describeFailure } from '../../../src/slack/errors.ts';
import { enUS } from '../../support/presenter.ts';

const clientVersion = '6.19.3';

function known(code: string, message = `Invalid invocation: ${code}`) {
  return new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion });
}

/** What @prisma/adapter-pg throws: a DriverAdapterError whose cause carries the SQLSTATE. */
function driverAdapterError(code: string, message: string): Error {
  return Object.assign(new Error(message), {
    name: 'DriverAdapterError',
    cause: { originalCode: code, originalMessage: message, kind: 'postgres', code, severity: 'FATAL', message },
  });
}

const outages: [string, unknown][] = [
  ['the embedded database is closed (proxy)', new Error('the embedded database is closed')],
  ['the embedded database worker stopped', new Error('the embedded database stopped (exit code 1)')],
  ['PGlite closed inside the worker', new Error('PGlite is closed')],
  ['pg pool ended', new Error('Cannot use a pool after calling end on the pool')],
  ['pg connection dropped', new Error('Connection terminated unexpectedly')],
  ['pg connect timeout', new Error('timeout exceeded when trying to connect')],
  [
    'connection refused (socket code)',
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5999'), { code: 'ECONNREFUSED' }),
  ],
  ['connection reset', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
  ['backend terminated (57P01)', driverAdapterError('57P01', 'terminating connection due to administrator command')],
  [
    'database not accepting connections',
    driverAdapterError('55000', 'database "x" is not currently accepting connections'),
  ],
  ['too many clients (53300)', driverAdapterError('53300', 'sorry, too many clients already')],
  ['shutting down (57P03)', driverAdapterError('57P03', 'the database system is shutting down')],
  ['P1001 cannot reach the server', known('P1001', "Can't reach database server at `127.0.0.1:5999`")],
  ['P1003 database does not exist', known('P1003', 'Database `x` does not exist on the database server')],
  ['P1017 server closed the connection', known('P1017')],
  ['P2024 pool timeout', known('P2024', 'Timed out fetching a new connection from the connection pool.')],
  ['Prisma initialization', new Prisma.PrismaClientInitializationError('Can not connect', clientVersion)],
  ['nested in a cause', new Error('query failed', { cause: new Error('the embedded database is closed') })],
];

const notOutages: [string, unknown][] = [
  ['a record not found (P2025)', known('P2025', 'Record to update not found.')],
  ['a value too long (P2000)', known('P2000', 'The provided value for the column is too long')],
  ['a programming error', new TypeError("Cannot read properties of undefined (reading 'no')")],
  ['a message merely mentioning connections', new Error('user disconnected the integration')],
  [
    'a Slack API error',
    Object.assign(new Error('An API error occurred: expired_trigger_id'), { code: 'slack_webapi_platform_error' }),
  ],
  [
    'Slack unreachable (a Web API request error)',
    Object.assign(new Error('A request error occurred: connect ECONNREFUSED 127.0.0.1:443'), {
      code: 'slack_webapi_request_error',
    }),
  ],
  ['not an error at all', 'ECONNREFUSED'],
  ['undefined', undefined],
];

describe('translateDatabaseError', () => {
  it.each(outages)('%s → DatabaseUnavailableError, and the database sentence', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    const translated = translateDatabaseError(error);
    expect(translated).toBeInstanceOf(DatabaseUnavailableError);
    expect((translated as DatabaseUnavailableError).cause).toBe(error);
    // Read paths do not go through translateDatabaseError: the Slack layer recognises the raw error too.
    expect(describeFailure(enUS, error)).toEqual({ kind: 'database', sentence: system.databaseUnavailable });
    expect(describeFailure(enUS, translated)).toEqual({ kind: 'database', sentence: system.databaseUnavailable });
  });

  it.each(notOutages)('%s is not an outage', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(translateDatabaseError(error)).toBe(error);
    expect(describeFailure(enUS, error).kind).toBe('unexpected');
  });

  it('a unique violation becomes the problem the operation names; without one it stays as it is', () => {
    const duplicate = known('P2002', 'Unique constraint failed on the fields: (`code`)');
    const translated = translateDatabaseError(duplicate, {
      onUniqueViolation: (target) => ({ kind: 'duplicate', entity: 'sales-cycle', key: target }),
    });
    expect(translated).toBeInstanceOf(DomainError);
    expect(translateDatabaseError(duplicate)).toBe(duplicate);
  });

  it('a DomainError and an already translated outage pass unchanged', () => {
    const rule = new DomainError({ kind: 'nothing-to-purge' });
    const outage = new DatabaseUnavailableError(new Error('the embedded database is closed'));
    expect(translateDatabaseError(rule)).toBe(rule);
    expect(translateDatabaseError(outage)).toBe(outage);
  });

  it('the sentence says nothing was changed and to try again, and carries no technical detail', () => {
    expect(system.databaseUnavailable).toMatch(/not reachable right now, so nothing was changed/);
    expect(system.databaseUnavailable).not.toMatch(/ECONN|Prisma|P10|stack|undefined/);
  });
});
