import type { IsoDate, OwnerSide, PlanItem, PlanItemKind } from '../domain/types';
import { OWNER_SIDES } from '../domain/types';
import { INITIATIVE_TYPES, MDF_STATUSES, type InitiativeType } from './planTotals';

/** A code as the user reads it in a choice list: "in_progress" → "In progress". */
const choiceLabel = (code: string): string => (code.charAt(0).toUpperCase() + code.slice(1)).replace(/_/g, ' ');

/** Editable fields of a plan row, as typed into the form (every value is text). */
export const PLAN_ITEM_FORM_FIELDS = [
  'title',
  'metric',
  'target',
  'actual',
  'dueDate',
  'ownerSide',
  'segment',
  'fit',
  'stage',
  'nextStep',
  'initiativeType',
  'amount',
  'currency',
  'status',
  'quarter',
  'mitigation',
] as const;
export type PlanItemFormField = (typeof PLAN_ITEM_FORM_FIELDS)[number];
export type PlanItemFormValues = Partial<Record<PlanItemFormField, string>>;
export type PlanItemErrors = Partial<Record<PlanItemFormField, string>>;

/** The stored fields of a row, without identity, plan and order. */
export type PlanItemFields = Omit<PlanItem, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'partnerId' | 'planId' | 'order'>;

export type ValidationResult<T, E> = { ok: true; value: T } | { ok: false; errors: E };

export const ACCOUNT_STAGES = ['identified', 'contacted', 'meeting', 'proposal', 'won', 'lost'] as const;
export const INITIATIVE_STATUSES = ['planned', 'in_progress', 'done'] as const;
export const RISK_STATUSES = ['open', 'mitigated', 'closed'] as const;

const NUMBER = /^-?\d+(\.\d+)?$/;
const GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

/** Parses "25000", "25,000", "1 500.5"; undefined when it is not a plain number. */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(/[\s\u00a0_]/g, '');
  if (!NUMBER.test(trimmed) && !GROUPED.test(trimmed)) return undefined;
  const value = Number(trimmed.replaceAll(',', ''));
  return Number.isFinite(value) ? value : undefined;
}

/** True for a real calendar date written YYYY-MM-DD (no 2027-02-30). */
export function isRealDate(text: string): text is IsoDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && year <= 2200 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

let knownCurrencies: Set<string> | null | undefined;
function currencyList(): Set<string> | null {
  if (knownCurrencies === undefined) {
    const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
    try {
      knownCurrencies = intl.supportedValuesOf ? new Set(intl.supportedValuesOf('currency')) : null;
    } catch {
      knownCurrencies = null;
    }
  }
  return knownCurrencies;
}

/** An ISO 4217 currency code (EUR, USD, JPY …); checked against the runtime's list when it has one. */
export function isCurrencyCode(text: string): boolean {
  if (!/^[A-Z]{3}$/.test(text)) return false;
  const list = currencyList();
  return list === null || list.size === 0 || list.has(text);
}

/** The quarters "2027-Q1" … in a plan's revenue section. */
export const isQuarter = (text: string): boolean => QUARTER.test(text);

/** "2027-Q1" → "Q1 2027". */
export const quarterLabel = (quarter: string): string => {
  const match = QUARTER.exec(quarter);
  return match ? `Q${match[2]} ${match[1]}` : quarter;
};

type Reader = {
  text(field: PlanItemFormField, label: string, options?: { required?: boolean; max?: number }): string | undefined;
  number(field: PlanItemFormField, label: string, options?: { required?: boolean; min?: number; max?: number; example?: string }): number | undefined;
  date(field: PlanItemFormField, label: string, options?: { required?: boolean }): IsoDate | undefined;
  oneOf<T extends string>(field: PlanItemFormField, label: string, values: readonly T[], fallback?: T): T | undefined;
};

function reader(values: PlanItemFormValues, errors: PlanItemErrors): Reader {
  const raw = (field: PlanItemFormField) => (values[field] ?? '').trim();
  return {
    text(field, label, { required = false, max = 500 } = {}) {
      const value = raw(field);
      if (value === '') {
        if (required) errors[field] = `${label} is required`;
        return undefined;
      }
      if (value.length > max) errors[field] = `${label} is too long (${value.length} characters, at most ${max})`;
      return value;
    },
    number(field, label, { required = false, min, max, example = '25000' } = {}) {
      const text = raw(field);
      if (text === '') {
        if (required) errors[field] = `${label} is required`;
        return undefined;
      }
      const value = parseNumber(text);
      if (value === undefined) {
        errors[field] = `${label} must be a number, e.g. ${example} (got “${text}”)`;
        return undefined;
      }
      if (min !== undefined && value < min) errors[field] = min === 0 ? `${label} cannot be negative` : `${label} must be at least ${min}`;
      else if (max !== undefined && value > max) errors[field] = `${label} must be at most ${max}`;
      return value;
    },
    date(field, label, { required = false } = {}) {
      const text = raw(field);
      if (text === '') {
        if (required) errors[field] = `${label} is required`;
        return undefined;
      }
      if (!isRealDate(text)) {
        errors[field] = `${label} must be a real date written YYYY-MM-DD (got “${text}”)`;
        return undefined;
      }
      return text;
    },
    oneOf(field, label, allowed, fallback) {
      const text = raw(field);
      if (text === '') return fallback;
      if (!(allowed as readonly string[]).includes(text)) {
        errors[field] = `${label} must be one of: ${allowed.map(choiceLabel).join(', ')}`;
        return undefined;
      }
      return text as (typeof allowed)[number];
    },
  };
}

function currency(values: PlanItemFormValues, errors: PlanItemErrors, required: boolean): string | undefined {
  const text = (values.currency ?? '').trim().toUpperCase();
  if (text === '') {
    if (required) errors.currency = 'Currency is required (an ISO code such as EUR or USD)';
    return undefined;
  }
  if (!isCurrencyCode(text)) {
    errors.currency = `Currency must be a 3-letter ISO code such as EUR or USD (got “${values.currency?.trim()}”)`;
    return undefined;
  }
  return text;
}

/** Drops undefined fields, so a cleared field is removed from the document rather than stored empty. */
const compact = <T extends Record<string, unknown>>(fields: T): T =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;

/**
 * Checks a plan row as typed in the editor and turns it into stored fields. Every problem is
 * reported on its field, in words that say what is expected; nothing is stored unless all pass.
 */
export function validatePlanItem(kind: PlanItemKind, values: PlanItemFormValues): ValidationResult<PlanItemFields, PlanItemErrors> {
  const errors: PlanItemErrors = {};
  const read = reader(values, errors);
  let fields: PlanItemFields;
  switch (kind) {
    case 'goal':
      fields = {
        kind,
        title: read.text('title', 'Goal', { required: true }) ?? '',
        metric: read.text('metric', 'Metric', { max: 200 }),
        target: read.number('target', 'Target', { required: true, min: 0, example: '10' }),
        actual: read.number('actual', 'Actual', { min: 0, example: '3' }),
        dueDate: read.date('dueDate', 'Due date'),
        ownerSide: read.oneOf<OwnerSide>('ownerSide', 'Owner side', OWNER_SIDES, 'partner'),
      };
      break;
    case 'account':
      fields = {
        kind,
        title: read.text('title', 'Account name', { required: true, max: 500 }) ?? '',
        segment: read.text('segment', 'Segment', { max: 120 }),
        fit: read.number('fit', 'Fit score', { min: 0, max: 100, example: '80' }),
        stage: read.oneOf('stage', 'Stage', ACCOUNT_STAGES, 'identified'),
        nextStep: read.text('nextStep', 'Next step', { max: 1000 }),
      };
      break;
    case 'initiative': {
      const initiativeType = read.oneOf<InitiativeType>('initiativeType', 'Type', INITIATIVE_TYPES, 'campaign');
      const mdf = initiativeType === 'mdf';
      fields = {
        kind,
        title: read.text('title', 'Initiative', { required: true }) ?? '',
        initiativeType,
        dueDate: read.date('dueDate', 'Due date'),
        ownerSide: read.oneOf<OwnerSide>('ownerSide', 'Owner side', OWNER_SIDES, 'partner'),
        status: mdf ? read.oneOf('status', 'MDF status', MDF_STATUSES, 'requested') : read.oneOf('status', 'Status', INITIATIVE_STATUSES, 'planned'),
        amount: read.number('amount', mdf ? 'MDF amount' : 'Budget', { required: mdf, min: 0, max: 1e12 }),
        currency: currency(values, errors, mdf || (values.amount ?? '').trim() !== ''),
      };
      break;
    }
    case 'revenue': {
      const quarter = (values.quarter ?? '').trim().toUpperCase();
      if (quarter === '') errors.quarter = 'Quarter is required, e.g. 2027-Q1';
      else if (!isQuarter(quarter)) errors.quarter = `Quarter must be written like 2027-Q1 (got “${values.quarter?.trim()}”)`;
      fields = {
        kind,
        title: isQuarter(quarter) ? `Revenue ${quarterLabel(quarter)}` : 'Revenue',
        quarter,
        target: read.number('target', 'Revenue target', { required: true, min: 0, max: 1e12 }),
        actual: read.number('actual', 'Actual revenue', { min: 0, max: 1e12 }),
        currency: currency(values, errors, true),
      };
      break;
    }
    case 'risk':
      fields = {
        kind,
        title: read.text('title', 'Risk', { required: true }) ?? '',
        mitigation: read.text('mitigation', 'Mitigation', { max: 2000 }),
        ownerSide: read.oneOf<OwnerSide>('ownerSide', 'Owner side', OWNER_SIDES, 'vendor'),
        status: read.oneOf('status', 'Status', RISK_STATUSES, 'open'),
      };
      break;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: compact(fields) };
}

/** The form values that show a stored row for editing. */
export function planItemFormValues(item: Partial<PlanItem>): PlanItemFormValues {
  const values: PlanItemFormValues = {};
  for (const field of PLAN_ITEM_FORM_FIELDS) {
    const value = item[field];
    if (value !== undefined && value !== null) values[field] = String(value);
  }
  return values;
}

export type SignOffValues = { name: string; title: string; date: string };
export type SignOffErrors = Partial<Record<keyof SignOffValues, string>>;

/** A sign-off line: name and title up to 200 characters, an optional real date. */
export function validateSignOff(values: SignOffValues): ValidationResult<{ name: string; title: string; date?: IsoDate }, SignOffErrors> {
  const errors: SignOffErrors = {};
  const name = values.name.trim();
  const title = values.title.trim();
  const date = values.date.trim();
  if (name.length > 200) errors.name = 'Name is too long (at most 200 characters)';
  if (title.length > 200) errors.title = 'Title is too long (at most 200 characters)';
  if (date !== '' && !isRealDate(date)) errors.date = `Date must be a real date written YYYY-MM-DD (got “${date}”)`;
  if (date !== '' && name === '') errors.name = 'Name is required when a date is given';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: compact({ name, title, date: date === '' ? undefined : date }) };
}
