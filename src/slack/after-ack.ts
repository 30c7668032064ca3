// Work that follows an ack (replies, cards, announcements) takes one of a few slots, in arrival order.
// The ack is what Slack holds us to (3 seconds, or the user sees an error and Slack retries); replies
// through response_url stay valid for 30 minutes. So when a burst of requests arrives, every one of them
// is acknowledged first, and the replies follow as slots free up, instead of each new ack waiting behind
// the replies of all the requests before it. Work that needs a trigger_id (opening a modal) does not
// wait here: trigger_ids expire 3 seconds after the click.
export const AFTER_ACK_SLOTS = 2;
/** Past this many waiting, work runs at once: the queue smooths bursts, it never holds work back for long. */
export const AFTER_ACK_MAX_WAITING = 1_000;

export class AfterAckQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly slots = AFTER_ACK_SLOTS,
    private readonly maxWaiting = AFTER_ACK_MAX_WAITING,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.slots && this.waiting.length < this.maxWaiting) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }

  /** Work running and waiting now. */
  get size(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}
