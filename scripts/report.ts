/**
 * `npm run report -- --input <folder> --as-of YYYY-MM-DD`: the program KPIs as JSON, from the CSV
 * exports in the folder (partners.csv, and deals.csv, trainings.csv, surveys.csv, mdf.csv when present),
 * through the same importers and KPI code as the app. Rows with errors are skipped and listed
 * under `import` (and on stderr); the at-risk model's quality is reported under `model`.
 * `--backup <file.json>` reads an app backup instead of the CSV folder: it also carries what CSV
 * exports do not (registration decisions, tier history, the tier definition), for `registrationsAndTiers`.
 * Exit code 2 on a usage error, an unreadable partners.csv or an unreadable backup.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRealIsoDate } from '../src-shared/domain/partnerInput';
import { mdfKpis, type MdfCurrencyKpis } from '../src-shared/kpi/mdfKpis';
import { mdfReportSection } from '../src-shared/kpi/mdfReport';
import { importProgram, programReport, withPartnerNames, type ProgramImport } from '../src-shared/kpi/programReport';
import { registrationTierReport } from '../src-shared/kpi/registrationTierReport';
import { parseBackup } from '../src-shared/import/backup';
import type { MdfDoc, Template } from '../src-shared/domain/types';

function usage(message: string): never {
  process.stderr.write(`${message}\nUsage: npm run report -- (--input <folder with partners.csv, deals.csv, trainings.csv, surveys.csv> | --backup <backup.json>) --as-of YYYY-MM-DD\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
};
const input = arg('--input');
const backupFile = arg('--backup');
const asOf = arg('--as-of');
if (!input && !backupFile) usage('Missing --input <folder> or --backup <file>.');
if (input && backupFile) usage('Give --input or --backup, not both.');
if (!asOf || !isRealIsoDate(asOf)) usage(`--as-of must be a real date as YYYY-MM-DD (got “${asOf ?? ''}”).`);

/** The program from an app backup: every collection as stored, nothing to import row by row. */
type ProgramSource = { imported: ProgramImport; templates: Template[]; mdfCsv?: string; mdfDocs?: MdfDoc[] };

function fromBackup(file: string): ProgramSource {
  if (!existsSync(file)) usage(`No backup file at ${file}.`);
  const parsed = parseBackup(readFileSync(file, 'utf8'));
  if (!parsed.ok) {
    process.stderr.write(`${file}: ${parsed.error}\n${parsed.details.join('\n')}\n`);
    process.exit(2);
  }
  const c = parsed.value.collections;
  const data = { partners: c.partners, tasks: c.tasks, deals: c.deals, trainings: c.trainings, surveys: c.surveys };
  return { imported: { data, files: Object.entries(data).map(([name, docs]) => ({ file: `${file}#${name}`, imported: docs.length, errors: [] })) }, templates: c.templates, mdfDocs: c.mdf };
}

/** The program from the CSV exports in a folder, through the app's importers. */
function fromCsvFolder(folder: string): ProgramSource {
  const read = (file: string): string | undefined => (existsSync(join(folder, file)) ? readFileSync(join(folder, file), 'utf8') : undefined);
  const partners = read('partners.csv');
  if (partners === undefined) usage(`No partners.csv in ${folder}.`);
  const imported = importProgram(
    { partners, deals: read('deals.csv'), trainings: read('trainings.csv'), surveys: read('surveys.csv') },
    { now: `${asOf}T12:00:00.000Z`, today: asOf as string },
  );
  for (const f of imported.files) {
    if (f.fileError) process.stderr.write(`${f.file}: ${f.fileError}\n`);
    for (const e of f.errors) process.stderr.write(`${f.file}: ${e.message}\n`);
  }
  if (imported.files.find((f) => f.file === 'partners.csv')?.fileError) process.exit(2);
  return { imported, templates: [], mdfCsv: read('mdf.csv') };
}

const { imported, templates, mdfCsv, mdfDocs } = backupFile ? fromBackup(backupFile) : fromCsvFolder(input as string);

const report = programReport(imported.data, asOf);
const names = new Map(imported.data.partners.map((p) => [p.id, p.name]));
// MDF utilisation and ROI: from a backup's mdf documents, or from the folder's mdf.csv when it has
// one (src-shared/import/mdfCsv.ts says its columns).
const mdfSection = mdfCsv === undefined ? undefined : mdfReportSection(mdfCsv, imported.data, asOf);
if (mdfSection?.fileError) process.stderr.write(`mdf.csv: ${mdfSection.fileError}\n`);
for (const e of mdfSection?.errors ?? []) process.stderr.write(`mdf.csv: ${e.message}\n`);
const mdf: { imported: number; rowErrors: number; fileError?: string; kpis: MdfCurrencyKpis[] } | undefined = mdfDocs
  ? { imported: mdfDocs.length, rowErrors: 0, kpis: mdfKpis(imported.data.partners, mdfDocs, imported.data.deals, asOf) }
  : mdfSection;

const out = {
  asOf,
  import: imported.files.map((f) => ({ file: f.file, imported: f.imported, rowErrors: f.errors.length, ...(f.fileError ? { fileError: f.fileError } : {}) })),
  kpis: withPartnerNames(report.kpis, names),
  model: report.model,
  ...(mdf ? { mdf: { imported: mdf.imported, rowErrors: mdf.rowErrors, ...(mdf.fileError ? { fileError: mdf.fileError } : {}), kpis: mdf.kpis } } : {}),
  registrationsAndTiers: registrationTierReport({ partners: imported.data.partners, deals: imported.data.deals, templates }, asOf),
};
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
