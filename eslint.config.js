// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { dirname, relative, resolve, sep } from 'node:path';
import packageJson from './package.json' with { type: 'json' };

/**
 * Where code runs is visible in its path, and an allow-list per folder keeps it true: a file may
 * import only the folders and packages listed for its folder; everything else is an error. New
 * imports are added here on purpose, not by accident.
 * - src-shared runs everywhere (renderer, main, server, scripts): its own files and a few pure
 *   libraries. No Node built-in, React, Electron, RxDB, Dexie, driver or other layer.
 * - src-renderer runs in a browser sandbox: itself, src-shared and the UI/store libraries. It
 *   reaches main only through the typed bridge of src-shared/ipc.
 * - src-main is Electron's main process and preload: itself, src-shared, electron, Node built-ins.
 * - src-server is the sync server: itself, src-shared, Node built-ins, the HTTP and database stack.
 * - scripts and tests are tools: every layer, Node built-ins and the declared packages.
 */
const nodeBuiltins = ['node:*'];
const pureLibraries = ['zod', 'date-fns', 'date-fns/*', 'papaparse', 'ics', 'eventsource-parser', 'minisearch'];
const declaredPackages = Object.keys({ ...packageJson.dependencies, ...packageJson.devDependencies }).flatMap((name) => [name, `${name}/*`]);

/** @type {Record<string, { folders: string[], packages: string[], message: string }>} */
const layers = {
  'src-shared': {
    folders: ['src-shared'],
    packages: pureLibraries,
    message: 'src-shared is framework-free and runs everywhere: only its own files and pure libraries (no Node built-in, React, Electron, RxDB, driver or other layer).',
  },
  'src-renderer': {
    folders: ['src-renderer', 'src-shared'],
    packages: [
      ...pureLibraries,
      'react', 'react/*', 'react-dom', 'react-dom/*', 'react-router', 'react-error-boundary',
      '@mantine/*', '@tabler/icons-react', '@tanstack/react-virtual', 'recharts', 'dayjs', 'dayjs/*',
      'rxdb', 'rxdb/*', 'rxjs', 'rxjs/*', 'dexie',
    ],
    message: 'The renderer runs in a browser sandbox: only src-renderer, src-shared and UI/store libraries; reach main through the Platform interface.',
  },
  'src-main': {
    folders: ['src-main', 'src-shared'],
    packages: [...pureLibraries, ...nodeBuiltins, 'electron'],
    message: 'The main process imports only src-main, src-shared, electron and Node built-ins (no renderer, server, React or RxDB).',
  },
  'src-server': {
    folders: ['src-server', 'src-shared'],
    packages: [...pureLibraries, ...nodeBuiltins, 'fastify', '@fastify/*', '@scalar/fastify-api-reference', 'pg', '@electric-sql/pglite', '@electric-sql/pglite/*', '@node-rs/argon2'],
    message: 'The sync server imports only src-server, src-shared, Node built-ins and its HTTP/database stack (no renderer, main, Electron or React).',
  },
  scripts: {
    folders: ['scripts', 'src-shared', 'src-renderer', 'src-server', 'test'],
    packages: [...nodeBuiltins, ...declaredPackages],
    message: 'Scripts import project files, Node built-ins and packages declared in package.json.',
  },
  test: {
    folders: ['test', 'src-shared', 'src-renderer', 'src-main', 'src-server', 'scripts'],
    packages: [...nodeBuiltins, ...declaredPackages],
    message: 'Tests import project files, Node built-ins and packages declared in package.json.',
  },
};

/** A pattern ending in `*` (`node:*`, `@scope/*`, `name/*`) matches by prefix; anything else exactly. */
const packageAllowed = (specifier, allowed) =>
  allowed.some((pattern) => (pattern.endsWith('*') ? specifier.startsWith(pattern.slice(0, -1)) : specifier === pattern));

/** @type {import('eslint').Rule.RuleModule} */
const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Allow-list of the folders and packages a layer may import.' },
    schema: [
      {
        type: 'object',
        properties: {
          folders: { type: 'array', items: { type: 'string' } },
          packages: { type: 'array', items: { type: 'string' } },
          message: { type: 'string' },
        },
        required: ['folders', 'packages', 'message'],
        additionalProperties: false,
      },
    ],
    messages: { notAllowed: "'{{specifier}}' is not allowed here. {{message}}" },
  },
  create(context) {
    const { folders, packages, message } = context.options[0];
    const projectRoot = context.cwd;
    /** @param {import('estree').Node | null | undefined} source */
    const check = (source) => {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const specifier = source.value;
      let allowed;
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const target = relative(projectRoot, resolve(dirname(context.filename), specifier));
        const folder = target.split(sep)[0] ?? '';
        allowed = !target.startsWith('..') && folders.includes(folder);
      } else {
        allowed = packageAllowed(specifier.split('?')[0] ?? specifier, packages);
      }
      if (!allowed) context.report({ node: source, messageId: 'notAllowed', data: { specifier, message } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(/** @type {import('estree').Node} */ (node.arguments[0]));
      },
    };
  },
};

const layering = { rules: { 'allowed-imports': allowedImports } };

const layerConfig = (folder, extensions = 'ts') => ({
  files: [`${folder}/**/*.${extensions}`],
  plugins: { layers: layering },
  rules: { 'layers/allowed-imports': ['error', layers[folder]] },
});

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
  layerConfig('src-shared'),
  layerConfig('src-renderer', '{ts,tsx}'),
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  layerConfig('src-main', '{ts,cjs}'),
  layerConfig('src-server'),
  layerConfig('scripts'),
  layerConfig('test', '{ts,tsx}'),
  {
    // Config files are the tools' entry points and must default-export.
    files: ['*.config.ts', '*.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
