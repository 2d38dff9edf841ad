import type { MdfDoc } from '../domain/types';
import { formatMoney } from '../plan/planTotals';
import { quarterLabel } from '../plan/planValidation';
import { heldAmount, isMdfRequest, type MdfRequest } from './mdfRules';

/** A partner's quarter: its budget (if set) and what its requests take from it, in the budget's currency. */
export type MdfQuarterUsage = {
  quarter: string;
  budget: MdfDoc | undefined;
  currency: string | undefined;
  /** The budget amount (0 when none is set). */
  amount: number;
  /** Held by approved requests (src-shared/mdf/mdfRules.ts heldAmount). */
  used: number;
  /** Asked by requests still waiting for a decision. */
  pending: number;
  /** amount − used (negative when approvals went beyond the budget). */
  remaining: number;
  /** Requests of the quarter in another currency than the budget's: never counted against it. */
  otherCurrency: MdfRequest[];
  requests: MdfRequest[];
};

/** Budget usage for every quarter that has a budget or a request, newest quarter first. */
export function mdfQuarters(docs: readonly MdfDoc[]): MdfQuarterUsage[] {
  const quarters = new Set(docs.map((d) => d.quarter));
  return [...quarters].sort((a, b) => b.localeCompare(a)).map((quarter) => quarterUsage(docs, quarter));
}

/** One quarter's usage (docs of one partner). */
export function quarterUsage(docs: readonly MdfDoc[], quarter: string): MdfQuarterUsage {
  const budget = docs.find((d) => d.kind === 'budget' && d.quarter === quarter);
  const requests = docs.filter(isMdfRequest).filter((r) => r.quarter === quarter);
  const currency = budget?.currency;
  const counted = requests.filter((r) => r.currency === currency);
  const used = counted.reduce((sum, r) => sum + heldAmount(r), 0);
  const pending = counted.filter((r) => r.state === 'requested').reduce((sum, r) => sum + r.amount, 0);
  const amount = budget?.amount ?? 0;
  return { quarter, budget, currency, amount, used, pending, remaining: amount - used, otherCurrency: currency ? requests.filter((r) => r.currency !== currency) : requests, requests };
}

/**
 * Whether an amount asked (a new request, or the amount about to be approved) fits the quarter's
 * budget. Returns a warning, never a refusal: a manager may fund beyond the budget knowingly.
 * `excludeId` leaves the request itself out of what is already taken; waiting requests count
 * as taken unless `countPending` is false (at approval, only the approved ones do).
 */
export function budgetWarning(
  docs: readonly MdfDoc[],
  ask: { quarter: string; amount: number; currency: string; excludeId?: string },
  options: { countPending?: boolean } = {},
): string | null {
  const others = docs.filter((d) => d.id !== ask.excludeId);
  const usage = quarterUsage(others, ask.quarter);
  const label = quarterLabel(ask.quarter);
  if (!usage.budget) return `No MDF budget is set for ${label}`;
  if (usage.currency !== ask.currency) return `The ${label} budget is in ${usage.currency}; a request in ${ask.currency} is not counted against it`;
  const countPending = options.countPending ?? true;
  const left = usage.remaining - (countPending ? usage.pending : 0);
  if (ask.amount <= left) return null;
  const over = ask.amount - Math.max(left, 0);
  const after = countPending ? 'after approved and waiting requests' : 'after approved requests';
  return `${formatMoney(over, ask.currency)} above the remaining ${label} budget (${formatMoney(Math.max(left, 0), ask.currency)} of ${formatMoney(usage.amount, ask.currency)} left ${after})`;
}
