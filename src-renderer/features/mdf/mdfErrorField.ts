/** The fields of the MDF forms a refusal can be shown on. */
export type MdfField = 'quarter' | 'amount' | 'currency' | 'activity' | 'plannedOn' | 'reason' | 'note' | 'proof' | 'on' | 'form';

/**
 * Which field a refusal of src-shared/mdf/mdfRules.ts is about, so its message shows where the
 * manager has to look (the rules speak in words, not field codes). Anything else goes on the form.
 */
export function mdfErrorField(message: string): MdfField {
  if (/reason|^Say why/i.test(message)) return 'reason';
  if (/proof file/i.test(message)) return 'proof';
  if (/proof of performance/i.test(message)) return 'note';
  if (/planned date/i.test(message)) return 'plannedOn';
  if (/date/i.test(message)) return 'on';
  if (/quarter/i.test(message)) return 'quarter';
  if (/currency/i.test(message)) return 'currency';
  if (/activity/i.test(message)) return 'activity';
  if (/amount|budget|^The claim \(/i.test(message)) return 'amount';
  return 'form';
}
