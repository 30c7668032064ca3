// Named prepared statements on PostgreSQL. node-pg sends a query with parameters as an unnamed statement,
// which the server parses and plans afresh every time: for the app's joined reads that planning costs
// more than running them (a move's read and its card read, about 3 and 4 ms each). A statement sent
// with a name is parsed once per connection and then only bound and executed; after five executions
// PostgreSQL may keep a generic plan for it, when that is not costlier than the custom ones.
//
// Bounded both ways: a text is prepared only once it has been seen before (texts that vary, such as a
// list filter's IN list, mostly run once), and a connection holds at most MAX_PER_CONNECTION of them
// (past that, new texts run unnamed, as before). Statements without parameters (BEGIN, COMMIT, the
// migrations' scripts) always run unnamed: they may be several statements, and plan in no time.
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type pg from 'pg';

/** Named statements a connection may hold, at most. */
export const MAX_PER_CONNECTION = 200;
/** Texts remembered as seen (with the statement names derived from them), by count and by characters. */
const SEEN_TEXTS = 2_000;
const SEEN_CHARACTERS = 4_000_000;

/** PostgreSQL's answer when a table changed under a prepared statement (a migration by another instance). */
function isStalePlan(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error as { code?: unknown }).code === '0A000' &&
    /cached plan must not change result type/.test(error.message)
  );
}

/** The statement's name: derived from its text, so every connection names the same text alike. */
function statementName(text: string): string {
  return `app_${createHash('sha1').update(text).digest('hex')}`;
}

export class PreparedStatements {
  private readonly seen = new LRUCache<string, string>({
    max: SEEN_TEXTS,
    maxSize: SEEN_CHARACTERS,
    sizeCalculation: (_name, text) => text.length,
  });
  private readonly named = new WeakMap<pg.ClientBase, Set<string>>();
  /** Connections whose statements are out of date: closed on release rather than pooled again. */
  private readonly stale = new WeakSet<pg.ClientBase>();

  /** Runs one statement on the connection, by name when it has been seen before and the connection has room. */
  async query(client: pg.ClientBase, text: string, values: unknown[]): Promise<pg.QueryResult> {
    const name = this.nameFor(client, text, values);
    if (name === undefined) return client.query(text, values);
    try {
      return await client.query({ name, text, values });
    } catch (error) {
      if (!isStalePlan(error)) throw error;
      // The connection's statements no longer match the tables: it is closed when released. Outside a
      // transaction the failed statement changed nothing, so it runs again, unnamed.
      this.stale.add(client);
      if (client.getTransactionStatus() !== 'I') throw error;
      return client.query(text, values);
    }
  }

  /** True when the connection must be closed rather than go back to the pool. */
  mustDiscard(client: pg.ClientBase): boolean {
    return this.stale.has(client);
  }

  private nameFor(client: pg.ClientBase, text: string, values: unknown[]): string | undefined {
    if (values.length === 0 || this.stale.has(client)) return undefined;
    const name = this.seen.get(text);
    if (name === undefined) {
      this.seen.set(text, statementName(text));
      return undefined;
    }
    let names = this.named.get(client);
    if (!names) {
      names = new Set();
      this.named.set(client, names);
    }
    if (names.has(name)) return name;
    if (names.size >= MAX_PER_CONNECTION) return undefined;
    names.add(name);
    return name;
  }
}
