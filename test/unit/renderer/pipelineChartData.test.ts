import { describe, expect, it } from 'vitest';
import { pipelineByCurrency } from '../../../src-renderer/features/dashboard/pipelineChartData';
import type { CohortPipeline } from '../../../src-shared/kpi/dashboardData';

describe('pipeline chart: one chart per currency, never mixed on one axis', () => {
  it('splits cohorts by currency, each with its own rows, currencies in code order', () => {
    const rows: CohortPipeline[] = [
      { cohort: '2026-01', partnerIds: ['a'], USD: 120_000, EUR: 40_000 },
      { cohort: '2026-02', partnerIds: ['b'], BRL: 900_000 },
      { cohort: '2026-03', partnerIds: ['c'], USD: 30_000 },
    ];
    const charts = pipelineByCurrency(rows, ['BRL', 'EUR', 'GBP', 'USD']);
    expect(charts.map((chart) => [chart.currency, chart.total, chart.rows.map((row) => row.cohort)])).toEqual([
      ['BRL', 900_000, ['2026-02']],
      ['EUR', 40_000, ['2026-01']],
      ['USD', 150_000, ['2026-01', '2026-03']],
    ]);
    expect(charts[2]?.rows[0]).toEqual({ cohort: '2026-01', amount: 120_000, partnerIds: ['a'] });
  });
});
