import { describe, expect, it } from 'vitest';
import { generateDemoPortfolio } from '../../../../src-shared/demo/demoPortfolio';
import { journeyTemplateFor } from '../../../../src-shared/domain/journeyTemplates';
import type { Partner } from '../../../../src-shared/domain/types';
import {
  buildImportedPartners,
  guessMapping,
  PARTNER_CSV_COLUMNS,
  PARTNER_CSV_FIELDS,
  parseCsvText,
  portfolioToCsv,
  validatePartnerRows,
  type CsvParseResult,
  type ValidPartnerRow,
} from '../../../../src-shared/import/partnerCsv';

const HEADER = 'name,type,maturity,tier,region,website,contract_signed,owner_email,status';
const OPTIONS = { defaultOwnerEmail: 'pam@vendor.example', today: '2026-03-15' };

function parsed(text: string, fileName = 'partners.csv'): CsvParseResult {
  const result = parseCsvText(text, fileName);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function errorOf(text: string, fileName: string | undefined = 'partners.csv'): string {
  const result = parseCsvText(text, fileName);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
}

function sequentialIds(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${(n += 1)}`;
}

describe('parseCsvText', () => {
  it('reads headers and rows, ignoring a byte-order mark and blank lines but keeping row numbers', () => {
    const value = parsed(`\uFEFF${HEADER}\r\nNorthwind Cloud Partners,reseller,new,Gold,EMEA,,2026-01-10,,\r\n\r\n ,  \r\nKestrel MSP,msp,,,,,2026-02-01,,\r\n`);
    expect(value.headers).toEqual(HEADER.split(','));
    expect(value.rows.map((r) => r[0])).toEqual(['Northwind Cloud Partners', 'Kestrel MSP']);
    expect(value.rowNumbers).toEqual([2, 5]);
  });

  it('detects semicolon- and tab-separated files', () => {
    expect(parsed('name;type;contract_signed\nA;si;2026-01-01\n').rows).toEqual([['A', 'si', '2026-01-01']]);
    expect(parsed('name\ttype\tcontract_signed\nA\tsi\t2026-01-01\n').headers).toEqual(['name', 'type', 'contract_signed']);
  });

  it('refuses a spreadsheet, PDF or JSON file by its extension with the save-as-CSV message', () => {
    expect(errorOf('whatever', 'partners.xlsx')).toBe('“partners.xlsx” is not a CSV file: save it as CSV (comma-separated) and try again.');
    expect(errorOf(HEADER, 'partners.pdf')).toBe('“partners.pdf” is not a CSV file: save it as CSV (comma-separated) and try again.');
  });

  it('refuses binary content even with a .csv name', () => {
    expect(errorOf('PK\u0003\u0004\u0014\u0000\u0006\u0000binary', 'partners.csv')).toBe(
      '“partners.csv” is not a CSV file (it contains binary data): save it as CSV (comma-separated) and try again.',
    );
    expect(errorOf('name,type\u0000\u0000\u0000', 'export.csv')).toContain('is not a CSV file (it contains binary data)');
  });

  it('refuses JSON content', () => {
    expect(errorOf('[{"name":"Acme","type":"si"}]', 'partners.csv')).toBe(
      '“partners.csv” is not a CSV file (it contains JSON): save it as CSV (comma-separated) and try again.',
    );
  });

  it('refuses a single column with no delimiter', () => {
    expect(errorOf('Partner list for Q3\nNorthwind Cloud Partners reseller 2026-01-10\nKestrel MSP msp 2026-02-01\n', 'notes.txt')).toBe(
      '“notes.txt” is not a CSV file (no comma-separated columns found, only one column): save it as CSV (comma-separated) and try again.',
    );
  });

  it('refuses a file whose first row is data, not column names', () => {
    expect(errorOf('Northwind Cloud Partners,reseller,2026-01-10\nKestrel MSP,msp,2026-02-01\n')).toBe(
      '“partners.csv” has no header row: add a first row with the column names (name, type, contract_signed, …) and try again.',
    );
  });

  it('refuses empty files, header-only files and unclosed quotes', () => {
    expect(errorOf('\uFEFF \r\n\r\n')).toBe('“partners.csv” is empty: it has no header row and no partners.');
    expect(errorOf(`${HEADER}\r\n`)).toBe('“partners.csv” has a header row but no partners below it.');
    expect(errorOf(`${HEADER}\n"Northwind,reseller,new,,,,2026-01-10,,\n`)).toContain('a quote in row 2 is never closed');
  });

  it('says “This file” when no file name is known', () => {
    expect(parseCsvText('{"a":1}')).toEqual({
      ok: false,
      error: 'This file is not a CSV file (it contains JSON): save it as CSV (comma-separated) and try again.',
    });
  });
});

describe('guessMapping', () => {
  it('maps aliased headers regardless of case and punctuation', () => {
    const mapping = guessMapping(['Partner name', 'Partner Type', 'Contract signed', 'Owner', 'Web site', 'TIER', 'Region ', 'Signed_on', 'notes']);
    expect(mapping).toEqual({ name: 0, type: 1, contract_signed: 2, owner_email: 3, website: 4, tier: 5, region: 6 });
  });

  it('maps company, day0 and signed_on', () => {
    expect(guessMapping(['company', 'day0'])).toEqual({ name: 0, contract_signed: 1 });
    expect(guessMapping(['Company Name', 'signed_on', 'kind'])).toEqual({ name: 0, contract_signed: 1, type: 2 });
  });

  it('maps an export header exactly', () => {
    const mapping = guessMapping([...PARTNER_CSV_COLUMNS]);
    PARTNER_CSV_COLUMNS.forEach((column, index) => expect(mapping[column]).toBe(index));
  });

  it('lists every field once with name, type and Day 0 required', () => {
    expect(PARTNER_CSV_FIELDS.map((f) => f.key)).toEqual([...PARTNER_CSV_COLUMNS]);
    expect(PARTNER_CSV_FIELDS.filter((f) => f.required).map((f) => f.key)).toEqual(['name', 'type', 'contract_signed']);
  });
});

describe('validatePartnerRows', () => {
  it('reports a bad date and a missing type with spreadsheet row numbers, column and problem', () => {
    const file = parsed(
      [
        HEADER,
        'Northwind Cloud Partners,reseller,new,Gold,EMEA,northwind.example,2026-01-10,,onboarding',
        'Brightline Systems,si,experienced,silver,NA,,2026-02-01,ana@vendor.example,',
        'Kestrel MSP,msp,new,,APAC,,31/02/2026,,',
        'Bluepeak Labs,,new,,,,2026-02-03,,',
      ].join('\n'),
    );
    const result = validatePartnerRows(file, guessMapping(file.headers), OPTIONS);
    expect(result.mappingErrors).toEqual([]);
    expect(result.errors).toEqual([
      { row: 4, message: 'Row 4: Day 0 (contract_signed) must be a real date as YYYY-MM-DD (got “31/02/2026”)' },
      { row: 5, message: 'Row 5: Type (type) is required: one of Reseller, ISV, System integrator, Managed service provider, Referral partner' },
    ]);
    expect(result.valid.map((r) => r.row)).toEqual([2, 3]);
    const [northwind, brightline] = result.valid;
    expect(northwind?.value).toEqual({
      name: 'Northwind Cloud Partners',
      type: 'reseller',
      maturity: 'new',
      tier: 'Gold',
      region: 'EMEA',
      website: 'https://northwind.example',
      day0: '2026-01-10',
      ownerEmail: 'pam@vendor.example',
      status: 'onboarding',
    });
    expect(brightline?.value).toMatchObject({ tier: 'Silver', ownerEmail: 'ana@vendor.example', maturity: 'experienced' });
  });

  it('names the user’s own column header and counts blank lines in row numbers', () => {
    const file = parsed('Company,Partner type,Signed on\n\nAcme,wholesaler,2026-01-01\n');
    const result = validatePartnerRows(file, guessMapping(file.headers), OPTIONS);
    expect(result.errors).toEqual([
      { row: 3, message: 'Row 3: Type (Partner type) must be one of Reseller, ISV, System integrator, Managed service provider, Referral partner (got “wholesaler”)' },
    ]);
  });

  it('reports each problem of a row separately', () => {
    const file = parsed(`${HEADER}\n,partner,old,,,not a site,2026-13-01,bob@,maybe\n`);
    const messages = validatePartnerRows(file, guessMapping(file.headers), OPTIONS).errors.map((e) => e.message);
    expect(messages).toEqual([
      'Row 2: Name (name) is required',
      'Row 2: Type (type) must be one of Reseller, ISV, System integrator, Managed service provider, Referral partner (got “partner”)',
      'Row 2: Maturity (maturity) must be “new” or “experienced” (got “old”)',
      'Row 2: Website (website) must be a web address like example.com or https://example.com (got “not a site”)',
      'Row 2: Day 0 (contract_signed) must be a real date as YYYY-MM-DD (got “2026-13-01”)',
      'Row 2: Owner email (owner_email) must be an email address like name@example.com (got “bob@”)',
      'Row 2: Status (status) must be one of Recruited, Onboarding, Active, At risk, Churned (got “maybe”)',
    ]);
  });

  it('says when Day 0 is empty without repeating the field name', () => {
    const file = parsed(`${HEADER}\nAcme,si,,,,,,,\n`);
    expect(validatePartnerRows(file, guessMapping(file.headers), OPTIONS).errors).toEqual([
      { row: 2, message: 'Row 2: Day 0 (contract_signed) is required as YYYY-MM-DD' },
    ]);
  });

  it('refuses a name repeated later in the file and a name already in the portfolio', () => {
    const file = parsed(`${HEADER}\nKestrel MSP,msp,,,,,2026-01-01,,\nBrightline,si,,,,,2026-01-02,,\n kestrel  msp ,msp,,,,,2026-01-03,,\n`);
    const result = validatePartnerRows(file, guessMapping(file.headers), { ...OPTIONS, existingNames: ['BRIGHTLINE'] });
    expect(result.errors).toEqual([
      { row: 3, message: 'Row 3: Name (name) “Brightline” is already in your portfolio' },
      { row: 4, message: 'Row 4: Name (name) “kestrel  msp” is already used on row 2 of this file' },
    ]);
    expect(result.valid.map((r) => r.value.name)).toEqual(['Kestrel MSP']);
  });

  it('reports an unmapped required field once, as a mapping error, and checks no row', () => {
    const file = parsed('name,type\nAcme,si\nBeta,msp\n');
    const result = validatePartnerRows(file, guessMapping(file.headers), OPTIONS);
    expect(result).toEqual({
      valid: [],
      errors: [],
      mappingErrors: ['The required field “Day 0” (contract_signed) is not mapped to a column: pick the column that holds it.'],
    });
  });

  it('refuses one column mapped to two fields and a column outside the file', () => {
    const file = parsed('name,type,contract_signed\nAcme,si,2026-01-01\n');
    const result = validatePartnerRows(file, { name: 0, type: 1, contract_signed: 2, region: 1, tier: 7 }, OPTIONS);
    expect(result.mappingErrors).toEqual([
      '“Tier” is mapped to column 8, but the file has 3 columns.',
      'Column “type” is mapped to both “Type” and “Region”: a column can feed only one field.',
    ]);
  });

  it('defaults status from Day 0 and the churn date, and checks the optional dates', () => {
    const file = parsed(
      'name,type,contract_signed,churned_on,onboarding_completed_on\n' +
        'Future,si,2026-04-01,,\n' +
        'Gone,si,2025-01-01,2025-09-30,2025-04-01\n' +
        'Early,si,2025-06-01,,2025-05-01\n' +
        'Odd,si,2025-06-01,30.09.2025,\n',
    );
    const result = validatePartnerRows(file, guessMapping(file.headers), OPTIONS);
    expect(result.valid.map((r) => [r.value.name, r.value.status, r.churnedOn, r.onboardingCompletedOn])).toEqual([
      ['Future', 'recruited', undefined, undefined],
      ['Gone', 'churned', '2025-09-30', '2025-04-01'],
    ]);
    expect(result.errors).toEqual([
      { row: 4, message: 'Row 4: Onboarding completed on (onboarding_completed_on) must be on or after Day 0 2025-06-01 (got “2025-05-01”)' },
      { row: 5, message: 'Row 5: Churned on (churned_on) must be a real date as YYYY-MM-DD (got “30.09.2025”)' },
    ]);
  });

  it('numbers rows from 2 when a parse result has no row numbers', () => {
    const result = validatePartnerRows({ headers: ['name', 'type', 'contract_signed'], rows: [['A', 'si', '2026-01-01'], ['B', '', '2026-01-01']] }, { name: 0, type: 1, contract_signed: 2 }, OPTIONS);
    expect(result.errors.map((e) => e.row)).toEqual([3]);
  });
});

describe('buildImportedPartners', () => {
  it('creates each partner with the journey of its type and maturity', () => {
    const rows: ValidPartnerRow[] = [
      {
        row: 2,
        value: { name: 'Kestrel MSP', type: 'msp', maturity: 'experienced', tier: 'Gold', region: 'EMEA', website: '', day0: '2026-01-10', ownerEmail: 'pam@vendor.example', status: 'onboarding' },
        onboardingCompletedOn: '2026-03-01',
      },
      {
        row: 3,
        value: { name: 'Quill Advisors', type: 'referral', maturity: 'new', tier: '', region: '', website: '', day0: '2026-02-01', ownerEmail: 'pam@vendor.example', status: 'churned' },
        churnedOn: '2026-03-01',
      },
    ];
    const now = '2026-03-15T10:00:00.000Z';
    const { partners, tasks } = buildImportedPartners(rows, { now, newId: sequentialIds() });
    expect(partners.map((p) => [p.id, p.name, p.templateId, p.onboardingCompletedOn, p.churnedOn])).toEqual([
      ['id-1', 'Kestrel MSP', 'msp-experienced', '2026-03-01', undefined],
      ['id-' + String(2 + journeyTemplateFor('msp', 'experienced').tasks.length), 'Quill Advisors', 'referral-new', undefined, '2026-03-01'],
    ]);
    expect(partners[0]).toMatchObject({ createdAt: now, updatedAt: now, contacts: [], team: [], tags: [] });
    const kestrelTasks = tasks.filter((t) => t.partnerId === partners[0]?.id);
    expect(kestrelTasks).toHaveLength(journeyTemplateFor('msp', 'experienced').tasks.length);
    expect(kestrelTasks.find((t) => t.key === 'kickoff-call')?.dueDate).toBe('2026-01-15');
    expect(tasks.filter((t) => t.partnerId === partners[1]?.id)).toHaveLength(journeyTemplateFor('referral', 'new').tasks.length);
  });
});

describe('portfolioToCsv', () => {
  const awkward: Partner = {
    id: 'p1',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    name: '=HYPERLINK("x"), "Quoted" & Co, Zürich',
    type: 'si',
    maturity: 'experienced',
    tier: 'Gold',
    region: 'EMEA / Switzerland',
    website: 'https://example.ch',
    ownerEmail: 'pam@vendor.example',
    contacts: [],
    team: [],
    day0: '2025-06-01',
    status: 'churned',
    tags: [],
    templateId: 'si-experienced',
    onboardingCompletedOn: '2025-08-30',
    churnedOn: '2026-01-31',
  };

  it('writes the import column names and escapes formulas', () => {
    const csv = portfolioToCsv([awkward]);
    expect(csv.split('\r\n')[0]).toBe(PARTNER_CSV_COLUMNS.join(','));
    expect(csv).toContain(`"'=HYPERLINK(""x""), ""Quoted"" & Co, Zürich"`);
  });

  it('round-trips through the importer unchanged', () => {
    const demo = generateDemoPortfolio({ seed: 7, today: '2026-03-15', ownerEmail: 'pam@vendor.example', ownerName: 'Pat Manager' });
    const partners = [...demo.partners, awkward];
    const file = parsed(portfolioToCsv(partners), 'portfolio.csv');
    const mapping = guessMapping(file.headers);
    expect(Object.keys(mapping)).toHaveLength(PARTNER_CSV_COLUMNS.length);
    const result = validatePartnerRows(file, mapping, { defaultOwnerEmail: 'other@vendor.example', existingNames: [], today: '2026-03-15' });
    expect(result.errors).toEqual([]);
    expect(result.valid).toHaveLength(partners.length);
    result.valid.forEach((row, i) => {
      const p = partners[i];
      if (!p) throw new Error('missing partner');
      expect(row.row).toBe(i + 2);
      expect(row.value).toEqual({
        name: p.name,
        type: p.type,
        maturity: p.maturity,
        tier: p.tier,
        region: p.region,
        website: p.website,
        day0: p.day0,
        ownerEmail: p.ownerEmail,
        status: p.status,
      });
      expect(row.onboardingCompletedOn).toBe(p.onboardingCompletedOn);
      expect(row.churnedOn).toBe(p.churnedOn);
    });
  });

  it('refuses a re-import into the same portfolio as duplicates', () => {
    const file = parsed(portfolioToCsv([awkward]));
    const result = validatePartnerRows(file, guessMapping(file.headers), { ...OPTIONS, existingNames: [awkward.name] });
    expect(result.errors.map((e) => e.message)).toEqual([`Row 2: Name (name) “${awkward.name}” is already in your portfolio`]);
  });
});
