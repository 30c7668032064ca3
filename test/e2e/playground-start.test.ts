// `npm start` with no Slack credential at all opens the playground and says where, in one line; some
// credentials but not all keep the error; production never opens it.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasNoSlackCredentials } from '../../src/config.ts';
import { launchPlayground } from '../../src/playground/run.ts';

function startMain(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
} {
  // An empty working directory inside the repository: no .env file is picked up, tsx still resolves.
  const cwd = new URL('../../test-output/empty-cwd/', import.meta.url).pathname;
  mkdirSync(cwd, { recursive: true });
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('../../src/main.ts', import.meta.url).pathname], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

describe('starting without Slack', () => {
  it('no credential at all: the playground starts on loopback and one line gives its address', async () => {
    const main = startMain({ PORT: '0', DATA_DIR: 'memory://', LOG_LEVEL: 'error' });
    try {
      await expect.poll(main.output, { timeout: 90_000, interval: 200 }).toMatch(/playground runs at/);
      const line =
        main
          .output()
          .split('\n')
          .find((l) => l.includes('playground runs at')) ?? '';
      expect(line).toMatch(
        /^No Slack credentials: the playground runs at http:\/\/127\.0\.0\.1:\d+ — set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to connect to Slack \(README\)$/,
      );
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(line)?.[0] ?? '';
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('/play/client.js');
    } finally {
      main.child.kill('SIGKILL');
      await main.exit;
    }
  }, 120_000);

  it('some credentials but not all: the error names what is missing, as before', async () => {
    const main = startMain({ SLACK_SIGNING_SECRET: 'a-signing-secret' });
    expect(await main.exit).toBe(1);
    expect(main.output()).toMatch(/SLACK_BOT_TOKEN is missing/);
    expect(main.output()).not.toMatch(/playground/);
  }, 60_000);

  it('counts a blank variable as unset, and any credential as a wish to connect to Slack', () => {
    expect(hasNoSlackCredentials({ SLACK_BOT_TOKEN: ' ', PORT: '3000' })).toBe(true);
    for (const name of [
      'SLACK_BOT_TOKEN',
      'SLACK_SIGNING_SECRET',
      'SLACK_APP_TOKEN',
      'SLACK_CLIENT_ID',
      'SLACK_CLIENT_SECRET',
    ]) {
      expect(hasNoSlackCredentials({ [name]: 'x' })).toBe(false);
    }
  });

  it('never in production, and not with a bad setting', async () => {
    const production = await launchPlayground({ NODE_ENV: 'production' }, 'asked');
    expect(production).toEqual({ ok: false, problems: [expect.stringContaining('NODE_ENV=production')] });
    const badPort = await launchPlayground({ PORT: 'eighty' }, 'asked');
    expect(badPort).toEqual({ ok: false, problems: [expect.stringMatching(/^PORT must be a port number/)] });
  });
});
