// When saving takes longer than the fast-path budget (here: always, budget 0), or other requests wait
// for their ack, the submission is acknowledged at once with a pushed "Saving…" view, and the outcome
// replaces it by external_id.
import { describe, expect, it, onTestFinished } from 'vitest';
import { newOpportunity, useTestApp } from '../support/fixtures.ts';
import { localDate } from '../../src/domain/local-date.ts';
import { BLOCK_IDS, CALLBACK_IDS } from '../../src/slack/ids.ts';
import { seedPipelineSetup } from '../support/pipeline-fixtures.ts';
import { TEST_TODAY, type TestApp } from '../support/test-app.ts';
import type { SlackAppResponse } from '../support/slack-requests.ts';
import { once } from 'node:events';
import { connect } from 'node:net';
import { mark, openedModal, sentences, submitModal } from './e2e-kit.ts';

const U = BLOCK_IDS.update;

async function openUpdate(t: TestApp, teamId: string, no: string) {
  const since = mark(t);
  const ack = await t.commandAck(`move ${no}`, { teamId });
  expect(ack.status).toBe(200);
  return openedModal(t, since, CALLBACK_IDS.updateOpportunity);
}

async function started(t: TestApp, teamId: string) {
  await seedPipelineSetup(t.app.services, teamId);
  return newOpportunity(t.app.services, teamId, { ownerName: 'Ana Rep', salesCycleCode: 'STD' });
}

/** The external_id of the "Saving…" view an ack pushed (the test fails when it pushed none). */
function progressViewOf(ack: SlackAppResponse): string {
  const body = ack.json() as { response_action?: string; view?: { external_id?: string; title?: { text?: string } } };
  expect(body.response_action).toBe('push');
  expect(body.view?.title?.text).toBe('Saving…');
  return String(body.view?.external_id);
}

/** The views.update that replaced the progress view `externalId` (made since `since`). */
function outcomeOf(t: TestApp, since: ReturnType<typeof mark>, externalId: string) {
  return t.fake.waitFor('views.update', (c) => since.calls().includes(c) && c.args.external_id === externalId);
}

function activeEntry(t: TestApp, teamId: string) {
  return t.db.prisma.opportunityEntry.findFirstOrThrow({ where: { workspaceId: teamId, active: true } });
}

describe('modal submissions on the slow path', () => {
  const t = useTestApp('pglite', { submitFastPathMs: 0 });

  it('acks with a pushed progress view, then shows Saved and applies the change', async () => {
    const teamId = t.newWorkspace();
    const no = await started(t, teamId);
    const modal = await openUpdate(t, teamId, no);
    const since = mark(t);
    const ack = await submitModal(t, modal, { [U.estimatedValue]: '15,000', [U.chances]: '45' }, { teamId });
    const progress = progressViewOf(ack);
    const update = await outcomeOf(t, since, progress);
    expect(sentences(update.args.view)).toMatch(/Your changes were saved/);
    expect((update.args.view as { clear_on_close?: boolean }).clear_on_close).toBe(true);
    // Shown in the modal (Slack knew the pushed view by its external_id): not told in a message instead.
    await t.settle();
    const fallbacks = [...since.calls('chat.postEphemeral'), ...since.calls('chat.postMessage')];
    expect(fallbacks.filter((c) => String(c.args.text).includes('Your changes were saved'))).toEqual([]);
    const active = await activeEntry(t, teamId);
    expect([active.stage, active.estimatedValue.toString()]).toEqual([20, '15000']);
  });

  it('a refusal replaces the progress view with the sentence and a Back button; nothing is written', async () => {
    const teamId = t.newWorkspace();
    const no = await started(t, teamId);
    await t.app.services.opportunities.move(teamId, no, { action: 'next', today: localDate(TEST_TODAY) }); // now at 20
    const modal = await openUpdate(t, teamId, no);
    const entriesBefore = await t.db.prisma.opportunityEntry.count({ where: { workspaceId: teamId } });
    const since = mark(t);
    // Next from 20 enters 40, which requires a quote.
    const ack = await submitModal(t, modal, {}, { teamId });
    const progress = progressViewOf(ack);
    const update = await outcomeOf(t, since, progress);
    const view = update.args.view as { close: { text: string }; clear_on_close?: boolean };
    expect(sentences(view)).toMatch(/until a sales quote is assigned/);
    expect(sentences(view)).toMatch(/Press Back to correct the form/);
    expect(view.close.text).toBe('Back');
    expect(view.clear_on_close).toBeUndefined();
    expect(await t.db.prisma.opportunityEntry.count({ where: { workspaceId: teamId } })).toBe(entriesBefore);
  });
});

// A request counts as waiting for its ack from the moment it arrives: here one whose body never
// finishes, held open by a raw connection, stands for the acks of a burst.
describe('a submission that arrives while other requests wait for their ack', () => {
  const t = useTestApp('pglite');

  /** Sends a request's headers and half its body to /slack/events; `end()` closes it unanswered. */
  async function requestInFlight(url: string): Promise<{ end: () => void }> {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    await once(socket, 'connect');
    socket.write(
      'POST /slack/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n' +
        'Content-Length: 100\r\n\r\ncommand=%2Fopp',
    );
    // Until the receiver has read its headers (and counted it), the submission below could come first.
    await new Promise((resolve) => setTimeout(resolve, 300));
    onTestFinished(() => void socket.destroy()); // also when an assertion failed first
    return { end: () => socket.destroy() };
  }

  it('is acknowledged at once with the progress view, saved once they are answered, and shows Saved', async () => {
    const teamId = t.newWorkspace();
    const no = await started(t, teamId);
    const modal = await openUpdate(t, teamId, no);
    const entriesBefore = await t.db.prisma.opportunityEntry.count({ where: { workspaceId: teamId } });
    const waiting = await requestInFlight(t.url);
    const since = mark(t);
    const ack = await submitModal(t, modal, { [U.estimatedValue]: '15,000', [U.chances]: '45' }, { teamId });
    const progress = progressViewOf(ack);
    // Nothing is saved while the other request waits for its ack.
    expect(await t.db.prisma.opportunityEntry.count({ where: { workspaceId: teamId } })).toBe(entriesBefore);
    waiting.end();
    const update = await outcomeOf(t, since, progress);
    expect(sentences(update.args.view)).toMatch(/Your changes were saved/);
    const active = await activeEntry(t, teamId);
    expect([active.stage, active.estimatedValue.toString()]).toEqual([20, '15000']);
  });

  it('a field typed wrong is shown in the view that replaces the progress view; nothing is written', async () => {
    const teamId = t.newWorkspace();
    const no = await started(t, teamId);
    const modal = await openUpdate(t, teamId, no);
    const entriesBefore = await t.db.prisma.opportunityEntry.count({ where: { workspaceId: teamId } });
    const waiting = await requestInFlight(t.url);
    const since = mark(t);
    // An amount in another currency: its error repeats what was typed.
    const ack = await submitModal(t, modal, { [U.estimatedValue]: '¥5' }, { teamId });
    const progress = progressViewOf(ack);
    waiting.end();
    const update = await outcomeOf(t, since, progress);
    const view = update.args.view as { close: { text: string } };
    expect(sentences(view)).toMatch(/¥5 is written in another currency/);
    expect(sentences(view)).toMatch(/Press Back to correct the form/);
    expect(view.close.text).toBe('Back');
    expect(await t.db.prisma.opportunityEntry.count({ where: { workspaceId: teamId } })).toBe(entriesBefore);
  });
});

// In a burst each client sends its next request a moment after its ack: a submission that comes within
// the quiet window after another request's ack is saved behind it too. (A window of a second here, so
// that the test's own pace cannot fall outside it; the app's is AFTER_ACK_QUIET_MS.)
describe('a submission that arrives within the quiet window after another ack', () => {
  const t = useTestApp('pglite', { afterAckQuietMs: 1_000 });

  it('takes the progress view; once the window has passed, the next is answered in its ack', async () => {
    const teamId = t.newWorkspace();
    const no = await started(t, teamId);
    const first = await openUpdate(t, teamId, no);
    const since = mark(t);
    const ack = await submitModal(t, first, { [U.estimatedValue]: '15,000' }, { teamId });
    const progress = progressViewOf(ack);
    const update = await outcomeOf(t, since, progress);
    expect(sentences(update.args.view)).toMatch(/Your changes were saved/);
    const second = await openUpdate(t, teamId, no);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    // Next again, from 20 into 40, which needs a quote: refused under its field, in the ack.
    const quiet = await submitModal(t, second, { [U.estimatedValue]: '16,000' }, { teamId });
    const refusal = quiet.json() as { response_action: string; errors: Record<string, string> };
    expect(refusal.response_action).toBe('errors');
    expect(Object.values(refusal.errors).join(' ')).toMatch(/until a sales quote is assigned/);
    const active = await activeEntry(t, teamId);
    expect([active.stage, active.estimatedValue.toString()]).toEqual([20, '15000']);
  });
});
