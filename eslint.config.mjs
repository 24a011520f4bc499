// Lint: the recommended TypeScript rules, promises that cannot be forgotten, lines of at most 120 characters, no
// import circles, and the dependency rule of the rooms (docs/architecture.md): every room points down to core/,
// db/ depends on core/ alone, workflows stay deterministic, SQL lives in db/, and only worker/ (the composition root)
// and tests reach client/ or worker/.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)].filter((m) => !m.startsWith('_'));
const ROOMS = ['core', 'db', 'workflows', 'activities', 'client', 'worker'];

/** What each room may import of the others (worker/ and tests: everything). An arrow not listed is an error. */
const MAY_IMPORT = {
  core: [],
  db: ['core'],
  workflows: ['core'],
  activities: ['core', 'db'],
  client: ['core', 'db', 'workflows'],
};

/** Arrows allowed for types only: a workflow proxies activities by their type, a client starts a workflow by its
 * type and name; values would drag I/O into the workflow sandbox or workflow code into a client process. */
const TYPES_ONLY = {
  workflows: ['activities'],
  client: ['workflows'],
};
/** The workflow modules a client may take values from: the message definitions it sends and queries. */
const CLIENT_MAY_USE = ['workflows/cycle/messages', 'workflows/party/messages'];

const zone = (room) => ({
  target: `./${room}`,
  from: ROOMS.filter((r) => r !== room && !MAY_IMPORT[room].includes(r) && !(TYPES_ONLY[room] ?? []).includes(r)).map(
    (r) => `./${r}`,
  ),
  message: `${room}/ may import only ${[...MAY_IMPORT[room], ...(TYPES_ONLY[room] ?? []).map((r) => `types of ${r}`)].join(', ') || 'core/ itself'} (docs/architecture.md)`,
});

const SQL_BUILDERS = /^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom)$/;

/** The import rules of one room: types-only arrows, Kysely values, and (workflows) no I/O at all. */
function importRules(room) {
  const patterns = (TYPES_ONLY[room] ?? []).map((r) => ({
    regex: `^(\\.\\./)+${r}(/(?!${CLIENT_MAY_USE.map((m) => m.split('/').slice(1).join('/')).join('|')}$)|$)`,
    allowTypeImports: true,
    message: `${room}/ takes only types from ${r}/ (docs/architecture.md)`,
  }));
  const paths =
    room === 'db'
      ? []
      : [
          {
            name: 'kysely',
            allowTypeImports: true,
            message: 'SQL and Kysely values live in db/: add a function there',
          },
        ];
  if (room === 'workflows')
    paths.push(
      ...[...nodeBuiltins, 'pg', 'nodemailer', 'luxon', 'date-holidays'].map((name) => ({
        name,
        message: 'workflow code runs in a deterministic sandbox: do I/O in an activity',
      })),
    );
  return ['error', { patterns, paths }];
}

export default defineConfig(
  { ignores: ['node_modules/', '.temporal/', '.data/', 'dist/', 'test/fixtures/workflow-with-node-import.ts'] },
  { files: ['**/*.ts', '**/*.mts'], extends: [js.configs.recommended, tseslint.configs.recommended] },
  {
    files: ['**/*.ts', '**/*.mts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@stylistic': stylistic, 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.mts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.mts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.mts'] })],
    },
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
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...Object.keys(MAY_IMPORT).map(zone),
            {
              target: './!(worker|test)/**',
              from: './worker',
              message: 'only tests import worker/, the composition root',
            },
          ],
        },
      ],
    },
  },
  ...Object.keys(MAY_IMPORT).map((room) => ({
    files: [`${room}/**/*.ts`],
    rules: {
      '@typescript-eslint/no-restricted-imports': importRules(room),
      ...(room === 'db'
        ? {}
        : {
            'no-restricted-syntax': [
              'error',
              {
                selector: `CallExpression[callee.property.name=${SQL_BUILDERS}]`,
                message: 'queries live in db/: call a function there',
              },
            ],
          }),
    },
  })),
  {
    // Migrations are frozen in time and typed loosely on purpose: they must not depend on today's schema types.
    files: ['db/migrations/**/*.ts', 'db/migrate.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
