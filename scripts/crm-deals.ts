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
import { sendBulk } from './sendBulk';

const today = new Date().toISOString().slice(0, 10);
const partner = process.env.PARTNER ?? 'Northwind';
await sendBulk({
  path: '/deals/bulk',
  scope: 'deals:write',
  tokenName: 'crm',
  noun: 'opportunities',
  examples: [
    { externalId: 'OPP-1001', partner, account: 'Contoso', amount: 12500, currency: 'USD', stage: 'registered', registeredOn: today, source: 'sourced' },
    { externalId: 'OPP-1002', partner, account: 'Fabrikam', amount: 4800, currency: 'USD', stage: 'approved', registeredOn: today, source: 'influenced' },
  ],
});
