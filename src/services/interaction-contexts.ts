// Interaction contexts (table interaction_context): what a form or a confirmation button may not decide
// for itself, kept in the database under a random 128-bit id that the client carries instead. Every
// instance of the app sees the same rows, and they survive a restart. A context is bound to its kind,
// workspace and user: looked up with anything else, or after it expired, it is not there.
import { randomBytes } from 'node:crypto';
import type { ExpressionBuilder } from 'kysely';
import type { DB, SqlDatabase } from '../store/kysely.ts';
import type { Clock } from './clock.ts';

/** The shape of a context id: 32 lower-case hex characters (128 random bits). */
export const CONTEXT_ID = /^[0-9a-f]{32}$/;

/** Expired rows are deleted at most this often per instance (they are never used once expired). */
const PRUNE_EVERY_MS = 10 * 60_000;

export class InteractionContexts {
  private lastPrune = 0;

  constructor(
    private readonly db: SqlDatabase,
    private readonly clock: Clock,
  ) {}

  /** Stores `payload` for `ttlMs` and returns its new id. */
  async create(kind: string, workspaceId: string, userId: string, payload: unknown, ttlMs: number): Promise<string> {
    await this.pruneNowAndThen();
    const id = randomBytes(16).toString('hex');
    const now = this.clock.now();
    await this.db
      .insertInto('interaction_context')
      .values({
        id,
        workspace_id: workspaceId,
        user_id: userId,
        kind,
        payload: JSON.stringify(payload),
        created_at: now,
        expires_at: new Date(now.getTime() + ttlMs),
      })
      .execute();
    return id;
  }

  /** The payload, as often as asked until it expires (a form can be submitted again after a field error). */
  async find(id: string, kind: string, workspaceId: string, userId: string): Promise<unknown> {
    if (!CONTEXT_ID.test(id)) return null;
    const row = await this.db
      .selectFrom('interaction_context')
      .select('payload')
      .where(this.matching(id, kind, workspaceId, userId))
      .executeTakeFirst();
    return row ? row.payload : null;
  }

  /**
   * The payload exactly once: one DELETE … RETURNING, so two clicks, on one instance or on two, can't
   * both get it. Null when it is not there (used, expired, or bound to another kind, workspace or user).
   */
  async take(id: string, kind: string, workspaceId: string, userId: string): Promise<unknown> {
    if (!CONTEXT_ID.test(id)) return null;
    const row = await this.db
      .deleteFrom('interaction_context')
      .where(this.matching(id, kind, workspaceId, userId))
      .returning('payload')
      .executeTakeFirst();
    return row ? row.payload : null;
  }

  /** Deletes the expired contexts; returns how many. */
  async prune(): Promise<number> {
    const result = await this.db
      .deleteFrom('interaction_context')
      .where('expires_at', '<=', this.clock.now())
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  private matching(id: string, kind: string, workspaceId: string, userId: string) {
    const now = this.clock.now();
    return (eb: ExpressionBuilder<DB, 'interaction_context'>) =>
      eb.and([
        eb('id', '=', id),
        eb('kind', '=', kind),
        eb('workspace_id', '=', workspaceId),
        eb('user_id', '=', userId),
        eb('expires_at', '>', now),
      ]);
  }

  private async pruneNowAndThen(): Promise<void> {
    const now = this.clock.now().getTime();
    if (Math.abs(now - this.lastPrune) < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    await this.prune();
  }
}
