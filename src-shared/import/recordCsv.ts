import Papa from 'papaparse';
import { isRealIsoDate } from '../domain/partnerInput';
import type { IsoDate, Partner } from '../domain/types';
import type { RowError } from './partnerCsv';

/**
 * Shared reading of the record CSVs exported from a CRM or LMS (deals, trainings, surveys): the
 * same file checks and row numbering as the partner import, columns found by name (ignoring case
 * and punctuation, with aliases), and `Row N: Field (column): problem` messages.
 */
export type RecordCsvField<K extends string> = {
  key: K;
  label: string;
  required: boolean;
  aliases: readonly string[];
};

/** One data row: its spreadsheet number and a reader of trimmed cells by field. */
export type RecordRow<K extends string> = { row: number; cell: (field: K) => string; where: (field: K) => string };

export type RecordCsvRead<K extends string> = { ok: true; rows: RecordRow<K>[] } | { ok: false; error: string };

/** Lower-case letters and digits only, single-spaced. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function quoted(fileName: string | undefined): string {
  return fileName ? `“${fileName}”` : 'This file';
}

const NOT_CSV = /\.(xlsx|xlsm|xlsb|xls|ods|numbers|pdf|json|docx?|zip|gz|png|jpe?g)$/i;

/** Undo the apostrophe spreadsheets put before a cell starting with = + - @. */
function unescapeFormula(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/**
 * Parses a record CSV (delimiter auto-detected, byte-order mark and blank lines ignored, row
 * numbers as the spreadsheet shows them) and maps its columns to `fields` by header. Refuses a
 * non-CSV file, an empty file, a file without data rows, an unclosed quote and a file missing a
 * required column, each with a message saying what to do. `noun` names the records ("deals").
 */
export function readRecordCsv<K extends string>(
  text: string,
  fileName: string | undefined,
  fields: readonly RecordCsvField<K>[],
  noun: string,
): RecordCsvRead<K> {
  if (fileName && NOT_CSV.test(fileName)) {
    return { ok: false, error: `${quoted(fileName)} is not a CSV file: save it as CSV (comma-separated) and try again.` };
  }
  if (text.includes('\u0000') || text.startsWith('PK\u0003\u0004') || text.startsWith('%PDF')) {
    return { ok: false, error: `${quoted(fileName)} is not a CSV file (it contains binary data): save it as CSV (comma-separated) and try again.` };
  }
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, error: `${quoted(fileName)} is empty: it has no header row and no ${noun}.` };
  const guess = Papa.parse<string[]>(body, { skipEmptyLines: 'greedy', preview: 50, delimitersToGuess: [',', ';', '\t', '|'] });
  const parsed = Papa.parse<string[]>(body, { delimiter: guess.meta.delimiter || ',', skipEmptyLines: false });
  const quoteError = parsed.errors.find((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes');
  if (quoteError) {
    const row = typeof quoteError.row === 'number' ? ` in row ${quoteError.row + 1}` : '';
    return { ok: false, error: `${quoted(fileName)} could not be read: a quote${row} is never closed. Check that row, save it as CSV again and retry.` };
  }
  const records = parsed.data.map((r) => r.map((c) => (typeof c === 'string' ? c : '')));
  const blank = (r: readonly string[]) => r.every((c) => c.trim() === '');
  const headerIndex = records.findIndex((r) => !blank(r));
  const headers = (records[headerIndex] ?? []).map((h) => normaliseHeader(h));
  const index = new Map<K, number>();
  const used = new Set<number>();
  for (const f of fields) {
    const names = new Set([f.key, f.label, ...f.aliases].map(normaliseHeader));
    const i = headers.findIndex((h, n) => !used.has(n) && names.has(h));
    if (i >= 0) {
      index.set(f.key, i);
      used.add(i);
    }
  }
  const missing = fields.filter((f) => f.required && !index.has(f.key));
  if (missing.length > 0) {
    return {
      ok: false,
      error: `${quoted(fileName)} has no ${missing.map((f) => `“${f.key}”`).join(', ')} column: the header row needs ${fields
        .filter((f) => f.required)
        .map((f) => f.key)
        .join(', ')}.`,
    };
  }
  const rawHeaders = records[headerIndex] ?? [];
  const rows: RecordRow<K>[] = [];
  for (let r = headerIndex + 1; r < records.length; r += 1) {
    const cells = records[r];
    if (!cells || blank(cells)) continue;
    rows.push({
      row: r + 1,
      cell: (field) => {
        const i = index.get(field);
        return i === undefined ? '' : unescapeFormula(cells[i] ?? '').trim();
      },
      where: (field) => {
        const spec = fields.find((f) => f.key === field);
        const i = index.get(field);
        const column = i === undefined ? field : (rawHeaders[i] ?? field).trim() || field;
        return `${spec?.label ?? field} (${column})`;
      },
    });
  }
  if (rows.length === 0) return { ok: false, error: `${quoted(fileName)} has a header row but no ${noun} below it.` };
  return { ok: true, rows };
}

/** A cell as it is quoted in a message (long values cut). */
export function got(raw: string): string {
  return `(got “${raw.length > 40 ? `${raw.slice(0, 40)}…` : raw}”)`;
}

/**
 * Finds the partner a row names: by exact name (surrounding whitespace ignored) or by id. An
 * unknown partner is a row error, never a guess.
 */
export function partnerFinder(partners: readonly Pick<Partner, 'id' | 'name' | 'day0'>[]): (raw: string) => Pick<Partner, 'id' | 'name' | 'day0'> | undefined {
  const byName = new Map(partners.map((p) => [p.name.trim(), p]));
  const byId = new Map(partners.map((p) => [p.id, p]));
  return (raw) => byName.get(raw) ?? byId.get(raw);
}

/** Collects a row's problems; `date` and `partner` check the usual cells. */
export function rowChecker<K extends string>(row: RecordRow<K>, findPartner: ReturnType<typeof partnerFinder>, noun: string) {
  const errors: RowError[] = [];
  const fail = (field: K, message: string) => errors.push({ row: row.row, message: `Row ${row.row}: ${row.where(field)} ${message}` });
  return {
    errors,
    fail,
    partner(field: K) {
      const raw = row.cell(field);
      if (raw === '') {
        fail(field, `is required: name the partner this ${noun} belongs to`);
        return undefined;
      }
      const p = findPartner(raw);
      if (!p) fail(field, `“${raw}” is not a partner in this portfolio: use its exact name or id`);
      return p;
    },
    date(field: K, required: boolean): IsoDate | undefined {
      const raw = row.cell(field);
      if (raw === '') {
        if (required) fail(field, 'is required: a date as YYYY-MM-DD');
        return undefined;
      }
      if (!isRealIsoDate(raw)) {
        fail(field, `must be a real date as YYYY-MM-DD ${got(raw)}`);
        return undefined;
      }
      return raw;
    },
    oneOf<T extends string>(field: K, allowed: readonly T[], aliases: Record<string, T> = {}): T | undefined {
      const raw = row.cell(field);
      const v = raw.toLowerCase();
      const hit = allowed.find((a) => a === v) ?? aliases[v];
      if (!hit) fail(field, `must be one of ${allowed.join(', ')} ${got(raw)}`);
      return hit;
    },
  };
}

/** Outcome of validating a record CSV: rows ready to build documents from, and row errors. */
export type RecordCsvValidation<T> = { valid: { row: number; value: T }[]; errors: RowError[]; fileError?: string };
