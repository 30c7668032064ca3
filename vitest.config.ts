import { defineConfig } from 'vitest/config';
import { resolveTestPostgres } from './test/support/postgres-probe.ts';

export default defineConfig(async () => {
  const postgres = await resolveTestPostgres(process.env);
  console.log(`\n${postgres.note}\n`);
  return {
    test: {
      include: ['test/**/*.test.ts'],
      env: { TEST_DATABASE_URL: postgres.url ?? '' },
      testTimeout: 30_000,
      hookTimeout: 60_000,
      // The machine has 2 cores; the storage and end-to-end suites start databases and servers.
      maxWorkers: 2,
    },
  };
});
