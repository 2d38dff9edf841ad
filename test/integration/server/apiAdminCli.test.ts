import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CLI = resolve(import.meta.dirname, '../../../src-server/admin/cli.ts');

/** The admin CLI's API-token and webhook commands, as an administrator runs them (a real process per command; see adminCli.test.ts for the cost). */
describe('server admin CLI: API tokens and webhooks', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pd-api-cli-'));
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

  it('creates a scoped token (shown once), lists and revokes it, subscribes a webhook and explains mistakes', async () => {
    const created = await admin('create-token', '--name', 'crm', '--scopes', 'deals:write,read');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('token crm created (scopes: deals:write, read; all teams)');
    expect(created.stdout).toMatch(/\npdk_[A-Za-z0-9_-]{43}\n/);
    const badScope = await admin('create-token', '--name', 'x', '--scopes', 'deals:delete');
    expect(badScope.code).toBe(1);
    expect(badScope.stderr).toContain('unknown scope "deals:delete"');
    const hook = await admin('add-webhook', '--url', 'https://hooks.example.com/pd', '--events', 'partner.first_deal,deal.won');
    expect(hook.stdout).toMatch(/webhook [0-9a-f-]{36} added: https:\/\/hooks\.example\.com\/pd \(partner\.first_deal, deal\.won\)\nsigning secret \(store it now, it is not shown again\): whsec_/);
    expect((await admin('revoke-token', '--name', 'crm')).stdout).toContain('token crm revoked');
    const listed = await admin('list-tokens', '--json');
    const tokens = JSON.parse(listed.stdout) as { name: string; scopes: string[]; revokedAt: string | null }[];
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ name: 'crm', scopes: ['deals:write', 'read'] });
    expect(tokens[0]?.revokedAt).not.toBeNull();
    expect(JSON.stringify(tokens)).not.toContain('pdk_');
  }, 300_000);
});
