import { describe, expect, it } from 'vitest';
import { buildImportedDeals, parseAmount, validateDealsCsv } from '../../../../src-shared/import/dealsCsv';
import { buildImportedSurveys, validateSurveysCsv } from '../../../../src-shared/import/surveysCsv';
import { buildImportedTrainings, validateTrainingsCsv } from '../../../../src-shared/import/trainingsCsv';

const PARTNERS = [
  { id: 'p-alpha', name: 'Alpha Systems', day0: '2026-01-10' },
  { id: 'p-beta', name: 'Beta Labs', day0: '2026-02-01' },
];
const NOW = '2026-03-01T10:00:00.000Z';
const ids = () => {
  let n = 0;
  return () => `d${(n += 1)}`;
};

describe('deals.csv', () => {
  const HEADER = 'partner,account,amount,currency,stage,registered_on,closed_on,source';

  it('imports good rows, matching the partner by exact name or by id', () => {
    const v = validateDealsCsv(`${HEADER}\nAlpha Systems,Harbor Bank,"12,500.50",usd,won,2026-02-01,2026-02-20,sourced\np-beta,Orion Health,9000,EUR,registered,2026-02-10,,influenced\n`, 'deals.csv', PARTNERS);
    expect(v.errors).toEqual([]);
    expect(buildImportedDeals(v.valid, { now: NOW, newId: ids() })).toEqual([
      { id: 'd1', createdAt: NOW, updatedAt: NOW, partnerId: 'p-alpha', account: 'Harbor Bank', amount: 12500.5, currency: 'USD', stage: 'won', registeredOn: '2026-02-01', closedOn: '2026-02-20', source: 'sourced' },
      { id: 'd2', createdAt: NOW, updatedAt: NOW, partnerId: 'p-beta', account: 'Orion Health', amount: 9000, currency: 'EUR', stage: 'registered', registeredOn: '2026-02-10', source: 'influenced' },
    ]);
  });

  it('reports every problem of a bad row with its spreadsheet row, field and column, and keeps the good rows', () => {
    const text = [
      HEADER,
      'Alpha Systems,Harbor Bank,12500,USD,won,2026-02-01,2026-02-20,sourced',
      'Gamma Unknown,Metro,100,USD,registered,2026-02-01,,sourced',
      '',
      'alpha systems,,-5,dollars,pending,2026-02-30,,both',
      'Beta Labs,Atlas,100,USD,won,2026-02-10,,sourced',
      'Beta Labs,Atlas,100,USD,lost,2026-02-10,2026-02-01,sourced',
      'Beta Labs,Atlas,100,USD,approved,2026-02-10,2026-02-12,sourced',
    ].join('\n');
    const v = validateDealsCsv(text, 'deals.csv', PARTNERS);
    expect(v.valid.map((r) => r.row)).toEqual([2]);
    expect(v.errors.map((e) => e.message)).toEqual([
      'Row 3: Partner (partner) “Gamma Unknown” is not a partner in this portfolio: use its exact name or id',
      'Row 5: Partner (partner) “alpha systems” is not a partner in this portfolio: use its exact name or id',
      'Row 5: Account (account) is required: the customer account of the deal',
      'Row 5: Amount (amount) must be a positive number like 12500 or 12500.50 (got “-5”)',
      'Row 5: Currency (currency) must be a 3-letter currency code like USD or EUR (got “dollars”)',
      'Row 5: Stage (stage) must be one of registered, approved, won, lost (got “pending”)',
      'Row 5: Registered on (registered_on) must be a real date as YYYY-MM-DD (got “2026-02-30”)',
      'Row 5: Source (source) must be one of sourced, influenced (got “both”)',
      'Row 6: Closed on (closed_on) is required for a won deal',
      'Row 7: Closed on (closed_on) must be on or after the registered date 2026-02-10 (got “2026-02-01”)',
      'Row 8: Closed on (closed_on) must be empty for a deal still approved (got “2026-02-12”)',
    ]);
  });

  it('refuses a file without a required column or without rows', () => {
    expect(validateDealsCsv('partner,account,amount\nAlpha Systems,X,1\n', 'deals.csv', PARTNERS).fileError).toBe(
      '“deals.csv” has no “currency”, “stage”, “registered_on”, “source” column: the header row needs partner, account, amount, currency, stage, registered_on, source.',
    );
    expect(validateDealsCsv(`${HEADER}\n`, 'deals.csv', PARTNERS).fileError).toBe('“deals.csv” has a header row but no deals below it.');
    expect(validateDealsCsv('x', 'deals.xlsx', PARTNERS).fileError).toContain('is not a CSV file');
  });

  it('reads amounts the way CRM exports write them', () => {
    expect([parseAmount('12500'), parseAmount('12,500.50'), parseAmount('1 000'), parseAmount('12.500,50'), parseAmount('abc')]).toEqual([12500, 12500.5, 1000, null, null]);
  });
});

describe('trainings.csv', () => {
  const HEADER = 'partner,person,course,required,status,completed_on';

  it('imports enrolments and certifications and reports bad rows', () => {
    const text = [
      HEADER,
      'Alpha Systems,Anna Costa,Core Sales Certification,yes,completed,2026-02-01',
      'Beta Labs,Ben Walsh,Product Fundamentals,no,enrolled,',
      'Nobody Inc,Carla,Core,maybe,done,',
      'Alpha Systems,Anna Costa,Core,yes,completed,',
      'Alpha Systems,Anna Costa,Core,yes,enrolled,2026-02-01',
      'Alpha Systems,,Core,yes,completed,2026-01-01',
    ].join('\n');
    const v = validateTrainingsCsv(text, 'trainings.csv', PARTNERS);
    expect(buildImportedTrainings(v.valid, { now: NOW, newId: ids() }).map((t) => [t.partnerId, t.course, t.required, t.status, t.completedOn])).toEqual([
      ['p-alpha', 'Core Sales Certification', true, 'completed', '2026-02-01'],
      ['p-beta', 'Product Fundamentals', false, 'enrolled', undefined],
    ]);
    expect(v.errors.map((e) => e.message)).toEqual([
      'Row 4: Partner (partner) “Nobody Inc” is not a partner in this portfolio: use its exact name or id',
      'Row 4: Required (required) must be one of yes, no (got “maybe”)',
      'Row 4: Status (status) must be one of enrolled, completed (got “done”)',
      'Row 5: Completed on (completed_on) is required: a date as YYYY-MM-DD',
      'Row 6: Completed on (completed_on) must be empty for a training still enrolled (got “2026-02-01”)',
      'Row 7: Person (person) is required: who at the partner takes the course',
      "Row 7: Completed on (completed_on) must be on or after the partner's Day 0 2026-01-10 (got “2026-01-01”)",
    ]);
  });
});

describe('surveys.csv', () => {
  it('imports PSAT responses tagged with the journey phase they were taken in, and reports bad rows', () => {
    const text = ['partner,score,taken_on,comment', 'Alpha Systems,4,2026-04-11,Clear plan', 'Beta Labs,5,2026-02-05,', 'Beta Labs,6,2026-02-05,', 'Beta Labs,3.5,05/02/2026,x', 'Alpha Systems,2,2026-01-01,'].join('\n');
    const v = validateSurveysCsv(text, 'surveys.csv', PARTNERS);
    expect(buildImportedSurveys(v.valid, { now: NOW, newId: ids() }).map((s) => [s.partnerId, s.score, s.takenOn, s.comment, s.phase])).toEqual([
      ['p-alpha', 4, '2026-04-11', 'Clear plan', 'growth'],
      ['p-beta', 5, '2026-02-05', '', 'immersion'],
    ]);
    expect(v.errors.map((e) => e.message)).toEqual([
      'Row 4: Score (score) must be a whole number from 1 to 5 (got “6”)',
      'Row 5: Score (score) must be a whole number from 1 to 5 (got “3.5”)',
      'Row 5: Taken on (taken_on) must be a real date as YYYY-MM-DD (got “05/02/2026”)',
      "Row 6: Taken on (taken_on) must be on or after the partner's Day 0 2026-01-10 (got “2026-01-01”)",
    ]);
  });
});
