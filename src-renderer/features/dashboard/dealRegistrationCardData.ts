import type { Deal, IsoDate } from '../../../src-shared/domain/types';
import { daysFrom, median, monthOf, monthsBetween } from '../../../src-shared/kpi/calendar';
import { dealRegistrationKpis, type DealRegistrationKpis } from '../../../src-shared/kpi/dealRegistrationKpis';

export type RegistrationMonth = { month: string; medianDays: number; decided: number };

export type DealRegistrationCard = {
  kpis: DealRegistrationKpis;
  /** Nothing decided and nothing approved: the card says so instead of drawing zeros. */
  empty: boolean;
  approvalTime: { value: string; hint: string };
  expiryRate: { value: string; hint: string };
  /** Median days to a decision per month of decision over the last `months` months (months without one left out). */
  byMonth: RegistrationMonth[];
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The dashboard card's figures (src-shared/kpi/dealRegistrationKpis.ts) in words, and the approval
 * time per month for its chart. Decisions dated after `asOf` are left out of the chart.
 */
export function dealRegistrationCard(deals: readonly Deal[], asOf: IsoDate, months = 12): DealRegistrationCard {
  const kpis = dealRegistrationKpis(deals, asOf);
  // The first of the `months` months that end with asOf's month.
  const [y, m] = monthOf(asOf).split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(y, m - months, 1)).toISOString().slice(0, 7);
  const waits = new Map<string, number[]>();
  for (const d of deals) {
    if (!d.decision || d.decision.on > asOf || monthOf(d.decision.on) < start) continue;
    const month = monthOf(d.decision.on);
    waits.set(month, [...(waits.get(month) ?? []), Math.max(0, daysFrom(d.registeredOn, d.decision.on))]);
  }
  const byMonth = monthsBetween(start, monthOf(asOf)).flatMap((month) => {
    const w = waits.get(month);
    return w?.length ? [{ month, medianDays: median(w) ?? 0, decided: w.length }] : [];
  });
  const days = kpis.medianApprovalDays;
  return {
    kpis,
    empty: kpis.decided === 0 && kpis.approved === 0,
    approvalTime: {
      value: days === null ? '—' : `${days} ${days === 1 ? 'day' : 'days'}`,
      hint: kpis.decided === 0 ? 'no registration decided yet' : `median from registration to decision, over ${plural(kpis.decided, 'decision')}`,
    },
    expiryRate: {
      value: kpis.expiryRate === null ? '—' : `${Math.round(kpis.expiryRate * 100)}%`,
      hint: kpis.approved === 0 ? 'no registration approved yet' : `${kpis.expired} of ${plural(kpis.approved, 'approved registration')} expired while the deal was still open`,
    },
    byMonth,
  };
}
