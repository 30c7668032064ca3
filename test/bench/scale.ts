// npm run bench:scale — what takes too long for `npm run bench`: the load run (two app instances on one
// PostgreSQL behind one address, 50 people for a minute; test/bench/load.ts) and the digest at
// 1,000,000 opportunities (the digest section of test/bench/run.ts, run as it is with those sizes).
// BENCH_SCALE_SECTIONS picks the sections (load,digest by default). Exits with 1 when an invariant of
// the load run breaks or a section fails.
import { spawn } from 'node:child_process';
import { resolveTestPostgres } from '../support/postgres-probe.ts';

const SECTIONS = (process.env.BENCH_SCALE_SECTIONS ?? 'load,digest').split(',').map((s) => s.trim());

const postgres = await resolveTestPostgres({ ...process.env, REQUIRE_POSTGRES: '0' }).catch(() => ({
  url: undefined,
  note: '',
}));

/** The digest section of `npm run bench`, in a process of its own, at the scale sizes. */
function digestAtScale(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/run.ts'], {
      env: {
        ...process.env,
        BENCH_SECTIONS: 'digest',
        BENCH_DIGEST_SIZES: process.env.BENCH_DIGEST_SIZES ?? '1000000',
      },
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
  digest: async () => (await digestAtScale()) === 0,
};

let failed = false;
for (const name of SECTIONS) {
  const section = sections[name];
  if (!section) throw new Error(`BENCH_SCALE_SECTIONS: no section ${name} (${Object.keys(sections).join(', ')})`);
  if (!(await section())) failed = true;
}
process.exitCode = failed ? 1 : 0;
