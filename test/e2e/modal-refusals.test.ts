// A modal that could only end in a refusal is not opened: the reason comes at once, as a sentence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dec } from '../../src/domain/decimal.ts';
import { localDate } from '../../src/domain/local-date.ts';
import { seedPipelineSetup } from '../support/pipeline-fixtures.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { startTestApp, TEST_TODAY, type TestApp } from '../support/test-app.ts';
import { mark, sentences } from './e2e-kit.ts';

describe('modals that cannot succeed are not opened', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite');
  });
  afterAll(async () => {
    await t?.close();
  });

  async function opportunity(teamId: string, activate: boolean) {
    const detail = await t.app.services.opportunities.create(teamId, {
      description: 'Fleet renewal',
      contact: 'Acme Corp',
      salesperson: { slackUserId: SLACK_DEFAULTS.userId },
      salesCycleCode: 'STD',
      activate: activate
        ? { estimatedValue: dec(5_000), chancesPct: dec(50), estimatedCloseDate: localDate('2026-12-15') }
        : undefined,
      today: localDate(TEST_TODAY),
    });
    return detail.no;
  }

  it('close on a won opportunity, and quote on one not started, answer with the reason', async () => {
    const teamId = t.newWorkspace();
    await seedPipelineSetup(t.app.services, teamId);
    const won = await opportunity(teamId, true);
    await t.app.services.opportunities.close(teamId, won, {
      outcome: 'won',
      closeCode: 'WIN',
      salesAmount: dec(5_000),
      today: localDate(TEST_TODAY),
    });
    const notStarted = await opportunity(teamId, false);
    const since = mark(t);
    const closeReply = await t.command(`close ${won}`, { teamId });
    expect(sentences(closeReply.reply.args)).toMatch(new RegExp(`${won}.*(closed|Won)`));
    const quoteReply = await t.command(`quote ${notStarted}`, { teamId });
    expect(sentences(quoteReply.reply.args)).toMatch(/In Progress|in progress/);
    expect(since.calls('views.open')).toHaveLength(0);
  });
});
