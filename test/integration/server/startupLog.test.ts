import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * `npm run server` on a fresh embedded store used to print nothing for ~30 s (PGlite start and
 * migrations), which reads as a hang. Its first line now says what it is doing.
 */
describe('sync server start-up log', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pd-startlog-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('says it is opening the embedded store and applying migrations before it does', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src-server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const firstLine = await new Promise<string>((resolveLine, reject) => {
      let buffered = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        const end = buffered.indexOf('\n');
        if (end >= 0) resolveLine(buffered.slice(0, end));
      });
      child.on('exit', (code) => reject(new Error(`the server exited (${String(code)}) before printing a line`)));
    });
    child.kill('SIGTERM');
    expect(firstLine).toBe(`Partner Desk sync server starting: opening embedded PGlite in ${dataDir} and applying migrations (the first start takes about 30 s)…`);
  });
});
