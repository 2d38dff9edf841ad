import { describe, expect, it } from 'vitest';
import { CLI_TEST_LIMIT_MS, useAdminCli } from './support/adminCli';

/** The admin CLI's API-token and webhook commands, as an administrator runs them (a real process per command; see support/adminCli.ts for the cost). */
describe('server admin CLI: API tokens and webhooks', () => {
  const admin = useAdminCli('pd-api-cli-');

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
  }, CLI_TEST_LIMIT_MS);
});
