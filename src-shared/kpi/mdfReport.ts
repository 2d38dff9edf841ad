import type { IsoDate } from '../domain/types';
import { validateMdfCsv } from '../import/mdfCsv';
import type { RowError } from '../import/partnerCsv';
import { mdfKpis, type MdfCurrencyKpis } from './mdfKpis';
import type { KpiData } from './programKpis';

/** The report CLI's MDF block: what mdf.csv gave, and utilisation and ROI per currency. */
export type MdfReportSection = { file: 'mdf.csv'; imported: number; rowErrors: number; fileError?: string; errors: RowError[]; kpis: MdfCurrencyKpis[] };

/**
 * MDF utilisation (claimed ÷ approved) and ROI (won revenue of linked deals ÷ MDF invested) per
 * currency as of `asOf`, from mdf.csv read against the report's partners and deals. Ids continue
 * after the program's own (`m1`, `m2`… so the output is reproducible).
 */
export function mdfReportSection(text: string, data: Pick<KpiData, 'partners' | 'deals'>, asOf: IsoDate): MdfReportSection {
  let n = 0;
  const read = validateMdfCsv(text, 'mdf.csv', data.partners, data.deals, { now: `${asOf}T12:00:00.000Z`, newId: () => `m${(n += 1)}` });
  const docs = read.valid.map((v) => v.value);
  return {
    file: 'mdf.csv',
    imported: docs.length,
    rowErrors: read.errors.length,
    ...(read.fileError ? { fileError: read.fileError } : {}),
    errors: read.errors,
    kpis: mdfKpis(data.partners, docs, data.deals, asOf),
  };
}
