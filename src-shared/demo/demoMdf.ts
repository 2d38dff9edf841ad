import { addDays } from 'date-fns';
import type { Deal, IsoDate, IsoTimestamp, MdfDoc, Partner } from '../domain/types';
import { approveMdfRequest, claimMdf, decideMdfClaim, markMdfPaid, mdfBudgetId, newMdfRequest, quarterOf, setMdfBudget, type MdfRequest, type MdfResult } from '../mdf/mdfRules';

const ACTIVITIES = ['Joint webinar series', 'Regional roadshow', 'Customer event sponsorship', 'Demand generation campaign', 'Trade fair booth', 'Co-branded case study'];

const iso = (date: IsoDate, days: number): IsoDate => addDays(new Date(`${date}T12:00:00Z`), days).toISOString().slice(0, 10);

/**
 * A few MDF requests for the demo portfolio, so the dashboard's MDF tiles and the MDF tab have
 * something to show: for up to six partners with a won deal (in partner id order, no randomness,
 * so the rest of the generated portfolio is unchanged), a quarter budget and one request that
 * funded the deal, at a different step each (approved, claimed, claim approved, paid), built
 * through the MDF rules. Nothing is dated after `today`.
 */
export function demoMdf(partners: readonly Pick<Partner, 'id'>[], deals: readonly Deal[], today: IsoDate, now: IsoTimestamp): MdfDoc[] {
  const known = new Set(partners.map((p) => p.id));
  const firstWin = new Map<string, Deal>();
  for (const deal of [...deals].sort((a, b) => a.id.localeCompare(b.id))) {
    if (deal.stage !== 'won' || !deal.closedOn || !known.has(deal.partnerId) || deal.registeredOn < iso(today, -400)) continue;
    if (!firstWin.has(deal.partnerId)) firstWin.set(deal.partnerId, deal);
  }
  const docs: MdfDoc[] = [];
  [...firstWin.values()]
    .sort((a, b) => a.partnerId.localeCompare(b.partnerId))
    .slice(0, 6)
    .forEach((deal, index) => {
      const requestedOn = iso(deal.registeredOn, -20);
      const plannedOn = iso(deal.registeredOn, -5);
      // About a seventh of the deal it brought, in whole 500s: a return of a few times the funding.
      const amount = Math.max(2000, Math.round(deal.amount / 7 / 500) * 500);
      const budget = setMdfBudget(undefined, deal.partnerId, { quarter: quarterOf(plannedOn), amount: amount * 2, currency: deal.currency }, now);
      if (budget.ok && !docs.some((d) => d.id === mdfBudgetId(deal.partnerId, quarterOf(plannedOn)))) docs.push(budget.value);
      const claimedOn = iso(plannedOn, 10) <= today ? iso(plannedOn, 10) : plannedOn;
      const steps: ((doc: MdfRequest) => MdfResult)[] = [
        (doc: MdfRequest) => approveMdfRequest(doc, { amount, reason: '', on: iso(requestedOn, 2) }, now),
        (doc: MdfRequest) => claimMdf(doc, { amount: amount - 500 * (index % 3), note: 'Attendee list and leads handed over', on: claimedOn }, now),
        (doc: MdfRequest) => decideMdfClaim(doc, { approve: true, reason: '', on: claimedOn }, now),
        (doc: MdfRequest) => markMdfPaid(doc, claimedOn, now),
      ].slice(0, 1 + (index % 4));
      let result = newMdfRequest({ activity: ACTIVITIES[index % ACTIVITIES.length] ?? 'Campaign', amount, currency: deal.currency, plannedOn, dealIds: [deal.id] }, { id: `demo-mdf-${index + 1}`, partnerId: deal.partnerId, now, today: requestedOn });
      for (const step of steps) if (result.ok) result = step(result.value as MdfRequest);
      if (result.ok) docs.push(result.value);
    });
  return docs;
}
