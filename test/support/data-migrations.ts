// Data migrations on a test database: a test writes rows as the previous version of the app did, then
// runs the migration that fills the new columns again (its statements only touch unfilled rows).
import { loadMigrations } from '../../src/store/migrate.ts';
import type { Database } from '../../src/store/database.ts';

export const BACKFILL_DIGEST_SCOPE_ORDER_SOURCE = '20261203100001_backfill_digest_scope_order_source';

export async function rerunDataMigration(db: Pick<Database, 'prisma'>, name: string): Promise<void> {
  const migration = (await loadMigrations()).find((m) => m.name === name);
  if (!migration) throw new Error(`No migration named ${name}`);
  const statements = migration.sql
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter((s) => s.replace(/^--.*$/gm, '').trim() !== '');
  for (const statement of statements) await db.prisma.$executeRawUnsafe(statement);
}
