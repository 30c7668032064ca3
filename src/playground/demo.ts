// The demo workspace the playground opens on: the project's demo pipeline (prisma/seed.ts, dated relative
// to today) owned by the playground's people, their roles, and a weekly digest for #pipeline. Everything
// goes through the services, so the demo obeys every rule the app does.
import { seedDemoWorkspace } from '../../prisma/seed.ts';
import { dateInZone } from '../domain/local-date.ts';
import type { Services } from '../services/index.ts';
import { DIGEST_CHANNEL, FIRST_PERSON, PLAYGROUND_PEOPLE, PLAYGROUND_TEAM } from './identity.ts';

/** Seeds the demo when the playground's workspace has no pipeline yet; true when it did. */
export async function seedDemoIfEmpty(services: Services, now: Date, opportunities?: number): Promise<boolean> {
  const workspaceId = PLAYGROUND_TEAM.id;
  if ((await services.setup.listSalesCycles(workspaceId)).length > 0) return false;
  const admin = FIRST_PERSON;
  await seedDemoWorkspace(services, {
    workspaceId,
    today: dateInZone(now, admin.timeZone),
    ...(opportunities !== undefined ? { opportunities } : {}),
    // The reps get most of the deals, the admin (whom the page opens as) a share of them.
    salespeople: PLAYGROUND_PEOPLE.filter((p) => p.role !== 'manager').map((p) => ({
      slackUserId: p.id,
      name: p.realName,
    })),
  });
  await services.members.claimFirstAdmin(workspaceId, admin.id);
  for (const person of PLAYGROUND_PEOPLE) {
    if (person.role !== 'rep' && person.id !== admin.id) {
      await services.members.setRole(workspaceId, admin.id, person.id, person.role);
    }
  }
  await services.subscriptions.subscribe(
    workspaceId,
    {
      channelId: DIGEST_CHANNEL.id,
      frequency: 'weekly',
      weekday: 1,
      at: '08:00',
      timeZone: admin.timeZone,
      createdBySlackUserId: admin.id,
    },
    now,
  );
  return true;
}

/** Deletes the playground workspace's data and seeds the demo again. */
export async function resetDemo(services: Services, now: Date, opportunities?: number): Promise<void> {
  await services.workspaceAdmin.deleteWorkspaceData(PLAYGROUND_TEAM.id);
  await seedDemoIfEmpty(services, now, opportunities);
}
