// npm run db:migrate — applies pending migrations to the configured database (PGlite under DATA_DIR,
// or PostgreSQL when DATABASE_URL is set). The app also does this when it starts.
import { existsSync } from 'node:fs';
import { openDatabase } from '../store/database.ts';

if (existsSync('.env')) process.loadEnvFile('.env');
const databaseUrl = process.env.DATABASE_URL?.trim() || undefined;
const dataDir = process.env.DATA_DIR?.trim() || './data';

try {
  const db = await openDatabase({ databaseUrl, dataDir });
  console.log(
    db.appliedMigrations.length
      ? `Applied ${db.appliedMigrations.length} migration(s) to the ${db.kind} database: ${db.appliedMigrations.join(', ')}`
      : `The ${db.kind} database is up to date.`,
  );
  await db.close();
} catch (error) {
  console.error(`Migrating failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
