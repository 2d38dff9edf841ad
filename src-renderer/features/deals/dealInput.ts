import { isRealIsoDate } from '../../../src-shared/domain/partnerInput';
import type { Deal, DealSource, DealStage } from '../../../src-shared/domain/types';
import { parseAmount } from '../../../src-shared/import/dealsCsv';

export type DealFormValues = {
  account: string;
  amount: string;
  currency: string;
  stage: DealStage;
  registeredOn: string;
  closedOn: string;
  source: DealSource;
};

export type DealFormErrors = Partial<Record<keyof DealFormValues, string>>;

export type DealInputValue = Pick<Deal, 'account' | 'amount' | 'currency' | 'stage' | 'registeredOn' | 'source'> & { closedOn?: string };

/** The deal form's rules (the same as the deals.csv import): each problem on its field. */
export function validateDealForm(v: DealFormValues, today: string): { ok: true; value: DealInputValue } | { ok: false; errors: DealFormErrors } {
  const errors: DealFormErrors = {};
  const account = v.account.trim();
  if (account === '') errors.account = 'Account is required: the customer the deal is for';
  else if (account.length > 300) errors.account = `Account must be at most 300 characters (got ${account.length})`;
  const amount = parseAmount(v.amount);
  if (amount === null || amount <= 0) errors.amount = 'Amount must be a positive number like 12500 or 12500.50';
  const currency = v.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) errors.currency = 'Currency must be a 3-letter code like USD or EUR';
  if (!isRealIsoDate(v.registeredOn)) errors.registeredOn = 'Registered on must be a real date';
  else if (v.registeredOn > today) errors.registeredOn = 'Registered on cannot be in the future';
  const closing = v.stage === 'won' || v.stage === 'lost';
  if (closing) {
    if (!isRealIsoDate(v.closedOn)) errors.closedOn = `Closed on is required for a ${v.stage} deal`;
    else if (isRealIsoDate(v.registeredOn) && v.closedOn < v.registeredOn) errors.closedOn = 'Closed on must be on or after the registered date';
    else if (v.closedOn > today) errors.closedOn = 'Closed on cannot be in the future';
  }
  if (Object.keys(errors).length > 0 || amount === null) return { ok: false, errors };
  const value: DealInputValue = { account, amount, currency, stage: v.stage, registeredOn: v.registeredOn, source: v.source };
  if (closing) value.closedOn = v.closedOn;
  return { ok: true, value };
}

/** The first won deal of a partner (earliest close date): the one the journey's "first deal" step records. */
export function firstWonDeal(deals: readonly Deal[]): Deal | undefined {
  let first: Deal | undefined;
  for (const d of deals) {
    if (d.stage !== 'won' || !d.closedOn) continue;
    if (!first || (first.closedOn ?? '') > d.closedOn) first = d;
  }
  return first;
}
