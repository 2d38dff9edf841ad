import { buildImportedPartners, guessMapping, parseCsvText, validatePartnerRows } from '../import/partnerCsv';
import { buildImportedDeals, validateDealsCsv } from '../import/dealsCsv';
import { buildImportedSurveys, validateSurveysCsv } from '../import/surveysCsv';
import { buildImportedTrainings, validateTrainingsCsv } from '../import/trainingsCsv';
import type { RowError } from '../import/partnerCsv';
import type { IsoDate } from '../domain/types';
import { programKpis, type KpiData, type ProgramKpis } from './programKpis';
import { programRiskModel, recordsByPartner, type RiskModel } from './riskModel';

/** The CSV files of a program export, as text (absent files are empty programs of that kind). */
export type ProgramFiles = { partners: string; deals?: string; trainings?: string; surveys?: string };

export type FileReport = { file: string; imported: number; fileError?: string; errors: RowError[] };

export type ProgramImport = { data: KpiData; files: FileReport[] };

/**
 * Reads a program's CSV export with the app's own importers (same validation, same row errors):
 * partners first, then deals, trainings and surveys matched to them by exact name or id. Rows with
 * errors are left out and reported. Ids are sequential so the output is reproducible.
 */
export function importProgram(files: ProgramFiles, options: { now: string; today: IsoDate }): ProgramImport {
  let n = 0;
  const newId = () => `r${(n += 1)}`;
  const reports: FileReport[] = [];
  const parsed = parseCsvText(files.partners, 'partners.csv');
  let partners: KpiData['partners'] = [];
  let tasks: KpiData['tasks'] = [];
  if (!parsed.ok) {
    reports.push({ file: 'partners.csv', imported: 0, fileError: parsed.error, errors: [] });
  } else {
    const v = validatePartnerRows(parsed.value, guessMapping(parsed.value.headers), { defaultOwnerEmail: 'program@partnerdesk.local', today: options.today });
    const built = buildImportedPartners(v.valid, { now: options.now, newId });
    partners = built.partners;
    tasks = built.tasks;
    const mappingError = v.mappingErrors.join(' ');
    reports.push({ file: 'partners.csv', imported: partners.length, ...(mappingError ? { fileError: mappingError } : {}), errors: v.errors });
  }
  const run = <T>(file: string, text: string | undefined, validate: (t: string, f: string, p: typeof partners) => { valid: T[]; errors: RowError[]; fileError?: string }, build: (rows: T[]) => unknown[]) => {
    if (text === undefined) return [];
    const v = validate(text, file, partners);
    const docs = build(v.valid);
    reports.push({ file, imported: docs.length, ...(v.fileError ? { fileError: v.fileError } : {}), errors: v.errors });
    return docs;
  };
  const deals = run('deals.csv', files.deals, validateDealsCsv, (rows) => buildImportedDeals(rows, { now: options.now, newId })) as KpiData['deals'];
  const trainings = run('trainings.csv', files.trainings, validateTrainingsCsv, (rows) => buildImportedTrainings(rows, { now: options.now, newId })) as KpiData['trainings'];
  const surveys = run('surveys.csv', files.surveys, validateSurveysCsv, (rows) => buildImportedSurveys(rows, { now: options.now, newId })) as KpiData['surveys'];
  return { data: { partners, tasks, deals, trainings, surveys }, files: reports };
}

export type ProgramReport = { asOf: IsoDate; kpis: ProgramKpis; model: RiskModel };

/** KPIs and the at-risk model (with its honest quality figures) for a program as of a date. */
export function programReport(data: KpiData, asOf: IsoDate): ProgramReport {
  const recordsOf = recordsByPartner(data);
  return { asOf, kpis: programKpis(data, asOf), model: programRiskModel(data.partners.filter((p) => p.day0 <= asOf), recordsOf, asOf) };
}

/** Replaces partner ids by partner names everywhere in a JSON-able value (for a readable report). */
export function withPartnerNames<T>(value: T, names: ReadonlyMap<string, string>): T {
  const swap = (v: unknown): unknown => {
    if (typeof v === 'string') return names.get(v) ?? v;
    if (Array.isArray(v)) return v.map(swap);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [names.get(k) ?? k, swap(x)]));
    return v;
  };
  return swap(value) as T;
}
