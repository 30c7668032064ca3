// Work that follows an ack (a command's reads and changes, cards) takes one of a few slots, in arrival order.
// The ack is what Slack holds us to (3 seconds, or the user sees an error and Slack retries); replies
// through response_url stay valid for 30 minutes. So when a burst of requests arrives, every one of them
// is acknowledged first, and the replies follow: a piece of work does not start while a request is still
// waiting for its ack (PendingAcks, counted by the HTTP receiver), for at most AFTER_ACK_MAX_DEFER_MS,
// nor until AFTER_ACK_QUIET_MS after the last was answered, for at most AFTER_ACK_QUIET_MAX_MS; and then
// at most `slots` run at once, however many wait: under a load the app cannot keep up with, the work
// queues here (a reply is late) rather than in the database pool, whose wait for a connection is
// bounded (work let through at once past 1,000 waiting had hundreds of changes wait for 10 connections,
// and a third of them fail). Without that, the replies of the requests before take the one thread (and
// the database) that the next acks need. Work that needs a trigger_id (opening a modal) does not wait
// here: trigger_ids expire 3 seconds after the click. The outbox's deliveries give way to the acks too
// (PendingAcks.answered, wired in src/app.ts), without the quiet window. A command's replies are written
// in its slot and sent after it (ReplySequence): the slot is not held while Slack answers the post.
import { performance } from 'node:perf_hooks';

/**
 * PGlite runs one statement at a time in its worker, but a piece of work spends much of its time in this
 * thread (parsing, rules, Block Kit): with four at once, one's statement runs while the others'
 * JavaScript does. In `npm run bench` (alerts), 2 slots handled 139 events/s, 4 handled 155.
 */
export const AFTER_ACK_SLOTS = 4;
/**
 * On PostgreSQL, with its pool of 10: eight pieces of work at once keep the connections busy while two
 * serve the statements made before an ack (the replay guard, who asks). In the same bench 4 slots
 * handled 148 events/s, 8 the 167 of 10,000 a minute.
 */
export const AFTER_ACK_SLOTS_POSTGRES = 8;
/** The longest a piece of work gives way to requests waiting for their ack (a reply is late by at most this). */
export const AFTER_ACK_MAX_DEFER_MS = 2_000;
/**
 * After the last ack, work waits this long more for the next request: in a burst, each client sends
 * its next request a few milliseconds after its ack, and work started in that gap took the thread the
 * next acks needed (`npm run bench`, /opp list at concurrency 10 on PostgreSQL: ack p50 / p99 33 / 91
 * ms with a 5 ms window, 8 / 24 ms with 20 ms, the floor's p99 16 to 22). In quiet use it delays a reply
 * by this much.
 */
export const AFTER_ACK_QUIET_MS = 20;
/**
 * Under a steady stream of requests (the alerts bench sends 144 a second, 7 ms apart) such a window never
 * comes: work waits for it this long at most. Waiting the full AFTER_ACK_MAX_DEFER_MS for it held every
 * change's work 2 s there, and the alerts' lag p99 went from 7 to 28 s on PGlite.
 */
export const AFTER_ACK_QUIET_MAX_MS = 500;

/**
 * The requests received and not answered yet. While there are some, work after an ack waits (and so do
 * the outbox's deliveries: `answered`); the queue of that work also waits for a quiet window after the
 * last answer (`busy`, `whenQuiet`).
 */
export class PendingAcks {
  private count = 0;
  private lastAnswered = Number.NEGATIVE_INFINITY;
  private quietTimer: NodeJS.Timeout | undefined;
  private readonly onNone = new Set<() => void>();
  private readonly onQuiet = new Set<() => void>();

  constructor(private readonly quietMs = AFTER_ACK_QUIET_MS) {}

  /** The requests waiting for their ack now. */
  get size(): number {
    return this.count;
  }

  /** True while a request waits for its ack, and until `quietMs` after the last one was answered. */
  busy(): boolean {
    return this.count > 0 || this.answeredWithinWindow();
  }

  /**
   * `busy()` as seen by a request still waiting for its own ack (which counts itself): another one waits
   * for its ack, or one was answered less than `quietMs` ago.
   */
  busyBesidesCaller(): boolean {
    return this.count > 1 || this.answeredWithinWindow();
  }

  /** A request arrived; the function returned says it was answered (once, however often it is called). */
  begin(): () => void {
    this.count += 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.count -= 1;
      this.lastAnswered = performance.now();
      if (this.count > 0) return;
      for (const listener of [...this.onNone]) listener();
      this.callWhenQuiet();
    };
  }

  /** Calls `listener` each time the last request waiting for its ack is answered. */
  whenNone(listener: () => void): void {
    this.onNone.add(listener);
  }

  /** Calls `listener` each time the app becomes quiet: no request waiting, none answered for `quietMs`. */
  whenQuiet(listener: () => void): void {
    this.onQuiet.add(listener);
  }

  /**
   * Resolves once no request waits for its ack (the quiet window aside), or after `maxWaitMs` at most:
   * work in the background (the outbox's deliveries) starts behind the acks of a burst, never later than that.
   */
  answered(maxWaitMs = AFTER_ACK_MAX_DEFER_MS): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.onNone.delete(done);
        resolve();
      };
      const timer = setTimeout(done, maxWaitMs);
      timer.unref();
      this.onNone.add(done);
    });
  }

  private answeredWithinWindow(): boolean {
    return performance.now() - this.lastAnswered < this.quietMs;
  }

  /** Once the window after the last answer has passed with no request waiting, calls the quiet listeners. */
  private callWhenQuiet(): void {
    if (this.quietTimer !== undefined) return;
    const look = () => {
      this.quietTimer = undefined;
      if (this.count > 0) return; // the next answer looks again
      const left = this.lastAnswered + this.quietMs - performance.now();
      if (left > 0) {
        this.quietTimer = setTimeout(look, left);
        this.quietTimer.unref();
        return;
      }
      for (const listener of [...this.onQuiet]) listener();
    };
    if (this.quietMs <= 0) {
      look();
      return;
    }
    this.quietTimer = setTimeout(look, Math.max(0, this.lastAnswered + this.quietMs - performance.now()));
    this.quietTimer.unref();
  }
}

interface Waiter {
  since: number;
  start: () => void;
}

export class AfterAckQueue {
  private running = 0;
  private readonly waiting: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly slots = AFTER_ACK_SLOTS,
    /** Without it (Socket Mode, tests), work only waits for a slot. */
    private readonly pendingAcks: PendingAcks | undefined = undefined,
    private readonly maxDeferMs = AFTER_ACK_MAX_DEFER_MS,
    private readonly quietMaxMs = AFTER_ACK_QUIET_MAX_MS,
  ) {
    pendingAcks?.whenNone(() => this.startWaiting());
    pendingAcks?.whenQuiet(() => this.startWaiting());
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.waiting.length > 0 || !this.mayStart(performance.now())) {
      await new Promise<void>((start) => {
        this.waiting.push({ since: performance.now(), start });
        this.startWaiting();
      });
    } else {
      this.running += 1;
    }
    try {
      return await work();
    } finally {
      this.running -= 1;
      this.startWaiting();
    }
  }

  /**
   * Resolves once no request waits for its ack (the quiet window aside: a reply is written after its
   * work, which waited for it), or once the longest deferral has passed since `since`
   * (performance.now() when the request was acknowledged): what a piece of work outside the slots (a
   * reply: ReplySequence) waits for before it takes this thread. Counted from the ack, so a command's
   * wait for its slot and its replies' waits defer it by about AFTER_ACK_MAX_DEFER_MS at most.
   */
  givenWay(since: number): Promise<void> {
    if (!this.pendingAcks) return Promise.resolve();
    return this.pendingAcks.answered(Math.max(0, since + this.maxDeferMs - performance.now()));
  }

  /**
   * Whether, besides the caller's own request, one waits for its ack or was answered less than the quiet
   * window ago (never without PendingAcks): a form's save then waits behind those acks (./listeners/views.ts).
   */
  busyBesidesCaller(): boolean {
    return this.pendingAcks?.busyBesidesCaller() ?? false;
  }

  /** Work running and waiting now. */
  get size(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /**
   * Whether work that has waited since `since` may take a free slot now: once no request waits for its
   * ack and the quiet window has passed, or no request waits and it has waited `quietMaxMs`, or it has
   * waited `maxDeferMs` whatever waits.
   */
  private mayStart(since: number): boolean {
    if (this.running >= this.slots) return false;
    if (!this.pendingAcks) return true;
    const waited = performance.now() - since;
    if (waited >= this.maxDeferMs) return true;
    if (this.pendingAcks.size > 0) return false;
    return waited >= this.quietMaxMs || !this.pendingAcks.busy();
  }

  /** Starts waiting work, in arrival order, while it may; otherwise looks again when the first's deferral ends. */
  private startWaiting(): void {
    let first = this.waiting[0];
    while (first && this.mayStart(first.since)) {
      this.waiting.shift();
      this.running += 1; // its slot is taken now, before it resumes
      first.start();
      first = this.waiting[0];
    }
    if (first && this.running < this.slots && this.timer === undefined) {
      // The next moment a wait may end without an answer: its longest wait for quiet, then for acks.
      const waited = performance.now() - first.since;
      const until = waited < this.quietMaxMs ? Math.min(this.quietMaxMs, this.maxDeferMs) : this.maxDeferMs;
      this.timer = setTimeout(
        () => {
          this.timer = undefined;
          this.startWaiting();
        },
        Math.max(0, until - waited),
      );
      this.timer.unref();
    }
  }
}

/**
 * A request's replies, sent in the order given, without the work that gives them waiting for Slack:
 * that work holds its AfterAckQueue slot for its own statements and rendering only. Slack answers a
 * response_url post in tens to hundreds of milliseconds; while the post was awaited inside the slot,
 * the changes behind it waited for slots however idle the database (a few dozen a second at most).
 * Each reply still gives way to the requests waiting for their ack first (`giveWay`: the queue's
 * givenWay). `sent()` resolves once every reply given so far has gone (a send reports its own failures).
 */
export class ReplySequence<Message> {
  private last: Promise<void> = Promise.resolve();

  constructor(
    private readonly sendOne: (message: Message) => Promise<void>,
    private readonly onError: (error: unknown) => void,
    private readonly giveWay: () => Promise<void> = () => Promise.resolve(),
  ) {}

  /** Queues the reply; the promise resolves at once, not when it is sent (`sent()` says that). */
  send(message: Message): Promise<void> {
    this.last = this.last
      .then(() => this.giveWay())
      .then(() => this.sendOne(message))
      .catch((error: unknown) => {
        try {
          this.onError(error);
        } catch {
          // A report that fails must not stop the replies after it.
        }
      });
    return Promise.resolve();
  }

  sent(): Promise<void> {
    return this.last;
  }
}
