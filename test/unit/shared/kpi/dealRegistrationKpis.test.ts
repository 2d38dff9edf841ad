import { describe, expect, it } from 'vitest';
import { dealRegistrationKpis } from '../../../../src-shared/kpi/dealRegistrationKpis';
import type { Deal } from '../../../../src-shared/domain/types';

const deal = (id: string, extra: Partial<Deal>): Deal => ({
  id, createdAt: '', updatedAt: '', partnerId: 'p', account: id, amount: 1, currency: 'USD', stage: 'registered', registeredOn: '2026-01-01', source: 'sourced', ...extra,
});
const approvedOn = (on: string, until: string, extra: Partial<Deal> = {}) => ({ stage: 'approved' as const, decision: { outcome: 'approved' as const, reason: 'ok', on }, protectedUntil: until, ...extra });

describe('deal registration KPIs', () => {
  it('takes the median days to a decision and the share of approved registrations that expired while open', () => {
    const k = dealRegistrationKpis(
      [
        deal('a', approvedOn('2026-01-03', '2026-04-03')),
        deal('b', approvedOn('2026-01-06', '2026-02-01')),
        deal('c', approvedOn('2026-01-02', '2026-02-01', { stage: 'won', closedOn: '2026-01-20' })),
        deal('d', { decision: { outcome: 'rejected', reason: 'no', on: '2026-01-11' } }),
        deal('e', {}),
      ],
      '2026-03-01',
    );
    expect(k).toEqual({ decided: 4, medianApprovalDays: 3.5, approved: 3, expired: 1, expiryRate: 1 / 3 });
  });

  it('answers null rather than 0 when nothing is decided or approved', () => {
    expect(dealRegistrationKpis([deal('e', {})], '2026-03-01')).toEqual({ decided: 0, medianApprovalDays: null, approved: 0, expired: 0, expiryRate: null });
  });
});
