import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CLI = resolve(import.meta.dirname, '../../../src-server/admin/cli.ts');

/**
 * `npm run server:admin` as an administrator uses it: a real process on an embedded data
 * directory, one command at a time. (The same service is exercised against PostgreSQL by the
 * access-control tests.)
 *
 * Every command is a process that starts tsx and boots PGlite's WebAssembly PostgreSQL on the data
 * directory (~5 s, 10-15 s at load 12 on 2 cores); the first one also creates the cluster (initdb,
 * 27-46 s at that load). So the test runs only the commands whose output or exit code it checks,
 * and reads the final state once. The limit is for two suites sharing 2 cores.
 */
const CLI_TEST_LIMIT_MS = 300_000;

describe('server admin CLI', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pd-admin-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const admin = async (...args: string[]) => {
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
    try {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', CLI, ...args], { env });
      return { code: 0, stdout, stderr: '' };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  it('adds teams and users, moves a user between teams, changes a role, and explains mistakes', async () => {
    expect((await admin('add-team', 'north')).stdout).toMatch(/^team north added/);
    expect((await admin('add-team', 'south')).code).toBe(0);
    const added = await admin('add-user', '--email', 'Ann@North.example', '--name', 'Ann Berg', '--role', 'manager', '--teams', 'north');
    expect(added.stdout).toContain('user ann@north.example added (manager; teams: north)');

    const moved = await admin('set-teams', '--email', 'ann@north.example', '--teams', 'south,north');
    expect(moved.code).toBe(0);
    expect(moved.stdout).toContain('ann@north.example is now in south, north');
    expect((await admin('set-role', '--email', 'ann@north.example', '--role', 'admin')).stdout).toContain('ann@north.example is now an admin');

    const noTeam = await admin('set-teams', '--email', 'ann@north.example', '--teams', 'west');
    expect(noTeam.code).toBe(1);
    expect(noTeam.stderr).toContain('error: no team named west');
    const missing = await admin('set-teams', '--email', 'ann@north.example');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('set-teams needs --teams');
    const unknown = await admin('set-teems');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown command set-teems');

    // The role and teams set above were stored, and nothing was half-written by the refused commands.
    const users = JSON.parse((await admin('list-users', '--json')).stdout) as { email: string; role: string; teams: { name: string }[] }[];
    expect(users.find((user) => user.email === 'ann@north.example')).toMatchObject({ role: 'admin', teams: [{ name: 'south' }, { name: 'north' }] });
  }, CLI_TEST_LIMIT_MS);
});
