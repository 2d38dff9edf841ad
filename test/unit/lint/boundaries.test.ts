import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

/** The runtime boundaries of the layout are enforced by lint, not by memory. */
describe('layer boundaries', () => {
  it.each([
    ["import { useState } from 'react';", 'src-shared/domain/x.ts'],
    ["import { app } from 'electron';", 'src-shared/domain/x.ts'],
    ["import { createRxDatabase } from 'rxdb';", 'src-shared/domain/x.ts'],
    ["import { Pool } from 'pg';", 'src-shared/sync/x.ts'],
    ["import { readFile } from 'node:fs';", 'src-shared/domain/x.ts'],
    ["import { startApp } from '../../src-main/startApp';", 'src-renderer/app/x.ts'],
    ["import { createServer } from '../../src-server/createServer';", 'src-renderer/app/x.ts'],
    ["import { ipcRenderer } from 'electron';", 'src-renderer/app/x.ts'],
    ["import { App } from '../src-renderer/app/App';", 'src-main/x.ts'],
    ["import { App } from '../src-renderer/app/App';", 'src-server/x.ts'],
  ])('rejects %s in %s', async (code, file) => {
    expect(await restrictedImports(code, file)).not.toEqual([]);
  });

  it.each([
    ["import { z } from 'zod';", 'src-shared/ipc/x.ts'],
    ["import { partnerHealth } from '../../src-shared/domain/health';", 'src-renderer/app/x.ts'],
    ["import { app } from 'electron';", 'src-main/x.ts'],
    ["import { readFile } from 'node:fs';", 'src-server/x.ts'],
  ])('allows %s in %s', async (code, file) => {
    expect(await restrictedImports(code, file)).toEqual([]);
  });
});
