// `/opp export` read a page at a time and streamed to Slack (issue 16): the file is byte for byte the
// one the single-query export wrote (every row, its order, its escaping), whatever the page size, with
// the reader's permissions; and a file Slack does not take leaves nothing shared, only a sentence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dec } from '../../src/domain/decimal.ts';
import { localDate } from '../../src/domain/local-date.ts';
import type { OpportunityFilter } from '../../src/services/opportunity-queries.ts';
import { opportunitiesCsv } from '../../src/slack/csv.ts';
import { BACKENDS } from '../support/databases.ts';
import { seedPipelineSetup } from '../support/pipeline-fixtures.ts';
import { enUS } from '../support/presenter.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { startTestApp, TEST_TODAY, type TestApp } from '../support/test-app.ts';
import { mark, run } from './e2e-kit.ts';

const ADMIN = SLACK_DEFAULTS.userId;
const REP = 'U0EXPREP01';
const PAGE_SIZE = 3;

/** Text a CSV must quote or guard, spread over both salespeople and every status. */
const DESCRIPTIONS = [
  'Fleet renewal, phase "2"',
  '=SUM(A1:A3)',
  '+44 20 7946 0000 callback',
  '-15% discount',
  '@here big one',
  'Plain deal',
  'Café déjà vu 商机',
  'Semi; colon',
  'Quote "only"',
  'Trailing comma,',
  'Ordinary',
  'Last one',
];

async function pipelineWithEdgeCases(t: TestApp, teamId: string): Promise<void> {
  const { setup, opportunities } = t.app.services;
  await seedPipelineSetup(t.app.services, teamId);
  await setup.addContact(teamId, { name: 'Comma, Quote "and" Co', type: 'company' });
  const today = localDate(TEST_TODAY);
  for (const [i, description] of DESCRIPTIONS.entries()) {
    const rep = i % 3 === 1;
    await opportunities.create(teamId, {
      description,
      contact: i % 2 ? 'Comma, Quote "and" Co' : 'Pat Person',
      salesperson: rep
        ? { slackUserId: REP, displayName: 'Rita Rep' }
        : { slackUserId: ADMIN, displayName: 'Ana Admin' },
      salesCycleCode: 'STD',
      ...(i === 5
        ? {}
        : {
            activate: {
              estimatedValue: dec(1_000 * (i + 1) + 0.5),
              chancesPct: dec(35),
              estimatedCloseDate: localDate('2026-12-15'),
            },
          }),
      today,
    });
  }
  await opportunities.move(teamId, 'OP00002', { action: 'next', today });
  await opportunities.close(teamId, 'OP00003', { outcome: 'won', closeCode: 'WIN', salesAmount: dec(2_800), today });
  await opportunities.close(teamId, 'OP00004', { outcome: 'lost', closeCode: 'PRICE', today });
  await opportunities.close(teamId, 'OP00008', { outcome: 'lost', closeCode: 'NOBUDGET', today });
  await opportunities.close(teamId, 'OP00010', { outcome: 'lost', closeCode: 'PRICE', today });
}

/** The file the export wrote before it streamed: one query for every row, then one string. */
async function csvAsBefore(t: TestApp, teamId: string, filter: OpportunityFilter): Promise<string> {
  const { items } = await t.app.services.queries.list(teamId, filter, 100_000, 0);
  const { currency } = await t.app.services.setup.workspaceSettings(teamId);
  return opportunitiesCsv(enUS, items, currency);
}

describe.each(BACKENDS)('/opp export on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend, { exportPageSize: PAGE_SIZE });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a file over several pages is byte for byte the single-query file, for a manager and for a rep', async () => {
    const teamId = t.newWorkspace();
    await pipelineWithEdgeCases(t, teamId);
    // Everything: 12 rows, four full pages (and the empty read that ends them).
    const since = mark(t);
    expect(await run(t, 'export all status:all', teamId, ADMIN)).toMatch(/Exported 12 opportunities/);
    const everything = t.fake.uploads.find((u) => since.calls('file_upload').some((c) => c.id === u.fileId));
    const expected = await csvAsBefore(t, teamId, { status: 'all' });
    expect(everything?.data.toString('utf8')).toBe(expected);
    expect(everything?.length).toBe(everything?.data.length); // the length declared up front
    const lines = expected.split('\r\n');
    expect(lines).toHaveLength(DESCRIPTIONS.length + 2); // header, rows, and the empty string after the last CRLF
    expect(lines.slice(1, -1).map((l) => l.slice(0, 7))).toEqual(
      DESCRIPTIONS.map((_, i) => `OP${String(i + 1).padStart(5, '0')}`),
    );
    expect(expected).toContain('OP00001,"Fleet renewal, phase ""2""",');
    expect(expected).toContain("OP00002,'=SUM(A1:A3),");
    expect(expected).toContain("OP00003,'+44 20 7946 0000 callback,");
    expect(expected).toContain(',"Comma, Quote ""and"" Co",');
    const shared = since.calls('files.completeUploadExternal');
    expect(shared).toHaveLength(1);
    expect((shared[0]?.args.files as { id: string }[])[0]?.id).toBe(everything?.fileId);

    // A rep without a scope: their own open ones (2, 5 and 11: one full page, then an empty read).
    const rep = mark(t);
    expect(await run(t, 'export', teamId, REP)).toMatch(/Exported 3 opportunities/);
    const own = t.fake.uploads.find((u) => rep.calls('file_upload').some((c) => c.id === u.fileId));
    expect(own?.data.toString('utf8')).toBe(await csvAsBefore(t, teamId, { salespersonSlackUserId: REP }));

    // Open ones of everybody: 8 rows, two full pages and a partial one.
    const open = mark(t);
    expect(await run(t, 'export all', teamId, ADMIN)).toMatch(/Exported 8 opportunities/);
    const openFile = t.fake.uploads.find((u) => open.calls('file_upload').some((c) => c.id === u.fileId));
    expect(openFile?.data.toString('utf8')).toBe(await csvAsBefore(t, teamId, {}));
  });

  it('an upload Slack refuses tells the person and shares nothing', async () => {
    const teamId = t.newWorkspace();
    await pipelineWithEdgeCases(t, teamId);
    await run(t, 'list', teamId, ADMIN); // the admin first, so that the failures below are the export's

    // The bytes are refused: no message, no file shared.
    const refused = mark(t);
    t.fake.failNext('file_upload', { status: 500 });
    expect(await run(t, 'export all status:all', teamId, ADMIN)).toMatch(
      /Slack didn't take the CSV file just now, so nothing was sent to you/,
    );
    await t.settle();
    expect(refused.calls('file_upload')).toHaveLength(1);
    expect(refused.calls('files.completeUploadExternal')).toHaveLength(0);
    expect(refused.calls('chat.postMessage')).toHaveLength(0);

    // The bytes arrive but the file cannot be shared: the DM's message that announced it is taken back.
    const unshared = mark(t);
    t.fake.failNext('files.completeUploadExternal', { error: 'internal_error' });
    expect(await run(t, 'export all status:all', teamId, ADMIN)).toMatch(/Slack didn't take the CSV file/);
    await t.settle();
    const intro = unshared.calls('chat.postMessage');
    expect(intro).toHaveLength(1);
    const deleted = unshared.calls('chat.delete');
    expect(deleted).toHaveLength(1);
    expect(deleted[0]?.args.ts).toMatch(/^\d+\.\d+$/);
    expect(deleted[0]?.args.channel).toMatch(/^[DU]/); // the direct message the intro went to
    expect(unshared.calls('files.completeUploadExternal')).toHaveLength(1);

    // And once Slack takes it again, the export goes through.
    expect(await run(t, 'export all status:all', teamId, ADMIN)).toMatch(/Exported 12 opportunities/);
  });
});
