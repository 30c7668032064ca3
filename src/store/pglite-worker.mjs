// The embedded database in its own thread. PGlite runs SQL synchronously inside whichever thread owns
// it; in the app's main thread a long query would hold up every Slack acknowledgement. Here it answers
// messages from src/store/pglite-proxy.ts, one operation at a time, with transactions holding the
// connection until they end. Plain JavaScript, because worker threads cannot load TypeScript here.
import { parentPort, workerData } from 'node:worker_threads';
import { parse, PGlite, protocol, types } from '@electric-sql/pglite';

/** @typedef {import('./pglite-proxy.ts').WorkerRequest} WorkerRequest */
/** @typedef {import('./pglite-proxy.ts').WorkerResponse} WorkerResponse */

// Every type comes back as the text PostgreSQL sent; the proxy parses it in the calling thread with the
// caller's parsers, exactly as PGlite would have.
const RAW_PARSERS = Object.fromEntries(
  Object.keys(types.parsers).map((oid) => [Number(oid), (/** @type {string} */ value) => value]),
);

const port = parentPort;
if (!port) throw new Error('pglite-worker must run as a worker thread');
const { dataDir } = /** @type {{ dataDir: string }} */ (workerData);
const db = new PGlite(dataDir);

// Statements are prepared once (named, per text) and then only bound and executed: PostgreSQL keeps
// their plan, and PGlite is spared a parse and a describe per query. Parsing and planning cost more than
// running the app's statements (0.7 ms of planning for the opportunity projection, 0.2 ms to run it).
// The least recently used are closed past MAX_PREPARED (texts vary with list filters and Prisma's).
const MAX_PREPARED = 500;
/** @type {Map<string, { name: string; paramTypes: number[]; rowDescription: import("@electric-sql/pglite").messages.BackendMessage | undefined }>} */
const prepared = new Map();
let nextStatement = 1;

/** @param {Uint8Array[]} parts */
function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** @param {string} sql */
async function prepare(sql) {
  const known = prepared.get(sql);
  if (known) {
    prepared.delete(sql);
    prepared.set(sql, known);
    return known;
  }
  const name = `app_${nextStatement++}`;
  const { serialize } = protocol;
  const described = await db.execProtocol(
    concat([serialize.parse({ name, text: sql }), serialize.describe({ type: 'S', name }), serialize.sync()]),
  );
  // The statement's row description, as describing it gave it: each run then skips a Describe of its
  // portal (which gave the same description again), about 40 µs of the embedded database's time a run.
  const rowDescription = described.messages.find((message) => message.name === 'rowDescription');
  const statement = { name, paramTypes: parse.parseDescribeStatementResults(described.messages), rowDescription };
  prepared.set(sql, statement);
  if (prepared.size > MAX_PREPARED) {
    const [oldest] = prepared.keys();
    if (oldest !== undefined) await forget(oldest);
  }
  return statement;
}

/**
 * As PGlite's query(): parameters serialized by their described types, every value returned as text.
 * @param {string} sql @param {unknown[]} params @param {'array' | 'object'} rowMode
 */
async function queryPrepared(sql, params, rowMode) {
  await db.waitReady;
  try {
    return await executePrepared(sql, params, rowMode);
  } catch (error) {
    // A table changed under a prepared statement (a migration): prepare it again, once.
    if (!(error instanceof Error && /cached plan must not change result type/.test(error.message))) throw error;
    await forget(sql);
    return executePrepared(sql, params, rowMode);
  }
}

/** @param {string} sql */
async function forget(sql) {
  const statement = prepared.get(sql);
  if (!statement) return;
  prepared.delete(sql);
  const { serialize } = protocol;
  await db.execProtocol(concat([serialize.close({ type: 'S', name: statement.name }), serialize.sync()]));
}

/** @param {string} sql @param {unknown[]} params @param {'array' | 'object'} rowMode */
async function executePrepared(sql, params, rowMode) {
  const statement = await prepare(sql);
  const values = params.map((value, i) => {
    if (value === null || value === undefined) return null;
    const serializer = db.serializers[statement.paramTypes[i] ?? 0];
    return serializer ? serializer(value) : String(value);
  });
  const { serialize } = protocol;
  const result = await db.execProtocol(
    concat([serialize.bind({ statement: statement.name, values }), serialize.execute({}), serialize.sync()]),
  );
  const messages = statement.rowDescription ? [statement.rowDescription, ...result.messages] : result.messages;
  const [results] = parse.parseResults(messages, RAW_PARSERS, { rowMode });
  return results ?? { rows: [], fields: [], affectedRows: 0 };
}

/** @type {number | null} */
let activeTx = null;
/**
 * Each open transaction, by the id the proxy gave it: its opening (its turn on the lock, then BEGIN;
 * it gives the lock's release) and the last of its steps. The proxy sends the first statement without
 * waiting for BEGIN's answer, so the connection is not held idle for a round trip to the app's busy
 * thread; a transaction's steps run one after the other, in the order they came.
 * @type {Map<number, { opened: Promise<() => void>; last: Promise<unknown> }>}
 */
const transactions = new Map();

// A FIFO lock over the one connection: a transaction holds it from BEGIN to COMMIT/ROLLBACK, any other
// operation for its own duration, so nothing runs inside someone else's transaction.
/** @type {Promise<void>} */
let lockTail = Promise.resolve();
/** @returns {Promise<() => void>} */
function acquire() {
  /** @type {() => void} */
  let release = () => undefined;
  /** @type {Promise<void>} */
  const held = new Promise((resolve) => {
    release = resolve;
  });
  const previous = lockTail;
  lockTail = previous.then(() => held);
  return previous.then(() => release);
}

/** @template T @param {() => Promise<T>} work @returns {Promise<T>} */
async function outsideTransaction(work) {
  const release = await acquire();
  try {
    return await work();
  } finally {
    release();
  }
}

/** @param {unknown} error */
function describeError(error) {
  /** @type {Record<string, unknown>} */
  const fields = {};
  if (error && typeof error === 'object') {
    for (const [key, value] of Object.entries(error)) {
      if (['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
    }
  }
  return {
    message: error instanceof Error ? error.message : String(error),
    fields,
    isDatabaseError: error instanceof Error && error.constructor.name === 'DatabaseError',
  };
}

/** @template T @param {number | undefined} tx @param {() => Promise<T>} work @returns {Promise<T>} */
async function run(tx, work) {
  return tx === undefined ? outsideTransaction(work) : inTransaction(tx, work);
}

/**
 * Runs `work` as the next step of transaction `tx`, once it is open (its BEGIN failing fails the step).
 * @template T @param {number} tx @param {() => Promise<T>} work @returns {Promise<T>}
 */
function inTransaction(tx, work) {
  const transaction = transactions.get(tx);
  if (!transaction) return Promise.reject(new Error(`transaction ${tx} is not open`));
  const step = transaction.last.then(async () => {
    await transaction.opened;
    if (tx !== activeTx) throw new Error(`transaction ${tx} is not open`);
    return work();
  });
  transaction.last = step.catch(() => undefined);
  return step;
}

/** @param {number} tx @returns {Promise<() => void>} the lock's release, for the transaction's end */
async function openTransaction(tx) {
  const release = await acquire();
  try {
    await db.exec('BEGIN');
  } catch (error) {
    release();
    throw error;
  }
  activeTx = tx;
  return release;
}

/**
 * Ends transaction `tx` (whatever happens, it no longer holds the connection). A rollback of one whose
 * BEGIN failed has nothing to undo and succeeds; a commit of it fails with BEGIN's error.
 * @param {number} tx @param {'COMMIT' | 'ROLLBACK'} how
 */
async function endTransaction(tx, how) {
  const transaction = transactions.get(tx);
  if (!transaction) throw new Error(`transaction ${tx} is not open`);
  if (how === 'ROLLBACK') {
    const opened = await transaction.opened.then(
      () => true,
      () => false,
    );
    if (!opened) {
      transactions.delete(tx);
      return undefined;
    }
  }
  const ended = inTransaction(tx, async () => {
    const release = await transaction.opened;
    try {
      await db.exec(how);
    } finally {
      activeTx = null;
      release();
    }
  });
  transactions.delete(tx);
  return ended;
}

/** @param {WorkerRequest} request @returns {Promise<unknown>} */
async function handle(request) {
  switch (request.op) {
    case 'query':
      return run(request.tx, async () => {
        const result = await queryPrepared(request.sql, request.params ?? [], request.rowMode ?? 'object');
        return { rows: result.rows, fields: result.fields, affectedRows: result.affectedRows };
      });
    case 'exec':
      return run(request.tx, async () => {
        const results = await db.exec(request.sql);
        return results.map((/** @type {{ fields: unknown[]; affectedRows?: number }} */ r) => ({
          rows: [],
          fields: r.fields,
          affectedRows: r.affectedRows,
        }));
      });
    case 'begin': {
      if (transactions.has(request.tx)) throw new Error(`transaction ${request.tx} is already open`);
      const opened = openTransaction(request.tx);
      transactions.set(request.tx, { opened, last: Promise.resolve() });
      return opened.then(() => undefined); // the release stays here
    }
    case 'commit':
    case 'rollback':
      return endTransaction(request.tx, request.op === 'commit' ? 'COMMIT' : 'ROLLBACK');
    case 'close':
      return outsideTransaction(() => db.close());
  }
}

port.on('message', (/** @type {WorkerRequest} */ request) => {
  handle(request).then(
    (result) => port.postMessage({ id: request.id, ok: true, result }),
    (error) => port.postMessage({ id: request.id, ok: false, error: describeError(error) }),
  );
});
