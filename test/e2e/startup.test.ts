// The process as a person starts it: `npm start` without credentials explains itself and exits 1;
// /healthz tells whether the database answers.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BACKENDS, postgresOutage } from '../support/databases.ts';
import { startTestApp } from '../support/test-app.ts';

function runMain(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    // An empty working directory inside the repository: no .env file is picked up, tsx still resolves.
    const cwd = new URL('../../test-output/empty-cwd/', import.meta.url).pathname;
    mkdirSync(cwd, { recursive: true });
    const child = spawn(process.execPath, ['--import', 'tsx', new URL('../../src/main.ts', import.meta.url).pathname], {
      cwd,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('starting the app', () => {
  // Outside production, no credential at all opens the playground instead (test/e2e/playground-start.test.ts).
  it('in production without Slack credentials: names the missing variables, no stack trace, exit status 1', async () => {
    const { code, output } = await runMain({ NODE_ENV: 'production' });
    expect(code).toBe(1);
    expect(output).toMatch(/SLACK_BOT_TOKEN is missing/);
    expect(output).toMatch(/SLACK_SIGNING_SECRET is missing/);
    expect(output).not.toMatch(/\n\s+at /); // no stack frames
  });

  it('with a bad value: names the variable and exits 1', async () => {
    const { code, output } = await runMain({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: 'eighty' });
    expect(code).toBe(1);
    expect(output).toMatch(/PORT must be a port number/);
  });

  // The route asks Services.ping, which asks the database: a ping that always answered true fails here.
  // PostgreSQL goes away as in an outage (its sessions ended, new ones refused) rather than by closing
  // the app's pool under it: pg's Pool leaves a statement that was waiting for a connection when end()
  // was called waiting out its whole timeout, which the app's own stop never meets (it closes last).
  it.each(BACKENDS)(
    '/healthz answers 200 while the database (%s) answers and 503 once it does not',
    async (backend) => {
      const t = await startTestApp(backend);
      try {
        const ok = await fetch(`${t.url}/healthz`);
        expect([ok.status, await ok.json()]).toEqual([200, { status: 'ok' }]);
        if (t.db.url) await postgresOutage(t.db.url).start();
        else await t.db.close();
        const down = await fetch(`${t.url}/healthz`);
        expect(down.status).toBe(503);
        expect(await down.json()).toEqual({ status: 'unavailable', reason: 'database' });
      } finally {
        await t.app.stop();
        await t.fake.close();
        if (t.db.url) await t.db.destroy();
      }
    },
  );
});
