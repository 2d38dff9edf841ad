/**
 * API records (JSON objects, one per NDJSON line in bulk) checked by the CSV importers' own
 * validators (src-shared/import): each record becomes one row of an in-memory CSV with the
 * importer's column names, so a record is refused for exactly the reasons and with exactly the
 * words a CSV row would be — only the "Row N: Label (column)" prefix becomes the record number
 * and the API field name.
 */
import Papa from 'papaparse';
import { isPlainObject } from '../../src-shared/sync/documentEquality';
import type { Partner } from '../../src-shared/domain/types';
import type { RowError } from '../../src-shared/import/partnerCsv';
import type { RecordCsvValidation } from '../../src-shared/import/recordCsv';
import { isStorableText } from '../validation/untrustedInput';

/** One refused record: its 1-based number, the API field (null for the record as a whole) and why. */
export type RecordError = { record: number; field: string | null; message: string };

export type CheckedRecord<T> = { record: number; externalId: string | null; value: T; raw: Record<string, unknown> };

export type RecordsValidation<T> = { valid: CheckedRecord<T>[]; errors: RecordError[] };

export type PartnerRef = Pick<Partner, 'id' | 'name' | 'day0'>;

/** API field → CSV column of the importer. */
export type FieldMap = Readonly<Record<string, string>>;

function cellOf(value: unknown): string | null {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return null;
}

export function recordError(record: number, field: string | null, message: string): RecordError {
  return { record, field, message: `record ${record}${field ? `, field ${field}` : ''}: ${message}` };
}

/**
 * Validates `records` (record numbers start at `firstRecord`) with `validateCsv`. `externalId`
 * is 'required', 'optional' or 'none'; duplicates within the request are refused.
 */
export function validateRecords<T>(
  records: readonly unknown[],
  fields: FieldMap,
  validateCsv: (text: string, fileName: string | undefined, partners: readonly PartnerRef[]) => RecordCsvValidation<T>,
  partners: readonly PartnerRef[],
  options: {
    externalId: 'required' | 'optional' | 'none';
    firstRecord?: number;
    /** The record number of each record (its position in the request), when not consecutive. */
    numbers?: readonly number[];
    /** Extra CSV columns with the same value in every row (e.g. a completion's status). */
    constants?: Readonly<Record<string, string>>;
    extra?: (raw: Record<string, unknown>, record: number) => RecordError[];
  },
): RecordsValidation<T> {
  const first = options.firstRecord ?? 1;
  const errors: RecordError[] = [];
  const checked: { record: number; externalId: string | null; raw: Record<string, unknown> }[] = [];
  const constants = Object.entries(options.constants ?? {});
  const columns = [...Object.values(fields), ...constants.map(([column]) => column)];
  const data: string[][] = [];
  const seen = new Map<string, number>();
  const allowed = new Set([...Object.keys(fields), ...(options.externalId === 'none' ? [] : ['externalId'])]);
  records.forEach((raw, index) => {
    const record = options.numbers?.[index] ?? first + index;
    if (!isPlainObject(raw)) {
      errors.push(recordError(record, null, 'must be a JSON object'));
      return;
    }
    const own: RecordError[] = [];
    const unknown = Object.keys(raw).filter((key) => !allowed.has(key));
    if (unknown.length > 0) own.push(recordError(record, unknown[0] as string, `is not a field of this record (fields: ${[...allowed].join(', ')})`));
    let externalId: string | null = null;
    if (options.externalId !== 'none') {
      const value = raw.externalId;
      if (value === undefined || value === null || value === '') {
        if (options.externalId === 'required') own.push(recordError(record, 'externalId', 'is required: the id of this record in your system (e.g. the CRM opportunity id)'));
      } else if (typeof value !== 'string' || value.length > 200 || !isStorableText(value)) {
        own.push(recordError(record, 'externalId', 'must be a string of 1-200 characters'));
      } else {
        const previous = seen.get(value);
        if (previous !== undefined) own.push(recordError(record, 'externalId', `${JSON.stringify(value)} appears twice in this request (first in record ${previous})`));
        else seen.set(value, record);
        externalId = value;
      }
    }
    const row: string[] = [];
    for (const field of Object.keys(fields)) {
      const cell = cellOf(raw[field]);
      if (cell === null) own.push(recordError(record, field, `must be a string or a number (got ${Array.isArray(raw[field]) ? 'an array' : 'an object'})`));
      else if (!isStorableText(cell)) own.push(recordError(record, field, 'must not contain a NUL character or an unpaired surrogate'));
      row.push(cell ?? '');
    }
    for (const [, value] of constants) row.push(value);
    own.push(...(options.extra?.(raw, record) ?? []));
    if (own.length > 0) {
      errors.push(...own);
      return;
    }
    checked.push({ record, externalId, raw });
    data.push(row);
  });
  const valid: CheckedRecord<T>[] = [];
  if (checked.length > 0) {
    const csv = Papa.unparse({ fields: columns, data }, { newline: '\n', quotes: true });
    const result = validateCsv(csv, undefined, partners);
    const labelToField = new Map(Object.entries(fields).map(([field, column]) => [column, field]));
    const recordOfRow = (row: number) => checked[row - 2];
    const answered = new Set<number>();
    if (result.fileError) {
      for (const entry of checked) errors.push(recordError(entry.record, null, result.fileError));
      return { valid: [], errors: errors.sort((a, b) => a.record - b.record) };
    }
    for (const error of result.errors as RowError[]) {
      const entry = recordOfRow(error.row);
      if (!entry) continue;
      answered.add(entry.record);
      // "Row 7: Amount (amount) must be …" → field amount, "amount must be …".
      const match = /^Row \d+: .*? \(([a-z_]+)\) ([\s\S]*)$/.exec(error.message);
      const field = match ? (labelToField.get(match[1] as string) ?? null) : null;
      errors.push(recordError(entry.record, field, match && field ? `${field} ${match[2] as string}` : error.message.replace(/^Row \d+: /, '')));
    }
    for (const row of result.valid) {
      const entry = recordOfRow(row.row);
      if (!entry) continue;
      answered.add(entry.record);
      valid.push({ record: entry.record, externalId: entry.externalId, value: row.value, raw: entry.raw });
    }
    for (const entry of checked) if (!answered.has(entry.record)) errors.push(recordError(entry.record, null, 'is empty: give the fields of the record'));
  }
  return { valid: valid.sort((a, b) => a.record - b.record), errors: errors.sort((a, b) => a.record - b.record) };
}
