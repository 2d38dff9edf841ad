import { newId as randomId } from '../domain/ids';
import { phaseForDay } from '../domain/journey';
import type { IsoTimestamp, Partner, Survey } from '../domain/types';
import { daysFrom } from '../kpi/calendar';
import { got, partnerFinder, readRecordCsv, rowChecker, type RecordCsvField, type RecordCsvValidation } from './recordCsv';

/** Columns of surveys.csv: partner, score, taken_on, comment. */
export type SurveyCsvField = 'partner' | 'score' | 'taken_on' | 'comment';

export const SURVEY_CSV_FIELDS: readonly RecordCsvField<SurveyCsvField>[] = [
  { key: 'partner', label: 'Partner', required: true, aliases: ['partner name', 'partner id', 'company'] },
  { key: 'score', label: 'Score', required: true, aliases: ['psat', 'rating', 'psat score'] },
  { key: 'taken_on', label: 'Taken on', required: true, aliases: ['date', 'taken', 'submitted on', 'response date'] },
  { key: 'comment', label: 'Comment', required: false, aliases: ['comments', 'feedback', 'verbatim'] },
];

export type SurveyRowValue = Pick<Survey, 'partnerId' | 'score' | 'takenOn' | 'comment' | 'phase'>;

/**
 * Checks every row of surveys.csv: known partner, a whole score from 1 to 5, a real date on or
 * after Day 0. The journey phase is the one the partner was in when the survey was taken.
 */
export function validateSurveysCsv(text: string, fileName: string | undefined, partners: readonly Pick<Partner, 'id' | 'name' | 'day0'>[]): RecordCsvValidation<SurveyRowValue> {
  const read = readRecordCsv(text, fileName, SURVEY_CSV_FIELDS, 'surveys');
  if (!read.ok) return { valid: [], errors: [], fileError: read.error };
  const find = partnerFinder(partners);
  const out: RecordCsvValidation<SurveyRowValue> = { valid: [], errors: [] };
  for (const row of read.rows) {
    const check = rowChecker(row, find, 'survey');
    const partner = check.partner('partner');
    const raw = row.cell('score');
    const score = /^[1-5]$/.test(raw) ? Number(raw) : null;
    if (score === null) check.fail('score', `must be a whole number from 1 to 5 ${got(raw)}`);
    const takenOn = check.date('taken_on', true);
    if (partner && takenOn && takenOn < partner.day0) check.fail('taken_on', `must be on or after the partner's Day 0 ${partner.day0} (got “${takenOn}”)`);
    const comment = row.cell('comment');
    if (comment.length > 5000) check.fail('comment', `must be at most 5000 characters (got ${comment.length})`);
    if (check.errors.length > 0 || !partner || score === null || !takenOn) {
      out.errors.push(...check.errors);
      continue;
    }
    out.valid.push({ row: row.row, value: { partnerId: partner.id, score, takenOn, comment, phase: phaseForDay(daysFrom(partner.day0, takenOn)) } });
  }
  return out;
}

/** Surveys from validated rows, stamped with `now`. */
export function buildImportedSurveys(rows: readonly { value: SurveyRowValue }[], options: { now: IsoTimestamp; newId?: () => string }): Survey[] {
  const makeId = options.newId ?? randomId;
  return rows.map(({ value }) => ({ id: makeId(), createdAt: options.now, updatedAt: options.now, ...value }));
}
