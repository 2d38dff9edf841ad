import type { Template } from '../domain/types';
import { DEFAULT_PROTECTION_DAYS, type RuleResult } from './registration';

/**
 * The program's protection window is an admin setting kept on the program's one `tiers` template
 * (`Template.data.protectionDays`), beside the tier definition: that document is already the
 * program's rules an admin writes and every manager reads (program-document access rule), so the
 * setting needs no new schema, collection or kind. Absent, `DEFAULT_PROTECTION_DAYS` applies.
 * It is read apart from the tier definition, so a tier definition with problems does not reset it.
 */
export const PROTECTION_DAYS_FIELD = 'protectionDays';

export const MIN_PROTECTION_DAYS = 1;
export const MAX_PROTECTION_DAYS = 365;

/** Checks a window an admin typed (a number input gives a number or the raw text). */
export function checkProtectionDays(input: unknown): RuleResult<number> {
  const value = typeof input === 'string' && input.trim() !== '' ? Number(input) : input;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_PROTECTION_DAYS || value > MAX_PROTECTION_DAYS) {
    const shown = typeof input === 'string' ? (input.trim() === '' ? 'nothing' : `"${input}"`) : String(input);
    return { ok: false, error: `The protection window must be a whole number of days from ${MIN_PROTECTION_DAYS} to ${MAX_PROTECTION_DAYS} (got ${shown})` };
  }
  return { ok: true, value };
}

export type ProtectionWindow = {
  days: number;
  /** The template the setting is kept on (the latest `tiers` one), or null when none is stored. */
  template: Template | null;
  /** Whether an admin set it (false: the default applies). */
  set: boolean;
  /** Why a stored value is not used, when it cannot be. */
  issue: string | null;
};

/** The window in force: the latest `tiers` template's setting when valid, else the default. */
export function protectionWindow(templates: readonly Template[]): ProtectionWindow {
  const stored = templates.filter((t) => t.kind === 'tiers').sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id))[0];
  const raw = stored?.data[PROTECTION_DAYS_FIELD];
  if (!stored || raw === undefined) return { days: DEFAULT_PROTECTION_DAYS, template: stored ?? null, set: false, issue: null };
  const checked = checkProtectionDays(raw);
  if (!checked.ok) return { days: DEFAULT_PROTECTION_DAYS, template: stored, set: false, issue: `${checked.error}; the default of ${DEFAULT_PROTECTION_DAYS} days applies.` };
  return { days: checked.value, template: stored, set: true, issue: null };
}
