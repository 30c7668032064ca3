// When saving takes longer than the fast-path budget (here: always, budget 0), the submission is
// acknowledged at once with a pushed "Saving…" view, and the outcome replaces it by external_id.
import { describe, expect, it } from 'vitest';
import { newOpportunity, useTestApp } from '../support/fixtures.ts';
import { localDate } from '../../src/domain/local-date.ts';
import { BLOCK_IDS, CALLBACK_IDS } from '../../src/slack/ids.ts';
import { seedPipelineSetup } from '../support/pipeline-fixtures.ts';
import { TEST_TODAY } from '../support/test-app.ts';
import { mark, openedModal, sentences, submitModal } from './e2e-kit.ts';

const U = BLOCK_IDS.update;

describe('modal submissions on the slow path', () => {
  const t = useTestApp('pglite', { submitFastPathMs: 0 });

  async function openUpdate(teamId: string, no: string) {
    const since = mark(t);
    const ack = await t.commandAck(`move ${no}`, { teamId });
    expect(ack.status).toBe(200);
    return openedModal(t, since, CALLBACK_IDS.updateOpportunity);
  }

  async function started(teamId: string) {
    await seedPipelineSetup(t.app.services, teamId);
    return newOpportunity(t.app.services, teamId, { ownerName: 'Ana Rep', salesCycleCode: 'STD' });
  }

  it('acks with a pushed progress view, then shows Saved and applies the change', async () => {
    const teamId = t.newWorkspace();
    const no = await started(teamId);
    const modal = await openUpdate(teamId, no);
    const since = mark(t);
    const ack = await submitModal(t, modal, { [U.estimatedValue]: '15,000', [U.chances]: '45' }, { teamId });
    const body = ack.json() as { response_action: string; view: { external_id: string; title: { text: string } } };
    expect(body.response_action).toBe('push');
    expect(body.view.title.text).toBe('Saving…');
    const update = await t.fake.waitFor(
      'views.update',
      (c) => since.calls().includes(c) && c.args.external_id === body.view.external_id,
    );
    expect(sentences(update.args.view)).toMatch(/Your changes were saved/);
    expect((update.args.view as { clear_on_close?: boolean }).clear_on_close).toBe(true);
    const active = await t.db.prisma.opportunityEntry.findFirstOrThrow({
      where: { workspaceId: teamId, active: true },
    });
    expect([active.stage, active.estimatedValue.toString()]).toEqual([20, '15000']);
  });

  it('a refusal replaces the progress view with the sentence and a Back button; nothing is written', async () => {
    const teamId = t.newWorkspace();
    const no = await started(teamId);
    await t.app.services.opportunities.move(teamId, no, { action: 'next', today: localDate(TEST_TODAY) }); // now at 20
    const modal = await openUpdate(teamId, no);
    const entriesBefore = await t.db.prisma.opportunityEntry.count({ where: { workspaceId: teamId } });
    const since = mark(t);
    // Next from 20 enters 40, which requires a quote.
    const ack = await submitModal(t, modal, {}, { teamId });
    const body = ack.json() as { response_action: string; view: { external_id: string } };
    expect(body.response_action).toBe('push');
    const update = await t.fake.waitFor(
      'views.update',
      (c) => since.calls().includes(c) && c.args.external_id === body.view.external_id,
    );
    const view = update.args.view as { close: { text: string }; clear_on_close?: boolean };
    expect(sentences(view)).toMatch(/until a sales quote is assigned/);
    expect(sentences(view)).toMatch(/Press Back to correct the form/);
    expect(view.close.text).toBe('Back');
    expect(view.clear_on_close).toBeUndefined();
    expect(await t.db.prisma.opportunityEntry.count({ where: { workspaceId: teamId } })).toBe(entriesBefore);
  });
});
