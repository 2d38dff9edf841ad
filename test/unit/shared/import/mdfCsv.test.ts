import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mdfReportSection } from '../../../../src-shared/kpi/mdfReport';
import { importProgram } from '../../../../src-shared/kpi/programReport';
import { validateMdfCsv } from '../../../../src-shared/import/mdfCsv';
import { mdfKpis } from '../../../../src-shared/kpi/mdfKpis';
import type { Deal } from '../../../../src-shared/domain/types';

const NOW = '2026-12-01T12:00:00.000Z';
const partners = [{ id: 'p1', name: 'Northwind', day0: '2026-01-10' }];
const deal = (id: string, account: string, amount: number): Deal => ({ id, createdAt: NOW, updatedAt: NOW, partnerId: 'p1', account, amount, currency: 'EUR', stage: 'won', registeredOn: '2026-05-01', closedOn: '2026-09-01', source: 'sourced' });
const deals = [deal('d1', 'Globex', 40000), deal('d2', 'Initech', 20000)];

function run(csv: string) {
  let n = 0;
  return validateMdfCsv(csv, 'mdf.csv', partners, deals, { now: NOW, newId: () => `m${(n += 1)}` });
}

describe('mdf.csv', () => {
  it('builds requests through the MDF rules, links the deals they brought, and gives the KPIs', () => {
    const result = run(
      [
        'partner,activity,currency,requested,planned_on,approved,approved_on,claimed,claimed_on,paid_on,deals',
        'Northwind,Webinars,EUR,12000,2026-06-15,10000,2026-06-01,9500,2026-07-01,2026-07-20,Globex;Initech',
        'Northwind,Roadshow,EUR,5000,2026-10-01,5000,2026-09-20,,,,',
      ].join('\n'),
    );
    expect(result.errors).toEqual([]);
    expect(result.valid.map((v) => v.value.state)).toEqual(['paid', 'approved']);
    const [eur] = mdfKpis(partners, result.valid.map((v) => v.value), deals, '2026-12-01');
    expect(eur).toMatchObject({ currency: 'EUR', approved: 15000, claimed: 9500, invested: 14500, wonRevenue: 60000, wonDeals: 2 });
    expect(eur?.utilisation).toBeCloseTo(9500 / 15000);
  });

  it('refuses a row for what the app refuses, naming the row, and a deal that is not the partner’s', () => {
    const result = run(
      [
        'partner,activity,currency,requested,planned_on,approved,approved_on,claimed,claimed_on,paid_on,deals',
        'Northwind,Webinars,EUR,12000,2026-06-15,10000,2026-06-01,11000,2026-07-01,,',
        'Northwind,Roadshow,EUR,5000,2026-10-01,,,,,,Umbrella',
        'Southwind,Roadshow,EUR,5000,2026-10-01,,,,,,',
      ].join('\n'),
    );
    expect(result.valid).toEqual([]);
    expect(result.errors.map((e) => e.message)).toEqual([
      'Row 2: The claim (EUR 11,000) is above the approved amount (EUR 10,000); claim at most EUR 10,000',
      'Row 3: Deals (deals) “Umbrella” is not a deal of this partner in deals.csv: use the deal’s exact account',
      'Row 4: Partner (partner) “Southwind” is not a partner in this portfolio: use its exact name or id',
    ]);
  });

  it('gives the report CLI utilisation and ROI per currency for the fixture program (test/fixtures/kpi)', () => {
    const dir = join(import.meta.dirname, '../../../fixtures/kpi');
    const file = (name: string) => readFileSync(join(dir, name), 'utf8');
    const imported = importProgram({ partners: file('partners.csv'), deals: file('deals.csv') }, { now: NOW, today: '2026-06-30' });
    const section = mdfReportSection(file('mdf.csv'), imported.data, '2026-06-30');
    expect(section).toMatchObject({ imported: 4, rowErrors: 0 });
    // USD: Alpha approved 10,000, claimed and paid 9,000, brought Harbor Bank (50,000); Delta approved 4,000, not claimed. GBP: not approved.
    expect(section.kpis.map((k) => [k.currency, k.approved, k.claimed, k.invested, k.wonRevenue, k.roi === null ? null : Number(k.roi.toFixed(2))])).toEqual([
      ['EUR', 8000, 6000, 8000, 30000, 3.75],
      ['USD', 14000, 9000, 13000, 50000, 3.85],
    ]);
  });
});
