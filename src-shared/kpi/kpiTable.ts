import Papa from 'papaparse';
import type { ProgramKpis } from './programKpis';
import type { RiskModel } from './riskModel';

/** One line of the KPI table: what, the figure, and what it was computed from. */
export type KpiRow = { kpi: string; value: string; detail: string };

const pct = (rate: number | null): string => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

/** Amounts per currency, never added together: "USD 69,000 · EUR 15,000.50". */
export function formatByCurrency(byCurrency: Record<string, number>): string {
  const parts = Object.entries(byCurrency).map(([c, v]) => `${c} ${v.toLocaleString('en-US', { maximumFractionDigits: 2 })}`);
  return parts.length === 0 ? '—' : parts.join(' · ');
}

/** The program KPIs as table rows, in the order of the product brief. */
export function kpiTableRows(k: ProgramKpis): KpiRow[] {
  const ttv = k.timeToFirstRevenue;
  return [
    { kpi: 'Recruited partners', value: String(k.recruited), detail: `Day 0 on or before ${k.asOf}` },
    {
      kpi: 'Time to first revenue (median days)',
      value: ttv.medianDays === null ? '—' : String(ttv.medianDays),
      detail: `${ttv.partners.length} with a won deal; ${ttv.censored} without one yet (censored)`,
    },
    {
      kpi: 'Partner-sourced pipeline (first 180 days)',
      value: formatByCurrency(k.partnerSourcedPipeline.byCurrency),
      detail: `${k.partnerSourcedPipeline.deals} sourced deals not lost, per currency`,
    },
    {
      kpi: 'Certification completion rate',
      value: pct(k.certificationCompletion.rate),
      detail: `${k.certificationCompletion.done} of ${k.certificationCompletion.total} required trainings completed`,
    },
    {
      kpi: 'Deal registrations',
      value: String(k.dealRegistrations.total),
      detail: `over ${k.dealRegistrations.byMonth.length} month(s); this month ${k.dealRegistrations.byMonth.at(-1)?.count ?? 0}`,
    },
    { kpi: 'PSAT (mean score)', value: k.psat.mean === null ? '—' : k.psat.mean.toFixed(2), detail: `${k.psat.count} responses` },
    { kpi: 'Activation rate', value: pct(k.activation.rate), detail: `${k.activation.activated} of ${k.activation.recruited} recruited partners activated` },
    {
      kpi: 'New-partner churn (first 180 days)',
      value: pct(k.newPartnerChurn.rate),
      detail: `${k.newPartnerChurn.churned} of ${k.newPartnerChurn.eligible} partners past day 180 churned by then`,
    },
  ];
}

/** Rows describing the at-risk model's quality, for the table and the CSV. */
export function modelRows(model: RiskModel): KpiRow[] {
  const q = model.quality;
  return [
    { kpi: 'At-risk model', value: model.kind === 'fitted' ? 'fitted on history' : 'expert weights', detail: model.note },
    {
      kpi: `At-risk model AUC (${q?.method ?? 'no data'})`,
      value: q?.auc === null || q === null ? '—' : q.auc.toFixed(3),
      detail: q ? `${q.examples} scored examples; Brier ${q.brier ?? '—'}` : 'no partner has a known outcome yet',
    },
  ];
}

/** The KPI table as CSV (kpi, value, detail), ready for a spreadsheet; formula-looking cells escaped. */
export function kpiTableCsv(rows: readonly KpiRow[]): string {
  return Papa.unparse({ fields: ['kpi', 'value', 'detail'], data: rows.map((r) => [r.kpi, r.value, r.detail]) }, { escapeFormulae: true, newline: '\r\n' });
}
