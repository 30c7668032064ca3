// Random and abusive input thrown at the running app (PGlite, real Bolt receiver, fake Slack): /opp
// texts built from real subcommands, keys and garbage, and modal submissions with random state.values
// and private_metadata. Every request is acked with 200 in time, every reply is a sentence or a card
// with no broken text, a refused submission writes nothing, and the database keeps its invariants.
import { request } from 'node:http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newOpportunity, seededWorkspace, useTestApp } from '../support/fixtures.ts';
import { dec } from '../../src/domain/decimal.ts';
import { localDate } from '../../src/domain/local-date.ts';
import { Prisma } from '../../src/generated/prisma/client.ts';
import { SUBCOMMANDS } from '../../src/slack/grammar/usage.ts';
import {
  BLOCK_IDS,
  CALLBACK_IDS,
  closeCodeBlockId,
  quoteLineBlockId,
  updateTargetBlockId,
} from '../../src/slack/ids.ts';
import type { FakeSlackCall, JsonObject } from '../support/fake-slack.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { newTriggerId, slashCommand } from '../support/slack-requests.ts';
import { allText, TEST_TODAY } from '../support/test-app.ts';

const ADMIN = SLACK_DEFAULTS.userId;
const REP = 'U0FUZZREP1';
const BROKEN_WORDS = ['undefined', '[object Object]', 'NaN'];
// No timing assertions: a 200 answer already proves the ack came within Slack's 3 seconds, because
// Bolt's HTTP receiver answers 404 itself when no listener has acked by then.
const today = localDate(TEST_TODAY);

let teamId: string;

const t = useTestApp('pglite', {}, async () => {
  teamId = await seededWorkspace(t);
  await t.command('help', { teamId, userId: ADMIN });
  const { opportunities } = t.app.services;
  const make = (description: string, start = true) =>
    newOpportunity(t.app.services, teamId, { description, owner: ADMIN, start });
  await make('Fuzz open');
  await make('Fuzz quoted');
  await opportunities.createQuote(
    teamId,
    'OP00002',
    [{ description: 'Trucks', quantity: dec(2), unitPrice: dec(100) }],
    today,
  );
  await make('Fuzz won');
  await opportunities.close(teamId, 'OP00003', { outcome: 'won', closeCode: 'WIN', salesAmount: dec(5_000), today });
  await make('Fuzz not started', false);
});

/** The invariants of the pipeline's data, checked in SQL; each query lists the rows that break one. */
async function invariantViolations(): Promise<Record<string, unknown[]>> {
  const q = (sql: TemplateStringsArray) => t.db.prisma.$queryRaw<unknown[]>(Prisma.sql(sql));
  return {
    startedWithoutExactlyOneActiveEntry: await q`
      SELECT o.workspace_id, o.no, count(e.id)::int AS active
      FROM opportunity o LEFT JOIN opportunity_entry e ON e.opportunity_id = o.id AND e.active
      WHERE o.status <> 'NOT_STARTED' GROUP BY o.workspace_id, o.no HAVING count(e.id) <> 1`,
    activeEntryOnNotStarted: await q`
      SELECT o.workspace_id, o.no FROM opportunity o JOIN opportunity_entry e ON e.opportunity_id = o.id AND e.active
      WHERE o.status = 'NOT_STARTED'`,
    entryOfAnotherWorkspace: await q`
      SELECT e.id FROM opportunity_entry e JOIN opportunity o ON o.id = e.opportunity_id
      WHERE e.workspace_id <> o.workspace_id`,
    closedWithoutDate: await q`
      SELECT no FROM opportunity WHERE status IN ('WON', 'LOST') AND date_closed IS NULL`,
    numberSeriesBehind: await q`
      WITH used AS (
        SELECT workspace_id, 'opportunity' AS kind, substring(no FROM '[0-9]+$')::int AS n FROM opportunity
        UNION ALL SELECT workspace_id, 'quote', substring(no FROM '[0-9]+$')::int FROM sales_quote
        UNION ALL SELECT workspace_id, 'quote', substring(quote_no FROM '[0-9]+$')::int FROM sales_order
        UNION ALL SELECT workspace_id, 'order', substring(no FROM '[0-9]+$')::int FROM sales_order
        UNION ALL SELECT workspace_id, 'contact', substring(no FROM '[0-9]+$')::int FROM contact
        UNION ALL SELECT workspace_id, 'customer', substring(no FROM '[0-9]+$')::int FROM customer
      )
      SELECT u.workspace_id, u.kind, max(u.n) AS used, max(s.last_no) AS series
      FROM used u LEFT JOIN number_series s ON s.workspace_id = u.workspace_id AND s.kind = u.kind
      GROUP BY u.workspace_id, u.kind HAVING max(u.n) > coalesce(max(s.last_no), 0)`,
    orphanQuoteLines: await q`
      SELECT l.id FROM sales_quote_line l LEFT JOIN sales_quote h ON h.id = l.quote_id WHERE h.id IS NULL`,
    orphanOrderLines: await q`
      SELECT l.id FROM sales_order_line l LEFT JOIN sales_order h ON h.id = l.order_id WHERE h.id IS NULL`,
    quoteWithoutLines: await q`
      SELECT h.no FROM sales_quote h LEFT JOIN sales_quote_line l ON l.quote_id = h.id WHERE l.id IS NULL`,
    quoteOnClosedOrNotStarted: await q`
      SELECT h.no FROM sales_quote h JOIN opportunity o ON o.id = h.opportunity_id WHERE o.status = 'NOT_STARTED'`,
  };
}

function expectInvariants(violations: Record<string, unknown[]>): void {
  for (const [name, rows] of Object.entries(violations)) expect(rows, name).toEqual([]);
}

/** Row counts of everything a submission could write, for this workspace. */
async function rowCounts(): Promise<Record<string, number>> {
  const p = t.db.prisma;
  const where = { workspaceId: teamId };
  const [opportunities, entries, quotes, orders, contacts, customers, cycles, stages, codes, series] =
    await Promise.all([
      p.opportunity.count({ where }),
      p.opportunityEntry.count({ where }),
      p.salesQuote.count({ where }),
      p.salesOrder.count({ where }),
      p.contact.count({ where }),
      p.customer.count({ where }),
      p.salesCycle.count({ where }),
      p.salesCycleStage.count({ where: { salesCycle: where } }),
      p.closeOpportunityCode.count({ where }),
      p.numberSeries.aggregate({ where, _sum: { lastNo: true } }),
    ]);
  const versions = await p.opportunity.aggregate({ where, _sum: { version: true } });
  return {
    opportunities,
    entries,
    quotes,
    orders,
    contacts,
    customers,
    cycles,
    stages,
    codes,
    numbers: series._sum.lastNo ?? 0,
    versions: versions._sum.version ?? 0,
  };
}

function expectClean(calls: readonly FakeSlackCall[], typed: string): void {
  for (const call of calls) {
    const text = allText(call.args);
    for (const word of BROKEN_WORDS.filter((w) => !typed.includes(w))) {
      expect(text, `${call.method} after "${typed.slice(0, 80)}"`).not.toContain(word);
    }
    expect(JSON.stringify(call.args)).not.toMatch(/\n\s+at .+:\d+:\d+|PrismaClient|DriverAdapterError/);
  }
}

// ---- /opp texts -----------------------------------------------------------------------------------

const keys = [...new Set(Object.values(SUBCOMMANDS).flatMap((info) => [...info.keys]))];
const heads = Object.keys(SUBCOMMANDS).filter((id) => !['workspace delete', 'role', 'setting'].includes(id));
const values = fc.oneof(
  fc.constantFrom('OP00001', 'OP00002', 'OP00003', 'OP00004', 'OP00009', 'op00001', 'STD', 'WIN', 'PRICE', 'Acme Corp'),
  fc.constantFrom('12,000', '-5', '0', '1e400', 'NaN', '-0', '101', '40%', '12.000', '9'.repeat(60), '$1k'),
  fc.constantFrom('today', 'next friday', '31/02/2026', '2026-12-15', 'yesterday', 'in 300 years', 'end of month'),
  fc.constantFrom('"Acme Corp"', '"X;1;1"', '"Trucks;2;6000;10"', '";;;"', '"a;b;c"', "'", '"', '“x”'),
  fc.constantFrom(
    `<@${REP}>`,
    `<@${ADMIN}|ana>`,
    '<#C0SALES001|sales>',
    '<!here>',
    '&lt;b&gt;',
    'weekly',
    'monday',
    '08:00',
  ),
  fc.string({ maxLength: 15, unit: 'grapheme' }),
);
const argument = fc.oneof(
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...keys), values).map(([k, v]) => `${k}:${v}`) },
  { weight: 2, arbitrary: values },
  { weight: 1, arbitrary: fc.constantFrom('won', 'lost', 'all', 'mine', 'company', 'person', 'yes', 'no') },
);
const commandText = fc
  .tuple(fc.constantFrom(...heads), fc.array(argument, { maxLength: 6 }))
  .map(([head, args]) => [head, ...args].join(' '));

describe('random /opp commands against the running app', () => {
  it('every one is acked at once and answered with a sentence or a card; the data stays consistent', async () => {
    const texts = fc.sample(commandText, { numRuns: 60, seed: 20261102 });
    for (const [i, text] of texts.entries()) {
      const userId = i % 4 === 3 ? REP : ADMIN;
      const responseUrl = t.fake.responseUrl();
      const id = responseUrl.split('/').pop();
      const triggerId = newTriggerId();
      const start = t.fake.calls().length;
      const ack = await t.send(slashCommand({ text, responseUrl, teamId, userId, triggerId }));
      expect([ack.status, ack.text], text).toEqual([200, '']);
      // The answer: a reply through response_url, or a modal opened with this trigger.
      const answered = await Promise.any([
        t.fake.waitFor('response_url', (c) => c.id === id, 5_000),
        t.fake.waitFor('views.open', (c) => c.args.trigger_id === triggerId, 5_000),
      ]).catch(() => undefined);
      expect(answered, `no answer to "${text}"`).toBeDefined();
      await t.settle(60);
      const calls = t.fake.calls().slice(start);
      const replies = calls.filter((c) => c.method === 'response_url' && c.id === id);
      const modals = calls.filter((c) => c.method === 'views.open' && c.args.trigger_id === triggerId);
      expect(replies.length + modals.length, `no answer to "${text}"`).toBeGreaterThan(0);
      for (const reply of replies) expect(allText(reply.args).trim().length, text).toBeGreaterThan(0);
      expectClean(calls, text);
    }
    expectInvariants(await invariantViolations());
  });
});

// ---- modal submissions ----------------------------------------------------------------------------

const CALLBACKS: Record<string, string[]> = {
  [CALLBACK_IDS.createOpportunity]: Object.values(BLOCK_IDS.create),
  [CALLBACK_IDS.updateOpportunity]: [
    ...Object.values(BLOCK_IDS.update),
    updateTargetBlockId('skip'),
    updateTargetBlockId('jump'),
  ],
  [CALLBACK_IDS.closeOpportunity]: [
    ...Object.values(BLOCK_IDS.close),
    closeCodeBlockId('won'),
    closeCodeBlockId('lost'),
  ],
  [CALLBACK_IDS.createQuote]: [1, 2, 101].flatMap((line) =>
    (['description', 'quantity', 'unitPrice', 'discount'] as const).map((field) => quoteLineBlockId(line, field)),
  ),
  [CALLBACK_IDS.salesCycle]: Object.values(BLOCK_IDS.salesCycle),
  [CALLBACK_IDS.stage]: Object.values(BLOCK_IDS.stage),
  [CALLBACK_IDS.closeCode]: Object.values(BLOCK_IDS.closeCode),
  [CALLBACK_IDS.contact]: Object.values(BLOCK_IDS.contact),
};

const text = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'Fleet renewal',
    'STD',
    'WIN',
    'CT00001',
    'won',
    'lost',
    'next',
    'skip',
    'jump',
    'update',
    '40',
    '10',
  ),
  fc.constantFrom('-5', 'NaN', '1e400', '-0', '12,000', '100.001', '١٢٣', '9'.repeat(40), 'Infinity', '0'),
  fc.constantFrom('2026-02-30', '2026-13-01', 'tomorrow', '0000-00-00', '2026-12-15', '9999-12-31', '1970-01-01'),
  fc.constantFrom('x'.repeat(10_000), '<@U1>', '"; DROP TABLE opportunity; --', '__proto__', 'constructor'),
  fc.string({ maxLength: 30, unit: 'grapheme' }),
);
/** One element's state: the right shape, a wrong one, or junk where an object should be. */
const elementState: fc.Arbitrary<unknown> = fc.oneof(
  text.map((value) => ({ type: 'plain_text_input', value })),
  text.map((value) => ({ type: 'number_input', value })),
  text.map((value) => ({
    type: 'static_select',
    selected_option: { text: { type: 'plain_text', text: value }, value },
  })),
  text.map((value) => ({ type: 'external_select', selected_option: { value } })),
  text.map((value) => ({ type: 'datepicker', selected_date: value })),
  text.map((value) => ({ type: 'users_select', selected_user: value })),
  fc
    .array(text, { maxLength: 3 })
    .map((vs) => ({ type: 'checkboxes', selected_options: vs.map((value) => ({ value })) })),
  fc.constantFrom<unknown>(
    { type: 'static_select', selected_option: null },
    { type: 'plain_text_input', value: null },
    { type: 'plain_text_input', value: 42 },
    { type: 'plain_text_input', value: { nested: true } },
    { type: 'plain_text_input', value: ['a'] },
    { type: 'checkboxes', selected_options: 'cancel_tasks' },
    { type: 'checkboxes', selected_options: [null, 7] },
    { type: 'static_select', selected_option: 'won' },
    { type: 'static_select', selected_option: { value: 12 } },
    { type: 'datepicker', selected_date: 20261215 },
    {},
    null,
    'text',
    7,
    [],
  ),
);
const stateValues = (blockIds: string[]) =>
  fc
    .tuple(
      fc.subarray(blockIds),
      fc.array(fc.string({ maxLength: 12 }), { maxLength: 2 }),
      fc.array(elementState, { minLength: blockIds.length + 2, maxLength: blockIds.length + 2 }),
      fc.boolean(),
    )
    .map(([present, extra, states, wrongShape]) => {
      const values: Record<string, unknown> = {};
      [...present, ...extra].forEach((blockId, i) => {
        values[blockId] = wrongShape && i === 0 ? states[i] : { [blockId]: states[i] };
      });
      return values;
    });
const metadata = fc.oneof(
  fc.constantFrom('', '{}', '{"no":"OP00001"}', '{"no":"OP00002","version":0}', '{"no":"OP00001","version":999}'),
  fc.constantFrom(
    '{"no":"OP00003","channelId":"C0SALES001"}',
    '{"no":"OP00004"}',
    '{"no":"OP00009"}',
    '{"cycleCode":"STD"}',
  ),
  fc.constantFrom('{"no":"OP00001","version":-1}', '{"no":"op00001"}', '{"no":1}', '{"__proto__":{"no":"OP00001"}}'),
  fc.constantFrom('not json', '{"no":', 'null', '[]', '"OP00001"', `{"no":"OP00001","pad":"${'x'.repeat(3100)}"}`),
  fc.string({ maxLength: 40 }),
);
const submission = fc.constantFrom(...Object.keys(CALLBACKS)).chain((callbackId) =>
  fc.record({
    callbackId: fc.constant(callbackId),
    values: stateValues(CALLBACKS[callbackId] ?? []),
    privateMetadata: metadata,
  }),
);

describe('random modal submissions against the running app', () => {
  it('each is acked with field errors or accepted; a refused one writes nothing', async () => {
    const cases = fc.sample(submission, { numRuns: 40, seed: 1102 });
    let accepted = 0;
    for (const { callbackId, values, privateMetadata } of cases) {
      const before = await rowCounts();
      const start = t.fake.calls().length;
      const ack = await t.submit({
        callbackId,
        values: values as Record<string, Record<string, JsonObject>>,
        privateMetadata,
        teamId,
        userId: ADMIN,
      });
      const label = `${callbackId} ${JSON.stringify(values).slice(0, 200)} meta=${privateMetadata.slice(0, 60)}`;
      expect(ack.status, label).toBe(200);
      const body =
        ack.text === '' ? {} : (JSON.parse(ack.text) as { response_action?: string; errors?: Record<string, string> });
      expect(['errors', 'push', undefined], label).toContain(body.response_action);
      await t.settle(60);
      const typed = JSON.stringify(values) + privateMetadata;
      expectClean(t.fake.calls().slice(start), typed);
      if (body.response_action === 'errors') {
        const sentences = Object.values(body.errors ?? {});
        expect(sentences.length, label).toBeGreaterThan(0);
        for (const sentence of sentences) {
          expect(sentence.trim().length, label).toBeGreaterThan(3);
          for (const word of BROKEN_WORDS.filter((w) => !typed.includes(w)))
            expect(sentence, label).not.toContain(word);
        }
        expect(await rowCounts(), `a refused ${callbackId} wrote something`).toEqual(before);
      } else {
        accepted += 1;
      }
    }
    expectInvariants(await invariantViolations());
    // Random forms are nearly always refused; the run is about refusals writing nothing.
    expect(accepted).toBeLessThan(cases.length);
  });
});

describe('modal submissions whose state has the wrong shapes', () => {
  const junk: unknown[] = [
    { type: 'checkboxes', selected_options: 'cancel_tasks' },
    { type: 'checkboxes', selected_options: [null, 7] },
    { type: 'plain_text_input', value: 42 },
    { type: 'plain_text_input', value: { nested: true } },
    { type: 'static_select', selected_option: 'won' },
    { type: 'datepicker', selected_date: 20261215 },
    null,
  ];

  it.each(Object.keys(CALLBACKS))(
    '%s: every block junk → a field error in the ack, nothing written',
    async (callbackId) => {
      const before = await rowCounts();
      for (const state of junk) {
        const values: Record<string, Record<string, JsonObject>> = {};
        for (const blockId of CALLBACKS[callbackId] ?? []) values[blockId] = { [blockId]: state as JsonObject };
        const ack = await t.submit({
          callbackId,
          values,
          privateMetadata: '{"no":"OP00001","version":0}',
          teamId,
          userId: ADMIN,
        });
        const label = `${callbackId} with ${JSON.stringify(state)}`;
        expect(ack.status, label).toBe(200);
        const body = JSON.parse(ack.text) as { response_action?: string; errors?: Record<string, string> };
        expect(body.response_action, label).toBe('errors');
        for (const sentence of Object.values(body.errors ?? {}))
          for (const word of BROKEN_WORDS) expect(sentence).not.toContain(word);
      }
      expect(await rowCounts()).toEqual(before);
    },
  );
});

describe('inbound bounds', () => {
  it('a request body over 4 MB is refused before anything else happens, and the app keeps serving', async () => {
    // Sent on its own connection: the server drops it once the limit is passed.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${t.url}/slack/events`, {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': 5 * 1024 * 1024 + 8 },
      });
      req.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      req.on('error', (error) =>
        error.message.includes('EPIPE') || error.message.includes('ECONNRESET') ? resolve(413) : reject(error),
      );
      req.end(`payload=${'x'.repeat(5 * 1024 * 1024)}`);
    });
    const res = { status };
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });

  it('a 100,000-character command, a 10,000-character button value and option query, 3,001 characters of metadata', async () => {
    const { reply } = await t.command('new ' + 'x'.repeat(100_000), { teamId, userId: ADMIN });
    expect(allText(reply.args)).toMatch(/100,004 characters/);
    expect(allText(reply.args).length).toBeLessThan(3_000);

    const responseUrl = t.fake.responseUrl();
    await t.click({ actionId: 'opp_next', value: 'OP' + '9'.repeat(10_000), teamId, userId: ADMIN, responseUrl });
    const clicked = await t.fake.waitFor('response_url', (c) => c.id === responseUrl.split('/').pop());
    const sentence = allText(clicked.args);
    // Longer than any button value Slack sends (2,000): refused before any listener reads it.
    expect(sentence).toMatch(/didn't look like one from Slack/);
    expect(sentence.length).toBeLessThan(300);

    const options = await t.suggest({ actionId: 'contact_search', value: 'a'.repeat(10_000), teamId, userId: ADMIN });
    expect([options.status, options.json()]).toEqual([200, { options: [] }]);

    const before = await rowCounts();
    const ack = await t.submit({
      callbackId: CALLBACK_IDS.updateOpportunity,
      values: {
        [BLOCK_IDS.update.estimatedValue]: {
          [BLOCK_IDS.update.estimatedValue]: { type: 'plain_text_input', value: '5' },
        },
      },
      privateMetadata: JSON.stringify({ no: 'OP00001', channelId: 'C0SALES001', messageTs: '1.1' }).replace(
        '}',
        `,"x":"${'y'.repeat(3_000)}"}`,
      ),
      teamId,
      userId: ADMIN,
    });
    const body = JSON.parse(ack.text) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(await rowCounts()).toEqual(before);
  });
});
