// Timing helpers for npm run bench. Figures are reported beside a floor measured in the same run,
// as ratios, because absolute times depend on the machine.
import { performance } from 'node:perf_hooks';

export interface Measurement {
  runs: number;
  mean: number;
  p50: number;
  p99: number;
  min: number;
}

export interface Report {
  backend: string;
  name: string;
  service: Measurement;
  floor: Measurement;
  ratio: number;
  unit: 'ms';
  extra?: string;
}

/** Runs `work` `warmups` times (once by default), then `runs` times, and summarises the durations in milliseconds. */
export async function measure(runs: number, work: () => Promise<unknown>, warmups = 1): Promise<Measurement> {
  for (let i = 0; i < warmups; i++) await work();
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    durations.push(performance.now() - start);
  }
  return summarise(durations);
}

/**
 * Times `ours` and `floor` in alternation, one run of each in turn (after `warmups` of each, in turn too),
 * so that whatever else the machine does meanwhile (a checkpoint, autovacuum on a table just loaded, another
 * process) falls on both alike instead of on whichever ran during it.
 */
export async function measureAlternating(
  runs: number,
  ours: () => Promise<unknown>,
  floor: () => Promise<unknown>,
  warmups = 1,
): Promise<{ ours: Measurement; floor: Measurement }> {
  for (let i = 0; i < warmups; i++) {
    await ours();
    await floor();
  }
  const oursDurations: number[] = [];
  const floorDurations: number[] = [];
  const timed = async (work: () => Promise<unknown>, durations: number[]) => {
    const start = performance.now();
    await work();
    durations.push(performance.now() - start);
  };
  for (let i = 0; i < runs; i++) {
    // Which goes first alternates too: neither always runs right after the other.
    if (i % 2 === 0) {
      await timed(ours, oursDurations);
      await timed(floor, floorDurations);
    } else {
      await timed(floor, floorDurations);
      await timed(ours, oursDurations);
    }
  }
  return { ours: summarise(oursDurations), floor: summarise(floorDurations) };
}

export function summarise(durations: number[]): Measurement {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    runs: sorted.length,
    mean: sorted.reduce((s, d) => s + d, 0) / Math.max(1, sorted.length),
    p50: at(0.5),
    p99: at(0.99),
    min: sorted[0] ?? 0,
  };
}

export function ratio(service: Measurement, floor: Measurement): number {
  return floor.mean > 0 ? service.mean / floor.mean : Number.NaN;
}

export function printReports(title: string, reports: Report[]): void {
  console.log(`\n## ${title}`);
  console.log('| backend | measurement | ours mean (p50 / p99) | floor mean (p50 / p99) | ratio |');
  console.log('|---|---|---|---|---|');
  for (const r of reports) {
    const f = (m: Measurement) => `${m.mean.toFixed(2)} ms (${m.p50.toFixed(2)} / ${m.p99.toFixed(2)})`;
    console.log(`| ${r.backend} | ${r.name} | ${f(r.service)} | ${f(r.floor)} | ${r.ratio.toFixed(2)}x |`);
    if (r.extra) console.log(`|  | ↳ ${r.extra} | | | |`);
  }
}
