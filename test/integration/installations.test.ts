// The installation store (OAuth mode) on PGlite and PostgreSQL: whole installations stored encrypted,
// the installer made the first admin, tokens removed on uninstall / revocation in either order, the
// workspace's pipeline kept, and a wrong key refused.
import { randomBytes } from 'node:crypto';
import type { Installation } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dec } from '../../src/domain/decimal.ts';
import { localDate } from '../../src/domain/local-date.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { InstallationService, NotInstalledError } from '../../src/services/installations.ts';
import { TokenCipher, TokenDecryptionError } from '../../src/store/token-crypto.ts';
import { BACKENDS, createTestDatabase, type TestDatabase, uniqueWorkspaceId } from '../support/databases.ts';
import { seedPipelineSetup } from '../support/pipeline-fixtures.ts';

function installationFor(
  teamId: string,
  options: { installer?: string; botToken?: string; userToken?: string } = {},
): Installation {
  return {
    team: { id: teamId, name: `Team ${teamId}` },
    enterprise: undefined,
    user: {
      id: options.installer ?? 'UINSTALLER',
      token: options.userToken,
      scopes: options.userToken ? ['search:read'] : undefined,
    },
    bot: {
      token: options.botToken ?? `xoxb-${teamId}-${randomBytes(8).toString('hex')}`,
      scopes: ['commands', 'chat:write'],
      id: 'B0BOT',
      userId: 'U0BOT',
    },
    appId: 'A0APP',
    tokenType: 'bot',
    isEnterpriseInstall: false,
    authVersion: 'v2',
  };
}

const query = (teamId: string, userId?: string) => ({
  teamId,
  enterpriseId: undefined,
  isEnterpriseInstall: false,
  ...(userId ? { userId } : {}),
});

describe.each(BACKENDS)('installation store on %s', (backend) => {
  let db: TestDatabase;
  let services: Services;
  let store: InstallationService;
  const key = randomBytes(32);
  const clock = fixedClock('2026-11-02T10:00:00Z');

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    services = createServices(db, clock);
    store = new InstallationService(db.sql, new TokenCipher(key), clock);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  async function withPipeline(teamId: string): Promise<void> {
    await seedPipelineSetup(services, teamId);
    await services.opportunities.create(teamId, {
      description: 'Fleet renewal',
      contact: 'Acme Corp',
      salesperson: { slackUserId: 'UREP1', displayName: 'Rita Rep' },
      salesCycleCode: 'STD',
      activate: { estimatedValue: dec('10000'), chancesPct: dec(50), estimatedCloseDate: localDate('2026-12-15') },
      today: localDate('2026-11-02'),
    });
  }

  async function businessCounts(teamId: string) {
    return {
      opportunities: await db.prisma.opportunity.count({ where: { workspaceId: teamId } }),
      contacts: await db.prisma.contact.count({ where: { workspaceId: teamId } }),
      cycles: await db.prisma.salesCycle.count({ where: { workspaceId: teamId } }),
      workspaces: await db.prisma.workspace.count({ where: { id: teamId } }),
      members: await db.prisma.member.count({ where: { workspaceId: teamId } }),
    };
  }

  it('stores the whole installation and gives it back as it was', async () => {
    const teamId = uniqueWorkspaceId();
    const installation = installationFor(teamId, { userToken: 'xoxp-user-token-1' });
    await store.storeInstallation(installation);
    expect(await store.fetchInstallation(query(teamId, 'UINSTALLER'))).toEqual(
      JSON.parse(JSON.stringify(installation)),
    );
    expect(await store.botTokenFor(teamId)).toBe(installation.bot?.token);
    const row = await db.prisma.installation.findUniqueOrThrow({ where: { installKey: `T:${teamId}` } });
    expect(row).toMatchObject({
      teamId,
      enterpriseId: null,
      isEnterpriseInstall: false,
      botUserId: 'U0BOT',
      installerUserId: 'UINSTALLER',
    });
  });

  it('never writes a token in clear text', async () => {
    const teamId = uniqueWorkspaceId();
    const installation = installationFor(teamId, { botToken: 'xoxb-clear-text-check', userToken: 'xoxp-clear-text' });
    await store.storeInstallation(installation);
    const rows = await db.prisma.$queryRawUnsafe<{ row: string }[]>(
      `SELECT row_to_json(i)::text AS row FROM installation i WHERE install_key = $1`,
      `T:${teamId}`,
    );
    expect(rows).toHaveLength(1);
    const text = rows[0]?.row ?? '';
    expect(text).toContain('v1:');
    for (const secret of ['xoxb-clear-text-check', 'xoxp-clear-text', 'clear-text', 'Team ']) {
      expect(text).not.toContain(secret);
    }
  });

  it('creates the workspace and makes the installer its first admin, once', async () => {
    const teamId = uniqueWorkspaceId();
    await store.storeInstallation(installationFor(teamId, { installer: 'UFIRST' }));
    await store.storeInstallation(installationFor(teamId, { installer: 'USECOND' }));
    expect(await db.prisma.workspace.findUnique({ where: { id: teamId } })).toMatchObject({ name: `Team ${teamId}` });
    const members = await db.prisma.member.findMany({ where: { workspaceId: teamId } });
    expect(members.map((m) => [m.slackUserId, m.role])).toEqual([['UFIRST', 'ADMIN']]);
    // The later install replaced the tokens: one row per workspace.
    expect(await db.prisma.installation.count({ where: { installKey: `T:${teamId}` } })).toBe(1);
    expect((await store.fetchInstallation(query(teamId))).user.id).toBe('USECOND');
  });

  it("gives the installer's user token only to the installer", async () => {
    const teamId = uniqueWorkspaceId();
    await store.storeInstallation(installationFor(teamId, { installer: 'UOWNER', userToken: 'xoxp-owner' }));
    expect((await store.fetchInstallation(query(teamId, 'UOWNER'))).user.token).toBe('xoxp-owner');
    const forSomeoneElse = await store.fetchInstallation(query(teamId, 'USOMEONE'));
    expect(forSomeoneElse.user.token).toBeUndefined();
    expect(forSomeoneElse.bot?.token).toMatch(/^xoxb-/);
  });

  it('fails clearly for a workspace that never installed the app', async () => {
    const teamId = uniqueWorkspaceId();
    await expect(store.fetchInstallation(query(teamId))).rejects.toThrow(NotInstalledError);
    await expect(store.botTokenFor(teamId)).rejects.toThrow(/not installed in workspace/);
  });

  it('uninstall deletes the tokens and keeps the pipeline; installing again finds it', async () => {
    const teamId = uniqueWorkspaceId();
    await store.storeInstallation(installationFor(teamId, { installer: 'UADMIN' }));
    await withPipeline(teamId);
    const before = await businessCounts(teamId);
    expect(before).toMatchObject({ opportunities: 1, workspaces: 1, members: 1 });

    expect(await store.uninstall(teamId)).toBe(1);
    expect(await store.uninstall(teamId)).toBe(0); // again: nothing left, no error
    await expect(store.fetchInstallation(query(teamId))).rejects.toThrow(NotInstalledError);
    expect(await businessCounts(teamId)).toEqual(before);

    const again = installationFor(teamId, { installer: 'UOTHER', botToken: 'xoxb-new-install' });
    await store.storeInstallation(again);
    expect(await store.botTokenFor(teamId)).toBe('xoxb-new-install');
    expect(await businessCounts(teamId)).toEqual(before);
    // The admin from the first install is still the admin; the re-installer is not made one.
    const members = await db.prisma.member.findMany({ where: { workspaceId: teamId } });
    expect(members.map((m) => [m.slackUserId, m.role])).toEqual([['UADMIN', 'ADMIN']]);
  });

  it('tokens_revoked (bot) then app_uninstalled: both leave no token and the pipeline intact', async () => {
    const teamId = uniqueWorkspaceId();
    await store.storeInstallation(installationFor(teamId));
    await withPipeline(teamId);
    const before = await businessCounts(teamId);
    expect(await store.revokeTokens(teamId, { bot: true, userIds: [] })).toEqual({
      deleted: true,
      userTokensRemoved: 0,
    });
    expect(await store.uninstall(teamId)).toBe(0);
    expect(await store.isInstalled(teamId)).toBe(false);
    expect(await businessCounts(teamId)).toEqual(before);
  });

  it('app_uninstalled then tokens_revoked: the late revocation is a no-op', async () => {
    const teamId = uniqueWorkspaceId();
    await store.storeInstallation(installationFor(teamId, { userToken: 'xoxp-u' }));
    await withPipeline(teamId);
    const before = await businessCounts(teamId);
    expect(await store.uninstall(teamId)).toBe(1);
    expect(await store.revokeTokens(teamId, { bot: true, userIds: ['UINSTALLER'] })).toEqual({
      deleted: false,
      userTokensRemoved: 0,
    });
    expect(await store.revokeTokens(teamId, { bot: false, userIds: ['UINSTALLER'] })).toEqual({
      deleted: false,
      userTokensRemoved: 0,
    });
    expect(await store.isInstalled(teamId)).toBe(false);
    expect(await businessCounts(teamId)).toEqual(before);
  });

  it('a revoked user token is removed from the stored installation; the bot keeps working', async () => {
    const teamId = uniqueWorkspaceId();
    await store.storeInstallation(installationFor(teamId, { installer: 'UOWNER', userToken: 'xoxp-owner' }));
    expect(await store.revokeTokens(teamId, { bot: false, userIds: ['UOWNER'] })).toEqual({
      deleted: false,
      userTokensRemoved: 1,
    });
    expect(await store.revokeTokens(teamId, { bot: false, userIds: ['UOWNER'] })).toEqual({
      deleted: false,
      userTokensRemoved: 0,
    });
    const installation = await store.fetchInstallation(query(teamId, 'UOWNER'));
    expect(installation.user.token).toBeUndefined();
    expect(installation.user.id).toBe('UOWNER');
    expect(installation.bot?.token).toMatch(/^xoxb-/);
    const row = await db.prisma.installation.findUniqueOrThrow({ where: { installKey: `T:${teamId}` } });
    expect(row.data).not.toContain('xoxp');
  });

  it('an uninstall event older than a re-install leaves the new installation alone', async () => {
    const teamId = uniqueWorkspaceId();
    const eventTime = new Date(clock.now().getTime() - 60_000);
    await store.storeInstallation(installationFor(teamId, { botToken: 'xoxb-reinstalled' }));
    expect(await store.uninstall(teamId, { eventTime })).toBe(0);
    expect(await store.revokeTokens(teamId, { bot: true, userIds: [] }, { eventTime })).toMatchObject({
      deleted: false,
    });
    expect(await store.botTokenFor(teamId)).toBe('xoxb-reinstalled');
    expect(await store.uninstall(teamId, { eventTime: new Date(clock.now().getTime() + 1_000) })).toBe(1);
  });

  it("deleteInstallation (Bolt) removes the installation, or one user's token", async () => {
    const teamId = uniqueWorkspaceId();
    await store.storeInstallation(installationFor(teamId, { installer: 'UOWNER', userToken: 'xoxp-owner' }));
    await store.deleteInstallation(query(teamId, 'UOWNER'));
    expect((await store.fetchInstallation(query(teamId, 'UOWNER'))).user.token).toBeUndefined();
    await store.deleteInstallation(query(teamId));
    expect(await store.isInstalled(teamId)).toBe(false);
  });

  it("keeps an org-wide install under its enterprise, found for the org's workspaces", async () => {
    const enterpriseId = `E${uniqueWorkspaceId().slice(1)}`;
    const orgInstall: Installation = {
      team: undefined,
      enterprise: { id: enterpriseId, name: 'Acme Org' },
      user: { id: 'UORGADMIN', token: undefined, scopes: undefined },
      bot: { token: 'xoxb-org-wide', scopes: ['commands'], id: 'B0ORG', userId: 'U0ORGBOT' },
      appId: 'A0APP',
      tokenType: 'bot',
      isEnterpriseInstall: true,
      authVersion: 'v2',
    };
    await store.storeInstallation(orgInstall);
    const row = await db.prisma.installation.findUniqueOrThrow({ where: { installKey: `E:${enterpriseId}` } });
    expect(row).toMatchObject({ teamId: null, enterpriseId, isEnterpriseInstall: true });
    const found = await store.fetchInstallation({ teamId: undefined, enterpriseId, isEnterpriseInstall: true });
    expect(found.bot?.token).toBe('xoxb-org-wide');
    const forWorkspace = await store.fetchInstallation({
      teamId: 'TINORG',
      enterpriseId,
      isEnterpriseInstall: false,
    });
    expect(forWorkspace.bot?.token).toBe('xoxb-org-wide');
    expect(await store.uninstall({ enterpriseId, isEnterpriseInstall: true })).toBe(1);
  });

  it('refuses to read installations with another key, and a row copied onto another workspace', async () => {
    const teamId = uniqueWorkspaceId();
    await store.storeInstallation(installationFor(teamId, { botToken: 'xoxb-right-key' }));
    const wrongKey = new InstallationService(db.sql, new TokenCipher(randomBytes(32)));
    await expect(wrongKey.fetchInstallation(query(teamId))).rejects.toThrow(TokenDecryptionError);
    await expect(wrongKey.botTokenFor(teamId)).rejects.toThrow(
      /TOKEN_ENCRYPTION_KEY is not the key it was encrypted with/,
    );

    const otherTeam = uniqueWorkspaceId();
    await store.storeInstallation(installationFor(otherTeam));
    const { data } = await db.prisma.installation.findUniqueOrThrow({ where: { installKey: `T:${teamId}` } });
    await db.prisma.installation.update({ where: { installKey: `T:${otherTeam}` }, data: { data } });
    await expect(store.botTokenFor(otherTeam)).rejects.toThrow(TokenDecryptionError);
  });
});
