import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
  {
    // The rules engine stays pure: no Slack, no Prisma, no clock.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@slack/*', '@prisma/*', '*/generated/*', '../services/*', '../store/*', '../slack/*'] },
      ],
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
);
