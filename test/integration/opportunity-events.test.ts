// The write protocol's events, on both backends: every change of an opportunity records what happened
// in the outbox, in its own transaction (a refused or lost change records nothing), returns what it
// recorded, and only the kinds a channel hears about get an announcement delivery.
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/domain/decimal.ts';
import { localDate } from '../../src/domain/local-date.ts';
import { DomainError } from '../../src/domain/problems.ts';
import type { RecordedEvent } from '../../src/services/outbox.ts';
import { BACKENDS } from '../support/databases.ts';
import { useServices } from '../support/fixtures.ts';

const TODAY = localDate('2026-11-02');
const IN_CHANNEL = { actorUserId: 'UACTOR1', channelId: 'C0SALES001' };

describe.each(BACKENDS)('the events of opportunity changes on %s', (backend) => {
  const { db, services, seededWorkspace: workspace } = useServices(backend);

  /** The outbox as stored for the workspace: kind, actor, channel, payload, and whether it is announced. */
  async function stored(ws: string) {
    const rows = await db.sql
      .selectFrom('outbox_event as e')
      // The announcements' and notifications' deliveries (the channel alerts get one for every alerted kind).
      .leftJoin('outbox_delivery as d', (join) =>
        join.onRef('d.event_id', '=', 'e.id').on('d.consumer', 'in', ['announcements', 'notifications']),
      )
      .select(['e.id', 'e.kind', 'e.actor_user_id', 'e.channel_id', 'e.payload', 'd.consumer'])
      .where('e.workspace_id', '=', ws)
      .orderBy('e.id')
      .execute();
    return rows;
  }

  /** What a change method returned, as the outbox rows it must match. */
  function asStored(events: readonly RecordedEvent[]) {
    return events.map((e) => ({ id: e.id, kind: e.kind, payload: e.payload }));
  }

  async function started(ws: string, origin = IN_CHANNEL) {
    return services.opportunities.create(ws, {
      origin,
      description: 'Fleet renewal',
      contact: 'Acme Corp',
      salesperson: { slackUserId: 'UREP1', displayName: 'Rita Rep' },
      salesCycleCode: 'STD',
      activate: { estimatedValue: dec(10000), chancesPct: dec(50), estimatedCloseDate: localDate('2026-12-15') },
      today: TODAY,
    });
  }

  it('create, move, update, quote, order: each records its events with the change and returns them', async () => {
    const ws = await workspace();
    const opp = await started(ws);
    const about = { no: opp.no, description: 'Fleet renewal', salesperson: 'UREP1' };
    expect(opp.events.map((e) => e.kind)).toEqual(['opportunity-created', 'opportunity-moved']);
    expect(opp.events[0]?.payload).toEqual({ ...about, salesCycle: 'STD', contact: 'CT00001' });
    expect(opp.events[1]).toMatchObject({
      actorUserId: 'UACTOR1',
      channelId: 'C0SALES001',
      payload: { ...about, action: 'first', fromStage: null, toStage: 10 },
    });

    const moved = await services.opportunities.move(ws, opp.no, {
      origin: IN_CHANNEL,
      action: 'next',
      dateOfChange: localDate('2026-11-12'),
      today: TODAY,
    });
    expect(moved.events.map((e) => e.payload)).toEqual([
      {
        ...about,
        action: 'next',
        fromStage: 10,
        toStage: 20,
        changes: expect.arrayContaining([
          { field: 'stage', from: '10', to: '20' },
          { field: 'dateOfChange', from: '2026-11-02', to: '2026-11-12' },
        ]),
      },
    ]);

    const updated = await services.opportunities.move(ws, opp.no, {
      origin: IN_CHANNEL,
      action: 'update',
      estimatedValue: dec(12500),
      dateOfChange: localDate('2026-11-12'),
      today: TODAY,
    });
    expect(updated.events).toMatchObject([
      {
        kind: 'opportunity-updated',
        payload: { ...about, stage: 20, changes: [{ field: 'estimatedValue', from: '10000', to: '12500' }] },
      },
    ]);

    const quoted = await services.opportunities.createQuote(
      ws,
      opp.no,
      [{ description: 'Trucks', quantity: dec(3), unitPrice: dec('1000') }],
      TODAY,
      undefined,
      IN_CHANNEL,
    );
    expect(quoted.events.map((e) => e.payload)).toEqual([{ ...about, quoteNo: 'SQ00001', amount: '3000' }]);

    const ordered = await services.opportunities.makeOrder(ws, opp.no, { today: TODAY, origin: IN_CHANNEL });
    // Closing as Won is part of making the order: one event, which says so (the channel hears of the order once).
    expect(ordered.events.map((e) => [e.kind, e.payload])).toEqual([
      ['order-made', { ...about, orderNo: 'SO00001', amount: '3000', closedWon: true }],
    ]);
    // The Won entry is written once, with the order amount.
    expect(ordered.history.filter((e) => e.actionTaken === 'won').map((e) => e.calcdCurrentValue.toFixed(2))).toEqual([
      '3000.00',
    ]);
    const again = await services.opportunities.makeOrder(ws, opp.no, { today: TODAY, origin: IN_CHANNEL });
    expect(again).toMatchObject({ alreadyMade: true, orderNo: 'SO00001', events: [] });

    const all = [...opp.events, ...moved.events, ...updated.events, ...quoted.events, ...ordered.events];
    const rows = await stored(ws);
    const events = rows.filter((r, i) => rows.findIndex((other) => other.id === r.id) === i);
    expect(events.map((r) => ({ id: r.id, kind: r.kind, payload: r.payload }))).toEqual(asStored(all));
    expect(rows.every((r) => r.actor_user_id === 'UACTOR1' && r.channel_id === 'C0SALES001')).toBe(true);
    // Only what the channel is told about waits for the announcer.
    expect(rows.filter((r) => r.consumer === 'announcements').map((r) => r.kind)).toEqual([
      'quote-created',
      'order-made',
    ]);
    // The salesperson hears of what someone else did to their opportunity (a quote is not such news).
    expect(rows.filter((r) => r.consumer === 'notifications').map((r) => r.kind)).toEqual([
      'opportunity-moved',
      'opportunity-moved',
      'opportunity-updated',
      'order-made',
    ]);
  });

  it('close Won and Lost, delete and purge record their events; without an origin the actor is empty', async () => {
    const ws = await workspace();
    const won = await started(ws);
    const lost = await started(ws);
    const closedWon = await services.opportunities.close(ws, won.no, {
      origin: IN_CHANNEL,
      outcome: 'won',
      closeCode: 'WIN',
      salesAmount: dec(8000),
      today: TODAY,
    });
    expect(closedWon.events).toMatchObject([
      { kind: 'opportunity-won', payload: { no: won.no, amount: '8000', closeCode: 'WIN', salesperson: 'UREP1' } },
    ]);
    const closedLost = await services.opportunities.close(ws, lost.no, {
      outcome: 'lost',
      closeCode: 'PRICE',
      today: TODAY,
    });
    expect(closedLost.events).toMatchObject([
      { kind: 'opportunity-lost', actorUserId: '', channelId: null, payload: { amount: '10000', closeCode: 'PRICE' } },
    ]);
    const deleted = await services.opportunities.delete(ws, lost.no, IN_CHANNEL);
    expect(deleted.events.map((e) => e.payload)).toEqual([
      { no: lost.no, description: 'Fleet renewal', salesperson: 'UREP1', status: 'lost', purged: false },
    ]);
    const purged = await services.opportunities.purge(ws, {}, undefined, IN_CHANNEL);
    expect(purged.events.map((e) => [e.kind, e.payload])).toEqual([
      [
        'opportunity-deleted',
        { no: won.no, description: 'Fleet renewal', salesperson: 'UREP1', status: 'won', purged: true },
      ],
    ]);
    const kinds = (await stored(ws)).map((r) => [r.kind, r.consumer]);
    // The channel hears of the win; the salesperson of what someone named did (a change without an actor
    // tells nobody).
    const rest = kinds.filter(([kind]) => kind !== 'opportunity-created' && kind !== 'opportunity-moved');
    expect(rest.map(([kind, consumer]) => `${kind} ${consumer}`).sort()).toEqual([
      'opportunity-deleted notifications',
      'opportunity-deleted notifications',
      'opportunity-lost null',
      'opportunity-won announcements',
      'opportunity-won notifications',
    ]);
  });

  it('a refused change and a change that lost the race record nothing', async () => {
    const ws = await workspace();
    const opp = await started(ws);
    const before = (await stored(ws)).length;
    // Quote Required on stage 40 refuses Next from 20 without a quote; a stale version is refused too.
    await services.opportunities.move(ws, opp.no, { action: 'next', today: TODAY });
    const afterOne = (await stored(ws)).length;
    expect(afterOne).toBe(before + 1);
    const refused = await services.opportunities
      .move(ws, opp.no, { action: 'next', today: TODAY })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    const stale = await services.opportunities
      .close(ws, opp.no, { outcome: 'lost', closeCode: 'PRICE', expectedVersion: 0, today: TODAY })
      .catch((error: unknown) => error);
    expect((stale as DomainError).problem).toEqual({ kind: 'changed-meanwhile', opportunityNo: opp.no });
    // Two moves at once from the same version: one applies and records its event, the other nothing.
    const { version } = await services.opportunities.moveOptions(ws, opp.no, TODAY);
    const outcomes = await Promise.allSettled([
      services.opportunities.move(ws, opp.no, {
        action: 'update',
        estimatedValue: dec(1),
        expectedVersion: version,
        today: TODAY,
      }),
      services.opportunities.move(ws, opp.no, {
        action: 'update',
        estimatedValue: dec(2),
        expectedVersion: version,
        today: TODAY,
      }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect((await stored(ws)).length).toBe(afterOne + 1);
  });
});
