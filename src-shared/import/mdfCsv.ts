import type { Deal, IsoDate, IsoTimestamp, MdfDoc, Partner } from '../domain/types';
import { approveMdfRequest, claimMdf, decideMdfClaim, markMdfPaid, newMdfRequest, type MdfRequest, type MdfResult } from '../mdf/mdfRules';
import { parseAmount } from './dealsCsv';
import { got, partnerFinder, readRecordCsv, rowChecker, type RecordCsvField, type RecordCsvValidation } from './recordCsv';

/** Columns of mdf.csv (one MDF request a row, as a PRM exports it). */
export type MdfCsvField = 'partner' | 'activity' | 'currency' | 'requested' | 'planned_on' | 'approved' | 'approved_on' | 'claimed' | 'claimed_on' | 'paid_on' | 'deals';

export const MDF_CSV_FIELDS: readonly RecordCsvField<MdfCsvField>[] = [
  { key: 'partner', label: 'Partner', required: true, aliases: ['partner name', 'partner id'] },
  { key: 'activity', label: 'Activity', required: true, aliases: ['campaign', 'description', 'initiative'] },
  { key: 'currency', label: 'Currency', required: true, aliases: ['currency code', 'ccy'] },
  { key: 'requested', label: 'Requested', required: true, aliases: ['requested amount', 'amount'] },
  { key: 'planned_on', label: 'Planned on', required: true, aliases: ['planned', 'planned date', 'activity date'] },
  { key: 'approved', label: 'Approved', required: false, aliases: ['approved amount'] },
  { key: 'approved_on', label: 'Approved on', required: false, aliases: ['approval date'] },
  { key: 'claimed', label: 'Claimed', required: false, aliases: ['claimed amount', 'claim'] },
  { key: 'claimed_on', label: 'Claimed on', required: false, aliases: ['claim date'] },
  { key: 'paid_on', label: 'Paid on', required: false, aliases: ['paid', 'payment date'] },
  { key: 'deals', label: 'Deals', required: false, aliases: ['linked deals', 'deal accounts'] },
];

/**
 * Checks every row of mdf.csv and builds the request through the app's own MDF rules
 * (src-shared/mdf/mdfRules.ts), so a row is refused for exactly what the app refuses (a claim above
 * the approved amount, a payment before the claim…), with the rule's message after the row
 * number. A request with an approved amount needs its approval date, a claim its claim date; a
 * paid date means the claim was approved and paid that day. `deals` lists the accounts of the
 * partner's deals (deals.csv) the activity brought, separated by “;”.
 */
export function validateMdfCsv(
  text: string,
  fileName: string | undefined,
  partners: readonly Pick<Partner, 'id' | 'name' | 'day0'>[],
  deals: readonly Pick<Deal, 'id' | 'partnerId' | 'account'>[],
  options: { now: IsoTimestamp; newId: () => string },
): RecordCsvValidation<MdfDoc> {
  const read = readRecordCsv(text, fileName, MDF_CSV_FIELDS, 'MDF requests');
  if (!read.ok) return { valid: [], errors: [], fileError: read.error };
  const find = partnerFinder(partners);
  const out: RecordCsvValidation<MdfDoc> = { valid: [], errors: [] };
  for (const row of read.rows) {
    const check = rowChecker(row, find, 'MDF request');
    const partner = check.partner('partner');
    const amount = (field: MdfCsvField, required: boolean): number | undefined => {
      const raw = row.cell(field);
      if (raw === '') {
        if (required) check.fail(field, 'is required: an amount like 12500 or 12500.50');
        return undefined;
      }
      const value = parseAmount(raw);
      if (value === null) check.fail(field, `must be a positive number like 12500 or 12500.50 ${got(raw)}`);
      return value ?? undefined;
    };
    const requested = amount('requested', true);
    const plannedOn = check.date('planned_on', true);
    const approved = amount('approved', false);
    const approvedOn = check.date('approved_on', approved !== undefined);
    const claimed = amount('claimed', false);
    const claimedOn = check.date('claimed_on', claimed !== undefined);
    const paidOn = check.date('paid_on', false);
    if (claimed !== undefined && approved === undefined) check.fail('claimed', 'needs an approved amount: only an approved request can be claimed');
    if (paidOn !== undefined && claimed === undefined) check.fail('paid_on', 'needs a claimed amount: only an approved claim is paid');
    const dealIds: string[] = [];
    for (const account of row.cell('deals').split(';').map((a) => a.trim()).filter(Boolean)) {
      const deal = deals.find((d) => d.partnerId === partner?.id && d.account.trim() === account);
      if (deal) dealIds.push(deal.id);
      else check.fail('deals', `“${account}” is not a deal of this partner in deals.csv: use the deal’s exact account`);
    }
    if (check.errors.length > 0 || !partner || requested === undefined || !plannedOn) {
      out.errors.push(...check.errors);
      continue;
    }
    const steps: ((doc: MdfRequest) => MdfResult)[] = [];
    if (approved !== undefined && approvedOn) steps.push((doc) => approveMdfRequest(doc, { amount: approved, reason: approved < requested ? 'as exported' : '', on: approvedOn }, options.now));
    if (claimed !== undefined && claimedOn) steps.push((doc) => claimMdf(doc, { amount: claimed, note: `imported from ${fileName ?? 'mdf.csv'}`, on: claimedOn }, options.now));
    if (paidOn) steps.push((doc) => decideMdfClaim(doc, { approve: true, reason: '', on: paidOn }, options.now), (doc) => markMdfPaid(doc, paidOn, options.now));
    const requestedOn: IsoDate = approvedOn && approvedOn < plannedOn ? approvedOn : plannedOn;
    let result = newMdfRequest({ activity: row.cell('activity'), amount: requested, currency: row.cell('currency'), plannedOn, dealIds }, { id: options.newId(), partnerId: partner.id, now: options.now, today: requestedOn });
    for (const step of steps) if (result.ok) result = step(result.value as MdfRequest);
    if (!result.ok) {
      out.errors.push({ row: row.row, message: `Row ${row.row}: ${result.error}` });
      continue;
    }
    out.valid.push({ row: row.row, value: result.value });
  }
  return out;
}
