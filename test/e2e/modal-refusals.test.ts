// A modal that could only end in a refusal is not opened: the reason comes at once, as a sentence.
import { describe, expect, it } from 'vitest';
import { newOpportunity, seededWorkspace, useTestApp } from '../support/fixtures.ts';
import { dec } from '../../src/domain/decimal.ts';
import { localDate } from '../../src/domain/local-date.ts';
import { TEST_TODAY } from '../support/test-app.ts';
import { mark, sentences } from './e2e-kit.ts';

describe('modals that cannot succeed are not opened', () => {
  const t = useTestApp('pglite');

  const opportunity = (teamId: string, start: boolean) =>
    newOpportunity(t.app.services, teamId, { start, value: 5_000, salesCycleCode: 'STD' });

  it('close on a won opportunity, and quote on one not started, answer with the reason', async () => {
    const teamId = await seededWorkspace(t);
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
