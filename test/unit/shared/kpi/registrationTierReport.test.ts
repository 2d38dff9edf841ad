import { describe, expect, it } from 'vitest';
import type { Template } from '../../../../src-shared/domain/types';
import { registrationTierReport } from '../../../../src-shared/kpi/registrationTierReport';
import { reportDeals, reportPartners } from './registrationTierProgram';

describe('the report block for registrations and tiers', () => {
  it('gives approval time, expiry rate and the tier distribution now and 12 months before', () => {
    const report = registrationTierReport({ partners: reportPartners, deals: reportDeals, templates: [] }, '2026-06-30');
    expect(report.dealRegistration).toEqual({ decided: 3, medianApprovalDays: 3, approved: 2, expired: 1, expiryRate: 0.5 });
    expect(report.tierDistribution).toEqual({
      tiers: ['Registered', 'Silver', 'Gold', 'Platinum'],
      now: { date: '2026-06-30', total: 3, counts: { Registered: 1, Silver: 1, Gold: 1, Platinum: 0 } },
      // Alpha was still Registered before its promotion; Gamma had not signed yet.
      twelveMonthsAgo: { date: '2025-06-30', total: 2, counts: { Registered: 2, Silver: 0, Gold: 0, Platinum: 0 } },
      fromHistory: true,
    });
  });

  it("names the tiers of the program's stored definition", () => {
    const template: Template = { id: 't', createdAt: '', updatedAt: '2026-01-01T00:00:00.000Z', kind: 'tiers', name: 'Partner tiers', data: { baseCurrency: 'USD', rates: {}, tiers: [{ name: 'Registered' }, { name: 'Silver' }, { name: 'Gold' }] } };
    const report = registrationTierReport({ partners: reportPartners, deals: [], templates: [template] }, '2026-06-30');
    expect(report.tierDistribution.tiers).toEqual(['Registered', 'Silver', 'Gold']);
    expect(report.dealRegistration).toEqual({ decided: 0, medianApprovalDays: null, approved: 0, expired: 0, expiryRate: null });
  });

  it('takes the same day a year before, not a month end (29 February falls back to the 28th)', () => {
    const mid = registrationTierReport({ partners: reportPartners, deals: [], templates: [] }, '2026-02-10');
    expect(mid.tierDistribution.twelveMonthsAgo).toEqual({ date: '2025-02-10', total: 1, counts: { Registered: 1, Silver: 0, Gold: 0, Platinum: 0 } });
    expect(mid.tierDistribution.now).toEqual({ date: '2026-02-10', total: 3, counts: { Registered: 1, Silver: 1, Gold: 1, Platinum: 0 } });
    expect(registrationTierReport({ partners: [], deals: [], templates: [] }, '2028-02-29').tierDistribution.twelveMonthsAgo.date).toBe('2027-02-28');
  });
});
