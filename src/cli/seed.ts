// npm run db:seed [-- --workspace T0123 --user U0456] — loads the demo pipeline into a workspace.
// Use your Slack team id (and your user id) to see the demo in Slack; the default is TDEMO.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { seedDemoWorkspace } from '../../prisma/seed.ts';
import { dateInZone } from '../domain/local-date.ts';
import { createServices } from '../services/index.ts';
import { openDatabase } from '../store/database.ts';

if (existsSync('.env')) process.loadEnvFile('.env');
const { values } = parseArgs({
  options: { workspace: { type: 'string', default: 'TDEMO' }, user: { type: 'string', multiple: true } },
});
const workspaceId = values.workspace.trim().toUpperCase();
const databaseUrl = process.env.DATABASE_URL?.trim() || undefined;
const db = await openDatabase({ databaseUrl, dataDir: process.env.DATA_DIR?.trim() || './data' });
try {
  const existing = await db.sql
    .selectFrom('sales_cycle')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .limit(1)
    .executeTakeFirst();
  if (existing) {
    console.error(`Workspace ${workspaceId} already has a pipeline; nothing was seeded. Pick another --workspace.`);
    process.exitCode = 1;
  } else {
    const users = (values.user ?? []).map((id, i) => ({ slackUserId: id.toUpperCase(), name: `Sales rep ${i + 1}` }));
    const result = await seedDemoWorkspace(createServices(db), {
      workspaceId,
      today: dateInZone(new Date(), 'UTC'),
      ...(users.length ? { salespeople: users } : {}),
    });
    console.log(
      `Seeded workspace ${workspaceId} on the ${db.kind} database: ${result.opportunities} opportunities ` +
        `(${result.open} open, ${result.won} won, ${result.lost} lost).`,
    );
  }
} finally {
  await db.close();
}
