// The outbox on both backends: an event is written with the change or not at all; each delivery is
// claimed by one claimer at a time (also two at once), leased, retried later, delivered once; a payload
// this version cannot read fails at once instead of blocking the queue. Time is the injected clock's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { type EventConsumer, OutboxDispatcher, PermanentDeliveryError } from '../../src/jobs/outbox-dispatcher.ts';
import { RetryLaterError } from '../../src/jobs/digest-scheduler.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { CONSUMERS, Outbox, type OutboxEvent, recordEvent } from '../../src/services/outbox.ts';
import { transaction } from '../../src/services/db.ts';
import { BACKENDS, createTestDatabase, type TestDatabase, uniqueWorkspaceId } from '../support/databases.ts';

const NOW = '2026-11-02T10:00:00Z';
const A = CONSUMERS.announcements;
const won = (no: string) => ({ kind: 'opportunity-won' as const, payload: { no, description: 'Deal', amount: '100' } });

describe.each(BACKENDS)('the outbox on %s', (backend) => {
  let db: TestDatabase;
  let outbox: Outbox;
  const clock = fixedClock(NOW);

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    outbox = new Outbox(db.sql);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  async function pending(ws: string): Promise<number> {
    const row = await db.sql
      .selectFrom('outbox_delivery as d')
      .innerJoin('outbox_event as e', 'e.id', 'd.event_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('e.workspace_id', '=', ws)
      // The announcements' deliveries (won deals also get one for the channel alerts: src/slack/alerts.ts).
      .where('d.consumer', '=', 'announcements')
      .where('d.delivered_at', 'is', null)
      .where('d.failed_at', 'is', null)
      .executeTakeFirst();
    return row?.n ?? 0;
  }

  it('an event is written with the change or not at all; only a team channel gets an announcement', async () => {
    const ws = uniqueWorkspaceId();
    await expect(
      transaction(db.sql, async (tx) => {
        await recordEvent(tx, ws, { actorUserId: 'U1', channelId: 'C0SALES001' }, won('OP1'), clock.now());
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.prisma.outboxEvent.count({ where: { workspaceId: ws } })).toBe(0);

    await recordEvent(db.sql, ws, { actorUserId: 'U1', channelId: 'C0SALES001' }, won('OP2'), clock.now());
    await recordEvent(db.sql, ws, { actorUserId: 'U1', channelId: 'D0DIRECT01' }, won('OP3'), clock.now());
    await recordEvent(db.sql, ws, { actorUserId: 'U1' }, won('OP4'), clock.now());
    expect(await db.prisma.outboxEvent.count({ where: { workspaceId: ws } })).toBe(3);
    expect(await pending(ws)).toBe(1);
  });

  it('two claimers at once share the due deliveries without overlap; a lease hides them until it ends', async () => {
    clock.set(NOW);
    const ws = uniqueWorkspaceId();
    for (let i = 0; i < 6; i++)
      await recordEvent(db.sql, ws, { actorUserId: 'U1', channelId: 'C0SALES001' }, won(`OP${i}`), clock.now());
    const lease = new Date(clock.now().getTime() + 60_000);
    const [first, second] = await Promise.all([
      outbox.claim(A, clock.now(), lease, 100),
      outbox.claim(A, clock.now(), lease, 100),
    ]);
    const mine = (events: OutboxEvent[]) => events.filter((e) => e.workspaceId === ws).map((e) => e.id);
    const ids = [...mine(first), ...mine(second)];
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    // Leased: not due again until the lease ends.
    expect(mine(await outbox.claim(A, clock.now(), lease, 100))).toEqual([]);
    clock.advance(61_000);
    expect(mine(await outbox.claim(A, clock.now(), new Date(clock.now().getTime() + 60_000), 100))).toHaveLength(6);
  });

  it('the dispatcher delivers once, retries a failure later, and gives up on a permanent one', async () => {
    clock.set(NOW);
    const ws = uniqueWorkspaceId();
    await recordEvent(db.sql, ws, { actorUserId: 'U1', channelId: 'C0SALES001' }, won('OP10'), clock.now());
    await recordEvent(db.sql, ws, { actorUserId: 'U1', channelId: 'C0GONE0001' }, won('OP11'), clock.now());
    const seen: string[] = [];
    let down = true;
    const consumer: EventConsumer = {
      name: A,
      async deliver(event) {
        if (event.workspaceId !== ws) return;
        if (event.channelId === 'C0GONE0001') throw new PermanentDeliveryError('channel_not_found');
        if (down) throw new Error('Slack is down');
        if (event.kind === 'opportunity-won') seen.push(event.payload.no);
      },
    };
    const dispatcher = new OutboxDispatcher(outbox, clock, [consumer]);
    await dispatcher.tick();
    expect(seen).toEqual([]);
    expect(await pending(ws)).toBe(1);
    // Not due again before its backoff.
    down = false;
    await dispatcher.tick();
    expect(seen).toEqual([]);
    clock.advance(11_000);
    await dispatcher.tick();
    await dispatcher.tick();
    expect(seen).toEqual(['OP10']);
    expect(await pending(ws)).toBe(0);
    const gone = await db.prisma.outboxDelivery.findMany({
      where: { event: { workspaceId: ws }, failedAt: { not: null } },
    });
    expect(gone.map((d) => d.lastError)).toEqual(['channel_not_found']);
  });

  it('a kicked pass waits for its giveWay (the acks of a burst) before it claims anything', async () => {
    clock.set(NOW);
    const ws = uniqueWorkspaceId();
    await recordEvent(db.sql, ws, { actorUserId: 'U1', channelId: 'C0SALES001' }, won('OP20'), clock.now());
    const seen: string[] = [];
    const consumer: EventConsumer = {
      name: A,
      async deliver(event) {
        if (event.workspaceId === ws && event.kind === 'opportunity-won') seen.push(event.payload.no);
      },
    };
    let answered!: () => void;
    const acks = new Promise<void>((resolve) => (answered = resolve));
    const dispatcher = new OutboxDispatcher(outbox, clock, [consumer], undefined, { giveWay: () => acks });
    dispatcher.kick();
    dispatcher.kick(); // a kick meanwhile runs one more pass after it, not a second one at once
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toEqual([]);
    expect(await pending(ws)).toBe(1);
    answered();
    await dispatcher.idle();
    expect(seen).toEqual(['OP20']);
    expect(await pending(ws)).toBe(0);
  });

  it('a consumer kept busy does not hold back another: an announcement goes out while an alert is under way', async () => {
    clock.set(NOW);
    const ws = uniqueWorkspaceId();
    let release!: () => void;
    const slackAnswers = new Promise<void>((resolve) => (release = resolve));
    const alerted: string[] = [];
    const announced: string[] = [];
    let alertUnderWay = false;
    const alerts: EventConsumer = {
      name: CONSUMERS.alerts,
      async deliver(event) {
        if (event.workspaceId !== ws || event.kind !== 'opportunity-won') return;
        if (event.payload.no === 'OP30') {
          alertUnderWay = true;
          await slackAnswers; // a post Slack is slow to answer
        }
        alerted.push(event.payload.no);
      },
    };
    const announcements: EventConsumer = {
      name: A,
      async deliver(event) {
        if (event.workspaceId === ws && event.kind === 'opportunity-won') announced.push(event.payload.no);
      },
    };
    const dispatcher = new OutboxDispatcher(outbox, clock, [announcements, alerts]);
    try {
      // Won in a direct message: an alert, no announcement. The alerts' drain waits for Slack.
      await recordEvent(db.sql, ws, { actorUserId: 'U1', channelId: 'D0DIRECT01' }, won('OP30'), clock.now());
      dispatcher.kick();
      await expect.poll(() => alertUnderWay).toBe(true);
      // Won in a team channel meanwhile: announced at the next kick, though the alert before it still waits.
      await recordEvent(db.sql, ws, { actorUserId: 'U1', channelId: 'C0SALES001' }, won('OP31'), clock.now());
      dispatcher.kick();
      await expect.poll(() => announced, { timeout: 5_000 }).toEqual(['OP31']);
      expect(alerted).toEqual([]);
    } finally {
      release();
      await dispatcher.stop();
    }
    expect(alerted).toEqual(['OP30', 'OP31']);
    expect(await pending(ws)).toBe(0);
  });

  it('a stopped dispatcher starts nothing when a late change kicks it (the app is shutting down)', async () => {
    clock.set(NOW);
    const ws = uniqueWorkspaceId();
    const announced: string[] = [];
    const dispatcher = new OutboxDispatcher(outbox, clock, [
      {
        name: A,
        async deliver(event) {
          if (event.workspaceId === ws && event.kind === 'opportunity-won') announced.push(event.payload.no);
        },
      },
    ]);
    await dispatcher.stop();
    await recordEvent(db.sql, ws, { actorUserId: 'U1', channelId: 'C0SALES001' }, won('OP35'), clock.now());
    dispatcher.kick();
    await dispatcher.idle();
    expect(announced).toEqual([]);
    expect(await pending(ws)).toBe(1);
    dispatcher.start(60_000); // started again, it delivers at the next kick
    dispatcher.kick();
    await dispatcher.stop();
    expect(announced).toEqual(['OP35']);
  });

  it('a delivery begins only while its lease has room: a slow instance does not send what another may claim', async () => {
    clock.set(NOW);
    const ws = uniqueWorkspaceId();
    for (const no of ['OP40', 'OP41'])
      await recordEvent(db.sql, ws, { actorUserId: 'U1', channelId: 'C0SALES001' }, won(no), clock.now());
    const sent: string[] = [];
    const record = (event: OutboxEvent, by: string) => {
      if (event.workspaceId === ws && event.kind === 'opportunity-won') sent.push(`${event.payload.no} by ${by}`);
    };
    const other = new OutboxDispatcher(outbox, clock, [{ name: A, deliver: async (event) => record(event, 'other') }]);
    // This instance's Slack is slow: its first delivery takes 40 s of the 60 s lease. Begun with 20 s
    // left, the second would take 25 s, and the other instance claims it once the lease has ended.
    const slow: EventConsumer = {
      name: A,
      async deliver(event) {
        if (event.workspaceId !== ws) return;
        if (sent.length === 0) clock.advance(40_000);
        else {
          clock.advance(25_000);
          await other.tick();
        }
        record(event, 'slow');
      },
    };
    await new OutboxDispatcher(outbox, clock, [slow], undefined, { concurrency: 1 }).tick();
    expect(sent).toEqual(['OP40 by slow']);
    expect(await pending(ws)).toBe(1);
    clock.advance(21_000); // the lease has ended: the event is due again, for whichever instance claims it
    await other.tick();
    expect(sent).toEqual(['OP40 by slow', 'OP41 by other']);
    expect(await pending(ws)).toBe(0);
  });

  it('an outcome that cannot be written ends its batch; the pass ends once the deliveries under way of every consumer are settled', async () => {
    clock.set(NOW);
    // Only this test's events are due: the batch of three is exactly theirs.
    await db.sql
      .updateTable('outbox_delivery')
      .set({ delivered_at: clock.now() })
      .where('delivered_at', 'is', null)
      .where('failed_at', 'is', null)
      .execute();
    const ws = uniqueWorkspaceId();
    const origin = { actorUserId: 'U1', channelId: 'C0SALES001' };
    const refused = await recordEvent(db.sql, ws, origin, won('OP50'), clock.now());
    const slow = await recordEvent(db.sql, ws, origin, won('OP51'), clock.now());
    await recordEvent(db.sql, ws, origin, won('OP52'), clock.now());
    // The database refuses to record the announcement of the first one (a sequence counts the refusals:
    // nextval is not undone with the statement).
    await sql.raw('CREATE SEQUENCE refusals').execute(db.sql);
    await sql
      .raw(
        `CREATE FUNCTION refuse_outcome() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN PERFORM nextval('refusals'); RAISE EXCEPTION 'no room to record it'; END $$`,
      )
      .execute(db.sql);
    await sql
      .raw(
        `CREATE TRIGGER refuse_outcome BEFORE UPDATE ON outbox_delivery FOR EACH ROW
         WHEN (OLD.event_id = ${refused.id} AND OLD.consumer = '${A}' AND NEW.delivered_at IS NOT NULL)
         EXECUTE FUNCTION refuse_outcome()`,
      )
      .execute(db.sql);
    const refusals = async () =>
      (
        await sql<{
          n: string;
        }>`SELECT CASE WHEN is_called THEN last_value ELSE 0 END::text AS n FROM refusals`.execute(db.sql)
      ).rows[0]?.n;
    const gate = () => {
      let open!: () => void;
      const opened = new Promise<void>((resolve) => {
        open = resolve;
      });
      return { open, opened };
    };
    try {
      const slowAnnouncement = gate();
      const alertsHeld = gate();
      const announced: string[] = [];
      const alerted: string[] = [];
      const announcements: EventConsumer = {
        name: A,
        async deliver(event) {
          if (event.workspaceId !== ws || event.kind !== 'opportunity-won') return;
          if (event.id === slow.id) await slowAnnouncement.opened;
          announced.push(event.payload.no);
        },
      };
      const alerts: EventConsumer = {
        name: CONSUMERS.alerts,
        async deliver(event) {
          if (event.workspaceId !== ws || event.kind !== 'opportunity-won') return;
          await alertsHeld.opened;
          alerted.push(event.payload.no);
        },
      };
      let ended = false;
      const pass = new OutboxDispatcher(outbox, clock, [announcements, alerts], undefined, {
        concurrency: 2,
        batchSize: 3,
      })
        .tick()
        .finally(() => {
          ended = true;
        });
      pass.catch(() => undefined);
      const settleAWhile = () => new Promise((resolve) => setTimeout(resolve, 50));

      await expect.poll(refusals).toBe('1');
      await settleAWhile();
      expect(ended).toBe(false); // the slow announcement is under way
      slowAnnouncement.open();
      await expect.poll(() => announced).toEqual(['OP50', 'OP51']);
      await settleAWhile();
      expect(ended).toBe(false); // the alerts are under way
      alertsHeld.open();
      await expect(pass).rejects.toThrow('no room to record it');
      // No announcement began after the refusal; the other consumer went on with its batch.
      expect(announced).toEqual(['OP50', 'OP51']);
      expect(alerted.sort()).toEqual(['OP50', 'OP51', 'OP52']);
      const outcomes = await db.sql
        .selectFrom('outbox_delivery')
        .select(['event_id', 'delivered_at'])
        .where('consumer', '=', A)
        .where('event_id', 'in', [refused.id, slow.id])
        .orderBy('event_id')
        .execute();
      expect(outcomes.map((o) => o.delivered_at !== null)).toEqual([false, true]);
    } finally {
      await sql.raw('DROP TRIGGER refuse_outcome ON outbox_delivery').execute(db.sql);
      await sql.raw('DROP FUNCTION refuse_outcome()').execute(db.sql);
      await sql.raw('DROP SEQUENCE refusals').execute(db.sql);
    }
  });

  it('a long outage delays a delivery without losing it; only a day of failures gives up', async () => {
    clock.set(NOW);
    const ws = uniqueWorkspaceId();
    await recordEvent(db.sql, ws, { actorUserId: 'U1', channelId: 'C0SALES001' }, won('OP30'), clock.now());
    const seen: string[] = [];
    let failure: Error | null = new Error('Slack is down');
    const consumer: EventConsumer = {
      name: A,
      async deliver(event) {
        if (event.workspaceId !== ws) return;
        if (failure) throw failure;
        if (event.kind === 'opportunity-won') seen.push(event.payload.no);
      },
    };
    const dispatcher = new OutboxDispatcher(outbox, clock, [consumer]);
    // Three hours of errors, then an hour of rate limits: many more attempts than a few, and still waiting.
    for (let minute = 0; minute < 180; minute += 5) {
      await dispatcher.tick();
      clock.advance(5 * 60_000);
    }
    failure = new RetryLaterError(60);
    for (let minute = 0; minute < 60; minute += 1) {
      await dispatcher.tick();
      clock.advance(61_000);
    }
    const waiting = await db.prisma.outboxDelivery.findFirstOrThrow({
      where: { consumer: A, event: { workspaceId: ws } },
    });
    expect(waiting.attempts).toBeGreaterThan(10);
    expect(waiting.failedAt).toBeNull();
    failure = null;
    await dispatcher.tick();
    expect(seen).toEqual(['OP30']);

    // An event that fails for a whole day is given up (logged), not retried forever.
    await recordEvent(db.sql, ws, { actorUserId: 'U1', channelId: 'C0SALES001' }, won('OP31'), clock.now());
    failure = new Error('Slack is down');
    for (let hour = 0; hour <= 25; hour += 1) {
      await dispatcher.tick();
      clock.advance(60 * 60_000);
    }
    const given = await db.prisma.outboxDelivery.findMany({
      where: { consumer: A, event: { workspaceId: ws }, failedAt: { not: null } },
    });
    expect(given.map((d) => d.lastError)).toEqual(['Slack is down']);
  });

  it('an event this version cannot read fails at once and does not block the others', async () => {
    clock.set(NOW);
    const ws = uniqueWorkspaceId();
    await sql`
      WITH event AS (
        INSERT INTO outbox_event (workspace_id, kind, actor_user_id, channel_id, payload, occurred_at)
        VALUES (${ws}, 'opportunity-won', 'U1', 'C0SALES001', '{"no": 5}'::jsonb, now()) RETURNING id)
      INSERT INTO outbox_delivery (event_id, consumer, next_attempt_at) SELECT id, ${A}, '2020-01-01'::timestamp FROM event`.execute(
      db.sql,
    );
    await recordEvent(db.sql, ws, { actorUserId: 'U1', channelId: 'C0SALES001' }, won('OP20'), clock.now());
    const claimed = (await outbox.claim(A, clock.now(), new Date(clock.now().getTime() + 60_000), 100)).filter(
      (e) => e.workspaceId === ws,
    );
    expect(claimed.map((e) => e.kind === 'opportunity-won' && e.payload.no)).toEqual(['OP20']);
    const failed = await db.prisma.outboxDelivery.findMany({
      where: { event: { workspaceId: ws }, failedAt: { not: null } },
    });
    expect(failed).toHaveLength(1);
  });

  it('events settled longer ago than the retention are pruned, with their rows; pending and summary-held ones stay (30 days)', async () => {
    clock.set(NOW);
    const ws = uniqueWorkspaceId();
    const at = (daysAgo: number) => new Date(clock.now().getTime() - daysAgo * 24 * 60 * 60_000);
    const origin = { actorUserId: 'U1', channelId: 'C0SALES001' };
    const oldDelivered = await recordEvent(db.sql, ws, origin, won('OP30'), at(10));
    const oldPending = await recordEvent(db.sql, ws, origin, won('OP31'), at(10));
    const oldHeld = await recordEvent(db.sql, ws, origin, won('OP32'), at(10));
    const oldSent = await recordEvent(db.sql, ws, origin, won('OP33'), at(10));
    const recent = await recordEvent(db.sql, ws, origin, won('OP34'), at(1));
    // Held for a summary that never came (the person left): kept 30 days, not for ever.
    const forgottenHeld = await recordEvent(db.sql, ws, origin, won('OP35'), at(31));
    const settled = [oldDelivered, oldHeld, oldSent, recent, forgottenHeld].map((e) => e.id);
    await db.sql
      .updateTable('outbox_delivery')
      .set({ delivered_at: at(9) })
      .where('event_id', 'in', settled)
      .execute();
    const note = (eventId: number, held: boolean, sentAt: Date | null) => ({
      workspace_id: ws,
      slack_user_id: 'U0REP00001',
      event_id: eventId,
      held,
      created_at: at(9),
      sent_at: sentAt,
    });
    await db.sql
      .insertInto('notification')
      .values([note(oldHeld.id, true, null), note(oldSent.id, false, at(9)), note(forgottenHeld.id, true, null)])
      .execute();

    const dispatcher = new OutboxDispatcher(outbox, clock, []);
    // Not all of the test database's events are this test's: count this workspace's.
    await dispatcher.pruneNowAndThen();
    const left = await db.sql
      .selectFrom('outbox_event')
      .select('id')
      .where('workspace_id', '=', ws)
      .orderBy('id')
      .execute();
    expect(left.map((e) => e.id)).toEqual([oldPending.id, oldHeld.id, recent.id]);
    const notes = await db.sql.selectFrom('notification').select('event_id').where('workspace_id', '=', ws).execute();
    expect(notes.map((n) => n.event_id)).toEqual([oldHeld.id]);
    expect(
      await db.prisma.outboxDelivery.count({
        where: { eventId: { in: [oldDelivered.id, oldSent.id, forgottenHeld.id] } },
      }),
    ).toBe(0);

    // At most every ten minutes: the pending one, settled now, waits for the next pruning.
    await db.sql
      .updateTable('outbox_delivery')
      .set({ delivered_at: clock.now() })
      .where('event_id', '=', oldPending.id)
      .execute();
    await dispatcher.pruneNowAndThen();
    expect(await db.prisma.outboxEvent.count({ where: { id: oldPending.id } })).toBe(1);
    clock.advance(10 * 60_000);
    await dispatcher.tick();
    expect(await db.prisma.outboxEvent.count({ where: { id: oldPending.id } })).toBe(0);
  });
});
