// The app's logger writes no configured secret and nothing shaped like a Slack token, whatever form it
// is logged in (a string, an object, an error, URL-encoded), and keeps the rest of the line readable.
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { LogLevel } from '@slack/bolt';
import { REDACTED, RedactingLogger } from '../../../src/slack/redacting-logger.ts';

const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const CLIENT_SECRET = 'c1i3nt+s3cr3t/with=signs';
const KEY = Buffer.from('8d2b6a1e0f4c3b5a69788796a5b4c3d2e1f00f1e2d3c4b5a6978877665544332', 'hex');

describe('RedactingLogger', () => {
  let written: string[];
  let spies: MockInstance[];
  beforeEach(() => {
    written = [];
    spies = (['debug', 'info', 'warn', 'error'] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        written.push(args.join(' '));
      }),
    );
  });
  afterEach(() => {
    for (const spy of spies) spy.mockRestore();
  });

  const logger = () => new RedactingLogger([SIGNING_SECRET, CLIENT_SECRET, KEY, undefined, ''], LogLevel.DEBUG);

  it('redacts configured secrets in every form they may take', () => {
    const log = logger();
    log.debug(`http request body: {"client_secret":"${CLIENT_SECRET}"}`);
    log.info('form body', `client_secret=${encodeURIComponent(CLIENT_SECRET)}&code=abc`);
    log.warn({ signingSecret: SIGNING_SECRET.toUpperCase(), nested: { key: KEY.toString('base64') } });
    log.error(new Error(`failed with key ${KEY.toString('hex')}`));
    const all = written.join('\n');
    for (const secret of [
      SIGNING_SECRET,
      CLIENT_SECRET,
      encodeURIComponent(CLIENT_SECRET),
      KEY.toString('hex'),
      KEY.toString('base64'),
    ])
      expect(all.toLowerCase()).not.toContain(secret.toLowerCase());
    expect(written[0]).toBe(`[DEBUG] http request body: {"client_secret":"${REDACTED}"}`);
    expect(written[1]).toBe(`[INFO] form body client_secret=${REDACTED}&code=abc`);
    expect(written[3]).toMatch(/^\[ERROR\] Error: failed with key \[REDACTED\]\n\s+at /);
  });

  it('redacts anything shaped like a Slack token, the installations’ included', () => {
    const log = logger();
    log.info(
      'tokens: xoxb-123-456-abcDEF xoxp-1-2-3-4 xoxe.xoxp-1-Mi0yLTE xoxe-1-refresh xapp-1-A0-123-abc Bearer xoxa-2-x',
    );
    expect(written).toEqual([
      `[INFO] tokens: ${REDACTED} ${REDACTED} ${REDACTED} ${REDACTED} ${REDACTED} Bearer ${REDACTED}`,
    ]);
  });

  it('writes nothing below its level, and follows setLevel', () => {
    const log = new RedactingLogger([], LogLevel.INFO);
    log.debug('hidden');
    log.info('shown');
    log.setLevel(LogLevel.ERROR);
    log.warn('hidden too');
    expect(log.getLevel()).toBe(LogLevel.ERROR);
    expect(written).toEqual(['[INFO] shown']);
  });
});
