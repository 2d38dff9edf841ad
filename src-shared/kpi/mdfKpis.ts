import type { Deal, IsoDate, MdfDoc, Partner } from '../domain/types';
import { approvedAmount, isMdfRequest, type MdfRequest } from '../mdf/mdfRules';

/** MDF KPIs of one currency (amounts are never converted or added across currencies). */
export type MdfCurrencyKpis = {
  currency: string;
  /** Requests approved on or before the as-of date. */
  approvedCount: number;
  approved: number;
  /** Claims filed on or before the as-of date and not refused by then. */
  claimed: number;
  paid: number;
  /** claimed ÷ approved; null when nothing is approved in this currency. */
  utilisation: number | null;
  /** What the approved requests cost: the approved amount, or the claimed one once the claim is approved. */
  invested: number;
  /** Won revenue (closed on or before the as-of date) of the deals linked to approved requests, each deal once. */
  wonRevenue: number;
  wonDeals: number;
  /** wonRevenue ÷ invested (a multiple: 4.2 means 4.2 of revenue per 1 of MDF); null when nothing is invested. */
  roi: number | null;
};

type AsOfAmounts = { approved: number; claimed: number; paid: number; invested: number };

/** What a request stood at on `asOf`: records dated after it are ignored. */
function amountsAsOf(r: MdfRequest, asOf: IsoDate): AsOfAmounts | null {
  if (r.decision?.outcome !== 'approved' || r.decision.on > asOf) return null;
  const approved = approvedAmount(r);
  const claims = (r.claims ?? []).filter((c) => c.claimedOn <= asOf);
  const claim = claims[claims.length - 1];
  const decided = claim?.decision && claim.decision.on <= asOf ? claim.decision.outcome : undefined;
  const claimed = claim && decided !== 'refused' ? claim.amount : 0;
  const paid = r.paidOn !== undefined && r.paidOn <= asOf ? claimed : 0;
  return { approved, claimed, paid, invested: decided === 'approved' ? claimed : approved };
}

/**
 * MDF utilisation (claimed ÷ approved) and return on won revenue, per currency, as of a date.
 * Partners whose Day 0 is after `asOf` are not counted; a deal linked to several requests counts
 * once; deal revenue is compared only with MDF in the same currency (a USD deal funded from EUR
 * MDF shows as revenue in USD with no EUR return).
 */
export function mdfKpis(partners: readonly Pick<Partner, 'id' | 'day0'>[], mdf: readonly MdfDoc[], deals: readonly Deal[], asOf: IsoDate): MdfCurrencyKpis[] {
  const counted = new Set(partners.filter((p) => p.day0 <= asOf).map((p) => p.id));
  const rows = new Map<string, MdfCurrencyKpis>();
  const row = (currency: string): MdfCurrencyKpis => {
    let r = rows.get(currency);
    if (!r) {
      r = { currency, approvedCount: 0, approved: 0, claimed: 0, paid: 0, utilisation: null, invested: 0, wonRevenue: 0, wonDeals: 0, roi: null };
      rows.set(currency, r);
    }
    return r;
  };
  const linkedDeals = new Set<string>();
  for (const request of mdf.filter(isMdfRequest)) {
    if (!counted.has(request.partnerId)) continue;
    const amounts = amountsAsOf(request, asOf);
    if (!amounts) continue;
    const r = row(request.currency);
    r.approvedCount += 1;
    r.approved += amounts.approved;
    r.claimed += amounts.claimed;
    r.paid += amounts.paid;
    r.invested += amounts.invested;
    for (const id of request.dealIds ?? []) linkedDeals.add(id);
  }
  for (const deal of deals) {
    if (!linkedDeals.has(deal.id) || !counted.has(deal.partnerId)) continue;
    if (deal.stage !== 'won' || !deal.closedOn || deal.closedOn > asOf) continue;
    const r = row(deal.currency);
    r.wonRevenue += deal.amount;
    r.wonDeals += 1;
  }
  for (const r of rows.values()) {
    r.utilisation = r.approved > 0 ? r.claimed / r.approved : null;
    r.roi = r.invested > 0 ? r.wonRevenue / r.invested : null;
  }
  return [...rows.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
