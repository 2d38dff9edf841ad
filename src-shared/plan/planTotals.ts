import type { PlanItem } from '../domain/types';

export const MDF_STATUSES = ['requested', 'approved', 'claimed', 'paid'] as const;
export type MdfStatus = (typeof MDF_STATUSES)[number];
export const MDF_STATUS_LABELS: Record<MdfStatus, string> = { requested: 'Requested', approved: 'Approved', claimed: 'Claimed', paid: 'Paid' };

export const INITIATIVE_TYPES = ['campaign', 'enablement', 'mdf'] as const;
export type InitiativeType = (typeof INITIATIVE_TYPES)[number];
export const INITIATIVE_TYPE_LABELS: Record<InitiativeType, string> = {
  campaign: 'Co-marketing campaign',
  enablement: 'Enablement',
  mdf: 'MDF request',
};

export type MdfTotal = { currency: string; total: number; count: number } & Record<MdfStatus, number>;

const isMdf = (item: PlanItem): boolean => item.kind === 'initiative' && item.initiativeType === 'mdf' && item.amount !== undefined && Number.isFinite(item.amount);

/**
 * MDF requested in a plan, per currency (amounts in different currencies are never added
 * together), split by status. Sorted by currency code.
 */
export function mdfTotals(items: PlanItem[]): MdfTotal[] {
  const byCurrency = new Map<string, MdfTotal>();
  for (const item of items) {
    if (!isMdf(item)) continue;
    const currency = item.currency ?? '???';
    let total = byCurrency.get(currency);
    if (!total) {
      total = { currency, total: 0, count: 0, requested: 0, approved: 0, claimed: 0, paid: 0 };
      byCurrency.set(currency, total);
    }
    const amount = item.amount ?? 0;
    total.total += amount;
    total.count += 1;
    const status = (MDF_STATUSES as readonly string[]).includes(item.status ?? '') ? (item.status as MdfStatus) : 'requested';
    total[status] += amount;
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

export type RevenueQuarter = { quarter: string; currency: string; target: number; actual: number };

/**
 * Revenue targets by quarter and currency, quarters in calendar order ("2027-Q1" < "2027-Q2").
 * Several rows for the same quarter and currency add up.
 */
export function revenueByQuarter(items: PlanItem[]): RevenueQuarter[] {
  const rows = new Map<string, RevenueQuarter>();
  for (const item of items) {
    if (item.kind !== 'revenue' || !item.quarter) continue;
    const currency = item.currency ?? '???';
    const key = `${item.quarter}|${currency}`;
    const row = rows.get(key) ?? { quarter: item.quarter, currency, target: 0, actual: 0 };
    row.target += item.target ?? 0;
    row.actual += item.actual ?? 0;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => a.quarter.localeCompare(b.quarter) || a.currency.localeCompare(b.currency));
}

/** Total revenue target and actual per currency across all quarters. */
export function revenueTotals(items: PlanItem[]): { currency: string; target: number; actual: number }[] {
  const totals = new Map<string, { currency: string; target: number; actual: number }>();
  for (const row of revenueByQuarter(items)) {
    const total = totals.get(row.currency) ?? { currency: row.currency, target: 0, actual: 0 };
    total.target += row.target;
    total.actual += row.actual;
    totals.set(row.currency, total);
  }
  return [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/** Amount with its currency, e.g. "EUR 25,000" (no floating-point noise, up to 2 decimals). */
export function formatMoney(amount: number, currency: string): string {
  return `${currency} ${amount.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
}

/** The items of one kind in their display order (order, then creation). */
export function itemsOfKind(items: PlanItem[], kind: PlanItem['kind']): PlanItem[] {
  return items.filter((item) => item.kind === kind).sort((a, b) => a.order - b.order || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** "2 requests: EUR 10,000 approved, EUR 5,000 paid": a currency's MDF split by the statuses that hold money. */
export function mdfBreakdown(total: MdfTotal): string {
  const parts = MDF_STATUSES.filter((status) => total[status] !== 0).map((status) => `${formatMoney(total[status], total.currency)} ${MDF_STATUS_LABELS[status].toLowerCase()}`);
  return `${total.count} request${total.count === 1 ? '' : 's'}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
}
