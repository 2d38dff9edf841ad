// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Where code runs is visible in its path, and these rules keep it true:
 * - src-shared is framework-free: no React, Electron, RxDB, Dexie, database drivers or server code.
 * - src-renderer never reaches into src-main or src-server (it talks to main through the
 *   typed bridge in src-shared/ipc only).
 * - src-main never imports the renderer; src-server never imports the renderer or main.
 */
const noImport = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

const frameworks = ['react', 'react-*', 'react/*', 'electron', 'electron/*', 'rxdb', 'rxdb/*', 'dexie', 'dexie/*', 'pg', '@electric-sql/*', 'fastify', '@mantine/*', 'recharts'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a string union instead of an enum.' },
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: noImport(
      [...frameworks, '**/src-renderer/**', '**/src-main/**', '**/src-server/**', 'node:*'],
      'src-shared is framework-free and runs everywhere: no React, Electron, RxDB, database drivers, Node built-ins or other layers.',
    ),
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...noImport(
        ['**/src-main/**', '**/src-server/**', 'electron', 'electron/*', 'node:*', 'pg', '@electric-sql/*'],
        'The renderer runs in a browser sandbox: reach main only through the Platform interface.',
      ),
    },
  },
  {
    files: ['src-main/**/*.ts'],
    rules: noImport(
      ['**/src-renderer/**', '**/src-server/**', 'react', 'react-*', 'rxdb', 'rxdb/*'],
      'The main process does not import renderer or server code.',
    ),
  },
  {
    files: ['src-server/**/*.ts'],
    rules: noImport(
      ['**/src-renderer/**', '**/src-main/**', 'electron', 'react', 'react-*', '@mantine/*'],
      'The sync server does not import renderer or Electron code.',
    ),
  },
  {
    // Config files are the tools' entry points and must default-export.
    files: ['*.config.ts', '*.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
