import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// An import path reaching one of the app's top-level folders (src/<name>/…), however many `../` it climbs.
const appFolder = (names) => `^(\\.\\./)+(${names.join('|')})/`;
const packages = (scopes) => `^(${scopes.join('|')})(/|$)`;

const PRISMA = { regex: packages(['@prisma', 'prisma']), message: 'Prisma stays behind src/services and src/store.' };
const SLACK = { regex: packages(['@slack']), message: 'Slack stays in the adapters (src/slack, src/app.ts).' };

const ADAPTER_PATTERNS = [
  { regex: appFolder(['store', 'generated']), message: 'Adapters import no Prisma or store: go through src/services.' },
  PRISMA,
  { regex: packages(['kysely']), message: 'SQL stays behind src/services and src/store.' },
];
// The catalogue reaches a message builder through its presenter (src/i18n/presenter.ts), made for the
// reader's locale; a module constant from one language would answer everyone in it.
const ENGLISH_CATALOGUE = {
  regex: '(^|/)i18n/en(/|$)',
  message:
    'Take the catalogue from the presenter (presenterFor, channelPresenter in src/i18n/presenter.ts), not from i18n/en.',
};
const PRISMA_VIA_SERVICES = {
  regex: '(^|/)services/db\\.ts$',
  importNames: ['PrismaClient', 'Tx', 'SqlDatabase', 'SqlTransaction'],
  message: 'Adapters do not hold the database (Prisma client or kysely): call a service method instead.',
};

/** The import rules of the layers, one config object per folder. */
function layerRules() {
  const layer = (folders, patterns) => ({
    files: folders.map((folder) => `src/${folder}/**/*.ts`),
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  });
  return [
    // Outside the catalogue nothing imports one language's texts (every layer below repeats the pattern,
    // as its own entry replaces this one).
    {
      files: ['src/**/*.ts'],
      ignores: ['src/i18n/**'],
      rules: { 'no-restricted-imports': ['error', { patterns: [ENGLISH_CATALOGUE] }] },
    },
    // The domain imports nothing else of the app, and neither Slack nor Prisma.
    layer(
      ['domain'],
      [
        {
          regex: appFolder(['services', 'store', 'generated', 'slack', 'jobs', 'digest', 'i18n']),
          message: 'The domain imports nothing else of the app: only src/domain and libraries.',
        },
        SLACK,
        PRISMA,
      ],
    ),
    // The use cases import no Slack, no scheduler, no store: they reach the database through src/services.
    layer(
      ['usecases'],
      [
        {
          regex: appFolder(['slack', 'jobs', 'store', 'generated', 'digest']),
          message: 'Use cases (src/usecases) import no adapter and no store: only src/domain and src/services.',
        },
        SLACK,
        PRISMA,
        ENGLISH_CATALOGUE,
      ],
    ),
    // Services import no Slack.
    layer(
      ['services'],
      [
        { regex: appFolder(['slack', 'jobs']), message: 'Services import no Slack adapter (src/slack, src/jobs).' },
        SLACK,
        ENGLISH_CATALOGUE,
      ],
    ),
    // Adapters import no Prisma or kysely — neither directly nor the handles the services pass around — and
    // no store: they reach the database through src/services; and take the catalogue from a presenter.
    layer(['slack', 'jobs', 'digest'], [...ADAPTER_PATTERNS, PRISMA_VIA_SERVICES, ENGLISH_CATALOGUE]),
    // The Slack adapter also leaves the policy to the use cases (src/usecases/guard.ts).
    {
      files: ['src/slack/**/*.ts'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              ...ADAPTER_PATTERNS,
              PRISMA_VIA_SERVICES,
              ENGLISH_CATALOGUE,
              {
                regex: '(^|/)domain/permissions\\.ts$',
                importNames: ['can', 'decide', 'requiredRole'],
                message: 'Who may do what is decided in src/usecases (guard.ts), not in the Slack adapter.',
              },
            ],
          },
        ],
      },
    },
    // The catalogue depends on the domain only, never on the Slack adapter or the services.
    layer(
      ['i18n'],
      [
        {
          regex: appFolder(['slack', 'services', 'jobs', 'store', 'generated', 'digest']),
          message: 'The catalogue (src/i18n) imports no adapter or service: only src/domain and src/i18n.',
        },
        SLACK,
        PRISMA,
      ],
    ),
  ];
}

export default tseslint.config(
  { ignores: ['node_modules', 'src/generated', 'data', 'dist', 'test-output'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='process'][callee.property.name='exit']",
          message: 'Exit only from src/main.ts or src/cli.',
        },
      ],
    },
  },
  // Layers: which part of the app may import which (README, Architecture). Each folder gets exactly one
  // `no-restricted-imports` entry (flat config replaces a rule's options, it does not merge them).
  ...layerRules(),
  {
    // The rules engine stays pure: no clock.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'Domain code takes dates as values; the clock is injected.' },
      ],
    },
  },
  {
    // Text reaches Slack as markup only through the escaper or the catalogue (src/i18n/markup.ts): the
    // catalogue's own way out of the type check stays inside the catalogue.
    files: ['src/**/*.ts', 'test/**/*.ts'],
    ignores: ['src/i18n/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportSpecifier[imported.name='catalogueText']",
          message: 'Only the catalogue (src/i18n) composes Markup from escaped values; use escapeText or md.',
        },
        {
          selector: "CallExpression[callee.object.name='process'][callee.property.name='exit']",
          message: 'Exit only from src/main.ts or src/cli.',
        },
      ],
    },
  },
  {
    files: ['src/main.ts', 'src/cli/**/*.ts', 'test/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Listeners only translate: every operation goes through a use case, which decides who may act. They
    // neither ask the policy themselves (see the import rule above) nor call the services the use cases
    // guard. (After the general block: flat config replaces a rule's options, so its entries come too.)
    files: ['src/slack/listeners/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "MemberExpression[object.property.name='services'][property.name=/^(opportunities|queries|setup|members|statistics|subscriptions|workspaceAdmin|digests)$/]",
          message: 'Listeners call src/usecases (deps.useCases), which check permissions; not the services.',
        },
        {
          selector: "ImportSpecifier[imported.name='catalogueText']",
          message: 'Only the catalogue (src/i18n) composes Markup from escaped values; use escapeText or md.',
        },
        {
          selector: "CallExpression[callee.object.name='process'][callee.property.name='exit']",
          message: 'Exit only from src/main.ts or src/cli.',
        },
      ],
    },
  },

  {
    // Services and jobs take the time from the injected clock (src/services/clock.ts), so tests can fix
    // it. The core rule runs again under its own name: configuring no-restricted-syntax here would
    // replace the src-wide selectors above instead of adding to them.
    files: ['src/services/**/*.ts', 'src/jobs/**/*.ts'],
    ignores: ['src/services/clock.ts'],
    plugins: {
      clock: {
        rules: {
          'no-wall-clock': (await import('eslint/use-at-your-own-risk')).builtinRules.get('no-restricted-syntax'),
        },
      },
    },
    rules: {
      'clock/no-wall-clock': [
        'error',
        ...[
          "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          "NewExpression[callee.name='Date'][arguments.length=0]",
        ].map((selector) => ({ selector, message: 'Read the time from the injected Clock (src/services/clock.ts).' })),
      ],
    },
  },
);
