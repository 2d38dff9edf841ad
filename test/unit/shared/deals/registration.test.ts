import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROTECTION_DAYS,
  approveRegistration,
  decideExtension,
  expiredOpenRegistrations,
  expiringRegistrations,
  isRecentlyExpired,
  isProtected,
  isStagePickable,
  registrationStatus,
  rejectRegistration,
  requestExtension,
} from '../../../../src-shared/deals/registration';
import { DEAL_STAGES, type Deal } from '../../../../src-shared/domain/types';

const deal = (extra: Partial<Deal> = {}): Deal => ({
  id: 'd', createdAt: '', updatedAt: '', partnerId: 'p', account: 'Acme', amount: 1, currency: 'USD', stage: 'registered', registeredOn: '2026-01-01', source: 'sourced', ...extra,
});
const apply = <T extends object>(d: Deal, r: { ok: true; value: T } | { ok: false; error: string }): Deal => {
  if (!r.ok) throw new Error(r.error);
  return { ...d, ...r.value };
};

describe('registration approval and protection window', () => {
  it('approves with a reason and protects for the default 90 days', () => {
    expect(DEFAULT_PROTECTION_DAYS).toBe(90);
    const r = approveRegistration(deal(), '  Confirmed with the customer ', '2026-01-10');
    expect(r).toEqual({ ok: true, value: { stage: 'approved', decision: { outcome: 'approved', reason: 'Confirmed with the customer', on: '2026-01-10' }, protectedUntil: '2026-04-10' } });
  });

  it('takes the window as a parameter', () => {
    const r = approveRegistration(deal(), 'ok', '2026-01-10', 30);
    expect(r.ok && r.value.protectedUntil).toBe('2026-02-09');
    expect(approveRegistration(deal(), 'ok', '2026-01-10', 0)).toEqual({ ok: false, error: 'The protection window must be a whole number of days from 1 to 730 (got 0)' });
  });

  it('refuses a decision without a reason, or on a deal that is not pending', () => {
    expect(approveRegistration(deal(), '   ', '2026-01-10')).toEqual({ ok: false, error: 'A reason is required to approve the registration' });
    expect(rejectRegistration(deal(), '', '2026-01-10')).toEqual({ ok: false, error: 'A reason is required to reject the registration' });
    expect(approveRegistration(deal({ stage: 'won' }), 'ok', '2026-01-10')).toEqual({ ok: false, error: 'Only a registered deal can be approved (this one is won)' });
  });

  it('rejects with a reason: never protected, and cannot then be approved', () => {
    const rejected = apply(deal(), rejectRegistration(deal(), 'Customer already works with us directly', '2026-01-10'));
    expect(registrationStatus(rejected, '2026-01-11')).toEqual({ kind: 'rejected', reason: 'Customer already works with us directly', on: '2026-01-10' });
    expect(isProtected(rejected, '2026-01-11')).toBe(false);
    expect(approveRegistration(rejected, 'ok', '2026-01-12').ok).toBe(false);
  });

  it('counts down, flags the last 7 days as expiring and the day after the expiry as expired', () => {
    const d = apply(deal(), approveRegistration(deal(), 'ok', '2026-01-10'));
    expect(registrationStatus(d, '2026-01-10')).toEqual({ kind: 'protected', until: '2026-04-10', daysLeft: 90 });
    expect(registrationStatus(d, '2026-04-02')).toEqual({ kind: 'protected', until: '2026-04-10', daysLeft: 8 });
    expect(registrationStatus(d, '2026-04-03')).toEqual({ kind: 'expiring', until: '2026-04-10', daysLeft: 7 });
    expect(registrationStatus(d, '2026-04-10')).toEqual({ kind: 'expiring', until: '2026-04-10', daysLeft: 0 });
    expect(isProtected(d, '2026-04-10')).toBe(true);
    expect(registrationStatus(d, '2026-04-11')).toEqual({ kind: 'expired', until: '2026-04-10', daysAgo: 1 });
    expect(isProtected(d, '2026-04-11')).toBe(false);
    expect(registrationStatus({ ...d, stage: 'won' }, '2026-04-11')).toEqual({ kind: 'closed' });
  });
});

describe('extension requests', () => {
  const approved = apply(deal(), approveRegistration(deal(), 'ok', '2026-01-10'));

  it('extends from the current expiry when approved', () => {
    const asked = apply(approved, requestExtension(approved, 'Procurement takes another month', '2026-04-01', 30));
    expect(requestExtension(asked, 'again', '2026-04-02')).toEqual({ ok: false, error: 'An extension is already waiting for a decision' });
    const done = apply(asked, decideExtension(asked, true, '2026-04-03'));
    expect(done.protectedUntil).toBe('2026-05-10');
    expect(done.extensions).toEqual([{ requestedOn: '2026-04-01', reason: 'Procurement takes another month', days: 30, status: 'approved', decidedOn: '2026-04-03', newExpiry: '2026-05-10' }]);
  });

  it('keeps the expiry when refused, and restarts from the decision day when already expired', () => {
    const asked = apply(approved, requestExtension(approved, 'More time', '2026-04-20', 10));
    const refused = apply(asked, decideExtension(asked, false, '2026-04-21'));
    expect(refused.protectedUntil).toBe('2026-04-10');
    expect(refused.extensions?.[0]?.status).toBe('refused');
    const again = apply(refused, requestExtension(refused, 'Please', '2026-04-22', 10));
    expect(apply(again, decideExtension(again, true, '2026-04-22')).protectedUntil).toBe('2026-05-02');
  });

  it('needs an approved registration, a reason and a decision to make', () => {
    expect(requestExtension(deal(), 'x', '2026-01-02')).toEqual({ ok: false, error: 'Only an approved registration can be extended' });
    expect(requestExtension(approved, ' ', '2026-01-12')).toEqual({ ok: false, error: 'A reason is required to request an extension' });
    expect(decideExtension(approved, true, '2026-01-12')).toEqual({ ok: false, error: 'There is no extension request to decide' });
  });
});

describe('registrations expiring soon', () => {
  it('lists protected registrations expiring within 7 days, soonest first', () => {
    const a = (id: string, until: string, extra: Partial<Deal> = {}) => deal({ id, stage: 'approved', protectedUntil: until, decision: { outcome: 'approved', reason: 'ok', on: '2026-01-01' }, ...extra });
    const list = expiringRegistrations([a('late', '2026-03-08'), a('soon', '2026-03-02'), a('far', '2026-03-09'), a('gone', '2026-02-28'), a('won', '2026-03-03', { stage: 'won' })], '2026-03-01');
    expect(list.map((d) => d.id)).toEqual(['soon', 'late']);
  });
});

describe('expired registrations whose deal is still open', () => {
  const a = (id: string, until: string, extra: Partial<Deal> = {}) => deal({ id, stage: 'approved', protectedUntil: until, decision: { outcome: 'approved', reason: 'ok', on: '2026-01-01' }, ...extra });
  const deals = [
    a('yesterday', '2026-02-28'),
    a('long-ago', '2025-11-30'),
    a('today', '2026-03-01'),
    a('won', '2026-02-01', { stage: 'won' }),
    a('lost', '2026-02-01', { stage: 'lost' }),
    deal({ id: 'pending', registeredOn: '2025-01-01' }),
    a('week', '2026-02-22'),
  ];

  it('lists every approved registration past its expiry and not closed, most recently expired first, however long ago', () => {
    expect(expiredOpenRegistrations(deals, '2026-03-01').map((d) => d.id)).toEqual(['yesterday', 'week', 'long-ago']);
    expect(registrationStatus(deals[0] as Deal, '2026-03-01')).toEqual({ kind: 'expired', until: '2026-02-28', daysAgo: 1 });
  });

  it('leaves the list once the deal is closed or the registration is extended', () => {
    const yesterday = deals[0] as Deal;
    const requested = apply(yesterday, requestExtension(yesterday, 'Customer delayed the purchase', '2026-03-01', 30));
    const extended = apply(requested, decideExtension(requested, true, '2026-03-01'));
    expect(extended.protectedUntil).toBe('2026-03-31');
    // The extended and the won copies leave the list; the copy with the request still waiting stays on it.
    expect(expiredOpenRegistrations([extended, { ...yesterday, stage: 'won' }, requested], '2026-03-01').map((d) => d.id)).toEqual(['yesterday']);
  });

  it('counts an expiry as news for a notification only within the 7 days after it', () => {
    expect(deals.filter((d) => isRecentlyExpired(d, '2026-03-01')).map((d) => d.id)).toEqual(['yesterday', 'week']);
  });
});

describe('which stages the stage list offers', () => {
  it('offers "approved" only to a deal already approved: approving goes through the dialog with a reason', () => {
    expect(DEAL_STAGES.filter((stage) => isStagePickable(stage, undefined))).toEqual(['registered', 'won', 'lost']);
    expect(DEAL_STAGES.filter((stage) => isStagePickable(stage, 'registered'))).toEqual(['registered', 'won', 'lost']);
    expect(DEAL_STAGES.filter((stage) => isStagePickable(stage, 'won'))).toEqual(['registered', 'won', 'lost']);
    expect(DEAL_STAGES.filter((stage) => isStagePickable(stage, 'approved'))).toEqual(['registered', 'approved', 'won', 'lost']);
  });
});
