import { describe, expect, it } from 'vitest';
import type { MdfDoc, PlanItem } from '../../../../src-shared/domain/types';
import { mdfLedger } from '../../../../src-shared/mdf/mdfLedger';

const NOW = '2026-07-01T00:00:00.000Z';
const req = (id: string, extra: Partial<MdfDoc>): MdfDoc => ({
  id, createdAt: NOW, updatedAt: NOW, partnerId: 'p1', kind: 'request', quarter: '2026-Q3', amount: 1000, currency: 'EUR', activity: id, plannedOn: '2026-08-01', requestedOn: '2026-07-01', state: 'requested', claims: [], ...extra,
});
const initiative = (id: string, title: string, order: number): PlanItem => ({ id, createdAt: NOW, updatedAt: NOW, partnerId: 'p1', planId: 'plan', kind: 'initiative', order, title });

describe('the plan’s MDF ledger', () => {
  it('per initiative (matched on lineage, so a frozen version shows the draft row’s requests) and in total per currency, never adding currencies', () => {
    const docs: MdfDoc[] = [
      req('a', { initiativeId: 'i1', amount: 10000, state: 'paid', decision: { outcome: 'approved', reason: '', on: '2026-07-02', approvedAmount: 8000 }, claims: [{ amount: 7500, note: 'n', claimedOn: '2026-08-05', decision: { outcome: 'approved', reason: '', on: '2026-08-06' } }], paidOn: '2026-08-10' }),
      req('b', { initiativeId: 'i1', amount: 2000, currency: 'USD' }),
      req('c', { initiativeId: 'i2', amount: 4000, state: 'rejected', decision: { outcome: 'rejected', reason: 'no', on: '2026-07-02' } }),
      req('d', { amount: 500 }),
      { id: 'budget', createdAt: NOW, updatedAt: NOW, partnerId: 'p1', kind: 'budget', quarter: '2026-Q3', amount: 50000, currency: 'EUR' },
    ];
    const { rows, totals } = mdfLedger(docs, [initiative('i2@v1', 'Roadshow', 2), initiative('i1@v1', 'Webinars', 1), initiative('i3@v1', 'Unfunded', 3)]);
    expect(rows.map((r) => [r.initiativeId, r.title, r.requests.map((x) => x.id)])).toEqual([
      ['i2', 'Roadshow', ['c']],
      ['i1', 'Webinars', ['a', 'b']],
      [null, 'Not linked to an initiative', ['d']],
    ]);
    expect(rows[1]?.amounts).toEqual([
      { currency: 'EUR', count: 1, requested: 10000, approved: 8000, claimed: 7500, paid: 7500 },
      { currency: 'USD', count: 1, requested: 2000, approved: 0, claimed: 0, paid: 0 },
    ]);
    expect(totals).toEqual([
      { currency: 'EUR', count: 3, requested: 10500, approved: 8000, claimed: 7500, paid: 7500 },
      { currency: 'USD', count: 1, requested: 2000, approved: 0, claimed: 0, paid: 0 },
    ]);
  });
});
