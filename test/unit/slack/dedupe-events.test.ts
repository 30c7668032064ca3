// The Events API de-duplication middleware on its own: which deliveries reach the listeners, what
// happens when the database cannot record an id, and how often old ids are pruned.
import type { AnyMiddlewareArgs, AllMiddlewareArgs, Logger } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/services/clock.ts';
import { dedupeEvents, type EventLedger, eventEnvelope } from '../../../src/slack/middleware/dedupe-events.ts';

class MemoryLedger implements EventLedger {
  readonly seen = new Map<string, Date>();
  readonly prunes: Date[] = [];
  failing = false;
  async claim(eventId: string, _teamId: string | undefined, at: Date): Promise<boolean> {
    if (this.failing) throw new Error('the embedded database is closed');
    if (this.seen.has(eventId)) return false;
    this.seen.set(eventId, at);
    return true;
  }
  async prune(before: Date): Promise<number> {
    this.prunes.push(before);
    let removed = 0;
    for (const [id, at] of this.seen)
      if (at < before) {
        this.seen.delete(id);
        removed += 1;
      }
    return removed;
  }
}

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = (...messages: unknown[]) => {
    lines.push(messages.map(String).join(' '));
  };
  return {
    lines,
    debug: log,
    info: log,
    warn: log,
    error: log,
    setLevel: () => undefined,
    getLevel: () => 'debug' as never,
    setName: () => undefined,
  };
}

function envelope(eventId: string, teamId = 'T0TEAM0001'): Record<string, unknown> {
  return {
    type: 'event_callback',
    event_id: eventId,
    team_id: teamId,
    event: { type: 'app_home_opened', user: 'U1', tab: 'home' },
  };
}

async function deliver(
  middleware: ReturnType<typeof dedupeEvents>,
  body: unknown,
  options: { retryNum?: number; logger?: Logger } = {},
): Promise<boolean> {
  let reached = false;
  const args = {
    body,
    context: { isEnterpriseInstall: false, ...(options.retryNum !== undefined ? { retryNum: options.retryNum } : {}) },
    logger: options.logger ?? recordingLogger(),
    next: async () => {
      reached = true;
    },
  } as unknown as AnyMiddlewareArgs & AllMiddlewareArgs;
  await middleware(args);
  return reached;
}

describe('dedupeEvents', () => {
  it('lets the first delivery through and skips every later one, whatever its retry number', async () => {
    const ledger = new MemoryLedger();
    const middleware = dedupeEvents({ events: ledger, clock: fixedClock('2026-11-02T10:00:00Z') });
    expect(await deliver(middleware, envelope('Ev01'))).toBe(true);
    expect(await deliver(middleware, envelope('Ev01'), { retryNum: 1 })).toBe(false);
    expect(await deliver(middleware, envelope('Ev01'), { retryNum: 3 })).toBe(false);
    expect(await deliver(middleware, envelope('Ev01'))).toBe(false);
    expect(await deliver(middleware, envelope('Ev02'), { retryNum: 2 })).toBe(true);
    expect([...ledger.seen.keys()]).toEqual(['Ev01', 'Ev02']);
  });

  it('passes commands, actions, views and options through without touching the ledger', async () => {
    const ledger = new MemoryLedger();
    const middleware = dedupeEvents({ events: ledger, clock: fixedClock('2026-11-02T10:00:00Z') });
    for (const body of [
      { command: '/opp', text: 'list', team_id: 'T1' },
      { type: 'block_actions', actions: [] },
      { type: 'view_submission', view: {} },
      { type: 'block_suggestion', value: 'a' },
      { type: 'url_verification', challenge: 'x' },
      null,
      'text',
    ]) {
      expect(await deliver(middleware, body)).toBe(true);
    }
    expect(ledger.seen.size).toBe(0);
  });

  it("an event_id that is not one of Slack's is handled without being recorded", async () => {
    const ledger = new MemoryLedger();
    const logger = recordingLogger();
    const middleware = dedupeEvents({ events: ledger, clock: fixedClock('2026-11-02T10:00:00Z') });
    expect(await deliver(middleware, envelope('x'.repeat(65)), { logger })).toBe(true);
    expect(await deliver(middleware, envelope("Ev'; DROP TABLE processed_event; --"), { logger })).toBe(true);
    expect(ledger.seen.size).toBe(0);
    expect(logger.lines.join('\n')).toMatch(/without de-duplication/);
  });

  it('when the database cannot record the id, the event is handled anyway and the failure logged', async () => {
    const ledger = new MemoryLedger();
    ledger.failing = true;
    const logger = recordingLogger();
    const middleware = dedupeEvents({ events: ledger, clock: fixedClock('2026-11-02T10:00:00Z') });
    expect(await deliver(middleware, envelope('Ev01'), { logger })).toBe(true);
    expect(await deliver(middleware, envelope('Ev01'), { logger, retryNum: 1 })).toBe(true);
    expect(logger.lines.join('\n')).toMatch(/could not record event Ev01; handling it anyway/);
  });

  it('prunes ids older than a day, at most once an hour', async () => {
    const ledger = new MemoryLedger();
    const clock = fixedClock('2026-11-02T10:00:00Z');
    const middleware = dedupeEvents({ events: ledger, clock });
    await deliver(middleware, envelope('Ev01'));
    expect(ledger.prunes).toEqual([new Date('2026-11-01T10:00:00Z')]);
    clock.advance(59 * 60_000);
    await deliver(middleware, envelope('Ev02'));
    expect(ledger.prunes).toHaveLength(1);
    clock.advance(60_000);
    await deliver(middleware, envelope('Ev03'));
    expect(ledger.prunes).toEqual([new Date('2026-11-01T10:00:00Z'), new Date('2026-11-01T11:00:00Z')]);
    // A day later Ev01 is forgotten; by then Slack stopped retrying it long ago.
    clock.advance(24 * 60 * 60_000);
    await deliver(middleware, envelope('Ev04'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(ledger.seen.has('Ev01')).toBe(false);
    expect(ledger.seen.has('Ev04')).toBe(true);
  });

  it('a failing prune is logged and does not hold up the event', async () => {
    const ledger = new MemoryLedger();
    ledger.prune = async () => {
      throw new Error('Connection terminated unexpectedly');
    };
    const logger = recordingLogger();
    const middleware = dedupeEvents({ events: ledger, clock: fixedClock('2026-11-02T10:00:00Z') });
    expect(await deliver(middleware, envelope('Ev01'), { logger })).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(logger.lines.join('\n')).toMatch(/could not prune processed event ids/);
  });

  it('reads the envelope only from event_callback bodies', () => {
    expect(eventEnvelope(envelope('Ev9', 'T123'))).toEqual({ eventId: 'Ev9', teamId: 'T123' });
    expect(eventEnvelope({ ...envelope('Ev9'), team_id: 'not a team' })).toEqual({ eventId: 'Ev9', teamId: undefined });
    expect(eventEnvelope({ type: 'event_callback', event_id: 42 })).toBeUndefined();
    expect(eventEnvelope({ type: 'app_rate_limited', event_id: 'Ev1' })).toBeUndefined();
  });
});
