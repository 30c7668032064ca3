// Decides, once per test run, whether the PostgreSQL suites run: TEST_DATABASE_URL if set, otherwise
// the local server these machines usually have. Without one the suites are skipped, and the run says so.
import pg from 'pg';

export const DEFAULT_LOCAL_POSTGRES = 'postgresql://postgres@127.0.0.1:5432/test';

export async function resolveTestPostgres(
  env: Record<string, string | undefined>,
): Promise<{ url: string | undefined; note: string }> {
  const explicit = env.TEST_DATABASE_URL?.trim();
  const required = env.REQUIRE_POSTGRES === '1';
  const candidate = explicit || DEFAULT_LOCAL_POSTGRES;
  const error = await probe(candidate);
  if (!error) {
    return { url: candidate, note: `PostgreSQL suites: running against ${redact(candidate)}.` };
  }
  if (explicit || required) {
    throw new Error(`PostgreSQL is required for this run but ${redact(candidate)} does not answer: ${error}`);
  }
  return {
    url: undefined,
    note:
      'PostgreSQL suites: SKIPPED (no server answers at 127.0.0.1:5432 and TEST_DATABASE_URL is not set). ' +
      'Everything else runs on the embedded database. Set TEST_DATABASE_URL=postgresql://… to include them.',
  };
}

async function probe(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
