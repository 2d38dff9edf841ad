import { describe, expect, it } from 'vitest';
import type { MdfClaim, MdfDoc } from '../../../../src-shared/domain/types';
import { budgetWarning, mdfQuarters, quarterUsage } from '../../../../src-shared/mdf/mdfBudget';
import {
  approveMdfRequest,
  budgetQuarterChoices,
  claimMdf,
  decideMdfClaim,
  editMdfRequest,
  heldAmount,
  linkMdfDeals,
  markMdfPaid,
  mdfAmounts,
  mdfBudgetId,
  mdfProofFiles,
  newMdfRequest,
  quarterOf,
  rejectMdfRequest,
  setMdfBudget,
  type MdfRequest,
  type MdfResult,
} from '../../../../src-shared/mdf/mdfRules';

const NOW = '2026-07-01T09:00:00.000Z';
const ok = (r: MdfResult): MdfRequest => {
  if (!r.ok) throw new Error(r.error);
  return r.value as MdfRequest;
};
const refusal = (r: MdfResult): string => {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
};
const request = (extra: Partial<Parameters<typeof newMdfRequest>[0]> = {}, id = 'r1'): MdfRequest =>
  ok(newMdfRequest({ activity: 'Webinar series', amount: 10000, currency: 'EUR', plannedOn: '2026-08-15', initiativeId: 'init-1', ...extra }, { id, partnerId: 'p1', now: NOW, today: '2026-07-01' }));
const approved = (amount = 10000, reason = ''): MdfRequest => ok(approveMdfRequest(request(), { amount, reason, on: '2026-07-03' }, NOW));
const claimed = (amount = 9000): MdfRequest => ok(claimMdf(approved(), { amount, note: '120 attendees, 14 leads', on: '2026-09-01' }, NOW));
const budget = (amount: number, currency = 'EUR', quarter = '2026-Q3'): MdfDoc => {
  const r = setMdfBudget(undefined, 'p1', { quarter, amount, currency }, NOW);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('MDF requests', () => {
  it('a request draws on the quarter of its planned date and starts as requested, dated today', () => {
    expect(quarterOf('2026-08-15')).toBe('2026-Q3');
    expect(quarterOf('2026-12-31')).toBe('2026-Q4');
    expect(quarterOf('2027-01-01')).toBe('2027-Q1');
    expect(request()).toMatchObject({ kind: 'request', state: 'requested', quarter: '2026-Q3', requestedOn: '2026-07-01', amount: 10000, currency: 'EUR', initiativeId: 'init-1', claims: [] });
  });

  it('refuses a request without an activity, a positive amount, a currency code or a real planned date, saying which', () => {
    const make = (extra: Partial<Parameters<typeof newMdfRequest>[0]>) => newMdfRequest({ activity: 'Webinar', amount: 100, currency: 'EUR', plannedOn: '2026-08-15', ...extra }, { id: 'x', partnerId: 'p1', now: NOW, today: '2026-07-01' });
    expect(refusal(make({ activity: '  ' }))).toMatch(/^The activity is required/);
    expect(refusal(make({ amount: 0 }))).toBe('The requested amount must be a positive amount');
    expect(refusal(make({ amount: Number.NaN }))).toBe('The requested amount must be a positive amount');
    expect(refusal(make({ currency: 'euro' }))).toBe('The currency must be a 3-letter code like EUR or USD (got “euro”)');
    expect(refusal(make({ plannedOn: '2026-02-30' }))).toBe('The planned date must be a real date as YYYY-MM-DD (got “2026-02-30”)');
  });

  it('can be edited only while it waits for a decision', () => {
    const edited = ok(editMdfRequest(request(), { activity: 'Roadshow', amount: 8000, currency: 'EUR', plannedOn: '2026-10-02' }, '2026-07-02T00:00:00.000Z'));
    expect(edited).toMatchObject({ activity: 'Roadshow', amount: 8000, quarter: '2026-Q4', requestedOn: '2026-07-01', createdAt: NOW });
    expect(edited.initiativeId).toBeUndefined();
    expect(refusal(editMdfRequest(approved(), { activity: 'x', amount: 1, currency: 'EUR', plannedOn: '2026-08-01' }, NOW))).toBe('Only a request waiting for a decision can be changed (this one is approved)');
  });
});

describe('MDF approval', () => {
  it('approves the full amount without a reason, a lower amount only with one', () => {
    expect(approved()).toMatchObject({ state: 'approved', decision: { outcome: 'approved', approvedAmount: 10000, on: '2026-07-03', reason: '' } });
    expect(refusal(approveMdfRequest(request(), { amount: 6000, reason: ' ', on: '2026-07-03' }, NOW))).toBe('Say why less than the requested EUR 10,000 is approved');
    expect(approved(6000, 'Only the first two webinars')).toMatchObject({ decision: { approvedAmount: 6000, reason: 'Only the first two webinars' } });
  });

  it('refuses an approval above the amount asked, or dated before the request', () => {
    expect(refusal(approveMdfRequest(request(), { amount: 12000, reason: '', on: '2026-07-03' }, NOW))).toBe('The approved amount (EUR 12,000) cannot be above the requested amount (EUR 10,000)');
    expect(refusal(approveMdfRequest(request(), { amount: 10000, reason: '', on: '2026-06-30' }, NOW))).toBe('The approval date (30 Jun 2026) cannot be before the request date (1 Jul 2026)');
  });

  it('rejects with a reason; a decided request cannot be decided again', () => {
    expect(refusal(rejectMdfRequest(request(), { reason: '', on: '2026-07-03' }, NOW))).toBe('A reason is required to reject the request');
    const rejected = ok(rejectMdfRequest(request(), { reason: 'Not in this year’s plan', on: '2026-07-03' }, NOW));
    expect(rejected).toMatchObject({ state: 'rejected', decision: { outcome: 'rejected', reason: 'Not in this year’s plan' } });
    expect(refusal(approveMdfRequest(rejected, { amount: 1, reason: 'x', on: '2026-07-04' }, NOW))).toBe('Only a request waiting for a decision can be approved (this one is rejected)');
    expect(refusal(rejectMdfRequest(approved(), { reason: 'x', on: '2026-07-04' }, NOW))).toBe('Only a request waiting for a decision can be rejected (this one is approved)');
  });
});

describe('MDF claims and payment', () => {
  it('refuses a claim above the approved amount, naming both amounts', () => {
    const r = approved(6000, 'Two webinars');
    expect(refusal(claimMdf(r, { amount: 6500, note: 'done', on: '2026-09-01' }, NOW))).toBe('The claim (EUR 6,500) is above the approved amount (EUR 6,000); claim at most EUR 6,000');
  });

  it('needs an approved request, a proof of performance, and a claim date not before the approval', () => {
    expect(refusal(claimMdf(request(), { amount: 1, note: 'x', on: '2026-09-01' }, NOW))).toBe('The request must be approved before a claim can be filed');
    expect(refusal(claimMdf(approved(), { amount: 1, note: ' ', on: '2026-09-01' }, NOW))).toMatch(/^Describe the proof of performance/);
    expect(refusal(claimMdf(approved(), { amount: 1, note: 'x', on: '2026-07-02' }, NOW))).toBe('The claim date (2 Jul 2026) cannot be before the approval (3 Jul 2026)');
  });

  it('carries a proof file by content reference and checks its fingerprint', () => {
    const proof = { sha256: 'a'.repeat(64), name: 'attendees.pdf', mime: 'application/pdf', size: 48213 };
    expect(ok(claimMdf(approved(), { amount: 9000, note: 'list attached', proof, on: '2026-09-01' }, NOW)).claims?.[0]).toEqual({ amount: 9000, note: 'list attached', proof, claimedOn: '2026-09-01' });
    expect(refusal(claimMdf(approved(), { amount: 9000, note: 'x', proof: { ...proof, sha256: 'XYZ' }, on: '2026-09-01' }, NOW))).toBe('The proof file’s fingerprint must be a SHA-256 in 64 lower-case hex digits');
  });

  it('a refused claim stays on record and the partner can claim again; an approved one is paid, never before its approval', () => {
    expect(refusal(decideMdfClaim(claimed(), { approve: false, reason: '', on: '2026-09-02' }, NOW))).toBe('A reason is required to refuse the claim');
    const refused = ok(decideMdfClaim(claimed(), { approve: false, reason: 'No attendee list', on: '2026-09-02' }, NOW));
    expect(refused.state).toBe('claim_refused');
    expect(mdfAmounts(refused)).toEqual({ requested: 10000, approved: 10000, claimed: 0, paid: 0 });
    expect(refusal(claimMdf(refused, { amount: 9000, note: 'list', on: '2026-09-01' }, NOW))).toBe('The claim date (1 Sep 2026) cannot be before the refused claim was decided (2 Sep 2026)');
    const again = ok(claimMdf(refused, { amount: 9000, note: 'Attendee list attached', on: '2026-09-05' }, NOW));
    expect(again.claims).toHaveLength(2);
    expect(refusal(markMdfPaid(again, '2026-09-06', NOW))).toBe('Only an approved claim can be paid');
    expect(refusal(decideMdfClaim(again, { approve: true, reason: '', on: '2026-09-04' }, NOW))).toBe('The decision date (4 Sep 2026) cannot be before the claim date (5 Sep 2026)');
    const accepted = ok(decideMdfClaim(again, { approve: true, reason: '', on: '2026-09-06' }, NOW));
    expect(accepted.state).toBe('claim_approved');
    expect(refusal(markMdfPaid(accepted, '2026-09-05', NOW))).toBe('The paid date (5 Sep 2026) cannot be before the claim was approved (6 Sep 2026)');
    const paid = ok(markMdfPaid(accepted, '2026-09-20', NOW));
    expect(paid).toMatchObject({ state: 'paid', paidOn: '2026-09-20' });
    expect(mdfAmounts(paid)).toEqual({ requested: 10000, approved: 10000, claimed: 9000, paid: 9000 });
    expect(refusal(markMdfPaid(paid, '2026-09-21', NOW))).toBe('This request was already paid on 20 Sep 2026');
  });

  it('a request holds its approved amount against the budget until its claim is approved, then the claimed amount', () => {
    expect(heldAmount(request())).toBe(0);
    expect(heldAmount(approved())).toBe(10000);
    expect(heldAmount(claimed(9000))).toBe(10000);
    expect(heldAmount(ok(decideMdfClaim(claimed(9000), { approve: true, reason: '', on: '2026-09-02' }, NOW)))).toBe(9000);
    expect(mdfAmounts(ok(rejectMdfRequest(request(), { reason: 'no', on: '2026-07-02' }, NOW)))).toEqual({ requested: 0, approved: 0, claimed: 0, paid: 0 });
  });

  it('links the deals the activity brought, except to a rejected request', () => {
    expect(ok(linkMdfDeals(approved(), ['d1', 'd2', 'd1'], NOW)).dealIds).toEqual(['d1', 'd2']);
    expect(ok(linkMdfDeals(approved(), [], NOW)).dealIds).toBeUndefined();
    expect(refusal(linkMdfDeals(ok(rejectMdfRequest(request(), { reason: 'no', on: '2026-07-02' }, NOW)), ['d1'], NOW))).toBe('A rejected request funds nothing, so no deal can be linked to it');
  });
});

describe('MDF budgets', () => {
  it('one budget document per partner and quarter, with a clear message for a bad quarter or currency', () => {
    expect(budget(20000)).toMatchObject({ id: mdfBudgetId('p1', '2026-Q3'), kind: 'budget', quarter: '2026-Q3', amount: 20000, currency: 'EUR' });
    const raised = setMdfBudget(budget(20000), 'p1', { quarter: '2026-Q3', amount: 25000, currency: 'EUR', note: 'Q3 uplift' }, '2026-07-05T00:00:00.000Z');
    expect(raised).toMatchObject({ ok: true, value: { id: mdfBudgetId('p1', '2026-Q3'), amount: 25000, note: 'Q3 uplift', createdAt: NOW } });
    expect(refusal(setMdfBudget(undefined, 'p1', { quarter: 'Q3 2026', amount: 1, currency: 'EUR' }, NOW))).toBe('The quarter must be written like 2026-Q3 (got “Q3 2026”)');
    expect(refusal(setMdfBudget(undefined, 'p1', { quarter: '2026-Q3', amount: -1, currency: 'EUR' }, NOW))).toBe('The budget must be zero or a positive amount');
  });

  it('used, waiting and remaining per quarter, in the budget’s currency only', () => {
    const usd = request({ currency: 'USD', amount: 3000 }, 'r-usd');
    const waiting = request({ amount: 4000 }, 'r2');
    const usage = quarterUsage([budget(20000), approved(6000, 'two webinars'), waiting, usd], '2026-Q3');
    expect(usage).toMatchObject({ currency: 'EUR', amount: 20000, used: 6000, pending: 4000, remaining: 14000 });
    expect(usage.otherCurrency.map((r) => r.id)).toEqual(['r-usd']);
    expect(mdfQuarters([budget(5000, 'EUR', '2026-Q4'), budget(20000)]).map((q) => q.quarter)).toEqual(['2026-Q4', '2026-Q3']);
  });

  it('flags a request above the remaining quarter budget, saying by how much', () => {
    const docs = [budget(20000), ok(approveMdfRequest(request({ amount: 12000 }), { amount: 12000, reason: '', on: '2026-07-03' }, NOW)), request({ amount: 5000 }, 'r2')];
    expect(budgetWarning(docs, { quarter: '2026-Q3', amount: 3000, currency: 'EUR' })).toBeNull();
    expect(budgetWarning(docs, { quarter: '2026-Q3', amount: 7000, currency: 'EUR' })).toBe('EUR 4,000 above the remaining Q3 2026 budget (EUR 3,000 of EUR 20,000 left after approved and waiting requests)');
    expect(budgetWarning(docs, { quarter: '2026-Q3', amount: 7000, currency: 'EUR', excludeId: 'r2' }, { countPending: false })).toBeNull();
    expect(budgetWarning(docs, { quarter: '2026-Q3', amount: 100, currency: 'USD' })).toBe('The Q3 2026 budget is in EUR; a request in USD is not counted against it');
    expect(budgetWarning(docs, { quarter: '2026-Q4', amount: 100, currency: 'EUR' })).toBe('No MDF budget is set for Q4 2026');
  });
});

describe('MDF proof files and budget quarters', () => {
  it('lists each claim proof once, and offers the quarters around today plus those in use', () => {
    const proof = { sha256: 'c'.repeat(64), name: 'photos.zip', mime: 'application/zip', size: 10 };
    const doc = (id: string, claims: MdfClaim[]) => ({ id, createdAt: 'x', updatedAt: 'x', partnerId: 'p', kind: 'request' as const, quarter: '2026-Q3', amount: 1, currency: 'EUR', claims });
    expect(mdfProofFiles([doc('a', [{ amount: 1, note: 'n', claimedOn: '2026-07-01', proof }, { amount: 1, note: 'n', claimedOn: '2026-07-02', proof }]), doc('b', [{ amount: 1, note: 'n', claimedOn: '2026-07-01' }])])).toEqual([proof]);
    expect(budgetQuarterChoices('2026-12-02', ['2025-Q1'])).toEqual(['2027-Q4', '2027-Q3', '2027-Q2', '2027-Q1', '2026-Q4', '2026-Q3', '2025-Q1']);
  });
});
