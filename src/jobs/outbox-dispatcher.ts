// Delivers the outbox's events to their consumers. Every instance runs one; they agree through the
// database (src/services/outbox.ts claims with FOR UPDATE SKIP LOCKED and a lease), so each delivery
// happens once. Each consumer drains on its own, so that one kept busy by a stream of events (alerts)
// never holds back another's (an announcement). A change kicks them at once, so an announcement
// follows its change within moments; the interval is the safety net for a kick that found Slack down.
// A rate limit waits for Slack's Retry-After however often it comes; other failures back off (at most
// 15 minutes apart) and give up only once the event is a day old (logged), so an outage of Slack
// delays a delivery instead of losing it. A delivery that can never succeed (PermanentDeliveryError)
// is given up at once.
import { performance } from 'node:perf_hooks';
import type { Clock } from '../services/clock.ts';
import type { Consumer, Outbox, OutboxEvent, Settlement } from '../services/outbox.ts';
import { RetryLaterError } from './digest-scheduler.ts';
import { WriteCoalescer } from './write-coalescer.ts';

/** A delivery that will never succeed (the channel is gone, the bot was removed): not retried. */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}

/**
 * A delivery held on purpose until `until` (a person's quiet hours): put back for then, not counted as
 * a failed attempt.
 */
export class DeferredDelivery extends Error {
  constructor(readonly until: Date) {
    super(`held until ${until.toISOString()}`);
    this.name = 'DeferredDelivery';
  }
}

export interface EventConsumer {
  readonly name: Consumer;
  deliver(event: OutboxEvent): Promise<void>;
  /**
   * Reads once what the deliveries of a claimed batch need (instead of once per event), and returns
   * how to deliver each of them. Without it, each event is delivered by `deliver`.
   */
  prepare?(events: readonly OutboxEvent[]): Promise<(event: OutboxEvent) => Promise<void>>;
}

export interface DispatcherOptions {
  /** How long a claimed delivery is reserved for the instance delivering it. */
  leaseMs?: number;
  /** How long after its event a failing delivery is still retried (a rate limit is always waited for). */
  giveUpAfterMs?: number;
  batchSize?: number;
  /**
   * Deliveries of one consumer made at the same time. A claim holds at most one event per opportunity,
   * so the events of a batch may go out side by side without breaking the order per opportunity (as
   * they would with as many instances).
   */
  concurrency?: number;
  /** How long a settled event is kept before it is pruned (default 7 days). */
  retentionMs?: number;
  /** How long one a daily summary has yet to list is kept (default 30 days: that summary may never come). */
  heldRetentionMs?: number;
  /** Pruning runs at most this often, after a drain (default 10 minutes). */
  pruneEveryMs?: number;
  /**
   * What a drain, and each batch of it, waits for first: the HTTP receiver's acks (src/app.ts), so that
   * deliveries step back while a command waits (for a moment at most: they are not stopped). Resolves
   * within a bounded time. Default: nothing.
   */
  giveWay?: () => Promise<void>;
}

export interface DispatchResult {
  delivered: number;
  retried: number;
  failed: number;
}

/**
 * A delivery begins only with at least this part of its lease left (half: 30 s of the default 60 s),
 * far more than a delivery takes while Slack answers. Each background Web API call gives up after 10 s
 * and is retried twice at most, so one that Slack never answers could still take about 31 s: the
 * margin narrows the window in which two instances send one event, it cannot close it.
 */
const LEASE_ROOM_DIVISOR = 2;

/** Events deleted by one pruning statement, at most (a pruning runs statements until fewer are left). */
const PRUNE_BATCH = 5_000;
/**
 * How long one pruning may go on, at most (beside the drains; it holds a connection of theirs, or the
 * worker's background turn): the rest waits for the next one. Its statements give way to the acks of
 * commands, as batches do.
 */
const PRUNE_RUN_MS = 2_000;

/** Backoff after the n-th failed attempt: 10 s, 20 s, 40 s … at most 15 minutes. */
export function backoffMs(attempt: number): number {
  return Math.min(15 * 60_000, 10_000 * 2 ** Math.max(0, attempt - 1));
}

/** One consumer's drains: never two at once, and a kick during one runs one more after it. */
interface Lane {
  running: Promise<unknown> | undefined;
  again: boolean;
}

export class OutboxDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private readonly lanes: Map<EventConsumer, Lane>;
  private readonly leaseMs: number;
  private readonly giveUpAfterMs: number;
  private readonly batchSize: number;
  private readonly concurrency: number;
  private readonly giveWay: () => Promise<void>;
  private readonly retentionMs: number;
  private readonly heldRetentionMs: number;
  private readonly pruneEveryMs: number;
  private lastPruneAt = Number.NEGATIVE_INFINITY;
  private pruning: Promise<number> | undefined;
  private stopped = false;

  constructor(
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly consumers: readonly EventConsumer[],
    private readonly log: (message: string) => void = () => undefined,
    options: DispatcherOptions = {},
  ) {
    this.lanes = new Map(consumers.map((consumer) => [consumer, { running: undefined, again: false }]));
    this.leaseMs = options.leaseMs ?? 60_000;
    this.giveUpAfterMs = options.giveUpAfterMs ?? 24 * 60 * 60_000;
    // A batch's claim and reads are paid once for up to 100 deliveries, 16 of them at a time (their
    // outcomes share statements: WriteCoalescer). With 50 and 8 the app delivered 195 a second of the
    // 280 that 10,000 events a minute make, with 100 and 16 about 237 (npm run bench, alerts).
    this.batchSize = options.batchSize ?? 100;
    this.concurrency = options.concurrency ?? 16;
    this.giveWay = options.giveWay ?? (() => Promise.resolve());
    this.retentionMs = options.retentionMs ?? 7 * 24 * 60 * 60_000;
    this.heldRetentionMs = options.heldRetentionMs ?? 30 * 24 * 60 * 60_000;
    this.pruneEveryMs = options.pruneEveryMs ?? 10 * 60_000;
  }

  /** Dispatches every `intervalMs` until stop(). */
  start(intervalMs = 10_000): void {
    this.stopped = false;
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
  }

  /**
   * Dispatches now, in the background (once `giveWay` resolves), each consumer on its own: never two
   * drains of one consumer at once, and a kick during one runs one more after it (the change that
   * kicked may have come after its last claim). A consumer that found nothing is not held up by
   * another that is still busy: it claims again at the next kick.
   */
  kick(): void {
    if (this.stopped) return;
    for (const [consumer, lane] of this.lanes) this.kickLane(consumer, lane);
    if (this.lanes.size === 0) this.pruneInBackground();
  }

  private kickLane(consumer: EventConsumer, lane: Lane): void {
    if (lane.running) {
      lane.again = true;
      return;
    }
    const result: DispatchResult = { delivered: 0, retried: 0, failed: 0 };
    lane.running = this.giveWay()
      .then(() => this.drain(consumer, result))
      .then(() => this.pruneInBackground())
      .catch((error: unknown) => this.log(`outbox: ${consumer.name}: ${String(error)}`))
      .finally(() => {
        lane.running = undefined;
        if (lane.again) {
          lane.again = false;
          this.kickLane(consumer, lane);
        }
      });
  }

  /** Resolves once no drain and no pruning is running (tests, shutdown). */
  async idle(): Promise<void> {
    for (;;) {
      const running = [...this.lanes.values()].flatMap((lane) => (lane.running ? [lane.running] : []));
      if (this.pruning) running.push(this.pruning.catch(() => 0));
      if (running.length === 0) return;
      await Promise.all(running);
    }
  }

  /** Ends the interval and every drain after the one under way; a kick after it does nothing. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    for (const lane of this.lanes.values()) lane.again = false;
    await this.idle();
  }

  /**
   * One pass, awaited: every consumer's due deliveries, a batch at a time, until none is due, then the
   * pruning if it is due (or the one under way). The consumers go side by side, so that a busy one
   * (alerts) does not hold back another's (notifications). Not kept apart from the drains that kicks
   * start: both claim, so nothing is delivered twice.
   */
  async tick(): Promise<DispatchResult> {
    const result: DispatchResult = { delivered: 0, retried: 0, failed: 0 };
    // Every consumer's drain is waited for, also when one fails: the pass ends (and the next may begin)
    // only once none of its deliveries is under way.
    const drained = await Promise.allSettled(this.consumers.map((consumer) => this.drain(consumer, result)));
    const failed = drained.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
    await (this.pruning ?? this.pruneNowAndThen());
    return result;
  }

  /** Starts the pruning if it is due, beside the drains (whose next batches do not wait for it). */
  private pruneInBackground(): void {
    this.pruneNowAndThen().catch((error: unknown) => this.log(`outbox: pruning: ${String(error)}`));
  }

  /**
   * Deletes the events settled longer ago than the retention (Outbox.prune), at most every
   * `pruneEveryMs`: without it the outbox grows by every change for ever. Returns how many.
   */
  async pruneNowAndThen(): Promise<number> {
    // One pruning at a time: the consumers' drains end at different moments.
    if (this.pruning) return 0;
    const now = this.clock.now().getTime();
    if (Math.abs(now - this.lastPruneAt) < this.pruneEveryMs) return 0;
    this.lastPruneAt = now;
    this.pruning = this.prune(now).finally(() => {
      this.pruning = undefined;
    });
    return this.pruning;
  }

  private async prune(now: number): Promise<number> {
    const before = new Date(now - this.retentionMs);
    const heldBefore = new Date(now - this.heldRetentionMs);
    const started = performance.now();
    let pruned = 0;
    for (;;) {
      await this.giveWay();
      const deleted = await this.outbox.prune(before, PRUNE_BATCH, heldBefore);
      pruned += deleted;
      if (deleted < PRUNE_BATCH || performance.now() - started >= PRUNE_RUN_MS) return pruned;
    }
  }

  private async drain(consumer: EventConsumer, result: DispatchResult): Promise<void> {
    for (;;) {
      // Each batch steps back while a command waits for its ack (for a moment at most).
      await this.giveWay();
      const now = this.clock.now();
      const leaseUntil = now.getTime() + this.leaseMs;
      const due = await this.outbox.claim(consumer.name, now, new Date(leaseUntil), this.batchSize);
      const beginBy = leaseUntil - this.leaseMs / LEASE_ROOM_DIVISOR;
      // Not `< batchSize`: a claim takes one event per opportunity (in order), so a short batch may
      // leave the next event of an opportunity it just delivered due now.
      if (due.length === 0) break;
      // A batch read that fails is each delivery's failure (retried later like any other).
      const deliverOne = await (
        consumer.prepare?.(due) ?? Promise.resolve((event: OutboxEvent) => consumer.deliver(event))
      ).catch((error: unknown) => () => Promise.reject(error));
      const outcomes = new WriteCoalescer<Settlement>((settlements) => this.outbox.settle(consumer.name, settlements));
      let next = 0;
      // An outcome that could not be written (alone: see WriteCoalescer) ends the batch. The database is
      // then most likely failing, and a delivery started after it could not be kept either (its event
      // would be sent again once its lease ends); the price, when only that row was refused, is that the
      // batch's events not begun wait for their lease to end. The pass ends with that error once the
      // deliveries under way are settled, so that the next pass never runs beside this one's.
      let unwritten: { error: unknown } | undefined;
      const worker = async () => {
        while (next < due.length && unwritten === undefined) {
          const event = due[next++] as OutboxEvent;
          // A delivery begins only while its lease has room for it: once the lease ends another instance
          // may claim the event and send it too. One left here is not settled; it comes due again when
          // its lease ends, for whichever instance claims it then.
          if (this.clock.now().getTime() > beginBy) continue;
          // Each outcome is kept as soon as it is known, not when the whole batch is done: a slow
          // delivery could outlast the lease, and another instance would then claim, and send again,
          // events delivered but not yet recorded (and a crash would forget the whole batch). Outcomes
          // known while another is being written share the next statement.
          const settlement = await this.deliver(consumer, deliverOne, event, result);
          await outcomes.write(settlement).catch((error: unknown) => {
            unwritten ??= { error };
          });
        }
      };
      await Promise.all(Array.from({ length: Math.min(this.concurrency, due.length) }, worker));
      if (unwritten) throw unwritten.error;
    }
  }

  /** Delivers one event; what became of it, for the batch's settlement. */
  private async deliver(
    consumer: EventConsumer,
    deliverOne: (event: OutboxEvent) => Promise<void>,
    event: OutboxEvent,
    result: DispatchResult,
  ): Promise<Settlement> {
    try {
      await deliverOne(event);
      result.delivered += 1;
      return { eventId: event.id, outcome: 'delivered', at: this.clock.now() };
    } catch (error) {
      const now = this.clock.now();
      if (error instanceof DeferredDelivery) {
        result.retried += 1;
        return { eventId: event.id, outcome: 'deferred', at: error.until };
      }
      const reason = error instanceof Error ? error.message : String(error);
      const tooOld =
        !(error instanceof RetryLaterError) && now.getTime() - event.occurredAt.getTime() >= this.giveUpAfterMs;
      if (error instanceof PermanentDeliveryError || tooOld) {
        this.log(`outbox: ${consumer.name} gave up on event ${event.id} (${event.kind}): ${reason}`);
        result.failed += 1;
        return { eventId: event.id, outcome: 'failed', at: now, error: reason };
      }
      const waitMs = error instanceof RetryLaterError ? error.retryAfterSeconds * 1000 : backoffMs(event.attempts);
      result.retried += 1;
      return { eventId: event.id, outcome: 'retry', at: new Date(now.getTime() + waitMs), error: reason };
    }
  }
}
