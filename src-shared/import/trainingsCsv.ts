import { newId as randomId } from '../domain/ids';
import { TRAINING_STATUSES, type IsoDate, type IsoTimestamp, type Partner, type Training, type TrainingStatus } from '../domain/types';
import { partnerFinder, readRecordCsv, rowChecker, type RecordCsvField, type RecordCsvValidation } from './recordCsv';

/** Columns of trainings.csv (an LMS export): partner, person, course, required, status, completed_on. */
export type TrainingCsvField = 'partner' | 'person' | 'course' | 'required' | 'status' | 'completed_on';

export const TRAINING_CSV_FIELDS: readonly RecordCsvField<TrainingCsvField>[] = [
  { key: 'partner', label: 'Partner', required: true, aliases: ['partner name', 'partner id', 'company'] },
  { key: 'person', label: 'Person', required: true, aliases: ['learner', 'name', 'participant', 'student'] },
  { key: 'course', label: 'Course', required: true, aliases: ['course name', 'certification', 'training'] },
  { key: 'required', label: 'Required', required: true, aliases: ['mandatory'] },
  { key: 'status', label: 'Status', required: true, aliases: ['completion status'] },
  { key: 'completed_on', label: 'Completed on', required: false, aliases: ['completed', 'completion date'] },
];

export type TrainingRowValue = Pick<Training, 'partnerId' | 'person' | 'course' | 'required' | 'status'> & { completedOn?: IsoDate };

const YES_NO: Record<string, 'yes' | 'no'> = { true: 'yes', y: 'yes', '1': 'yes', false: 'no', n: 'no', '0': 'no' };

/**
 * Checks every row of trainings.csv: known partner, person and course, required yes / no, status
 * enrolled / completed, a completed date for completed trainings only (not before Day 0).
 */
export function validateTrainingsCsv(text: string, fileName: string | undefined, partners: readonly Pick<Partner, 'id' | 'name' | 'day0'>[]): RecordCsvValidation<TrainingRowValue> {
  const read = readRecordCsv(text, fileName, TRAINING_CSV_FIELDS, 'trainings');
  if (!read.ok) return { valid: [], errors: [], fileError: read.error };
  const find = partnerFinder(partners);
  const out: RecordCsvValidation<TrainingRowValue> = { valid: [], errors: [] };
  for (const row of read.rows) {
    const check = rowChecker(row, find, 'training');
    const partner = check.partner('partner');
    const person = row.cell('person');
    if (person === '') check.fail('person', 'is required: who at the partner takes the course');
    const course = row.cell('course');
    if (course === '') check.fail('course', 'is required: the course or certification name');
    const required = check.oneOf('required', ['yes', 'no'] as const, YES_NO);
    const status = check.oneOf<TrainingStatus>('status', TRAINING_STATUSES, { complete: 'completed', passed: 'completed', 'in progress': 'enrolled' });
    const completedOn = check.date('completed_on', status === 'completed');
    if (status === 'enrolled' && completedOn) check.fail('completed_on', `must be empty for a training still enrolled (got “${completedOn}”)`);
    if (partner && completedOn && completedOn < partner.day0) check.fail('completed_on', `must be on or after the partner's Day 0 ${partner.day0} (got “${completedOn}”)`);
    if (check.errors.length > 0 || !partner || !required || !status) {
      out.errors.push(...check.errors);
      continue;
    }
    const value: TrainingRowValue = { partnerId: partner.id, person, course, required: required === 'yes', status };
    if (completedOn) value.completedOn = completedOn;
    out.valid.push({ row: row.row, value });
  }
  return out;
}

/** Trainings from validated rows, stamped with `now`. */
export function buildImportedTrainings(rows: readonly { value: TrainingRowValue }[], options: { now: IsoTimestamp; newId?: () => string }): Training[] {
  const makeId = options.newId ?? randomId;
  return rows.map(({ value }) => ({ id: makeId(), createdAt: options.now, updatedAt: options.now, ...value }));
}
