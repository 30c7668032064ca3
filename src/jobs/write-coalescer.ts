// Writes records as they come, one write at a time: the first is written at once, and whatever arrives
// while a write is in flight goes out together in the next one. A record is never held back waiting for
// company (so it is kept as soon as it would have been alone), yet concurrent producers share
// statements. The outbox dispatcher keeps its deliveries' outcomes this way: sixteen deliveries at a
// time would otherwise cost sixteen statements where a few do. When a shared write fails, each of its
// records is written again alone, so that one bad record fails only itself (its delivery is retried),
// not the deliveries that happened to share its statement.
export class WriteCoalescer<T> {
  private waiting: { record: T; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private writing = false;

  constructor(private readonly writeAll: (records: readonly T[]) => Promise<void>) {}

  /** Resolves once the record is written; rejects with the error of the write that carried it. */
  write(record: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ record, resolve, reject });
      if (!this.writing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.writing = true;
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      try {
        await this.writeAll(batch.map((w) => w.record));
        for (const w of batch) w.resolve();
      } catch (error) {
        if (batch.length === 1) batch[0]?.reject(error);
        else
          for (const w of batch) {
            try {
              await this.writeAll([w.record]);
              w.resolve();
            } catch (alone) {
              w.reject(alone);
            }
          }
      }
    }
    this.writing = false;
  }
}
