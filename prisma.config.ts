// Prisma CLI configuration. The CLI runs fully offline with the JavaScript schema engine and an
// embedded PGlite database (see README, "Database"): it is used to generate the client and to author
// migrations. The app applies migrations itself (src/store/migrate.ts) on PGlite and PostgreSQL alike.
// This file runs before the client is generated, so it imports nothing from src/.
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { defineConfig, type PrismaConfig } from 'prisma/config';

// `prisma generate` only needs the variable to exist; without it the CLI tries to download an engine.
process.env.DATABASE_URL ??= 'postgresql://offline@localhost/unused';

// pglite-prisma-adapter 0.6 is typed against an older @prisma/driver-adapter-utils (same runtime contract).
type MigrationAdapter = Awaited<ReturnType<Extract<PrismaConfig, { engine: 'js' }>['adapter']>>;

export default defineConfig({
  schema: 'prisma/schema.prisma',
  experimental: { adapter: true },
  engine: 'js',
  async adapter() {
    const dir = process.env.PRISMA_AUTHORING_DIR ?? './data/prisma-authoring';
    return new PrismaPGlite(new PGlite(dir)) as unknown as MigrationAdapter;
  },
});
