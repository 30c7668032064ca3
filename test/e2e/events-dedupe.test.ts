// Events API retries: Slack re-sends an event (X-Slack-Retry-Num) when our 200 did not reach it in
// time. The event_id is recorded once (processed_event); a second delivery is acked and skipped.
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/databases.ts';
import { seededWorkspace, useTestApp } from '../support/fixtures.ts';
import { newEventId } from '../support/slack-requests.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { mark } from './e2e-kit.ts';

const ME = SLACK_DEFAULTS.userId;

describe.each(BACKENDS)('Events API de-duplication on %s', (backend) => {
  const t = useTestApp(backend);

  function homeOpened(teamId: string, eventId: string) {
    return {
      teamId,
      eventId,
      event: { type: 'app_home_opened', user: ME, channel: 'D0REP00001', tab: 'home', event_ts: '1700000000.000100' },
    };
  }

  it('the same app_home_opened delivered twice (the second a retry) publishes Home once', async () => {
    const teamId = await seededWorkspace(t);
    const eventId = newEventId();
    const since = mark(t);

    const first = await t.event(homeOpened(teamId, eventId));
    expect([first.status, first.text]).toEqual([200, '']);
    await t.fake.waitFor('views.publish', (c) => since.calls('views.publish').includes(c));
    const retry = await t.event(homeOpened(teamId, eventId), { retryNum: 1 });
    expect(retry.status).toBe(200);
    await t.settle();
    expect(since.calls('views.publish')).toHaveLength(1);

    // A later retry, and a delivery without the header, are skipped as well.
    await t.event(homeOpened(teamId, eventId), { retryNum: 3 });
    await t.event(homeOpened(teamId, eventId));
    await t.settle();
    expect(since.calls('views.publish')).toHaveLength(1);

    // Another event_id is another event: Home is published again.
    await t.event(homeOpened(teamId, newEventId()), { retryNum: 1 });
    await t.fake.waitFor(
      'views.publish',
      (c) => since.calls('views.publish').length === 2 && since.calls('views.publish').includes(c),
    );
    await t.settle();
    expect(since.calls('views.publish')).toHaveLength(2);
    const recorded = await t.db.prisma.processedEvent.findUnique({ where: { eventId } });
    expect(recorded?.teamId).toBe(teamId);
  });

  it('two deliveries of one event at the same moment publish Home once', async () => {
    const teamId = await seededWorkspace(t);
    const eventId = newEventId();
    const since = mark(t);
    const acks = await Promise.all([
      t.event(homeOpened(teamId, eventId)),
      t.event(homeOpened(teamId, eventId), { retryNum: 1 }),
      t.event(homeOpened(teamId, eventId), { retryNum: 2 }),
    ]);
    expect(acks.map((a) => a.status)).toEqual([200, 200, 200]);
    await t.fake.waitFor('views.publish', (c) => since.calls('views.publish').includes(c));
    await t.settle();
    expect(since.calls('views.publish')).toHaveLength(1);
  });

  it('old event ids are pruned: processed_event does not grow for ever', async () => {
    const { events } = t.app.services;
    const old = new Date('2026-10-01T00:00:00Z');
    expect(await events.claim('EvOLD000001', 'T1', old)).toBe(true);
    expect(await events.claim('EvOLD000001', 'T1', old)).toBe(false);
    expect(await events.claim('EvNEW000001', 'T1', new Date('2026-11-02T09:00:00Z'))).toBe(true);
    expect(await events.prune(new Date('2026-11-01T10:00:00Z'))).toBeGreaterThanOrEqual(1);
    expect(await t.db.prisma.processedEvent.findUnique({ where: { eventId: 'EvOLD000001' } })).toBeNull();
    expect(await t.db.prisma.processedEvent.findUnique({ where: { eventId: 'EvNEW000001' } })).not.toBeNull();
  });
});
