import { describe, expect, it } from 'vitest';
import { WriteCoalescer } from '../../../src/jobs/write-coalescer.ts';

/** A write that waits until the test lets it end, recording what each write carried. */
function gatedWrites() {
  const writes: number[][] = [];
  const gates: { open: () => void; fail: (error: Error) => void }[] = [];
  const writeAll = (records: readonly number[]) =>
    new Promise<void>((resolve, reject) => {
      writes.push([...records]);
      gates.push({ open: resolve, fail: reject });
    });
  return { writes, gates, writeAll };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('WriteCoalescer', () => {
  it('writes a lone record at once, alone', async () => {
    const { writes, gates, writeAll } = gatedWrites();
    const coalescer = new WriteCoalescer(writeAll);
    const written = coalescer.write(1);
    expect(writes).toEqual([[1]]);
    gates[0]?.open();
    await written;
    expect(writes).toEqual([[1]]);
  });

  it('puts the records that come during a write into one next write, and each resolves with its own write', async () => {
    const { writes, gates, writeAll } = gatedWrites();
    const coalescer = new WriteCoalescer(writeAll);
    const done: number[] = [];
    const track = (n: number) => coalescer.write(n).then(() => void done.push(n));
    const all = [track(1), track(2), track(3), track(4)];
    expect(writes).toEqual([[1]]);
    gates[0]?.open();
    await tick();
    expect(done).toEqual([1]);
    expect(writes).toEqual([[1], [2, 3, 4]]);
    gates[1]?.open();
    await Promise.all(all);
    expect(done).toEqual([1, 2, 3, 4]);
    // Idle again: the next record is written at once.
    void coalescer.write(5);
    expect(writes).toEqual([[1], [2, 3, 4], [5]]);
  });

  it('rejects the records of a failed write, and goes on writing the others', async () => {
    const { writes, gates, writeAll } = gatedWrites();
    const coalescer = new WriteCoalescer(writeAll);
    const first = coalescer.write(1);
    const second = coalescer.write(2);
    const third = coalescer.write(3);
    gates[0]?.fail(new Error('the database went away'));
    await expect(first).rejects.toThrow('the database went away');
    await tick();
    expect(writes).toEqual([[1], [2, 3]]);
    gates[1]?.open();
    await expect(Promise.all([second, third])).resolves.toEqual([undefined, undefined]);
  });

  it('when a shared write fails, writes each of its records alone: only the bad one fails', async () => {
    const writes: number[][] = [];
    let release: () => void = () => undefined;
    const coalescer = new WriteCoalescer<number>(async (records) => {
      writes.push([...records]);
      if (writes.length === 1) await new Promise<void>((resolve) => (release = resolve));
      if (records.includes(3)) throw new Error(`record 3 is refused`);
    });
    const first = coalescer.write(1);
    const others = [2, 3, 4].map((n) =>
      coalescer.write(n).then(
        () => 'written',
        (error: Error) => error.message,
      ),
    );
    release();
    await first;
    expect(await Promise.all(others)).toEqual(['written', 'record 3 is refused', 'written']);
    expect(writes).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
  });
});
