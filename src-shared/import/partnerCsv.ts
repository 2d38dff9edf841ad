import Papa from 'papaparse';
import { newId as randomId, todayIso } from '../domain/ids';
import { generateJourney } from '../domain/journey';
import { journeyTemplateFor } from '../domain/journeyTemplates';
import { isRealIsoDate, nameTakenMessage, partnerNameKey, validatePartnerInput, type PartnerInput, type PartnerInputValue } from '../domain/partnerInput';
import type { IsoDate, IsoTimestamp, Partner, Task } from '../domain/types';
import { generateFromTemplate } from '../journey/generateFromTemplate';
import { publishedTemplateFor, type StoredTemplate } from '../journey/templateModel';

/** The columns of a partner CSV, named as they are written in the header row of an export. */
export const PARTNER_CSV_COLUMNS = [
  'name',
  'type',
  'maturity',
  'tier',
  'region',
  'website',
  'contract_signed',
  'owner_email',
  'status',
  'onboarding_completed_on',
  'churned_on',
] as const;
export type PartnerCsvField = (typeof PARTNER_CSV_COLUMNS)[number];

export type PartnerCsvFieldSpec = {
  key: PartnerCsvField;
  /** What the mapping screen and row messages call the field (same words as the partner form). */
  label: string;
  /** A file without this column cannot be imported. */
  required: boolean;
  /** Other header texts that mean this field; compared ignoring case, spaces, `_`, `-` and punctuation. */
  aliases: readonly string[];
};

/**
 * Every field a partner CSV can carry. Only name, type and Day 0 are required: maturity defaults
 * to `new`, owner email to the importing manager, status to `onboarding` (or `recruited` when
 * Day 0 is in the future, `churned` when a churn date is given).
 */
export const PARTNER_CSV_FIELDS: readonly PartnerCsvFieldSpec[] = [
  {
    key: 'name',
    label: 'Name',
    required: true,
    aliases: ['partner', 'partner name', 'company', 'company name', 'account', 'account name', 'organisation', 'organization', 'partner company'],
  },
  { key: 'type', label: 'Type', required: true, aliases: ['partner type', 'kind', 'category', 'business model', 'partner category'] },
  { key: 'maturity', label: 'Maturity', required: false, aliases: ['partner maturity', 'experience', 'experience level', 'new or experienced'] },
  { key: 'tier', label: 'Tier', required: false, aliases: ['partner tier', 'level', 'program tier', 'programme tier', 'partner level'] },
  { key: 'region', label: 'Region', required: false, aliases: ['territory', 'geo', 'geography', 'market', 'country', 'area'] },
  { key: 'website', label: 'Website', required: false, aliases: ['web', 'url', 'web site', 'homepage', 'domain', 'site'] },
  {
    key: 'contract_signed',
    label: 'Day 0',
    required: true,
    aliases: ['day0', 'day 0', 'contract signed', 'contract signed on', 'contract signed date', 'contract date', 'signed', 'signed on', 'signed date', 'signing date', 'signature date', 'agreement signed', 'start date'],
  },
  {
    key: 'owner_email',
    label: 'Owner email',
    required: false,
    aliases: ['owner', 'partner manager', 'partner manager email', 'manager email', 'pam', 'pam email', 'account manager email', 'owner e mail'],
  },
  { key: 'status', label: 'Status', required: false, aliases: ['partner status', 'state', 'stage', 'lifecycle'] },
  {
    key: 'onboarding_completed_on',
    label: 'Onboarding completed on',
    required: false,
    aliases: ['onboarding completed', 'onboarded on', 'onboarding complete', 'onboarding completion date', 'activated on'],
  },
  { key: 'churned_on', label: 'Churned on', required: false, aliases: ['churned', 'churn date', 'terminated on', 'left on', 'end date'] },
];

const FIELD_SPEC = new Map(PARTNER_CSV_FIELDS.map((f) => [f.key, f]));

function specOf(field: PartnerCsvField): PartnerCsvFieldSpec {
  const spec = FIELD_SPEC.get(field);
  if (!spec) throw new Error(`Unknown partner CSV field ${field}`);
  return spec;
}

/** Which PartnerInput field each CSV column feeds. */
const INPUT_FIELD: Partial<Record<PartnerCsvField, keyof PartnerInput>> = {
  name: 'name',
  type: 'type',
  maturity: 'maturity',
  tier: 'tier',
  region: 'region',
  website: 'website',
  contract_signed: 'day0',
  owner_email: 'ownerEmail',
  status: 'status',
};

/** A parsed CSV file: trimmed header cells and the non-empty data rows. */
export type CsvParseResult = {
  headers: string[];
  rows: string[][];
  /**
   * The spreadsheet row number of each entry of `rows` (the header is row 1). Blank lines are
   * dropped from `rows` but still counted here, so messages match what the user sees. When
   * absent, rows are numbered from 2 without gaps.
   */
  rowNumbers?: number[];
};

export type CsvParseOutcome = { ok: true; value: CsvParseResult } | { ok: false; error: string };

/** Extensions of files that are certainly not CSV (spreadsheets, documents, archives, JSON). */
const NOT_CSV_EXTENSIONS = new Set([
  'xlsx', 'xlsm', 'xlsb', 'xls', 'xltx', 'ods', 'numbers', 'pdf', 'json', 'doc', 'docx', 'pages', 'odt', 'rtf',
  'zip', 'gz', 'png', 'jpg', 'jpeg', 'gif', 'xml', 'html', 'htm', 'vcf',
]);

function quoted(fileName: string | undefined): string {
  return fileName ? `“${fileName}”` : 'This file';
}

function notCsv(fileName: string | undefined, reason?: string): CsvParseOutcome {
  return {
    ok: false,
    error: `${quoted(fileName)} is not a CSV file${reason ? ` (${reason})` : ''}: save it as CSV (comma-separated) and try again.`,
  };
}

function extensionOf(fileName: string | undefined): string {
  if (!fileName) return '';
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** True when the text is a JSON document (a CSV almost never starts with `{` or `[`). */
function looksLikeJson(text: string): boolean {
  const t = text.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return false;
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}

/** NUL bytes, zip/PDF signatures or many replacement characters mean a binary file read as text. */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  if (text.startsWith('PK\u0003\u0004') || text.startsWith('%PDF') || text.startsWith('\u00D0\u00CF\u0011\u00E0')) return true;
  const sample = text.slice(0, 4096);
  let odd = 0;
  for (const ch of sample) {
    const code = ch.codePointAt(0) ?? 0;
    if (code === 0xfffd || (code < 32 && ch !== '\n' && ch !== '\r' && ch !== '\t')) odd += 1;
  }
  return sample.length > 0 && odd / sample.length > 0.05;
}

/** A cell that is data, not a column name: a date, an email, a web address or a partner type. */
function looksLikeData(cell: string): boolean {
  const c = cell.trim();
  return (
    /^\d{4}-\d{2}-\d{2}/.test(c) ||
    /^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/.test(c) ||
    /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c) ||
    /^(https?:\/\/|www\.)/i.test(c) ||
    /^\d+([.,]\d+)?$/.test(c) ||
    ['reseller', 'isv', 'si', 'msp', 'referral'].includes(c.toLowerCase())
  );
}

const isBlankRow = (row: readonly string[]): boolean => row.every((cell) => cell.trim() === '');

/**
 * Parses the text of a partner CSV with papaparse (delimiter auto-detected: comma, semicolon, tab
 * or pipe; a UTF-8 byte-order mark is ignored; blank lines are skipped). Refuses, with a message
 * saying what to do, anything that is not a CSV with a header row and at least one data row:
 * a spreadsheet/PDF/JSON extension, binary content, a JSON document, a single column (no
 * delimiter found), a first row that holds data instead of column names, an unclosed quote.
 */
export function parseCsvText(text: string, fileName?: string): CsvParseOutcome {
  const ext = extensionOf(fileName);
  if (NOT_CSV_EXTENSIONS.has(ext)) return notCsv(fileName);
  if (looksBinary(text)) return notCsv(fileName, 'it contains binary data');
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, error: `${quoted(fileName)} is empty: it has no header row and no partners.` };
  if (looksLikeJson(body)) return notCsv(fileName, 'it contains JSON');

  // First pass finds the delimiter the way papaparse does with blank lines ignored; the second
  // keeps blank lines so every record's index is its spreadsheet row number minus one.
  const guess = Papa.parse<string[]>(body, { skipEmptyLines: 'greedy', preview: 50, delimitersToGuess: [',', ';', '\t', '|'] });
  const delimiter = guess.meta.delimiter || ',';
  const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false });
  const quoteError = parsed.errors.find((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes');
  if (quoteError) {
    const row = typeof quoteError.row === 'number' ? ` in row ${quoteError.row + 1}` : '';
    return {
      ok: false,
      error: `${quoted(fileName)} could not be read: a quote${row} is never closed. Check that row in your spreadsheet, save it as CSV again and retry.`,
    };
  }

  const records = parsed.data.map((r) => r.map((cell) => (typeof cell === 'string' ? cell : '')));
  const headerIndex = records.findIndex((r) => !isBlankRow(r));
  const headerRecord = headerIndex < 0 ? undefined : records[headerIndex];
  if (!headerRecord) return { ok: false, error: `${quoted(fileName)} is empty: it has no header row and no partners.` };
  const headers = headerRecord.map((h) => h.trim());

  if (headers.length < 2) {
    return notCsv(fileName, 'no comma-separated columns found, only one column');
  }
  if (headers.some(looksLikeData) && Object.keys(guessMapping(headers)).length === 0) {
    return {
      ok: false,
      error: `${quoted(fileName)} has no header row: add a first row with the column names (${PARTNER_CSV_FIELDS.filter((f) => f.required)
        .map((f) => f.key)
        .join(', ')}, …) and try again.`,
    };
  }

  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let i = headerIndex + 1; i < records.length; i += 1) {
    const record = records[i];
    if (!record || isBlankRow(record)) continue;
    rows.push(record);
    rowNumbers.push(i + 1);
  }
  if (rows.length === 0) {
    return { ok: false, error: `${quoted(fileName)} has a header row but no partners below it.` };
  }
  return { ok: true, value: { headers, rows, rowNumbers } };
}

/** Field → index of the column that holds it. Unmapped fields are absent. */
export type ColumnMapping = Partial<Record<PartnerCsvField, number>>;

/** Lower-case letters and digits only, single-spaced: "Contract-Signed (date)" → "contract signed date". */
function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Guesses which column holds which field from the header texts: a header matches a field when,
 * ignoring case and punctuation, it equals the field's key, label or one of its aliases. Each
 * column feeds at most one field and each field takes the first matching column.
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  const normalised = headers.map(normaliseHeader);
  for (const field of PARTNER_CSV_FIELDS) {
    const names = new Set([field.key, field.label, ...field.aliases].map(normaliseHeader));
    const index = normalised.findIndex((h, i) => !used.has(i) && names.has(h));
    if (index >= 0) {
      mapping[field.key] = index;
      used.add(index);
    }
  }
  return mapping;
}

/** A problem in one data row; `row` is the spreadsheet row number (the header is row 1). */
export type RowError = { row: number; message: string };

/** A row that passed every check, ready for `buildImportedPartners`. */
export type ValidPartnerRow = {
  row: number;
  value: PartnerInputValue;
  onboardingCompletedOn?: IsoDate;
  churnedOn?: IsoDate;
};

export type PartnerRowsValidation = {
  valid: ValidPartnerRow[];
  errors: RowError[];
  /** Problems with the column mapping itself; when present no row is checked. */
  mappingErrors: string[];
};

export type ValidatePartnerRowsOptions = {
  /** Owner of partners whose row has no owner email (normally the importing manager). */
  defaultOwnerEmail: string;
  /** Names already in the local portfolio; a row with one of them is refused. */
  existingNames?: readonly string[];
  /** Today, to default a future Day 0 to `recruited`; the local date when absent. */
  today?: IsoDate;
};

const nameKey = partnerNameKey;

/** Column letters as a spreadsheet shows them: 0 → A, 26 → AA. */
function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * Undo the apostrophe spreadsheets (and `portfolioToCsv`) put before a cell starting with
 * = + - @ so it is not run as a formula.
 */
function unescapeFormula(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

const KNOWN_TIERS = ['Registered', 'Silver', 'Gold', 'Platinum'];

function normaliseTier(raw: string): string {
  const t = raw.trim();
  return KNOWN_TIERS.find((k) => k.toLowerCase() === t.toLowerCase()) ?? t;
}

/**
 * Checks every data row of a parsed CSV with the same rules as the partner form
 * (`validatePartnerInput`) and says, per problem, the spreadsheet row, the field and the column
 * it came from, e.g. `Row 4: Day 0 (contract_signed) must be a real date as YYYY-MM-DD (got
 * “31/02/2026”)`. Also refused: a second row with a name already used earlier in the file (the
 * later row is the error), a name already in the portfolio (case-insensitive), and optional dates
 * (onboarding completed, churned) that are not real YYYY-MM-DD dates or fall before Day 0.
 * Defaults: an empty owner email is `defaultOwnerEmail`; an empty status is `churned` with a
 * churn date, `recruited` when Day 0 is after today, else `onboarding`.
 * A required field without a column, a column index outside the file, or one column mapped to two
 * fields are reported once in `mappingErrors`, and then no row is checked.
 */
export function validatePartnerRows(
  parsed: CsvParseResult,
  mapping: ColumnMapping,
  options: ValidatePartnerRowsOptions,
): PartnerRowsValidation {
  const mappingErrors: string[] = [];
  const columnName = (index: number): string => {
    const header = parsed.headers[index]?.trim();
    return header ? header : `column ${columnLetter(index)}`;
  };
  const byColumn = new Map<number, PartnerCsvField>();
  for (const field of PARTNER_CSV_FIELDS) {
    const index = mapping[field.key];
    if (index === undefined) {
      if (field.required) {
        mappingErrors.push(`The required field “${field.label}” (${field.key}) is not mapped to a column: pick the column that holds it.`);
      }
      continue;
    }
    if (!Number.isInteger(index) || index < 0 || index >= parsed.headers.length) {
      mappingErrors.push(`“${field.label}” is mapped to column ${index + 1}, but the file has ${parsed.headers.length} columns.`);
      continue;
    }
    const other = byColumn.get(index);
    if (other) {
      mappingErrors.push(`Column “${columnName(index)}” is mapped to both “${specOf(other).label}” and “${field.label}”: a column can feed only one field.`);
      continue;
    }
    byColumn.set(index, field.key);
  }
  if (mappingErrors.length > 0) return { valid: [], errors: [], mappingErrors };

  const today = options.today ?? todayIso();
  const existing = new Set((options.existingNames ?? []).map(nameKey));
  const firstRowOfName = new Map<string, number>();
  const valid: ValidPartnerRow[] = [];
  const errors: RowError[] = [];

  parsed.rows.forEach((cells, i) => {
    const row = parsed.rowNumbers?.[i] ?? i + 2;
    const cell = (field: PartnerCsvField): string => {
      const index = mapping[field];
      return index === undefined ? '' : unescapeFormula(cells[index] ?? '').trim();
    };
    const where = (field: PartnerCsvField): string => {
      const spec = specOf(field);
      const index = mapping[field];
      return `${spec.label} (${index === undefined ? field : columnName(index)})`;
    };
    /** Puts the column after the field name the domain message starts with. */
    const located = (field: PartnerCsvField, message: string): string => {
      const label = specOf(field).label;
      if (!message.startsWith(label)) return `Row ${row}: ${where(field)}: ${message}`;
      const rest = message.slice(label.length).replace(/^ \([^)]*\)/, '');
      return `Row ${row}: ${where(field)}${rest}`;
    };
    const rowErrors: string[] = [];

    const churnedOn = cell('churned_on');
    const statusRaw = cell('status');
    const day0Raw = cell('contract_signed');
    const input: PartnerInput = {
      name: cell('name'),
      type: cell('type'),
      maturity: cell('maturity'),
      tier: normaliseTier(cell('tier')),
      region: cell('region'),
      website: cell('website'),
      day0: day0Raw,
      ownerEmail: cell('owner_email') || options.defaultOwnerEmail,
      status: statusRaw || (churnedOn ? 'churned' : isRealIsoDate(day0Raw) && day0Raw > today ? 'recruited' : ''),
    };
    const result = validatePartnerInput(input);
    if (!result.ok) {
      for (const field of PARTNER_CSV_FIELDS) {
        const inputField = INPUT_FIELD[field.key];
        const message = inputField ? result.errors[inputField] : undefined;
        if (message) rowErrors.push(located(field.key, message));
      }
    }

    const optionalDate = (field: 'onboarding_completed_on' | 'churned_on'): IsoDate | undefined => {
      const raw = cell(field);
      if (raw === '') return undefined;
      if (!isRealIsoDate(raw)) {
        rowErrors.push(`Row ${row}: ${where(field)} must be a real date as YYYY-MM-DD (got “${raw.length > 40 ? `${raw.slice(0, 40)}…` : raw}”)`);
        return undefined;
      }
      if (isRealIsoDate(day0Raw) && raw < day0Raw) {
        rowErrors.push(`Row ${row}: ${where(field)} must be on or after Day 0 ${day0Raw} (got “${raw}”)`);
        return undefined;
      }
      return raw;
    };
    const onboardingCompletedOn = optionalDate('onboarding_completed_on');
    const churnDate = optionalDate('churned_on');

    const key = nameKey(input.name);
    if (key !== '') {
      const first = firstRowOfName.get(key);
      if (first !== undefined) {
        rowErrors.push(`Row ${row}: ${where('name')} “${input.name.trim()}” is already used on row ${first} of this file`);
      } else {
        firstRowOfName.set(key, row);
        if (existing.has(key)) {
          rowErrors.push(located('name', nameTakenMessage(input.name)));
        }
      }
    }

    if (rowErrors.length > 0 || !result.ok) {
      for (const message of rowErrors) errors.push({ row, message });
      return;
    }
    const validRow: ValidPartnerRow = { row, value: result.value };
    if (onboardingCompletedOn) validRow.onboardingCompletedOn = onboardingCompletedOn;
    if (churnDate) validRow.churnedOn = churnDate;
    valid.push(validRow);
  });

  return { valid, errors, mappingErrors };
}

/**
 * Turns validated rows into partners with their journeys: each partner gets the template for its
 * type and maturity (`templateId` records which) and the journey tasks made from it. With
 * `templates` (the stored template documents), that is the newest published version a program
 * lead made, falling back to the built-in seed; without, the built-in template. Contacts, team
 * and tags start empty; `now` stamps every document.
 */
export function buildImportedPartners(
  rows: readonly ValidPartnerRow[],
  options: { now: IsoTimestamp; newId?: () => string; templates?: readonly StoredTemplate[] },
): { partners: Partner[]; tasks: Task[] } {
  const makeId = options.newId ?? randomId;
  const partners: Partner[] = [];
  const tasks: Task[] = [];
  for (const row of rows) {
    const v = row.value;
    const template = journeyTemplateFor(v.type, v.maturity);
    const partner: Partner = {
      id: makeId(),
      createdAt: options.now,
      updatedAt: options.now,
      name: v.name,
      type: v.type,
      maturity: v.maturity,
      tier: v.tier,
      region: v.region,
      website: v.website,
      ownerEmail: v.ownerEmail,
      contacts: [],
      team: [],
      day0: v.day0,
      status: v.status,
      tags: [],
      templateId: template.id,
    };
    if (row.onboardingCompletedOn) partner.onboardingCompletedOn = row.onboardingCompletedOn;
    if (row.churnedOn) partner.churnedOn = row.churnedOn;
    if (options.templates) {
      const version = publishedTemplateFor(options.templates, v.type, v.maturity);
      partner.templateId = version.templateKey;
      partners.push(partner);
      tasks.push(...generateFromTemplate(partner, version, { now: options.now, newId: makeId }));
      continue;
    }
    partners.push(partner);
    tasks.push(...generateJourney(partner, { now: options.now, template, newId: makeId }));
  }
  return { partners, tasks };
}

/**
 * The portfolio as CSV with exactly the import's column names, so an export re-imports cleanly.
 * Cells starting with = + - @ get a leading apostrophe (spreadsheet formula injection); the
 * importer removes it again.
 */
export function portfolioToCsv(partners: readonly Partner[]): string {
  const data = partners.map((p) => [
    p.name,
    p.type,
    p.maturity,
    p.tier,
    p.region,
    p.website,
    p.day0,
    p.ownerEmail,
    p.status,
    p.onboardingCompletedOn ?? '',
    p.churnedOn ?? '',
  ]);
  return Papa.unparse({ fields: [...PARTNER_CSV_COLUMNS], data }, { escapeFormulae: true, newline: '\r\n' });
}
