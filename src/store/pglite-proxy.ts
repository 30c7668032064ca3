// The calling side of src/store/pglite-worker.mjs: the part of PGlite's interface that the Prisma
// adapter and the migration runner use (query, exec, transaction, close), answered by the worker, and
// the transaction steps (begin, commit, rollback by transaction id) that kysely's driver uses
// (src/store/kysely.ts).
import { Worker } from 'node:worker_threads';
import { messages, types } from '@electric-sql/pglite';

type Parsers = Record<number, (value: string) => unknown>;

export type WorkerRequest =
  | { id: number; op: 'query'; sql: string; params: unknown[]; tx?: number; rowMode?: 'array' | 'object' }
  | { id: number; op: 'exec'; sql: string; tx?: number }
  | { id: number; op: 'begin'; tx: number }
  | { id: number; op: 'commit' | 'rollback'; tx: number }
  | { id: number; op: 'close' };

export type WorkerResponse =
  | { id: number; ok: true; result?: unknown }
  | { id: number; ok: false; error: { message: string; fields: Record<string, unknown>; isDatabaseError: boolean } };

interface Field {
  name: string;
  dataTypeID: number;
}

export interface ProxyResults<Row = unknown> {
  rows: Row[];
  fields: Field[];
  affectedRows?: number;
}

export interface QueryOptions {
  rowMode?: 'array' | 'object';
  parsers?: Parsers;
}

export interface ProxyTransaction {
  query<Row>(sql: string, params?: unknown[], options?: QueryOptions): Promise<ProxyResults<Row>>;
  exec(sql: string): Promise<ProxyResults[]>;
  rollback(): Promise<void>;
  readonly closed: boolean;
}

type Pending = { resolve: (value: unknown) => void; reject: (error: unknown) => void };
type Outgoing = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class PGliteProxy {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private nextTx = 1;
  private closed = false;

  private constructor(worker: Worker) {
    this.worker = worker;
    worker.on('message', (response: WorkerResponse) => this.settle(response));
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', (code) => this.failAll(new Error(`the embedded database stopped (exit code ${code})`)));
  }

  /** Starts the worker; PGlite opens (and creates) the data directory there. */
  static async open(dataDir: string): Promise<PGliteProxy> {
    const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
      workerData: { dataDir },
      execArgv: [],
    });
    const proxy = new PGliteProxy(worker);
    await proxy.query('SELECT 1');
    return proxy;
  }

  async query<Row>(
    sql: string,
    params: unknown[] = [],
    options: QueryOptions = {},
    tx?: number,
  ): Promise<ProxyResults<Row>> {
    const raw = (await this.send({
      op: 'query',
      sql,
      params,
      rowMode: options.rowMode ?? 'object',
      ...(tx ? { tx } : {}),
    })) as ProxyResults<unknown>;
    return { ...raw, rows: parseRows(raw, options) as Row[] };
  }

  async exec(sql: string, tx?: number): Promise<ProxyResults[]> {
    return (await this.send({ op: 'exec', sql, ...(tx ? { tx } : {}) })) as ProxyResults[];
  }

  /**
   * Opens a transaction; it holds the one connection until commit or rollback, and the statements
   * given its id run inside it (any other waits). Answers its id at once, without waiting for its turn
   * or for BEGIN: the worker runs its statements once it is open, and if BEGIN fails they fail with it
   * (a rollback then has nothing to undo). For Prisma's interactive transactions this means the wait
   * for the worker counts against the transaction's `timeout`, not its `maxWait`.
   */
  async begin(): Promise<number> {
    if (this.closed) throw new Error('the embedded database is closed');
    const tx = this.nextTx++;
    // Its failure reaches the transaction's statements, commit and rollback, which wait for it.
    this.send({ op: 'begin', tx }).catch(() => undefined);
    return tx;
  }

  async commit(tx: number): Promise<void> {
    await this.send({ op: 'commit', tx });
  }

  async rollback(tx: number): Promise<void> {
    await this.send({ op: 'rollback', tx });
  }

  /** As PGlite's transaction(): commit when `work` resolves, roll back when it throws or calls rollback(). */
  async transaction<T>(work: (tx: ProxyTransaction) => Promise<T>): Promise<T> {
    const id = await this.begin();
    let ended = false;
    const end = async (op: 'commit' | 'rollback') => {
      if (ended) return;
      ended = true;
      await (op === 'commit' ? this.commit(id) : this.rollback(id));
    };
    const tx: ProxyTransaction = {
      query: (sql, params, options) => this.query(sql, params, options, id),
      exec: (sql) => this.exec(sql, id),
      rollback: () => end('rollback'),
      get closed() {
        return ended;
      },
    };
    try {
      const result = await work(tx);
      await end('commit');
      return result;
    } catch (error) {
      await end('rollback').catch(() => undefined);
      throw error;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.send({ op: 'close' }).catch(() => undefined);
    this.closed = true;
    await this.worker.terminate();
  }

  private send(request: Outgoing): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('the embedded database is closed'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  private settle(response: WorkerResponse): void {
    const waiter = this.pending.get(response.id);
    if (!waiter) return;
    this.pending.delete(response.id);
    if (response.ok) waiter.resolve(response.result);
    else waiter.reject(rebuildError(response.error));
  }

  private failAll(error: unknown): void {
    this.closed = true;
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}

/** Parses the worker's text values with the caller's parsers, falling back to PGlite's own. */
function parseRows(raw: ProxyResults<unknown>, options: QueryOptions): unknown[] {
  const parsers = options.parsers;
  const parse = (value: unknown, typeId: number) =>
    typeof value === 'string' ? types.parseType(value, typeId, parsers) : value;
  if ((options.rowMode ?? 'object') === 'array') {
    return (raw.rows as unknown[][]).map((row) => row.map((value, i) => parse(value, raw.fields[i]?.dataTypeID ?? 25)));
  }
  return (raw.rows as Record<string, unknown>[]).map((row) => {
    const parsed: Record<string, unknown> = {};
    for (const field of raw.fields) parsed[field.name] = parse(row[field.name], field.dataTypeID);
    return parsed;
  });
}

/** Database errors become PGlite's DatabaseError again, so Prisma maps codes (23505 → P2002) as usual. */
function rebuildError(error: Extract<WorkerResponse, { ok: false }>['error']): Error {
  if (!error.isDatabaseError) return Object.assign(new Error(error.message), error.fields);
  const rebuilt = new messages.DatabaseError(error.message, 0, 'error');
  return Object.assign(rebuilt, error.fields, { message: error.message });
}
