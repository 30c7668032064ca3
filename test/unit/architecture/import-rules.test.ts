// The layers' import rules (eslint.config.js, run by `npm run lint`): a probe file placed in each folder
// is linted with the project's own configuration through ESLint's Node API, so a rule that stops matching
// (a renamed folder, a pattern that misses `../../`) fails here. Plus: no import circle anywhere in src.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

/** The no-restricted-imports messages ESLint reports for `source` as if it were the file at `file`. */
async function refusals(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const importOf = (specifier: string, name = 'X') =>
  `import type { ${name} } from '${specifier}';\nexport type Y = ${name};\n`;

describe('the lint refuses an import that breaks a layer rule', () => {
  it.each([
    // The domain imports nothing else of the app.
    ['src/domain/probe.ts', '../services/index.ts'],
    ['src/domain/probe.ts', '../slack/format.ts'],
    ['src/domain/probe.ts', '../i18n/markup.ts'],
    ['src/domain/probe.ts', '../store/kysely.ts'],
    ['src/domain/probe.ts', '../generated/prisma/client.ts'],
    ['src/domain/probe.ts', '../jobs/digest-scheduler.ts'],
    ['src/domain/probe.ts', '../digest/chart.ts'],
    ['src/domain/nested/probe.ts', '../../services/index.ts'],
    ['src/domain/probe.ts', '@slack/bolt'],
    ['src/domain/probe.ts', '@prisma/client'],
    // Use cases import no adapter, store or Prisma.
    ['src/usecases/probe.ts', '@slack/bolt'],
    ['src/usecases/probe.ts', '../slack/format.ts'],
    ['src/usecases/probe.ts', '../store/kysely.ts'],
    ['src/usecases/probe.ts', '../jobs/digest-scheduler.ts'],
    ['src/usecases/probe.ts', '@prisma/client'],
    // Services import no Slack.
    ['src/services/probe.ts', '@slack/bolt'],
    ['src/services/probe.ts', '@slack/oauth'],
    ['src/services/probe.ts', '../slack/format.ts'],
    ['src/services/probe.ts', '../jobs/digest-scheduler.ts'],
    // Adapters import no Prisma and no store.
    ['src/slack/probe.ts', '../store/kysely.ts'],
    ['src/slack/listeners/probe.ts', '../../store/database.ts'],
    ['src/slack/listeners/probe.ts', '../../generated/prisma/client.ts'],
    ['src/slack/probe.ts', '@prisma/client'],
    ['src/jobs/probe.ts', '../store/kysely.ts'],
    ['src/jobs/probe.ts', '@prisma/adapter-pg'],
    ['src/jobs/probe.ts', '../store/kysely.ts'],
    ['src/jobs/probe.ts', 'kysely'],
    ['src/slack/listeners/probe.ts', 'kysely'],
    ['src/digest/probe.ts', '../store/kysely.ts'],
    // The catalogue imports no adapter or service.
    ['src/i18n/en/probe.ts', '../../slack/grammar/usage.ts'],
    ['src/i18n/en/probe.ts', '../../services/index.ts'],
    ['src/i18n/probe.ts', '../slack/format.ts'],
    ['src/i18n/en/probe.ts', '@slack/bolt'],
    // Outside the catalogue, one language's texts come only through a presenter.
    ['src/slack/blocks/probe.ts', '../../i18n/en/ui.ts'],
    ['src/slack/listeners/probe.ts', '../../i18n/en/index.ts'],
    ['src/slack/probe.ts', '../i18n/en/system.ts'],
    ['src/digest/probe.ts', '../i18n/en/digest.ts'],
    ['src/jobs/probe.ts', '../i18n/en/notices.ts'],
    ['src/jobs/digest-scheduler.ts', '../i18n/en/digest.ts'],
    ['src/usecases/probe.ts', '../i18n/en/rules.ts'],
    ['src/services/probe.ts', '../i18n/en/index.ts'],
    ['src/probe.ts', './i18n/en/install-pages.ts'],
  ])('%s importing %s', async (file, specifier) => {
    expect(await refusals(file, importOf(specifier))).toHaveLength(1);
  });

  it('adapters may not take the Prisma client or the kysely database from the services either', async () => {
    for (const file of ['src/slack/probe.ts', 'src/jobs/probe.ts']) {
      for (const name of ['PrismaClient', 'Tx', 'SqlDatabase', 'SqlTransaction']) {
        expect(await refusals(file, importOf('../services/db.ts', name))).toHaveLength(1);
      }
    }
  });
});

describe('listeners leave permissions to the use cases', () => {
  it('may not ask the policy themselves', async () => {
    const source = `import { decide } from '../../domain/permissions.ts';\nexport const y = decide;\n`;
    expect(await refusals('src/slack/listeners/probe.ts', source)).toHaveLength(1);
  });

  it('may not call a guarded service directly', async () => {
    const [result] = await eslint.lintText(
      'export const run = (deps: any) => deps.services.opportunities.delete();\n',
      {
        filePath: path.join(ROOT, 'src/slack/listeners/probe.ts'),
      },
    );
    expect((result?.messages ?? []).map((m) => m.ruleId)).toContain('no-restricted-syntax');
  });
});

describe('the lint lets each layer import what it may', () => {
  it.each([
    ['src/domain/probe.ts', './decimal.ts'],
    ['src/domain/probe.ts', 'decimal.js'],
    ['src/services/probe.ts', '../domain/opportunity.ts'],
    ['src/services/probe.ts', '../store/kysely.ts'],
    ['src/services/probe.ts', '../generated/prisma/client.ts'],
    ['src/slack/listeners/probe.ts', '../../services/index.ts'],
    ['src/slack/probe.ts', '@slack/bolt'],
    ['src/jobs/probe.ts', '../services/clock.ts'],
    ['src/i18n/en/probe.ts', '../../domain/input-problems.ts'],
    ['src/i18n/en/probe.ts', '../markup.ts'],
    ['src/i18n/probe.ts', './en/index.ts'],
    ['src/slack/blocks/probe.ts', '../../i18n/presenter.ts'],
    ['src/slack/blocks/probe.ts', '../../i18n/catalogue.ts'],
    ['src/app.ts', './store/database.ts'],
    ['src/usecases/probe.ts', '../services/index.ts'],
    ['src/usecases/probe.ts', '../domain/permissions.ts'],
  ])('%s importing %s', async (file, specifier) => {
    expect(await refusals(file, importOf(specifier))).toEqual([]);
  });

  it('an adapter may use what the services say about the database without holding the client', async () => {
    expect(await refusals('src/slack/probe.ts', importOf('../services/db.ts', 'DatabaseUnavailableError'))).toEqual([]);
  });
});

describe('the app as it is', () => {
  it('has no import circle (the domain first of all)', () => {
    const src = path.join(ROOT, 'src');
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.startsWith('generated'))
      .map((f) => path.join(src, f));
    const known = new Set(files);
    const imports = new Map(
      files.map((file) => {
        const text = readFileSync(file, 'utf8');
        const targets = [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'(\.[^']+)'/gms)]
          .map((m) => path.resolve(path.dirname(file), m[1] ?? ''))
          .filter((target) => known.has(target));
        return [file, targets];
      }),
    );
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        circles.push([...trail.slice(trail.indexOf(file)), file].map((f) => path.relative(ROOT, f)).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const target of imports.get(file) ?? []) visit(target, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(circles).toEqual([]);
  });
});
