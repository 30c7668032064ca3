// A person's Slack locale (users.info) reaches what they read: the words are English until more
// languages exist, the values are written as their locale writes them, and a form filled in their
// notation reads back. Channel posts are written for the channel, in the default locale.
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/domain/decimal.ts';
import { localDate } from '../../src/domain/local-date.ts';
import { presenterFor } from '../../src/i18n/presenter.ts';
import { BLOCK_IDS, CALLBACK_IDS } from '../../src/slack/ids.ts';
import { BACKENDS } from '../support/databases.ts';
import { newOpportunity, seededWorkspace, useTestApp } from '../support/fixtures.ts';
import { newTriggerId } from '../support/slack-requests.ts';
import { TEST_TODAY } from '../support/test-app.ts';
import { enUS } from '../support/presenter.ts';
import { inputElements, mark, openedModal, run, submitModal } from './e2e-kit.ts';

const KARL = 'U0KARL0001';
const german = presenterFor('de-DE').format;

describe.each(BACKENDS)('locales on %s', (backend) => {
  const t = useTestApp(backend, {}, (app) => app.fake.setUser(KARL, { real_name: 'Karl Klein', locale: 'de-DE' }));

  it('a German user reads English sentences with German amounts and dates; a US user the US forms', async () => {
    const teamId = await seededWorkspace(t);
    const no = await newOpportunity(t.app.services, teamId, { owner: KARL, value: 12_000.5 });

    const card = await run(t, `show ${no}`, teamId, KARL);
    expect(card).toContain(`*Estimated value*\n${german.money(dec('12000.5'), 'USD')}`);
    expect(card).toContain(german.date(localDate('2026-12-15')));
    expect(german.money(dec('12000.5'), 'USD')).toBe('12.000,50\u00a0$');
    expect(card).not.toContain('$12,000.50');

    // A refusal's dates are the reader's too.
    const refusal = await run(t, `update ${no} close:2026-10-01`, teamId, KARL);
    expect(refusal).toContain(
      `The estimated closing date (${german.date(localDate('2026-10-01'))}) can't be earlier than the date of change (${german.date(localDate(TEST_TODAY))}).`,
    );

    // Someone whose Slack speaks US English reads the same card the US way.
    const mine = await run(t, `show ${no}`, teamId);
    expect(mine).toContain(`*Estimated value*\n${enUS.format.money(dec('12000.5'), 'USD')}`);
    expect(mine).toContain('Dec 15, 2026');
  });

  it('the Update form is filled in German notation and saves unchanged', async () => {
    const teamId = await seededWorkspace(t);
    const no = await newOpportunity(t.app.services, teamId, { owner: KARL, value: 12_000.5 });
    const since = mark(t);
    const triggerId = newTriggerId();
    await t.commandAck(`move ${no}`, { teamId, userId: KARL, triggerId });
    const modal = await openedModal(t, since, CALLBACK_IDS.updateOpportunity, triggerId);
    const inputs = inputElements(modal.view);
    expect(inputs.get(BLOCK_IDS.update.estimatedValue)?.initial_value).toBe('12.000,50');

    const ack = await submitModal(t, modal, {}, { teamId, userId: KARL });
    expect(ack.text).toBe('');
    await t.settle();
    const active = await t.db.prisma.opportunityEntry.findFirstOrThrow({
      where: { workspaceId: teamId, active: true, opportunity: { no } },
    });
    expect(active.stage).toBe(20);
    expect(dec(active.estimatedValue.toString()).equals(dec('12000.5'))).toBe(true);
  });
});
