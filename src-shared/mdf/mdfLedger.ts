import type { MdfDoc, PlanItem } from '../domain/types';
import { lineageOf } from '../plan/planVersions';
import { isMdfRequest, mdfAmounts, type MdfAmounts, type MdfRequest } from './mdfRules';

export type MdfCurrencyAmounts = MdfAmounts & { currency: string; count: number };

/** One line of the plan's MDF ledger: an initiative (or the requests linked to none) and its amounts per currency. */
export type MdfLedgerRow = {
  /** The initiative's lineage id; null for requests not linked to an initiative of this plan. */
  initiativeId: string | null;
  title: string;
  amounts: MdfCurrencyAmounts[];
  requests: MdfRequest[];
};

const zero = (currency: string): MdfCurrencyAmounts => ({ currency, count: 0, requested: 0, approved: 0, claimed: 0, paid: 0 });

/** Sums requests per currency (never across), sorted by currency code. */
export function mdfTotalsByCurrency(requests: readonly MdfRequest[]): MdfCurrencyAmounts[] {
  const byCurrency = new Map<string, MdfCurrencyAmounts>();
  for (const request of requests) {
    const total = byCurrency.get(request.currency) ?? zero(request.currency);
    const amounts = mdfAmounts(request);
    total.count += 1;
    total.requested += amounts.requested;
    total.approved += amounts.approved;
    total.claimed += amounts.claimed;
    total.paid += amounts.paid;
    byCurrency.set(request.currency, total);
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/**
 * The MDF ledger of a plan version: one row per initiative of the plan that MDF requests fund
 * (matched on the initiative's lineage, so a frozen version shows the requests of the draft row
 * it was copied from), in plan order, then one row for the partner's requests linked to no
 * initiative of this plan; and the totals per currency.
 */
export function mdfLedger(docs: readonly MdfDoc[], initiatives: readonly PlanItem[]): { rows: MdfLedgerRow[]; totals: MdfCurrencyAmounts[] } {
  const requests = docs.filter(isMdfRequest);
  const rows: MdfLedgerRow[] = [];
  const linked = new Set<string>();
  for (const initiative of initiatives) {
    const lineage = lineageOf(initiative.id);
    const funded = requests.filter((r) => r.initiativeId === lineage);
    if (funded.length === 0) continue;
    for (const r of funded) linked.add(r.id);
    rows.push({ initiativeId: lineage, title: initiative.title, amounts: mdfTotalsByCurrency(funded), requests: funded });
  }
  const rest = requests.filter((r) => !linked.has(r.id));
  if (rest.length > 0) rows.push({ initiativeId: null, title: 'Not linked to an initiative', amounts: mdfTotalsByCurrency(rest), requests: rest });
  return { rows, totals: mdfTotalsByCurrency(requests) };
}
