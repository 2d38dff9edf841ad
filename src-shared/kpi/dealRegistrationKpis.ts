import { registrationStatus } from '../deals/registration';
import type { Deal, IsoDate } from '../domain/types';
import { daysFrom } from './calendar';

export type DealRegistrationKpis = {
  /** Registrations with a decision (approved or rejected). */
  decided: number;
  /** Median calendar days from registration to decision; null when nothing is decided. */
  medianApprovalDays: number | null;
  /** Approved registrations (protected at some point). */
  approved: number;
  /** Approved registrations whose protection ran out on `asOf` while the deal was still open. */
  expired: number;
  /** expired ÷ approved, null when none was approved. */
  expiryRate: number | null;
};

/**
 * The registration KPIs the issue asks for: how long a decision takes, and how often a
 * protected registration expires before the deal is won or lost.
 */
export function dealRegistrationKpis(deals: readonly Deal[], asOf: IsoDate): DealRegistrationKpis {
  const waits: number[] = [];
  let approved = 0;
  let expired = 0;
  for (const d of deals) {
    if (d.decision) waits.push(Math.max(0, daysFrom(d.registeredOn, d.decision.on)));
    if (d.decision?.outcome !== 'approved') continue;
    approved += 1;
    if (registrationStatus(d, asOf).kind === 'expired') expired += 1;
  }
  waits.sort((a, b) => a - b);
  const mid = Math.floor(waits.length / 2);
  const median = waits.length === 0 ? null : waits.length % 2 === 1 ? (waits[mid] ?? 0) : ((waits[mid - 1] ?? 0) + (waits[mid] ?? 0)) / 2;
  return { decided: waits.length, medianApprovalDays: median, approved, expired, expiryRate: approved === 0 ? null : expired / approved };
}
