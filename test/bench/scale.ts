// npm run bench:scale — what takes too long for `npm run bench`: the load run (two app instances on one
// PostgreSQL behind one address, 50 people for a minute; test/bench/load.ts), the digest at 1,000,000
// opportunities, an export of 100,000 and the app's memory with 1,000,000 on PGlite (the digest, export
// and memory sections of test/bench/run.ts, run as they are with those sizes).
// BENCH_SCALE_SECTIONS picks the sections (load,digest,export,memory by default). Exits with 1 when an invariant of
// the load run breaks or a section fails.
import { spawn } from 'node:child_process';
import { resolveTestPostgres } from '../support/postgres-probe.ts';

const SECTIONS = (process.env.BENCH_SCALE_SECTIONS ?? 'load,digest,export,memory').split(',').map((s) => s.trim());

const postgres = await resolveTestPostgres({ ...process.env, REQUIRE_POSTGRES: '0' }).catch(() => ({
  url: undefined,
  note: '',
}));

/** A section of `npm run bench`, in a process of its own, with the scale sizes (`env`, unless set). */
function benchSectionAtScale(section: string, env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/run.ts'], {
      env: { ...env, ...process.env, BENCH_SECTIONS: section },
      stdio: 'inherit',
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

const sections: Record<string, () => Promise<boolean>> = {
  load: async () => {
    if (!postgres.url) {
      console.log('Load: no PostgreSQL server answers; the load run needs one (TEST_DATABASE_URL).');
      return false;
    }
    const { benchLoad } = await import('./load.ts');
    const result = await benchLoad(postgres.url);
    console.log(
      result.broken.length === 0
        ? `\nLoad: every invariant holds; ${result.errors} errors.`
        : `\nLoad: ${result.broken.length} invariants BROKEN (${result.broken.join('; ')}); ${result.errors} errors.`,
    );
    return result.broken.length === 0;
  },
  digest: async () => (await benchSectionAtScale('digest', { BENCH_DIGEST_SIZES: '1000000' })) === 0,
  export: async () => (await benchSectionAtScale('export', { BENCH_EXPORT_SIZES: '100000' })) === 0,
  memory: async () => (await benchSectionAtScale('memory', { BENCH_MEMORY_OPPORTUNITIES: '1000000' })) === 0,
};

let failed = false;
for (const name of SECTIONS) {
  const section = sections[name];
  if (!section) throw new Error(`BENCH_SCALE_SECTIONS: no section ${name} (${Object.keys(sections).join(', ')})`);
  if (!(await section())) failed = true;
}
process.exitCode = failed ? 1 : 0;
