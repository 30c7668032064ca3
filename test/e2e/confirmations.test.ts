// Purge and workspace-delete confirmations live in the database (issue 10, section 4): the preview is
// answered by one instance and the click may land on another, or on the app after a restart. The click
// deletes exactly what was shown, once, for the person who asked, within 15 minutes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newOpportunity, seededWorkspace } from '../support/fixtures.ts';
import { dec } from '../../src/domain/decimal.ts';
import { localDate } from '../../src/domain/local-date.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import { BACKENDS } from '../support/databases.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { startTestApp, TEST_NOW, TEST_TODAY, type TestApp } from '../support/test-app.ts';
import { buttonsOf, ephemeralClick, mark, run, sentences } from './e2e-kit.ts';

const ADMIN = SLACK_DEFAULTS.userId;
const OTHER_ADMIN = 'U0ADMIN002';
const today = localDate(TEST_TODAY);
const EXPIRED = /This confirmation has expired, so nothing was deleted\./;

describe.each(BACKENDS)('deletion confirmations across instances on %s', (backend) => {
  /** Two instances of the app on one database (and one fake Slack). */
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    first = await startTestApp(backend);
    second = await startTestApp(backend, { sharing: { db: first.db, fake: first.fake } });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  async function workspace(): Promise<string> {
    const teamId = await seededWorkspace(first);
    await run(first, 'help', teamId, ADMIN);
    await run(first, `role <@${OTHER_ADMIN}> admin`, teamId, ADMIN);
    return teamId;
  }

  async function closedLost(teamId: string, description: string): Promise<string> {
    const no = await newOpportunity(first.app.services, teamId, { description, owner: ADMIN, value: 1_000 });
    await first.app.services.opportunities.close(teamId, no, { outcome: 'lost', closeCode: 'PRICE', today });
    return no;
  }

  async function nos(teamId: string): Promise<string[]> {
    const rows = await first.db.prisma.opportunity.findMany({ where: { workspaceId: teamId }, orderBy: { no: 'asc' } });
    return rows.map((r) => r.no);
  }

  /** Clicks a confirmation button on `app` (the message is the ephemeral preview); returns the answer. */
  async function click(app: TestApp, actionId: string, value: string, teamId: string, userId: string = ADMIN) {
    const responseUrl = app.fake.responseUrl();
    const since = mark(app);
    await app.send(ephemeralClick({ actionId, value, teamId, userId, responseUrl }));
    const answer = await app.fake.waitFor(
      'response_url',
      (c) => since.calls('response_url').includes(c) && c.id === responseUrl.split('/').pop(),
    );
    return sentences(answer.args);
  }

  async function purgePreview(app: TestApp, teamId: string): Promise<string> {
    const { reply } = await app.command('purge status:lost', { teamId, userId: ADMIN });
    const confirm = buttonsOf(reply.args).find((b) => b.actionId === ACTION_IDS.purgeConfirm);
    expect(confirm?.value).toMatch(/^[0-9a-f]{32}$/);
    return confirm?.value ?? '';
  }

  it('a purge previewed on one instance and confirmed on the other deletes exactly what was shown, once', async () => {
    const teamId = await workspace();
    const shownA = await closedLost(teamId, 'Lost A');
    const shownB = await closedLost(teamId, 'Lost B');
    const token = await purgePreview(first, teamId);
    // Closed after the preview: it matches the filter but was not shown, so it stays.
    const later = await closedLost(teamId, 'Lost later');

    // Someone else's click (an admin too) finds nothing, on either instance.
    expect(await click(second, ACTION_IDS.purgeConfirm, token, teamId, OTHER_ADMIN)).toMatch(EXPIRED);
    expect(await nos(teamId)).toEqual([shownA, shownB, later]);

    expect(await click(second, ACTION_IDS.purgeConfirm, token, teamId)).toMatch(
      /2 closed opportunities were deleted\./,
    );
    expect(await nos(teamId)).toEqual([later]);
    // A second click, on either instance, finds nothing and deletes nothing.
    for (const app of [first, second])
      expect(await click(app, ACTION_IDS.purgeConfirm, token, teamId)).toMatch(EXPIRED);
    expect(await nos(teamId)).toEqual([later]);
  });

  it('two clicks at once on the instance that did not show the preview: the purge runs once', async () => {
    const teamId = await workspace();
    await closedLost(teamId, 'Lost A');
    await closedLost(teamId, 'Lost B');
    const token = await purgePreview(first, teamId);
    const answers = await Promise.all([
      click(second, ACTION_IDS.purgeConfirm, token, teamId),
      click(second, ACTION_IDS.purgeConfirm, token, teamId),
    ]);
    expect(answers.filter((a) => /2 closed opportunities were deleted\./.test(a))).toHaveLength(1);
    expect(answers.filter((a) => EXPIRED.test(a))).toHaveLength(1);
    expect(await nos(teamId)).toEqual([]);
  });

  it('cancelled on one instance, the confirmation no longer works on the other; 15 minutes later it has expired', async () => {
    const teamId = await workspace();
    const lost = await closedLost(teamId, 'Lost A');
    const cancelled = await purgePreview(first, teamId);
    expect(await click(second, ACTION_IDS.purgeCancel, cancelled, teamId)).toMatch(/Nothing was deleted\./);
    expect(await click(first, ACTION_IDS.purgeConfirm, cancelled, teamId)).toMatch(EXPIRED);

    const stale = await purgePreview(first, teamId);
    second.clock.set(new Date(new Date(TEST_NOW).getTime() + 15 * 60_000 + 1_000));
    try {
      expect(await click(second, ACTION_IDS.purgeConfirm, stale, teamId)).toMatch(EXPIRED);
    } finally {
      second.clock.set(TEST_NOW);
    }
    expect(await nos(teamId)).toEqual([lost]);
  });

  it('a workspace deletion asked on one instance is confirmed on the other, once', async () => {
    const teamId = await workspace();
    await closedLost(teamId, 'Lost A');
    const { reply } = await first.command('workspace delete', { teamId, userId: ADMIN });
    const token = buttonsOf(reply.args).find((b) => b.actionId === ACTION_IDS.workspaceDeleteConfirm)?.value ?? '';
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    // Not for a purge button, nor for another admin.
    expect(await click(second, ACTION_IDS.purgeConfirm, token, teamId)).toMatch(EXPIRED);
    expect(await click(second, ACTION_IDS.workspaceDeleteConfirm, token, teamId, OTHER_ADMIN)).toMatch(
      /expired or was already used, so nothing was deleted/,
    );
    expect(await nos(teamId)).toHaveLength(1);

    expect(await click(second, ACTION_IDS.workspaceDeleteConfirm, token, teamId)).toMatch(
      /All of this workspace's pipeline data was deleted: 1 opportunity/,
    );
    expect(await nos(teamId)).toEqual([]);
    expect(await click(first, ACTION_IDS.workspaceDeleteConfirm, token, teamId)).toMatch(
      /expired or was already used, so nothing was deleted/,
    );
  });
});

describe.each(BACKENDS)('deletion confirmations across a restart on %s', (backend) => {
  let app: TestApp;
  let restarted: TestApp | undefined;

  beforeAll(async () => {
    app = await startTestApp(backend);
  });
  afterAll(async () => {
    await restarted?.close();
    await app.fake.close();
    await app.db.destroy();
  });

  it('a purge previewed before a restart is confirmed after it', async () => {
    const teamId = await seededWorkspace(app);
    await run(app, 'help', teamId, ADMIN);
    const { opportunities } = app.app.services;
    const detail = await opportunities.create(teamId, {
      description: 'Lost A',
      contact: 'Acme Corp',
      salesperson: { slackUserId: ADMIN },
      activate: { estimatedValue: dec(1_000), chancesPct: dec(50), estimatedCloseDate: localDate('2026-12-15') },
      today,
    });
    await opportunities.close(teamId, detail.no, { outcome: 'lost', closeCode: 'PRICE', today });
    const { reply } = await app.command('purge status:lost', { teamId, userId: ADMIN });
    const token = buttonsOf(reply.args).find((b) => b.actionId === ACTION_IDS.purgeConfirm)?.value ?? '';

    // The app stops (its process memory is gone) and starts again on the same database.
    await app.settle();
    await app.app.stop();
    restarted = await startTestApp(backend, { sharing: { db: app.db, fake: app.fake } });
    const responseUrl = restarted.fake.responseUrl();
    await restarted.send(ephemeralClick({ actionId: ACTION_IDS.purgeConfirm, value: token, teamId, responseUrl }));
    const answer = await restarted.fake.waitFor('response_url', (c) => c.id === responseUrl.split('/').pop());
    expect(sentences(answer.args)).toMatch(/1 closed opportunity was deleted\./);
    expect(await restarted.db.prisma.opportunity.count({ where: { workspaceId: teamId } })).toBe(0);
  });
});
