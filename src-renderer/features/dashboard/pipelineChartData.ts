import type { CohortPipeline } from '../../../src-shared/kpi/dashboardData';

export type CurrencyPipeline = {
  currency: string;
  total: number;
  /** Cohorts with pipeline in this currency, in cohort order. */
  rows: { cohort: string; amount: number; partnerIds: string[] }[];
};

/**
 * The pipeline chart's data: one chart per currency, each on its own axis (amounts in different
 * currencies are never summed, compared or drawn on one scale), currencies in code order; a cohort without pipeline in a currency is left out of that currency's chart.
 */
export function pipelineByCurrency(rows: CohortPipeline[], currencies: string[]): CurrencyPipeline[] {
  return currencies
    .map((currency) => {
      const cohorts = rows.flatMap((row) => {
        const value = row[currency];
        const amount = typeof value === 'number' ? value : 0;
        return amount > 0 ? [{ cohort: row.cohort, amount, partnerIds: row.partnerIds }] : [];
      });
      return { currency, total: cohorts.reduce((sum, row) => sum + row.amount, 0), rows: cohorts };
    })
    .filter((chart) => chart.rows.length > 0)
    .sort((a, b) => a.currency.localeCompare(b.currency));
}
