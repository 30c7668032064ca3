// OAuth install states, usable once (table oauth_state), behind Bolt's StateStore (src/slack/oauth-state-store.ts).
// Bolt's default store signs the state and keeps nothing, so the same state (with its cookie) could
// complete an installation again and again until it expired. Here the install link stores a random state
// with its install options and expiry, and the redirect consumes it in one statement (DELETE … RETURNING):
// of two redirects bringing the same state, on any instance, exactly one gets it.
//
// Only an HMAC of the state (keyed with SLACK_STATE_SECRET) is stored, so reading the table gives nobody
// a state they could bring back.
import { createHmac, randomBytes } from 'node:crypto';
import type { SqlDatabase } from '../store/kysely.ts';
import type { Clock } from './clock.ts';

/** How long an install link's state may be brought back (as long as Bolt's state cookie lives). */
export const OAUTH_STATE_TTL_MS = 10 * 60_000;

/** What consuming a state found: the install options stored with it, or why there are none. */
export type ConsumedState = { ok: true; installOptions: unknown } | { ok: false; reason: 'unknown' | 'expired' };

export class OAuthStates {
  constructor(
    private readonly db: SqlDatabase,
    private readonly stateSecret: string,
    private readonly clock: Clock,
    private readonly ttlMs: number = OAUTH_STATE_TTL_MS,
  ) {}

  private digest(state: string): string {
    return createHmac('sha256', this.stateSecret).update(state).digest('hex');
  }

  /** A new random state for the install link, kept with `installOptions` (JSON); expired states are dropped. */
  async create(installOptions: unknown): Promise<string> {
    const state = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.db.deleteFrom('oauth_state').where('expires_at', '<=', now).execute();
    await this.db
      .insertInto('oauth_state')
      .values({
        state_hash: this.digest(state),
        install_options: JSON.stringify(installOptions),
        expires_at: new Date(now.getTime() + this.ttlMs),
      })
      .execute();
    return state;
  }

  /**
   * Consumes the state: its install options the first time, within its expiry; why not otherwise (a used
   * state is unknown). Expiry is read on the app's clock, as when the state was made.
   */
  async consume(state: string): Promise<ConsumedState> {
    const row = await this.db
      .deleteFrom('oauth_state')
      .where('state_hash', '=', this.digest(state))
      .returning(['install_options', 'expires_at'])
      .executeTakeFirst();
    if (!row) return { ok: false, reason: 'unknown' };
    if (row.expires_at <= this.clock.now()) return { ok: false, reason: 'expired' };
    return { ok: true, installOptions: row.install_options };
  }
}
