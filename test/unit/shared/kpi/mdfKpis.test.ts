import { describe, expect, it } from 'vitest';
import type { Deal, MdfDoc } from '../../../../src-shared/domain/types';
import { mdfKpis } from '../../../../src-shared/kpi/mdfKpis';

const NOW = '2026-07-01T00:00:00.000Z';
const req = (id: string, extra: Partial<MdfDoc>): MdfDoc => ({
  id, createdAt: NOW, updatedAt: NOW, partnerId: 'p1', kind: 'request', quarter: '2026-Q3', amount: 10000, currency: 'EUR', activity: id, plannedOn: '2026-08-01', requestedOn: '2026-07-01', state: 'approved', claims: [],
  decision: { outcome: 'approved', reason: '', on: '2026-07-02', approvedAmount: 10000 }, ...extra,
});
const deal = (id: string, amount: number, extra: Partial<Deal> = {}): Deal => ({ id, createdAt: NOW, updatedAt: NOW, partnerId: 'p1', account: id, amount, currency: 'EUR', stage: 'won', registeredOn: '2026-07-10', closedOn: '2026-09-01', source: 'sourced', ...extra });
const partners = [{ id: 'p1', day0: '2026-01-10' }, { id: 'late', day0: '2027-01-10' }];

describe('MDF KPIs', () => {
  const mdf: MdfDoc[] = [
    req('paid', { state: 'paid', claims: [{ amount: 8000, note: 'n', claimedOn: '2026-08-20', decision: { outcome: 'approved', reason: '', on: '2026-08-21' } }], paidOn: '2026-08-30', dealIds: ['won1', 'open1', 'usd1'] }),
    req('open', { amount: 6000, decision: { outcome: 'approved', reason: 'partial', on: '2026-07-05', approvedAmount: 5000 }, dealIds: ['won1'] }),
    req('waiting', { state: 'requested', decision: undefined }),
    req('other-partner-later', { partnerId: 'late' }),
  ];
  const deals = [deal('won1', 60000), deal('open1', 99999, { stage: 'approved', closedOn: undefined }), deal('usd1', 20000, { currency: 'USD' }), deal('unlinked', 50000)];

  it('utilisation is claimed ÷ approved and ROI is won revenue of linked deals ÷ MDF invested, per currency, each deal once', () => {
    const rows = mdfKpis(partners, mdf, deals, '2026-12-31');
    expect(rows).toEqual([
      { currency: 'EUR', approvedCount: 2, approved: 15000, claimed: 8000, paid: 8000, utilisation: 8000 / 15000, invested: 13000, wonRevenue: 60000, wonDeals: 1, roi: 60000 / 13000 },
      { currency: 'USD', approvedCount: 0, approved: 0, claimed: 0, paid: 0, utilisation: null, invested: 0, wonRevenue: 20000, wonDeals: 1, roi: null },
    ]);
  });

  it('ignores what happened after the as-of date and partners that signed after it', () => {
    const [eur] = mdfKpis(partners, mdf, deals, '2026-08-20');
    expect(eur).toMatchObject({ currency: 'EUR', approvedCount: 2, approved: 15000, claimed: 8000, paid: 0, invested: 15000, wonRevenue: 0, roi: 0 });
    expect(mdfKpis(partners, mdf, deals, '2026-07-01')).toEqual([]);
  });

  it('a refused claim claims nothing', () => {
    const refused = req('r', { state: 'claim_refused', claims: [{ amount: 9000, note: 'n', claimedOn: '2026-08-01', decision: { outcome: 'refused', reason: 'no proof', on: '2026-08-02' } }] });
    expect(mdfKpis(partners, [refused], [], '2026-12-31')[0]).toMatchObject({ approved: 10000, claimed: 0, utilisation: 0 });
    expect(mdfKpis(partners, [refused], [], '2026-08-01')[0]).toMatchObject({ claimed: 9000, utilisation: 0.9 });
  });
});
