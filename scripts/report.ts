/**
 * `npm run report -- --input <folder> --as-of YYYY-MM-DD`: the program KPIs as JSON, from the CSV
 * exports in the folder (partners.csv, and deals.csv, trainings.csv, surveys.csv, mdf.csv when present),
 * through the same importers and KPI code as the app. Rows with errors are skipped and listed
 * under `import` (and on stderr); the at-risk model's quality is reported under `model`.
 * Exit code 2 on a usage error or an unreadable partners.csv.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRealIsoDate } from '../src-shared/domain/partnerInput';
import { mdfReportSection } from '../src-shared/kpi/mdfReport';
import { importProgram, programReport, withPartnerNames } from '../src-shared/kpi/programReport';

function usage(message: string): never {
  process.stderr.write(`${message}\nUsage: npm run report -- --input <folder with partners.csv, deals.csv, trainings.csv, surveys.csv> --as-of YYYY-MM-DD\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
};
const input = arg('--input');
const asOf = arg('--as-of');
if (!input) usage('Missing --input <folder>.');
if (!asOf || !isRealIsoDate(asOf)) usage(`--as-of must be a real date as YYYY-MM-DD (got “${asOf ?? ''}”).`);
const read = (file: string): string | undefined => (existsSync(join(input, file)) ? readFileSync(join(input, file), 'utf8') : undefined);
const partners = read('partners.csv');
if (partners === undefined) usage(`No partners.csv in ${input}.`);

const imported = importProgram(
  { partners, deals: read('deals.csv'), trainings: read('trainings.csv'), surveys: read('surveys.csv') },
  { now: `${asOf}T12:00:00.000Z`, today: asOf },
);
for (const f of imported.files) {
  if (f.fileError) process.stderr.write(`${f.file}: ${f.fileError}\n`);
  for (const e of f.errors) process.stderr.write(`${f.file}: ${e.message}\n`);
}
if (imported.files.find((f) => f.file === 'partners.csv')?.fileError) process.exit(2);

const report = programReport(imported.data, asOf);
const names = new Map(imported.data.partners.map((p) => [p.id, p.name]));
// MDF utilisation and ROI, when the folder has mdf.csv (src-shared/import/mdfCsv.ts says its columns).
const mdfCsv = read('mdf.csv');
const mdf = mdfCsv === undefined ? undefined : mdfReportSection(mdfCsv, imported.data, asOf);
if (mdf?.fileError) process.stderr.write(`mdf.csv: ${mdf.fileError}\n`);
for (const e of mdf?.errors ?? []) process.stderr.write(`mdf.csv: ${e.message}\n`);

const out = {
  asOf,
  import: imported.files.map((f) => ({ file: f.file, imported: f.imported, rowErrors: f.errors.length, ...(f.fileError ? { fileError: f.fileError } : {}) })),
  kpis: withPartnerNames(report.kpis, names),
  model: report.model,
  ...(mdf ? { mdf: { imported: mdf.imported, rowErrors: mdf.rowErrors, ...(mdf.fileError ? { fileError: mdf.fileError } : {}), kpis: mdf.kpis } } : {}),
};
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
