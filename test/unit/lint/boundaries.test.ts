import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

/**
 * Loading ESLint, typescript-eslint and the config cold takes seconds on a loaded machine (two
 * suites sharing two cores); the limits leave room for that instead of the 5 s default.
 */
const ESLINT_LOAD_LIMIT_MS = 120_000;
const LINT_LIMIT_MS = 60_000;

async function layerErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/allowed-imports').map((m) => m.message);
}

/** The runtime boundaries of the layout are enforced by lint, not by memory: an allow-list per folder. */
describe('layer boundaries', { timeout: LINT_LIMIT_MS }, () => {
  beforeAll(async () => {
    await eslint.calculateConfigForFile(resolve(root, 'src-shared/domain/x.ts'));
  }, ESLINT_LOAD_LIMIT_MS);

  it.each([
    // src-shared runs everywhere: no framework, store, driver, Node built-in or other layer.
    ["import { useState } from 'react';", 'src-shared/domain/x.ts'],
    ["import { app } from 'electron';", 'src-shared/domain/x.ts'],
    ["import { createRxDatabase } from 'rxdb';", 'src-shared/domain/x.ts'],
    ["import Dexie from 'dexie';", 'src-shared/domain/x.ts'],
    ["import { Pool } from 'pg';", 'src-shared/sync/x.ts'],
    ["import { PGlite } from '@electric-sql/pglite';", 'src-shared/sync/x.ts'],
    ["import { readFile } from 'node:fs';", 'src-shared/domain/x.ts'],
    ["import { readFileSync } from 'fs';", 'src-shared/domain/x.ts'],
    ["import { randomUUID } from 'node:crypto';", 'src-shared/domain/x.ts'],
    ["import { createHash } from 'crypto';", 'src-shared/domain/x.ts'],
    ["const fs = require('fs');", 'src-shared/domain/x.ts'],
    ["export { readFile } from 'node:fs/promises';", 'src-shared/domain/x.ts'],
    ["export * from 'fs';", 'src-shared/domain/x.ts'],
    ["const fs = await import('node:fs');", 'src-shared/domain/x.ts'],
    ["import { Button } from '@mantine/core';", 'src-shared/domain/x.ts'],
    ["import { dataSignature } from '../../src-renderer/db/x';", 'src-shared/domain/x.ts'],
    ["import { startApp } from '../../src-main/startApp';", 'src-shared/domain/x.ts'],
    ["import { createServer } from '../../src-server/createServer';", 'src-shared/domain/x.ts'],
    ["import { partner } from '../../test/fixtures/x';", 'src-shared/domain/x.ts'],
    ["import lodash from 'lodash';", 'src-shared/domain/x.ts'],
    // The renderer runs in a browser sandbox and reaches main only through the Platform bridge.
    ["import { startApp } from '../../src-main/startApp';", 'src-renderer/app/x.ts'],
    ["import { createServer } from '../../src-server/createServer';", 'src-renderer/app/x.ts'],
    ["import { ipcRenderer } from 'electron';", 'src-renderer/app/x.ts'],
    ["import { readFile } from 'node:fs';", 'src-renderer/app/x.tsx'],
    ["import { Pool } from 'pg';", 'src-renderer/db/x.ts'],
    ["import Fastify from 'fastify';", 'src-renderer/db/x.ts'],
    // Main never imports the renderer, the server or the renderer's frameworks.
    ["import { App } from '../src-renderer/app/App';", 'src-main/x.ts'],
    ["import { createServer } from '../src-server/createServer';", 'src-main/x.ts'],
    ["import { createRxDatabase } from 'rxdb';", 'src-main/x.ts'],
    ["import { useState } from 'react';", 'src-main/x.ts'],
    // The server never imports the renderer, main or Electron.
    ["import { App } from '../src-renderer/app/App';", 'src-server/x.ts'],
    ["import { startApp } from '../src-main/startApp';", 'src-server/x.ts'],
    ["import { app } from 'electron';", 'src-server/x.ts'],
    ["import { useState } from 'react';", 'src-server/x.ts'],
    // Tools use declared packages only.
    ["import lodash from 'lodash';", 'scripts/x.ts'],
    ["import lodash from 'lodash';", 'test/unit/x.test.ts'],
  ])('rejects %s in %s', async (code, file) => {
    const errors = await layerErrors(code, file);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/is not allowed here/);
  });

  it.each([
    ["import { z } from 'zod';", 'src-shared/ipc/x.ts'],
    ["import { addDays } from 'date-fns';", 'src-shared/domain/x.ts'],
    ["import Papa from 'papaparse';", 'src-shared/csv/x.ts'],
    ["import { partnerHealth } from './health';", 'src-shared/domain/x.ts'],
    ["import { partnerHealth } from '../domain/health';", 'src-shared/sync/x.ts'],
    ["import { partnerHealth } from '../../src-shared/domain/health';", 'src-renderer/app/x.ts'],
    ["import { createRxDatabase } from 'rxdb';", 'src-renderer/db/x.ts'],
    ["import { Button } from '@mantine/core';", 'src-renderer/app/x.tsx'],
    ["import '@mantine/core/styles.css';", 'src-renderer/app/x.tsx'],
    ["import { app } from 'electron';", 'src-main/x.ts'],
    ["import { readFile } from 'node:fs';", 'src-main/x.ts'],
    ["import { partnerHealth } from '../src-shared/domain/health';", 'src-main/x.ts'],
    ["import { readFile } from 'node:fs';", 'src-server/x.ts'],
    ["import Fastify from 'fastify';", 'src-server/x.ts'],
    ["import { Pool } from 'pg';", 'src-server/x.ts'],
    ["import { chromium } from 'playwright-core';", 'scripts/x.ts'],
    ["import { startApp } from '../../../src-main/startApp';", 'test/unit/main/x.test.ts'],
    ["import { describe } from 'vitest';", 'test/unit/x.test.ts'],
  ])('allows %s in %s', async (code, file) => {
    expect(await layerErrors(code, file)).toEqual([]);
  });
});
