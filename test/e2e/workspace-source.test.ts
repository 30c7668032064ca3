// One source for the workspace (issue 10, section 5): every route runs in the workspace Bolt authorised
// the request for, and a request whose body names any other team id runs nothing. Cases: a click whose
// team and user's team differ, an option load likewise, App Home whose envelope and authorization
// disagree, a view submission carrying another workspace's app_installed_team_id, and in OAuth mode a
// view submitted from a workspace that never installed the app, authorised through an installed one.
import { randomBytes } from 'node:crypto';
import type { Installation } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/i18n/en/system.ts';
import { salesCycleModal } from '../../src/slack/blocks/modals/sales-cycle.ts';
import { ACTION_IDS, BLOCK_IDS, CALLBACK_IDS } from '../../src/slack/ids.ts';
import { BACKENDS } from '../support/databases.ts';
import { newOpportunity, useTestApp, workspaceRows } from '../support/fixtures.ts';
import type { JsonObject } from '../support/fake-slack.ts';
import { seedPipelineSetup } from '../support/pipeline-fixtures.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import {
  blockAction,
  blockSuggestion,
  eventCallback,
  newTriggerId,
  viewSubmission,
} from '../support/slack-requests.ts';
import { startOAuthTestApp, type TestApp } from '../support/test-app.ts';
import { enUS } from '../support/presenter.ts';
import { fieldErrors, mark, openedModal, reshaped, run, stateOf } from './e2e-kit.ts';

const USER_A = 'U0ALICEWS1';
const USER_B = 'U0BOBWS001';
const CHANNEL = SLACK_DEFAULTS.channelId;
const cycleInputs = { [BLOCK_IDS.salesCycle.code]: 'FORGED', [BLOCK_IDS.salesCycle.description]: 'Forged cycle' };

const opportunity = (t: TestApp, teamId: string, owner: string) =>
  newOpportunity(t.app.services, teamId, { owner, description: `Deal of ${teamId}` });

/** Everything a refused request might have changed in a workspace. */
const rows = async (t: TestApp, teamId: string) => JSON.stringify(await workspaceRows(t.db, teamId));

function homeOpened(teamId: string, userId: string) {
  return eventCallback({
    teamId,
    event: { type: 'app_home_opened', user: userId, channel: 'D0HOMEWS01', tab: 'home', event_ts: '1700000000.000100' },
  });
}

describe.each(BACKENDS)('one source for the workspace on %s', (backend) => {
  let A: string;
  let B: string;
  const t = useTestApp(backend, {}, async () => {
    A = t.newWorkspace();
    B = t.newWorkspace();
    for (const [ws, user] of [
      [A, USER_A],
      [B, USER_B],
    ] as const) {
      await seedPipelineSetup(t.app.services, ws);
      await run(t, 'help', ws, user);
      await opportunity(t, ws, user);
    }
  });

  it("a click whose team and user's team differ is refused with a sentence and changes nothing", async () => {
    for (const [team, usersTeam, userId] of [
      [A, B, USER_A],
      [B, A, USER_A],
    ] as const) {
      const before = [await rows(t, A), await rows(t, B)];
      const since = mark(t);
      const responseUrl = t.fake.responseUrl();
      const click = blockAction({
        actionId: ACTION_IDS.next,
        value: 'OP00001',
        teamId: team,
        userId,
        responseUrl,
        channelId: CHANNEL,
        messageTs: '1700000400.000001',
      });
      const ack = await t.send(
        reshaped(click, (payload) => {
          (payload.user as JsonObject).team_id = usersTeam;
        }),
      );
      expect([ack.status, ack.text]).toEqual([200, '']);
      const reply = await t.fake.waitFor('response_url', (c) => c.id === responseUrl.split('/').pop());
      expect(reply.args.text).toBe(system.workspaceMismatch);
      await t.settle();
      expect(since.calls('chat.update')).toEqual([]);
      expect([await rows(t, A), await rows(t, B)]).toEqual(before);
    }
  });

  it("an option load whose team and user's team differ offers nothing", async () => {
    const consistent = await t.suggest({
      actionId: ACTION_IDS.contactSearch,
      value: 'acme',
      teamId: A,
      userId: USER_A,
    });
    expect(consistent.text).toMatch(/Acme Corp/);
    const forged = reshaped(
      blockSuggestion({ actionId: ACTION_IDS.contactSearch, value: 'acme', teamId: A, userId: USER_B }),
      (payload) => {
        (payload.user as JsonObject).team_id = B;
      },
    );
    const answer = await t.send(forged);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ options: [] });
  });

  it('App Home whose envelope names another workspace than its authorization is not published', async () => {
    // Consistent: published.
    const since = mark(t);
    await t.send(homeOpened(B, USER_B));
    await t.fake.waitFor('views.publish', (c) => since.calls('views.publish').includes(c));
    // The envelope says B, the authorization (what Bolt authorises with) says A: nothing runs.
    for (const [envelope, authorised] of [
      [B, A],
      [A, B],
    ] as const) {
      const forged = mark(t);
      const response = await t.send(
        reshaped(homeOpened(envelope, USER_B), (payload) => {
          (payload.authorizations as JsonObject[])[0] = {
            ...(payload.authorizations as JsonObject[])[0],
            team_id: authorised,
          };
        }),
      );
      expect(response.status).toBe(200);
      await t.settle();
      expect(forged.calls('views.publish')).toEqual([]);
    }
  });

  it("a view submission carrying another workspace's app_installed_team_id is refused; nothing written", async () => {
    const since = mark(t);
    const triggerId = newTriggerId();
    await t.commandAck('cycle add', { teamId: A, userId: USER_A, triggerId });
    const modal = await openedModal(t, since, CALLBACK_IDS.salesCycle, triggerId);
    const before = [await rows(t, A), await rows(t, B)];
    const submission = viewSubmission({
      callbackId: CALLBACK_IDS.salesCycle,
      viewId: modal.id,
      hash: modal.hash,
      blocks: modal.view.blocks as unknown[],
      privateMetadata: String(modal.view.private_metadata ?? ''),
      values: stateOf(modal.view, cycleInputs),
      teamId: A,
      userId: USER_A,
    });
    const ack = await t.send(
      reshaped(submission, (payload) => {
        (payload.view as JsonObject).app_installed_team_id = B;
      }),
    );
    expect(Object.values(fieldErrors(ack))).toEqual([system.workspaceMismatch]);
    await t.settle();
    expect([await rows(t, A), await rows(t, B)]).toEqual(before);
    // The same form, as Slack sends it, saves.
    expect((await t.send(submission)).text).toBe('');
    expect(await t.db.prisma.salesCycle.count({ where: { workspaceId: A, code: 'FORGED' } })).toBe(1);
  });
});

function installationFor(teamId: string, installer: string): Installation {
  return {
    team: { id: teamId, name: `Team ${teamId}` },
    enterprise: undefined,
    user: { id: installer, token: undefined, scopes: undefined },
    bot: {
      token: `xoxb-${teamId}-${randomBytes(8).toString('hex')}`,
      scopes: ['commands', 'chat:write'],
      id: 'B0BOTWS001',
      userId: 'U0BOTWS001',
    },
    appId: SLACK_DEFAULTS.appId,
    tokenType: 'bot',
    isEnterpriseInstall: false,
    authVersion: 'v2',
  };
}

describe.each(BACKENDS)('OAuth mode: requests forged across workspaces on %s', (backend) => {
  let t: TestApp;
  let installed: string;
  let never: string;
  const INSTALLER = 'U0INSTWS01';
  const NEVER_ADMIN = 'U0NEVERWS1';

  beforeAll(async () => {
    t = await startOAuthTestApp(backend);
    installed = t.newWorkspace();
    never = t.newWorkspace();
    await t.app.installations?.storeInstallation(installationFor(installed, INSTALLER));
    // A workspace that never installed the app but has data (say, from an earlier install).
    await seedPipelineSetup(t.app.services, never);
    await t.app.services.members.claimFirstAdmin(never, NEVER_ADMIN);
    await opportunity(t, never, NEVER_ADMIN);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("a view submitted from a workspace that never installed the app, naming an installed one's app_installed_team_id, runs nothing", async () => {
    const before = [await rows(t, never), await rows(t, installed)];
    const since = mark(t);
    const submission = viewSubmission({
      callbackId: CALLBACK_IDS.salesCycle,
      values: stateOf(salesCycleModal(enUS) as unknown as JsonObject, cycleInputs),
      teamId: never,
      userId: NEVER_ADMIN,
    });
    // Bolt authorises it with the installed workspace's installation (buildSource prefers
    // app_installed_team_id); the body's team is the other one.
    const ack = await t.send(
      reshaped(submission, (payload) => {
        (payload.view as JsonObject).app_installed_team_id = installed;
      }),
    );
    expect(Object.values(fieldErrors(ack))).toEqual([system.workspaceMismatch]);
    // App Home from the never-installed workspace, authorised through the installed one: nothing.
    await t.send(
      reshaped(homeOpened(never, NEVER_ADMIN), (payload) => {
        (payload.authorizations as JsonObject[])[0] = {
          ...(payload.authorizations as JsonObject[])[0],
          team_id: installed,
        };
      }),
    );
    await t.settle();
    expect(since.calls()).toEqual([]);
    expect([await rows(t, never), await rows(t, installed)]).toEqual(before);
  });
});
