// Who is asking (src/slack/user-context.ts): users.info answers are kept for a while on the injected
// clock, a failed call keeps what was known and asks again sooner, and a full directory drops the person
// not seen for longest — against the local fake of Slack's Web API.
import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/services/clock.ts';
import { INTERACTIVE_CLIENT_OPTIONS } from '../../../src/slack/middleware/slack-client-options.ts';
import { UserDirectory } from '../../../src/slack/user-context.ts';
import { type FakeSlack, startFakeSlack } from '../../support/fake-slack.ts';
import { SLACK_DEFAULTS } from '../../support/slack-defaults.ts';

const TEAM = 'T0DIRECTORY';
const TTL_MS = 10 * 60_000;

describe('UserDirectory', () => {
  let fake: FakeSlack;
  let client: webApi.WebClient;
  beforeAll(async () => {
    fake = await startFakeSlack();
    client = new webApi.WebClient(SLACK_DEFAULTS.botToken, {
      ...INTERACTIVE_CLIENT_OPTIONS,
      retryConfig: { retries: 0 },
      slackApiUrl: fake.url,
    });
  });
  beforeEach(() => fake.reset());
  afterAll(async () => {
    await fake?.close();
  });

  const lookups = (userId: string) => fake.calls('users.info').filter((c) => c.args.user === userId).length;

  it("asks Slack once per time to live, on the app's clock", async () => {
    const clock = fixedClock('2026-12-03T09:00:00Z');
    const users = new UserDirectory(clock, TTL_MS);
    fake.setUser('U1', { real_name: 'Ann Example', tz: 'Europe/Berlin', locale: 'de-DE' });
    const first = await users.resolve(client, TEAM, 'U1');
    expect([first.displayName, first.timeZone, first.dateOrder]).toEqual(['Ann Example', 'Europe/Berlin', 'DMY']);
    clock.advance(TTL_MS);
    await users.resolve(client, TEAM, 'U1');
    expect(lookups('U1')).toBe(1);
    fake.setUser('U1', { real_name: 'Ann Example', tz: 'America/New_York', locale: 'en-US' });
    clock.advance(1);
    expect((await users.resolve(client, TEAM, 'U1')).timeZone).toBe('America/New_York');
    expect(lookups('U1')).toBe(2);
  });

  it('when Slack fails: keeps what it knew and asks again after half the time to live', async () => {
    const clock = fixedClock('2026-12-03T09:00:00Z');
    const users = new UserDirectory(clock, TTL_MS);
    fake.setUser('U2', { real_name: 'Bo Example', tz: 'Asia/Tokyo', locale: 'ja-JP' });
    await users.resolve(client, TEAM, 'U2');
    clock.advance(TTL_MS + 1);
    fake.failNext('users.info', { error: 'internal_error' });
    const kept = await users.resolve(client, TEAM, 'U2');
    expect([kept.displayName, kept.timeZone]).toEqual(['Bo Example', 'Asia/Tokyo']);
    clock.advance(TTL_MS / 2);
    await users.resolve(client, TEAM, 'U2');
    expect(lookups('U2')).toBe(2);
    clock.advance(1);
    await users.resolve(client, TEAM, 'U2');
    expect(lookups('U2')).toBe(3);
  });

  it('people asked about at the same moment cost one users.info call', async () => {
    const users = new UserDirectory(fixedClock('2026-12-03T09:00:00Z'), TTL_MS);
    fake.setUser('U3', { real_name: 'Cy Example', tz: 'Europe/Paris', locale: 'fr-FR' });
    const answers = await Promise.all(Array.from({ length: 5 }, () => users.resolve(client, TEAM, 'U3')));
    expect(answers.map((a) => a.timeZone)).toEqual(Array(5).fill('Europe/Paris'));
    expect(lookups('U3')).toBe(1);
  });

  it('staleAllowed: an answer out of date is used at once, and Slack is asked again behind it', async () => {
    const clock = fixedClock('2026-12-03T09:00:00Z');
    const users = new UserDirectory(clock, TTL_MS);
    fake.setUser('U4', { real_name: 'Di Example', tz: 'Europe/Oslo', locale: 'nb-NO' });
    await users.resolve(client, TEAM, 'U4');
    fake.setUser('U4', { real_name: 'Di Example', tz: 'Asia/Tokyo', locale: 'ja-JP' });
    // Still fresh: no call, whatever the option.
    expect((await users.resolve(client, TEAM, 'U4', { staleAllowed: true })).timeZone).toBe('Europe/Oslo');
    expect(lookups('U4')).toBe(1);
    clock.advance(TTL_MS + 1);
    expect((await users.resolve(client, TEAM, 'U4', { staleAllowed: true })).timeZone).toBe('Europe/Oslo');
    // The next one gets Slack's new answer (waiting, if need be, for the call already under way): one call.
    expect((await users.resolve(client, TEAM, 'U4')).timeZone).toBe('Asia/Tokyo');
    expect(lookups('U4')).toBe(2);
  });

  it('staleAllowed: a person never seen is looked up before the answer', async () => {
    const users = new UserDirectory(fixedClock('2026-12-03T09:00:00Z'), TTL_MS);
    fake.setUser('U5', { real_name: 'Ed Example', tz: 'America/Chicago', locale: 'en-US' });
    expect((await users.resolve(client, TEAM, 'U5', { staleAllowed: true })).timeZone).toBe('America/Chicago');
    expect(lookups('U5')).toBe(1);
  });

  it('a full directory drops the person not seen for longest, not the one read just now', async () => {
    const users = new UserDirectory(fixedClock('2026-12-03T09:00:00Z'), TTL_MS, 2);
    await users.resolve(client, TEAM, 'UA');
    await users.resolve(client, TEAM, 'UB');
    await users.resolve(client, TEAM, 'UA');
    await users.resolve(client, TEAM, 'UC');
    await users.resolve(client, TEAM, 'UA');
    expect([lookups('UA'), lookups('UB'), lookups('UC')]).toEqual([1, 1, 1]);
    await users.resolve(client, TEAM, 'UB');
    expect(lookups('UB')).toBe(2);
  });
});
