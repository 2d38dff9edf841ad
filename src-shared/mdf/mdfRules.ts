import { isRealIsoDate } from '../domain/partnerInput';
import type { FileRef, IsoDate, IsoTimestamp, MdfClaim, MdfDoc, MdfState } from '../domain/types';
import { formatMoney } from '../plan/planTotals';
import { quarterLabel } from '../plan/planValidation';
import { formatDate } from '../util/formatDate';

/**
 * MDF from request to payment, as pure functions: each takes the stored document and what the
 * manager entered and returns the next document, or a refusal that says what is wrong in words
 * (amounts with their currency, dates as people read them). States:
 * requested → approved | rejected → claimed → claim_approved | claim_refused → paid, where a
 * refused claim may be filed again (the refused one stays in `claims`).
 */
export type MdfResult = { ok: true; value: MdfDoc } | { ok: false; error: string };

/** An MDF request: a budget-kind document never reaches the request rules. */
export type MdfRequest = MdfDoc & { kind: 'request'; activity: string; plannedOn: IsoDate; requestedOn: IsoDate; state: MdfState };

export const isMdfRequest = (doc: MdfDoc): doc is MdfRequest => doc.kind === 'request' && doc.state !== undefined && doc.plannedOn !== undefined;
export const isMdfBudget = (doc: MdfDoc): boolean => doc.kind === 'budget';

export const MDF_STATE_LABELS: Record<MdfState, string> = {
  requested: 'Requested',
  approved: 'Approved',
  rejected: 'Rejected',
  claimed: 'Claimed',
  claim_approved: 'Claim approved',
  claim_refused: 'Claim refused',
  paid: 'Paid',
};

const MAX_AMOUNT = 1e12;
const refuse = (error: string): MdfResult => ({ ok: false, error });
const money = formatMoney;
const day = (date: IsoDate) => formatDate(date);

/** "2026-07-14" → "2026-Q3": the quarter a planned date draws its budget from. */
export function quarterOf(date: IsoDate): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The budget document's id: one per partner and quarter, the same on every laptop. */
export const mdfBudgetId = (partnerId: string, quarter: string): string => `mdfbudget:${partnerId}:${quarter}`;

function amountError(what: string, amount: number): string | null {
  if (!Number.isFinite(amount) || amount <= 0) return `${what} must be a positive amount`;
  if (amount > MAX_AMOUNT) return `${what} is too large (at most ${MAX_AMOUNT.toLocaleString('en-US')})`;
  return null;
}

function dateError(what: string, date: IsoDate): string | null {
  return isRealIsoDate(date) ? null : `${what} must be a real date as YYYY-MM-DD (got “${date}”)`;
}

/** `later` may not be before `earlier`: "The paid date (2 May 2026) cannot be before the claim was approved (5 May 2026)". */
function orderError(what: string, later: IsoDate, since: string, earlier: IsoDate | undefined): string | null {
  return earlier !== undefined && later < earlier ? `${what} (${day(later)}) cannot be before ${since} (${day(earlier)})` : null;
}

function reasonError(what: string, reason: string): string | null {
  const r = reason.trim();
  if (r === '') return `A reason is required to ${what}`;
  if (r.length > 1000) return `The reason must be at most 1000 characters (got ${r.length})`;
  return null;
}

const first = (...errors: (string | null)[]): string | null => errors.find((e) => e !== null) ?? null;

export type MdfBudgetInput = { quarter: string; amount: number; currency: string; note?: string };

/** Sets a partner's budget for a quarter (a new document, or the existing one with the new amount). */
export function setMdfBudget(existing: MdfDoc | undefined, partnerId: string, input: MdfBudgetInput, now: IsoTimestamp): MdfResult {
  const quarter = input.quarter.trim().toUpperCase();
  if (!/^\d{4}-Q[1-4]$/.test(quarter)) return refuse(`The quarter must be written like 2026-Q3 (got “${input.quarter}”)`);
  if (!Number.isFinite(input.amount) || input.amount < 0) return refuse('The budget must be zero or a positive amount');
  if (input.amount > MAX_AMOUNT) return refuse(`The budget is too large (at most ${MAX_AMOUNT.toLocaleString('en-US')})`);
  const currency = input.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) return refuse(`The currency must be a 3-letter code like EUR or USD (got “${input.currency}”)`);
  const note = input.note?.trim() ?? '';
  if (note.length > 2000) return refuse(`The note must be at most 2000 characters (got ${note.length})`);
  const base: MdfDoc = existing ?? { id: mdfBudgetId(partnerId, quarter), createdAt: now, updatedAt: now, partnerId, kind: 'budget', quarter, amount: 0, currency };
  const { note: _old, ...rest } = base;
  return { ok: true, value: { ...rest, amount: input.amount, currency, updatedAt: now, ...(note ? { note } : {}) } };
}

export type MdfRequestInput = { activity: string; amount: number; currency: string; plannedOn: IsoDate; initiativeId?: string; dealIds?: string[] };

/** A new request (state `requested`), drawing on the budget of its planned date's quarter. */
export function newMdfRequest(input: MdfRequestInput, context: { id: string; partnerId: string; now: IsoTimestamp; today: IsoDate }): MdfResult {
  const activity = input.activity.trim();
  const currency = input.currency.trim().toUpperCase();
  const error = first(
    activity === '' ? 'The activity is required: what the funds pay for (e.g. “Webinar series with the partner”)' : null,
    activity.length > 300 ? `The activity must be at most 300 characters (got ${activity.length})` : null,
    amountError('The requested amount', input.amount),
    /^[A-Z]{3}$/.test(currency) ? null : `The currency must be a 3-letter code like EUR or USD (got “${input.currency}”)`,
    dateError('The planned date', input.plannedOn),
  );
  if (error) return refuse(error);
  const initiativeId = input.initiativeId?.trim();
  return {
    ok: true,
    value: {
      id: context.id,
      createdAt: context.now,
      updatedAt: context.now,
      partnerId: context.partnerId,
      kind: 'request',
      quarter: quarterOf(input.plannedOn),
      amount: input.amount,
      currency,
      activity,
      plannedOn: input.plannedOn,
      requestedOn: context.today,
      state: 'requested',
      claims: [],
      ...(initiativeId ? { initiativeId } : {}),
      ...(input.dealIds && input.dealIds.length > 0 ? { dealIds: [...new Set(input.dealIds)] } : {}),
    },
  };
}

/** Changes what a request asks for; only while it waits for a decision. */
export function editMdfRequest(doc: MdfRequest, input: MdfRequestInput, now: IsoTimestamp): MdfResult {
  if (doc.state !== 'requested') return refuse(`Only a request waiting for a decision can be changed (this one is ${MDF_STATE_LABELS[doc.state].toLowerCase()})`);
  const next = newMdfRequest(input, { id: doc.id, partnerId: doc.partnerId, now, today: doc.requestedOn });
  if (!next.ok) return next;
  return { ok: true, value: { ...next.value, createdAt: doc.createdAt } };
}

/** Links the deals the funded activity brought (any state but rejected: it is what ROI is measured on). */
export function linkMdfDeals(doc: MdfRequest, dealIds: readonly string[], now: IsoTimestamp): MdfResult {
  if (doc.state === 'rejected') return refuse('A rejected request funds nothing, so no deal can be linked to it');
  const { dealIds: _old, ...rest } = doc;
  const ids = [...new Set(dealIds)];
  return { ok: true, value: { ...rest, updatedAt: now, ...(ids.length > 0 ? { dealIds: ids } : {}) } };
}

/**
 * Approves a waiting request, for the amount asked or less. Less needs a reason (the partner will
 * ask why); the approval day is not before the request day.
 */
export function approveMdfRequest(doc: MdfRequest, decision: { amount: number; reason: string; on: IsoDate }, now: IsoTimestamp): MdfResult {
  if (doc.state !== 'requested') return refuse(`Only a request waiting for a decision can be approved (this one is ${MDF_STATE_LABELS[doc.state].toLowerCase()})`);
  const reason = decision.reason.trim();
  const error = first(
    amountError('The approved amount', decision.amount),
    decision.amount > doc.amount ? `The approved amount (${money(decision.amount, doc.currency)}) cannot be above the requested amount (${money(doc.amount, doc.currency)})` : null,
    decision.amount < doc.amount && reason === '' ? `Say why less than the requested ${money(doc.amount, doc.currency)} is approved` : null,
    reason.length > 1000 ? `The reason must be at most 1000 characters (got ${reason.length})` : null,
    dateError('The approval date', decision.on),
    orderError('The approval date', decision.on, 'the request date', doc.requestedOn),
  );
  if (error) return refuse(error);
  return { ok: true, value: { ...doc, state: 'approved', decision: { outcome: 'approved', reason, on: decision.on, approvedAmount: decision.amount }, updatedAt: now } };
}

/** Rejects a waiting request, with a reason. */
export function rejectMdfRequest(doc: MdfRequest, decision: { reason: string; on: IsoDate }, now: IsoTimestamp): MdfResult {
  if (doc.state !== 'requested') return refuse(`Only a request waiting for a decision can be rejected (this one is ${MDF_STATE_LABELS[doc.state].toLowerCase()})`);
  const error = first(reasonError('reject the request', decision.reason), dateError('The rejection date', decision.on), orderError('The rejection date', decision.on, 'the request date', doc.requestedOn));
  if (error) return refuse(error);
  return { ok: true, value: { ...doc, state: 'rejected', decision: { outcome: 'rejected', reason: decision.reason.trim(), on: decision.on }, updatedAt: now } };
}

/** The amount an approved request may be claimed for. */
export const approvedAmount = (doc: MdfDoc): number => (doc.decision?.outcome === 'approved' ? (doc.decision.approvedAmount ?? doc.amount) : 0);

/** The claim being decided or paid: the last one. */
export const currentClaim = (doc: MdfDoc): MdfClaim | undefined => doc.claims?.[doc.claims.length - 1];

function fileRefError(proof: FileRef): string | null {
  if (!/^[0-9a-f]{64}$/.test(proof.sha256)) return 'The proof file’s fingerprint must be a SHA-256 in 64 lower-case hex digits';
  if (proof.name.trim() === '' || proof.name.length > 255) return 'The proof file needs a name of at most 255 characters';
  if (proof.mime.trim() === '' || proof.mime.length > 120) return 'The proof file needs a type (e.g. application/pdf)';
  if (!Number.isInteger(proof.size) || proof.size < 0) return 'The proof file’s size must be a whole number of bytes';
  return null;
}

/**
 * Files a claim against an approved request (or again after a refused claim) with proof of
 * performance. A claim above the approved amount is refused, naming both amounts.
 */
export function claimMdf(doc: MdfRequest, claim: { amount: number; note: string; proof?: FileRef; on: IsoDate }, now: IsoTimestamp): MdfResult {
  if (doc.state !== 'approved' && doc.state !== 'claim_refused') {
    return refuse(doc.state === 'requested' ? 'The request must be approved before a claim can be filed' : `A claim cannot be filed on a request that is ${MDF_STATE_LABELS[doc.state].toLowerCase()}`);
  }
  const approved = approvedAmount(doc);
  const note = claim.note.trim();
  const previous = currentClaim(doc);
  const error = first(
    amountError('The claimed amount', claim.amount),
    claim.amount > approved ? `The claim (${money(claim.amount, doc.currency)}) is above the approved amount (${money(approved, doc.currency)}); claim at most ${money(approved, doc.currency)}` : null,
    note === '' ? 'Describe the proof of performance: what took place and what it produced (attendees, leads, photos)' : null,
    note.length > 4000 ? `The proof of performance must be at most 4000 characters (got ${note.length})` : null,
    claim.proof ? fileRefError(claim.proof) : null,
    dateError('The claim date', claim.on),
    orderError('The claim date', claim.on, 'the approval', doc.decision?.on),
    orderError('The claim date', claim.on, 'the refused claim was decided', previous?.decision?.on),
  );
  if (error) return refuse(error);
  const filed: MdfClaim = { amount: claim.amount, note, claimedOn: claim.on, ...(claim.proof ? { proof: { ...claim.proof } } : {}) };
  return { ok: true, value: { ...doc, state: 'claimed', claims: [...(doc.claims ?? []), filed], updatedAt: now } };
}

/** Approves or refuses the open claim; a refusal needs a reason (the partner can claim again). */
export function decideMdfClaim(doc: MdfRequest, decision: { approve: boolean; reason: string; on: IsoDate }, now: IsoTimestamp): MdfResult {
  const claim = currentClaim(doc);
  if (doc.state !== 'claimed' || !claim) return refuse('There is no claim waiting for a decision');
  const reason = decision.reason.trim();
  const error = first(
    decision.approve ? null : reasonError('refuse the claim', reason),
    reason.length > 1000 ? `The reason must be at most 1000 characters (got ${reason.length})` : null,
    dateError('The decision date', decision.on),
    orderError('The decision date', decision.on, 'the claim date', claim.claimedOn),
  );
  if (error) return refuse(error);
  const decided: MdfClaim = { ...claim, decision: { outcome: decision.approve ? 'approved' : 'refused', reason, on: decision.on } };
  const claims = [...(doc.claims ?? []).slice(0, -1), decided];
  return { ok: true, value: { ...doc, state: decision.approve ? 'claim_approved' : 'claim_refused', claims, updatedAt: now } };
}

/** Records the payment of an approved claim: never before the claim was approved. */
export function markMdfPaid(doc: MdfRequest, on: IsoDate, now: IsoTimestamp): MdfResult {
  const claim = currentClaim(doc);
  if (doc.state !== 'claim_approved' || claim?.decision?.outcome !== 'approved') {
    return refuse(doc.state === 'paid' ? `This request was already paid on ${day(doc.paidOn ?? '')}` : 'Only an approved claim can be paid');
  }
  const error = first(dateError('The paid date', on), orderError('The paid date', on, 'the claim was approved', claim.decision.on));
  if (error) return refuse(error);
  return { ok: true, value: { ...doc, state: 'paid', paidOn: on, updatedAt: now } };
}

/** What one request holds in each column of the ledger, in its own currency. */
export type MdfAmounts = { requested: number; approved: number; claimed: number; paid: number };

/**
 * The request's amounts: requested (unless rejected), approved, claimed (the open or approved
 * claim; a refused one holds nothing) and paid.
 */
export function mdfAmounts(doc: MdfRequest): MdfAmounts {
  const claim = currentClaim(doc);
  const claimed = claim && claim.decision?.outcome !== 'refused' ? claim.amount : 0;
  return {
    requested: doc.state === 'rejected' ? 0 : doc.amount,
    approved: approvedAmount(doc),
    claimed,
    paid: doc.state === 'paid' ? claimed : 0,
  };
}

/**
 * What a request takes out of its quarter's budget: nothing while waiting or when rejected, the
 * approved amount until its claim is approved, then the claimed amount (the unclaimed rest goes
 * back to the budget).
 */
export function heldAmount(doc: MdfRequest): number {
  if (doc.state === 'requested' || doc.state === 'rejected') return 0;
  if (doc.state === 'claim_approved' || doc.state === 'paid') return currentClaim(doc)?.amount ?? 0;
  return approvedAmount(doc);
}

/** "Q3 2026" for a stored quarter. */
export const mdfQuarterLabel = quarterLabel;

/** Every proof file the claims on this laptop reference, once each: what the file cache keeps offline. */
export function mdfProofFiles(docs: readonly MdfDoc[]): FileRef[] {
  const bySha = new Map<string, FileRef>();
  for (const doc of docs) for (const claim of doc.claims ?? []) if (claim.proof && !bySha.has(claim.proof.sha256)) bySha.set(claim.proof.sha256, claim.proof);
  return [...bySha.values()];
}

/** The quarters a budget is usually set for: the one before `today`'s to four ahead, plus those already used, newest first. */
export function budgetQuarterChoices(today: IsoDate, used: readonly string[]): string[] {
  const year = Number(today.slice(0, 4));
  const q = Number(quarterOf(today).slice(-1));
  const around = Array.from({ length: 6 }, (_, i) => {
    const index = year * 4 + (q - 1) + i - 1;
    return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  });
  return [...new Set([...around, ...used])].sort((a, b) => b.localeCompare(a));
}
