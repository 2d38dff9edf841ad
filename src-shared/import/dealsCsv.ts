import { newId as randomId } from '../domain/ids';
import { DEAL_SOURCES, DEAL_STAGES, type Deal, type DealSource, type DealStage, type IsoDate, type IsoTimestamp, type Partner } from '../domain/types';
import { got, partnerFinder, readRecordCsv, rowChecker, type RecordCsvField, type RecordCsvValidation } from './recordCsv';

/** Columns of deals.csv (a CRM export): partner, account, amount, currency, stage, registered_on, closed_on, source. */
export type DealCsvField = 'partner' | 'account' | 'amount' | 'currency' | 'stage' | 'registered_on' | 'closed_on' | 'source';

export const DEAL_CSV_FIELDS: readonly RecordCsvField<DealCsvField>[] = [
  { key: 'partner', label: 'Partner', required: true, aliases: ['partner name', 'partner id', 'reseller'] },
  { key: 'account', label: 'Account', required: true, aliases: ['account name', 'customer', 'end customer', 'company'] },
  { key: 'amount', label: 'Amount', required: true, aliases: ['value', 'deal value', 'deal amount'] },
  { key: 'currency', label: 'Currency', required: true, aliases: ['currency code', 'ccy'] },
  { key: 'stage', label: 'Stage', required: true, aliases: ['deal stage', 'status'] },
  { key: 'registered_on', label: 'Registered on', required: true, aliases: ['registered', 'registration date', 'created'] },
  { key: 'closed_on', label: 'Closed on', required: false, aliases: ['closed', 'close date'] },
  { key: 'source', label: 'Source', required: true, aliases: ['deal source', 'sourced or influenced'] },
];

export type DealRowValue = Pick<Deal, 'partnerId' | 'account' | 'amount' | 'currency' | 'stage' | 'registeredOn' | 'source'> & { closedOn?: IsoDate };

/** "12500", "12500.50", "12,500.50" → number; anything else (negative, text, European decimals) → null. */
export function parseAmount(raw: string): number | null {
  const s = raw.replace(/\s/g, '');
  if (/^\d+(\.\d{1,2})?$/.test(s)) return Number(s);
  if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(s)) return Number(s.replace(/,/g, ''));
  return null;
}

/**
 * Checks every row of deals.csv: the partner must exist (exact name or id), account and a
 * positive amount with at most 2 decimals, a 3-letter currency code, stage registered / approved /
 * won / lost, a real registered date, a closed date for won and lost deals only (on or after
 * registration), source sourced / influenced. Each problem is `Row N: Field (column) …`.
 */
export function validateDealsCsv(text: string, fileName: string | undefined, partners: readonly Pick<Partner, 'id' | 'name' | 'day0'>[]): RecordCsvValidation<DealRowValue> {
  const read = readRecordCsv(text, fileName, DEAL_CSV_FIELDS, 'deals');
  if (!read.ok) return { valid: [], errors: [], fileError: read.error };
  const find = partnerFinder(partners);
  const out: RecordCsvValidation<DealRowValue> = { valid: [], errors: [] };
  for (const row of read.rows) {
    const check = rowChecker(row, find, 'deal');
    const partner = check.partner('partner');
    const account = row.cell('account');
    if (account === '') check.fail('account', 'is required: the customer account of the deal');
    else if (account.length > 300) check.fail('account', `must be at most 300 characters (got ${account.length})`);
    const rawAmount = row.cell('amount');
    const amount = parseAmount(rawAmount);
    if (amount === null || amount <= 0) check.fail('amount', `must be a positive number like 12500 or 12500.50 ${got(rawAmount)}`);
    const currency = row.cell('currency').toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) check.fail('currency', `must be a 3-letter currency code like USD or EUR ${got(row.cell('currency'))}`);
    const stage = check.oneOf<DealStage>('stage', DEAL_STAGES);
    const registeredOn = check.date('registered_on', true);
    const closedOn = check.date('closed_on', false);
    const source = check.oneOf<DealSource>('source', DEAL_SOURCES, { partner: 'sourced', 'partner-sourced': 'sourced', 'partner sourced': 'sourced' });
    if (stage && (stage === 'won' || stage === 'lost') && closedOn === undefined && row.cell('closed_on') === '') {
      check.fail('closed_on', `is required for a ${stage} deal`);
    }
    if (stage && (stage === 'registered' || stage === 'approved') && closedOn !== undefined) {
      check.fail('closed_on', `must be empty for a deal still ${stage} ${got(closedOn)}`);
    }
    if (registeredOn && closedOn && closedOn < registeredOn) check.fail('closed_on', `must be on or after the registered date ${registeredOn} ${got(closedOn)}`);
    if (check.errors.length > 0 || !partner || !stage || !source || !registeredOn || amount === null) {
      out.errors.push(...check.errors);
      continue;
    }
    const value: DealRowValue = { partnerId: partner.id, account, amount, currency, stage, registeredOn, source };
    if (closedOn) value.closedOn = closedOn;
    out.valid.push({ row: row.row, value });
  }
  return out;
}

/** Deals from validated rows, stamped with `now`. */
export function buildImportedDeals(rows: readonly { value: DealRowValue }[], options: { now: IsoTimestamp; newId?: () => string }): Deal[] {
  const makeId = options.newId ?? randomId;
  return rows.map(({ value }) => ({ id: makeId(), createdAt: options.now, updatedAt: options.now, ...value }));
}
