// Interaction contexts (table interaction_context): what a form or a confirmation button may not decide
// for itself, kept in the database under a random 128-bit id that the client carries instead. Every
// instance of the app sees the same rows, and they survive a restart. A context is bound to its kind,
// workspace and user: looked up with anything else, or after it expired, it is not there.
import { randomBytes } from 'node:crypto';
import { Prisma } from '../generated/prisma/client.ts';
import type { SqlExecutor } from '../store/sql.ts';
import type { Clock } from './clock.ts';

/** The shape of a context id: 32 lower-case hex characters (128 random bits). */
export const CONTEXT_ID = /^[0-9a-f]{32}$/;

/** Expired rows are deleted at most this often per instance (they are never used once expired). */
const PRUNE_EVERY_MS = 10 * 60_000;

interface PayloadRow {
  payload: string;
}

export class InteractionContexts {
  private lastPrune = 0;

  constructor(
    private readonly sql: SqlExecutor,
    private readonly clock: Clock,
  ) {}

  /** Stores `payload` for `ttlMs` and returns its new id. */
  async create(kind: string, workspaceId: string, userId: string, payload: unknown, ttlMs: number): Promise<string> {
    await this.pruneNowAndThen();
    const id = randomBytes(16).toString('hex');
    const now = this.clock.now();
    await this.sql.execute(Prisma.sql`
      INSERT INTO interaction_context (id, workspace_id, user_id, kind, payload, created_at, expires_at)
      VALUES (${id}, ${workspaceId}, ${userId}, ${kind}, ${JSON.stringify(payload)}::jsonb,
              ${utc(now)}, ${utc(new Date(now.getTime() + ttlMs))})`);
    return id;
  }

  /** The payload, as often as asked until it expires (a form can be submitted again after a field error). */
  async find(id: string, kind: string, workspaceId: string, userId: string): Promise<unknown> {
    if (!CONTEXT_ID.test(id)) return null;
    const rows = await this.sql.query<PayloadRow>(Prisma.sql`
      SELECT payload::text AS payload FROM interaction_context
      WHERE ${this.matching(id, kind, workspaceId, userId)}`);
    return parsed(rows);
  }

  /**
   * The payload exactly once: one DELETE … RETURNING, so two clicks, on one instance or on two, can't
   * both get it. Null when it is not there (used, expired, or bound to another kind, workspace or user).
   */
  async take(id: string, kind: string, workspaceId: string, userId: string): Promise<unknown> {
    if (!CONTEXT_ID.test(id)) return null;
    const rows = await this.sql.query<PayloadRow>(Prisma.sql`
      DELETE FROM interaction_context
      WHERE ${this.matching(id, kind, workspaceId, userId)}
      RETURNING payload::text AS payload`);
    return parsed(rows);
  }

  /** Deletes the expired contexts; returns how many. */
  async prune(): Promise<number> {
    return this.sql.execute(Prisma.sql`DELETE FROM interaction_context WHERE expires_at <= ${utc(this.clock.now())}`);
  }

  private matching(id: string, kind: string, workspaceId: string, userId: string): Prisma.Sql {
    return Prisma.sql`id = ${id} AND kind = ${kind} AND workspace_id = ${workspaceId} AND user_id = ${userId}
      AND expires_at > ${utc(this.clock.now())}`;
  }

  private async pruneNowAndThen(): Promise<void> {
    const now = this.clock.now().getTime();
    if (Math.abs(now - this.lastPrune) < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    await this.prune();
  }
}

/** A moment as the timestamp(3) columns hold it (UTC, as Prisma writes them), whatever the session's zone. */
function utc(moment: Date): Prisma.Sql {
  return Prisma.sql`(${moment.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

function parsed(rows: PayloadRow[]): unknown {
  const row = rows[0];
  return row ? (JSON.parse(row.payload) as unknown) : null;
}
