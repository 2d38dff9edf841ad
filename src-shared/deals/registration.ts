import type { Deal, DealExtension, DealStage, IsoDate } from '../domain/types';
import { addDaysIso, daysFrom } from '../kpi/calendar';

/**
 * How long an approved registration protects the partner's opportunity, in days, when the program
 * lead has not set another window (the admin setting: ./protectionWindow.ts). A parameter of every rule below.
 */
export const DEFAULT_PROTECTION_DAYS = 90;

/** How many days before its expiry a protected registration is reminded (Today, OS notification). */
export const EXPIRY_REMINDER_DAYS = 7;

/** Where a registration stands on a given day. */
export type RegistrationStatus =
  | { kind: 'pending' }
  | { kind: 'rejected'; reason: string; on: IsoDate }
  | { kind: 'protected'; until: IsoDate; daysLeft: number }
  | { kind: 'expiring'; until: IsoDate; daysLeft: number }
  | { kind: 'expired'; until: IsoDate; daysAgo: number }
  | { kind: 'closed' };

export type RuleResult<T> = { ok: true; value: T } | { ok: false; error: string };

const reasonError = (what: string, reason: string): string | null => {
  const r = reason.trim();
  if (r === '') return `A reason is required to ${what}`;
  if (r.length > 1000) return `The reason must be at most 1000 characters (got ${r.length})`;
  return null;
};

/**
 * Whether a manager may pick `stage` from a deal's stage list. A registration is approved only
 * through the approval dialog, which asks for a reason and starts the protection window, so
 * `approved` is offered only to a deal already approved (`current`; undefined for a new deal).
 */
export function isStagePickable(stage: DealStage, current: DealStage | undefined): boolean {
  return stage !== 'approved' || current === 'approved';
}

/** The registration's status on `today`: closed deals are out of protection, approved ones count down. */
export function registrationStatus(deal: Deal, today: IsoDate): RegistrationStatus {
  if (deal.stage === 'won' || deal.stage === 'lost') return { kind: 'closed' };
  if (deal.decision?.outcome === 'rejected') return { kind: 'rejected', reason: deal.decision.reason, on: deal.decision.on };
  if (deal.stage !== 'approved' || !deal.protectedUntil) return { kind: 'pending' };
  const daysLeft = daysFrom(today, deal.protectedUntil);
  if (daysLeft < 0) return { kind: 'expired', until: deal.protectedUntil, daysAgo: -daysLeft };
  if (daysLeft <= EXPIRY_REMINDER_DAYS) return { kind: 'expiring', until: deal.protectedUntil, daysLeft };
  return { kind: 'protected', until: deal.protectedUntil, daysLeft };
}

/** Whether the registration protects its account on `today` (approved, open and not past its expiry). */
export function isProtected(deal: Deal, today: IsoDate): boolean {
  const s = registrationStatus(deal, today);
  return s.kind === 'protected' || s.kind === 'expiring';
}

/** Approves a pending registration: protected from `on` for `windowDays` days (expiry = on + window). */
export function approveRegistration(deal: Deal, reason: string, on: IsoDate, windowDays: number = DEFAULT_PROTECTION_DAYS): RuleResult<Pick<Deal, 'stage' | 'decision' | 'protectedUntil'>> {
  if (deal.stage !== 'registered') return { ok: false, error: `Only a registered deal can be approved (this one is ${deal.stage})` };
  if (deal.decision?.outcome === 'rejected') return { ok: false, error: 'This registration was rejected; register it again to ask for a new decision' };
  if (!Number.isInteger(windowDays) || windowDays < 1 || windowDays > 730) return { ok: false, error: `The protection window must be a whole number of days from 1 to 730 (got ${windowDays})` };
  const bad = reasonError('approve the registration', reason);
  if (bad) return { ok: false, error: bad };
  return { ok: true, value: { stage: 'approved', decision: { outcome: 'approved', reason: reason.trim(), on }, protectedUntil: addDaysIso(on, windowDays) } };
}

/** Rejects a pending registration with a reason; it keeps its stage and is never protected. */
export function rejectRegistration(deal: Deal, reason: string, on: IsoDate): RuleResult<Pick<Deal, 'decision'>> {
  if (deal.stage !== 'registered') return { ok: false, error: `Only a registered deal can be rejected (this one is ${deal.stage})` };
  if (deal.decision?.outcome === 'rejected') return { ok: false, error: 'This registration is already rejected' };
  const bad = reasonError('reject the registration', reason);
  if (bad) return { ok: false, error: bad };
  return { ok: true, value: { decision: { outcome: 'rejected', reason: reason.trim(), on } } };
}

/** The extension request waiting for a decision, if any. */
export function openExtension(deal: Deal): DealExtension | undefined {
  return deal.extensions?.find((e) => e.status === 'requested');
}

/** Asks to extend an approved registration by `days` (default: another window), with a reason. One open request at a time. */
export function requestExtension(deal: Deal, reason: string, on: IsoDate, days: number = DEFAULT_PROTECTION_DAYS): RuleResult<Pick<Deal, 'extensions'>> {
  if (deal.stage !== 'approved' || !deal.protectedUntil) return { ok: false, error: 'Only an approved registration can be extended' };
  if (openExtension(deal)) return { ok: false, error: 'An extension is already waiting for a decision' };
  if (!Number.isInteger(days) || days < 1 || days > 365) return { ok: false, error: `An extension must be a whole number of days from 1 to 365 (got ${days})` };
  const bad = reasonError('request an extension', reason);
  if (bad) return { ok: false, error: bad };
  const request: DealExtension = { requestedOn: on, reason: reason.trim(), days, status: 'requested' };
  return { ok: true, value: { extensions: [...(deal.extensions ?? []), request] } };
}

/**
 * Decides the open extension request. Approved: the new expiry is the later of the current expiry
 * and the decision day, plus the days asked (an expired registration restarts from the decision).
 */
export function decideExtension(deal: Deal, approve: boolean, on: IsoDate): RuleResult<Pick<Deal, 'extensions' | 'protectedUntil'>> {
  const open = openExtension(deal);
  if (!open || !deal.protectedUntil) return { ok: false, error: 'There is no extension request to decide' };
  const base = deal.protectedUntil > on ? deal.protectedUntil : on;
  const newExpiry = addDaysIso(base, open.days);
  const extensions = (deal.extensions ?? []).map((e) => (e === open ? { ...e, status: approve ? ('approved' as const) : ('refused' as const), decidedOn: on, ...(approve ? { newExpiry } : {}) } : e));
  return { ok: true, value: { extensions, protectedUntil: approve ? newExpiry : deal.protectedUntil } };
}

const openApproved = (d: Deal): boolean => d.stage === 'approved' && d.protectedUntil !== undefined && d.decision?.outcome !== 'rejected';

/** Protected registrations expiring within the reminder window (today included), soonest first. */
export function expiringRegistrations(deals: readonly Deal[], today: IsoDate, withinDays: number = EXPIRY_REMINDER_DAYS): Deal[] {
  return deals
    .filter(openApproved)
    .filter((d) => {
      const left = daysFrom(today, d.protectedUntil as IsoDate);
      return left >= 0 && left <= withinDays;
    })
    .sort((a, b) => ((a.protectedUntil ?? '') < (b.protectedUntil ?? '') ? -1 : 1));
}

/**
 * Approved registrations whose protection has run out while the deal is still open: each waits
 * for the manager to extend it or close the deal (won or lost), so it stays listed however long
 * ago it expired. Most recently expired first.
 */
export function expiredOpenRegistrations(deals: readonly Deal[], today: IsoDate): Deal[] {
  return deals
    .filter(openApproved)
    .filter((d) => daysFrom(today, d.protectedUntil as IsoDate) < 0)
    .sort((a, b) => ((a.protectedUntil ?? '') > (b.protectedUntil ?? '') ? -1 : a.protectedUntil === b.protectedUntil ? (a.id < b.id ? -1 : 1) : 1));
}

/**
 * Whether an expired registration is news for a desktop notification: it ran out within the
 * reminder window. One that expired longer ago (a laptop restored from a backup, a portfolio
 * taken over) is listed on Today without a burst of notifications.
 */
export function isRecentlyExpired(deal: Deal, today: IsoDate, withinDays: number = EXPIRY_REMINDER_DAYS): boolean {
  if (!openApproved(deal)) return false;
  const ago = -daysFrom(today, deal.protectedUntil as IsoDate);
  return ago >= 1 && ago <= withinDays;
}

/** The registration's status in words, as the deals table and Today show it. */
export function registrationLabel(status: RegistrationStatus, format: (date: IsoDate) => string): string {
  switch (status.kind) {
    case 'pending':
      return 'Awaiting approval';
    case 'rejected':
      return `Rejected ${format(status.on)}`;
    case 'protected':
      return `Protected until ${format(status.until)}`;
    case 'expiring':
      return status.daysLeft === 0 ? `Protection expires today (${format(status.until)})` : `Protection expires in ${status.daysLeft} day${status.daysLeft === 1 ? '' : 's'} (${format(status.until)})`;
    case 'expired':
      return `Protection expired ${format(status.until)}`;
    case 'closed':
      return '—';
  }
}
