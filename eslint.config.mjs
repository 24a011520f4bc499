// Lint: the recommended TypeScript rules, promises that cannot be forgotten, lines of at most 120 characters, and
// the dependency rule of the rooms (README "Layout"): workflows stay deterministic, client/ is reached only from
// entry points, and db/ depends on nothing above it.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)].filter((m) => !m.startsWith('_'));
const restrict = (patterns, paths = []) => [
  'error',
  {
    patterns,
    paths: paths.map((name) => ({
      name,
      message: 'workflow code runs in a deterministic sandbox: do I/O in an activity',
    })),
  },
];
const above = (room) => `^(\\.\\./)+${room}(/|$)`;
const clientOnlyFromEntryPoints = {
  regex: above('client'),
  message: 'only entry points (worker/main.ts, tests) import client/',
};

export default defineConfig(
  { ignores: ['node_modules/', '.temporal/', '.data/', 'dist/', 'test/fixtures/workflow-with-node-import.ts'] },
  { files: ['**/*.ts', '**/*.mts'], extends: [js.configs.recommended, tseslint.configs.recommended] },
  {
    files: ['**/*.ts', '**/*.mts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@stylistic': stylistic },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // User-facing text and HTML stay whole in their literals: a sentence split over lines is harder to read and to grep.
      '@stylistic/max-len': [
        'error',
        { code: 120, ignoreUrls: true, ignoreRegExpLiterals: true, ignoreStrings: true, ignoreTemplateLiterals: true },
      ],
    },
  },
  {
    // Migrations are frozen in time and typed loosely on purpose: they must not depend on today's schema types.
    files: ['db/migrations/**/*.ts', 'db/migrate.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Workflows import only workflow code (and activity types) and no Node built-ins.
    files: ['workflows/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        [
          {
            regex: `${above('(activities|db|worker)')}`,
            allowTypeImports: true,
            message: 'workflows import only workflows (and `import type` from activities)',
          },
          clientOnlyFromEntryPoints,
        ],
        [...nodeBuiltins, 'pg', 'kysely', 'nodemailer', 'luxon', 'date-holidays'],
      ),
    },
  },
  {
    // db/ owns the schema: it may name the contracts' types, never call into the rooms above it.
    files: ['db/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        {
          regex: above('(activities|workflows)'),
          allowTypeImports: true,
          message: 'db/ imports no values from activities or workflows',
        },
        clientOnlyFromEntryPoints,
      ]),
    },
  },
  {
    files: ['activities/**/*.ts', 'worker/**/*.ts'],
    ignores: ['worker/main.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': restrict([clientOnlyFromEntryPoints]) },
  },
  {
    // Pure domain modules: no database, no mail, no Temporal activity context.
    files: ['activities/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        {
          regex: `${above('(db|mail)')}|^(@temporalio/activity|pg|kysely|nodemailer)$`,
          message: 'activities/domain is pure: no I/O',
        },
        clientOnlyFromEntryPoints,
      ]),
    },
  },
);
