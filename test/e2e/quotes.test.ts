// The linked quote end to end: "View quote" on the card and `/opp quote OP…` show its lines and total;
// "Edit lines" opens the quote form pre-filled and saves new lines (same quote number, new amount); "Replace
// quote" links a new quote while the old one stays, unlinked, as in Business Central.
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/domain/decimal.ts';
import { localDate } from '../../src/domain/local-date.ts';
import { ACTION_IDS, CALLBACK_IDS, quoteLineBlockId } from '../../src/slack/ids.ts';
import { BACKENDS } from '../support/databases.ts';
import { newOpportunity, seededWorkspace, useTestApp } from '../support/fixtures.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { newTriggerId } from '../support/slack-requests.ts';
import { TEST_TODAY, type TestApp } from '../support/test-app.ts';
import { buttonsOf, inputElements, mark, openedModal, run, sentences, submitModal } from './e2e-kit.ts';

const CHANNEL = SLACK_DEFAULTS.channelId;

async function quoted(t: TestApp): Promise<{ teamId: string; no: string }> {
  const teamId = await seededWorkspace(t);
  const no = await newOpportunity(t.app.services, teamId);
  await t.app.services.opportunities.createQuote(
    teamId,
    no,
    [
      { description: 'Trucks', quantity: dec(2), unitPrice: dec(6000) },
      { description: 'Service', quantity: dec(1), unitPrice: dec(1000), discountPct: dec(10) },
    ],
    localDate(TEST_TODAY),
  );
  return { teamId, no };
}

describe.each(BACKENDS)('the linked quote on %s', (backend) => {
  const t = useTestApp(backend);

  async function clickForForm(teamId: string, actionId: string, no: string, callbackId: string) {
    const since = mark(t);
    const triggerId = newTriggerId();
    await t.click({ actionId, value: no, teamId, channelId: CHANNEL, triggerId, responseUrl: t.fake.responseUrl() });
    return openedModal(t, since, callbackId, triggerId);
  }

  it('View quote and /opp quote show its lines and total; the card offers it', async () => {
    const { teamId, no } = await quoted(t);
    const { reply } = await t.command(`show ${no}`, { teamId });
    expect(buttonsOf(reply.args).map((b) => b.actionId)).toContain(ACTION_IDS.viewQuote);

    const shown = await run(t, `quote ${no}`, teamId);
    expect(shown).toContain('Sales quote SQ00001');
    expect(shown).toContain('Trucks');
    expect(shown).toContain('$12,900.00'); // 12,000 + 900
    const { reply: viewed } = await t.command(`quote ${no}`, { teamId });
    expect(buttonsOf(viewed.args).map((b) => b.actionId)).toEqual([ACTION_IDS.editQuote, ACTION_IDS.replaceQuote]);

    const url = t.fake.responseUrl();
    await t.click({ actionId: ACTION_IDS.viewQuote, value: no, teamId, channelId: CHANNEL, responseUrl: url });
    const clicked = await t.fake.waitFor('response_url', (c) => c.id === url.split('/').pop());
    expect(sentences(clicked.args)).toContain('Service');

    // Without a quote, `/opp quote OP…` still opens the Create Quote form.
    const plain = await newOpportunity(t.app.services, teamId, { description: 'No quote yet' });
    const since = mark(t);
    const triggerId = newTriggerId();
    await t.commandAck(`quote ${plain}`, { teamId, triggerId });
    await openedModal(t, since, CALLBACK_IDS.createQuote, triggerId);
  });

  it('Edit lines: pre-filled, saved as new lines of the same quote, said from → to', async () => {
    const { teamId, no } = await quoted(t);
    const form = await clickForForm(teamId, ACTION_IDS.editQuote, no, CALLBACK_IDS.editQuote);
    const inputs = inputElements(form.view);
    expect(inputs.get(quoteLineBlockId(1, 'description'))?.initial_value).toBe('Trucks');
    expect(inputs.get(quoteLineBlockId(2, 'discount'))?.initial_value).toBe('10');
    const since = mark(t);
    const ack = await submitModal(
      t,
      form,
      {
        [quoteLineBlockId(1, 'description')]: 'Trucks',
        [quoteLineBlockId(1, 'quantity')]: '3',
        [quoteLineBlockId(1, 'unitPrice')]: '6,000',
        [quoteLineBlockId(2, 'description')]: '',
        [quoteLineBlockId(2, 'quantity')]: '',
        [quoteLineBlockId(2, 'unitPrice')]: '',
        [quoteLineBlockId(2, 'discount')]: '',
      },
      { teamId },
    );
    expect(ack.status).toBe(200);
    await t.settle();
    const quote = await t.db.prisma.salesQuote.findFirstOrThrow({
      where: { workspaceId: teamId, opportunity: { no } },
      include: { lines: true },
    });
    expect(quote.no).toBe('SQ00001');
    expect(quote.lines.map((l) => l.description)).toEqual(['Trucks']);
    expect(quote.lines[0]?.amount.toString()).toBe('18000');
    const said = sentences(since.calls('chat.postEphemeral').map((c) => c.args));
    expect(said).toContain('$18,000.00');
    expect(await t.db.prisma.outboxEvent.count({ where: { workspaceId: teamId, kind: 'quote-changed' } })).toBe(1);
  });

  it('Replace quote: a new quote is linked, the old one stays without the link', async () => {
    const { teamId, no } = await quoted(t);
    const form = await clickForForm(teamId, ACTION_IDS.replaceQuote, no, CALLBACK_IDS.replaceQuote);
    const ack = await submitModal(
      t,
      form,
      {
        [quoteLineBlockId(1, 'description')]: 'Vans',
        [quoteLineBlockId(1, 'quantity')]: '4',
        [quoteLineBlockId(1, 'unitPrice')]: '5,000',
      },
      { teamId },
    );
    expect(ack.status).toBe(200);
    await t.settle();
    const quotes = await t.db.prisma.salesQuote.findMany({ where: { workspaceId: teamId }, orderBy: { id: 'asc' } });
    expect(quotes.map((q) => [q.no, q.opportunityId === null])).toEqual([
      ['SQ00001', true],
      ['SQ00002', false],
    ]);
    expect(await run(t, `quote ${no}`, teamId)).toContain('$20,000.00');

    // Once closed, the quote can no longer be replaced (its lines still can be edited until the order).
    await run(t, `close ${no} won code:WIN`, teamId);
    const { reply } = await t.command(`quote ${no}`, { teamId });
    expect(buttonsOf(reply.args).map((b) => b.actionId)).toEqual([ACTION_IDS.editQuote]);
  });
});
