// Prisma CLI configuration. The CLI runs fully offline with the JavaScript schema engine and an
// embedded PGlite database (see README, "Database"): it is used to generate the client and to author
// migrations. The app applies migrations itself (src/store/migrate.ts) on PGlite and PostgreSQL alike.
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { defineConfig } from 'prisma/config';

// `prisma generate` only needs the variable to exist; without it the CLI tries to download an engine.
process.env.DATABASE_URL ??= 'postgresql://offline@localhost/unused';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  experimental: { adapter: true },
  engine: 'js',
  async adapter() {
    const dir = process.env.PRISMA_AUTHORING_DIR ?? './data/prisma-authoring';
    return new PrismaPGlite(new PGlite(dir));
  },
});
