/**
 * A CRM-style integration: sends opportunities to Partner Desk as deals, keyed by the CRM's
 * opportunity id (a re-run updates them, never duplicates).
 *
 *   PARTNER_DESK_URL=http://localhost:8787 PARTNER_DESK_TOKEN=pdk_… npx tsx scripts/crm-deals.ts opportunities.ndjson
 *
 * The file holds one opportunity per line: {"externalId","partner","account","amount","currency",
 * "stage","registeredOn","closedOn"?,"source"}. Without a file, two example opportunities are sent.
 * Exit code 1 when any record was refused (each one is printed with its record number and field).
 */
import { readFileSync } from 'node:fs';

const base = process.env.PARTNER_DESK_URL ?? 'http://localhost:8787';
const token = process.env.PARTNER_DESK_TOKEN;
if (!token) {
  process.stderr.write('Set PARTNER_DESK_TOKEN to a token with the deals:write scope (npm run server:admin -- create-token --name crm --scopes deals:write,read).\n');
  process.exit(2);
}
const file = process.argv[2];
const body = file
  ? readFileSync(file, 'utf8')
  : [
      { externalId: 'OPP-1001', partner: process.env.PARTNER ?? 'Northwind', account: 'Contoso', amount: 12500, currency: 'USD', stage: 'registered', registeredOn: new Date().toISOString().slice(0, 10), source: 'sourced' },
      { externalId: 'OPP-1002', partner: process.env.PARTNER ?? 'Northwind', account: 'Fabrikam', amount: 4800, currency: 'USD', stage: 'approved', registeredOn: new Date().toISOString().slice(0, 10), source: 'influenced' },
    ]
      .map((record) => JSON.stringify(record))
      .join('\n');

const response = await fetch(`${base}/api/v1/deals/bulk`, {
  method: 'POST',
  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
  body,
});
const answer = (await response.json()) as { received?: number; stored?: number; unchanged?: number; errors?: { message: string }[]; message?: string };
if (!response.ok) {
  process.stderr.write(`Partner Desk refused the request (${response.status}): ${answer.message ?? JSON.stringify(answer)}\n`);
  process.exit(1);
}
process.stdout.write(`${answer.received} opportunities: ${answer.stored} stored, ${answer.unchanged} unchanged, ${answer.errors?.length ?? 0} refused\n`);
for (const error of answer.errors ?? []) process.stderr.write(`${error.message}\n`);
process.exit(answer.errors && answer.errors.length > 0 ? 1 : 0);
