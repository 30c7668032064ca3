// Writes records as they come, one write at a time: the first is written at once, and whatever arrives
// while a write is in flight goes out together in the next one. A record is never held back waiting for
// company (so it is kept as soon as it would have been alone), yet concurrent producers share
// statements. The outbox dispatcher keeps its deliveries' outcomes this way: eight deliveries at a time
// would otherwise cost eight statements where one or two do.
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
        for (const w of batch) w.reject(error);
      }
    }
    this.writing = false;
  }
}
