// Only requests Slack signed reach the app: anything else is refused with 401 before a listener runs,
// so nothing is written and Slack is not called.
import { describe, expect, it } from 'vitest';
import { newOpportunity, seededWorkspace, useTestApp } from '../support/fixtures.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import { blockAction, slashCommand } from '../support/slack-requests.ts';
import { mark } from './e2e-kit.ts';
import { BACKENDS } from '../support/databases.ts';

describe.each(BACKENDS)('request signing and health on %s', (backend) => {
  const t = useTestApp(backend);

  /** A command that would write (a sales cycle) if it ran. */
  const writingCommand = (teamId: string) =>
    slashCommand({ text: 'cycle add FIRM Firm opportunities', teamId, responseUrl: t.fake.responseUrl() });

  async function expectNothingHappened(teamId: string, since: ReturnType<typeof mark>): Promise<void> {
    await t.settle();
    expect(since.calls()).toEqual([]);
    expect(await t.db.prisma.workspace.count({ where: { id: teamId } })).toBe(0);
    expect(await t.db.prisma.salesCycle.count({ where: { workspaceId: teamId } })).toBe(0);
  }

  it('refuses a request signed with another secret: 401, nothing written, no Web API call', async () => {
    const teamId = t.newWorkspace();
    const since = mark(t);
    const res = await t.send(writingCommand(teamId), { signingSecret: 'not-our-signing-secret-0000000000' });
    expect(res.status).toBe(401);
    await expectNothingHappened(teamId, since);
  });

  it('refuses a body changed after signing: 401, nothing written', async () => {
    const teamId = t.newWorkspace();
    const since = mark(t);
    const res = await t.send(writingCommand(teamId), { tamper: true });
    expect(res.status).toBe(401);
    await expectNothingHappened(teamId, since);
  });

  it('refuses a correctly signed request whose timestamp is 6 minutes old: 401, nothing written', async () => {
    const teamId = t.newWorkspace();
    const since = mark(t);
    const res = await t.send(writingCommand(teamId), { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(res.status).toBe(401);
    await expectNothingHappened(teamId, since);
  });

  it('refuses a correctly signed request whose timestamp is 6 minutes in the future: 401, nothing written', async () => {
    const teamId = t.newWorkspace();
    const since = mark(t);
    const res = await t.send(writingCommand(teamId), { timestamp: Math.floor(Date.now() / 1000) + 6 * 60 });
    expect(res.status).toBe(401);
    await expectNothingHappened(teamId, since);
    // Clocks differ a little: 4 minutes ahead is still inside the window, and the command runs.
    const request = writingCommand(teamId);
    const close = await t.send(request, { timestamp: Math.floor(Date.now() / 1000) + 4 * 60 });
    expect(close.status).toBe(200);
    // The command runs after its ack: its reply says it is done.
    const id = request.payload.response_url?.split('/').pop();
    await t.fake.waitFor('response_url', (c) => c.id === id);
    expect(await t.db.prisma.salesCycle.count({ where: { workspaceId: teamId, code: 'FIRM' } })).toBe(1);
  });

  it('refuses a correctly signed button click dated an hour ahead: 401, the opportunity stays', async () => {
    const teamId = await seededWorkspace(t);
    await newOpportunity(t.app.services, teamId, { start: false });
    const since = mark(t);
    const res = await t.send(blockAction({ actionId: ACTION_IDS.delete, value: 'OP00001', teamId }), {
      timestamp: Math.floor(Date.now() / 1000) + 60 * 60,
    });
    expect(res.status).toBe(401);
    await t.settle();
    expect(since.calls()).toEqual([]);
    expect(await t.db.prisma.opportunity.count({ where: { workspaceId: teamId } })).toBe(1);
  });

  it('accepts the same request correctly signed now: 200, and the command runs', async () => {
    const teamId = t.newWorkspace();
    const request = writingCommand(teamId);
    const res = await t.send(request);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const id = request.payload.response_url?.split('/').pop();
    const reply = await t.fake.waitFor('response_url', (c) => c.id === id);
    expect(reply.args.text).toMatch(/Sales cycle FIRM added/);
    expect(await t.db.prisma.salesCycle.count({ where: { workspaceId: teamId, code: 'FIRM' } })).toBe(1);
  });

  it('refuses a button click signed with another secret: the opportunity stays', async () => {
    const teamId = await seededWorkspace(t);
    await newOpportunity(t.app.services, teamId, { start: false });
    const since = mark(t);
    const res = await t.send(blockAction({ actionId: ACTION_IDS.delete, value: 'OP00001', teamId }), {
      signingSecret: 'not-our-signing-secret-0000000000',
    });
    expect(res.status).toBe(401);
    await t.settle();
    expect(since.calls()).toEqual([]);
    expect(await t.db.prisma.opportunity.count({ where: { workspaceId: teamId } })).toBe(1);
  });

  it('answers GET /healthz with 200 {"status":"ok"}', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});
