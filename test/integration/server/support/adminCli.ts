/**
 * The admin CLI as an administrator runs it, for the CLI suites: a real process per command
 * (`npm run server:admin`) on an embedded data directory the suite owns.
 *
 * Every command is a process that starts tsx and boots PGlite's WebAssembly PostgreSQL on the data
 * directory (~5 s, 10-15 s at load 12 on 2 cores); the first one also creates the cluster (initdb,
 * 27-46 s at that load). So a suite runs only the commands whose output or exit code it checks,
 * and reads the final state once. The limit is for two suites sharing 2 cores.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll } from 'vitest';

export const CLI_TEST_LIMIT_MS = 300_000;

const run = promisify(execFile);
const CLI = resolve(import.meta.dirname, '../../../../src-server/admin/cli.ts');

export type CliResult = { code: number; stdout: string; stderr: string };

/** A fresh data directory for the suite (removed after it) and a function running one CLI command on it. */
export function useAdminCli(prefix: string): (...args: string[]) => Promise<CliResult> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  return async (...args) => {
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
    try {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', CLI, ...args], { env });
      return { code: 0, stdout, stderr: '' };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };
}
