import type { Deal, Partner } from '../../../../src-shared/domain/types';

/** A small program for the registrations-and-tiers report: its figures are worked out by hand in the tests that use it. */
export const reportPartners: Partner[] = [
  { id: 'p1', name: 'Alpha', tier: 'Silver', day0: '2025-01-10', tierHistory: [{ id: 'h1', fromTier: 'Registered', toTier: 'Silver', outcome: 'approved', reasons: [], note: '', decidedBy: 'pat@vendor.example', decidedAt: '2026-02-03T10:00:00.000Z' }] },
  { id: 'p2', name: 'Beta', tier: 'Registered', day0: '2025-03-01' },
  { id: 'p3', name: 'Gamma', tier: 'Gold', day0: '2025-09-15' },
].map((p) => ({ createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', type: 'reseller', maturity: 'new', region: 'EMEA', website: '', ownerEmail: 'pat@vendor.example', contacts: [], team: [], status: 'active', tags: [], templateId: 't', ...p }) as Partner);

const deal = (id: string, extra: Partial<Deal>): Deal => ({ id, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', partnerId: 'p1', account: id, amount: 1000, currency: 'USD', stage: 'approved', registeredOn: '2026-01-01', source: 'sourced', ...extra });
export const reportDeals: Deal[] = [
  deal('a', { registeredOn: '2026-03-01', decision: { outcome: 'approved', reason: 'ok', on: '2026-03-04' }, protectedUntil: '2026-06-02' }), // 3 days; expired by 06-30
  deal('b', { registeredOn: '2026-04-01', decision: { outcome: 'approved', reason: 'ok', on: '2026-04-08' }, protectedUntil: '2026-07-07' }), // 7 days; protected
  deal('c', { stage: 'registered', registeredOn: '2026-05-01', decision: { outcome: 'rejected', reason: 'duplicate', on: '2026-05-02' } }), // 1 day
  deal('d', { stage: 'registered', registeredOn: '2026-06-01' }), // waiting
];
