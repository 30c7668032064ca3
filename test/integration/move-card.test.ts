// The card a move returns, on both backends: it is what reading the opportunity right after the move
// shows (OpportunityQueries.get), for every kind of move, with history, edits, notes, a quote and open
// tasks, some of them canceled by the move.
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/domain/decimal.ts';
import { localDate } from '../../src/domain/local-date.ts';
import type { MoveRequest } from '../../src/services/opportunities.ts';
import { BACKENDS } from '../support/databases.ts';
import { useServices } from '../support/fixtures.ts';

const TODAY = localDate('2026-11-02');

describe.each(BACKENDS)('the card a move returns on %s', (backend) => {
  const { services, seededWorkspace: workspace } = useServices(backend);

  /** A cycle whose first stage has an activity (so the opportunity starts with open tasks) and the others none. */
  async function withTasks(ws: string) {
    await services.setup.addActivity(ws, {
      code: 'CALL',
      description: 'Follow-up',
      steps: [
        { description: 'Call the buyer', dateFormula: '1W' },
        { description: 'Send the summary', dateFormula: '2W' },
      ],
    });
    await services.setup.addSalesCycle(ws, { code: 'TSK', description: 'With tasks', probabilityCalculation: 'add' });
    for (const [stage, activityCode] of [
      [10, 'CALL'],
      [20, undefined],
      [30, undefined],
      [40, undefined],
    ] as const) {
      await services.setup.addStage(ws, 'TSK', {
        stage,
        description: `Stage ${stage}`,
        completedPct: dec(stage + 5),
        chancesPct: dec(33.33),
        allowSkip: true,
        dateFormula: '10D',
        ...(activityCode ? { activityCode } : {}),
      });
    }
  }

  async function expectMoveShowsTheCard(ws: string, no: string, request: Omit<MoveRequest, 'today'>) {
    const { events, replaced, ...card } = await services.opportunities.move(ws, no, { ...request, today: TODAY });
    expect(events).toHaveLength(1);
    expect(replaced).toBeDefined();
    expect(card).toStrictEqual(await services.queries.get(ws, no));
    return card;
  }

  it('equals the card read afterwards, move after move', async () => {
    const ws = await workspace();
    const opp = await services.opportunities.create(ws, {
      description: 'Fleet renewal',
      contact: 'Pat Person',
      salesperson: { slackUserId: 'UREP1', displayName: 'Rita Rep' },
      salesCycleCode: 'STD',
      activate: { estimatedValue: dec(10000), chancesPct: dec(50), estimatedCloseDate: localDate('2026-12-15') },
      today: TODAY,
    });
    await services.opportunities.addNote(ws, opp.no, { text: 'Called them', today: TODAY });
    await services.opportunities.edit(ws, opp.no, { priority: 'high', today: TODAY });
    await services.opportunities.createQuote(
      ws,
      opp.no,
      [{ description: 'Trucks', quantity: dec(3), unitPrice: dec('1234.57'), discountPct: dec(5) }],
      TODAY,
    );
    await expectMoveShowsTheCard(ws, opp.no, {
      action: 'update',
      estimatedValue: dec('12345.675'),
      chancesPct: dec('33.33'),
      estimatedCloseDate: localDate('2027-01-31'),
    });
    await expectMoveShowsTheCard(ws, opp.no, { action: 'next', dateOfChange: localDate('2026-11-12') });
    await expectMoveShowsTheCard(ws, opp.no, { action: 'skip', targetStage: 50 });
    await expectMoveShowsTheCard(ws, opp.no, { action: 'previous' });
    const back = await expectMoveShowsTheCard(ws, opp.no, { action: 'jump', targetStage: 10 });
    expect(back.history.filter((e) => e.active)).toHaveLength(1);
    const { version } = back;
    const updated = await expectMoveShowsTheCard(ws, opp.no, {
      action: 'update',
      chancesPct: dec(80),
      expectedVersion: version,
    });
    expect(updated.version).toBe(version + 1);
    expect(updated.history).toHaveLength(7);
  });

  it('shows the open tasks that stay, and leaves out those the move canceled', async () => {
    const ws = await workspace();
    await withTasks(ws);
    const create = (description: string) =>
      services.opportunities.create(ws, {
        description,
        contact: 'Acme Corp',
        salesperson: { slackUserId: 'UREP1', displayName: 'Rita Rep' },
        salesCycleCode: 'TSK',
        activate: { estimatedValue: dec(5000), chancesPct: dec(50), estimatedCloseDate: localDate('2026-12-15') },
        today: TODAY,
      });
    const kept = await create('Tasks kept');
    expect(kept.openTasks).toHaveLength(2);
    const stays = await expectMoveShowsTheCard(ws, kept.no, { action: 'next', cancelOldTasks: false });
    expect(stays.openTasks).toHaveLength(2);

    const canceled = await create('Tasks canceled');
    const gone = await expectMoveShowsTheCard(ws, canceled.no, {
      action: 'skip',
      targetStage: 40,
      cancelOldTasks: true,
    });
    expect(gone.openTasks).toEqual([]);
    await expectMoveShowsTheCard(ws, canceled.no, { action: 'previous', cancelOldTasks: true });
  });
});
