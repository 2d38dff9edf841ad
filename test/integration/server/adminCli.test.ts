import { describe, expect, it } from 'vitest';
import { CLI_TEST_LIMIT_MS, useAdminCli } from './support/adminCli';

/**
 * `npm run server:admin` as an administrator uses it: a real process on an embedded data
 * directory, one command at a time (support/adminCli.ts says what each costs). The same service
 * is exercised against PostgreSQL by the access-control tests.
 */
describe('server admin CLI', () => {
  const admin = useAdminCli('pd-admin-cli-');

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
