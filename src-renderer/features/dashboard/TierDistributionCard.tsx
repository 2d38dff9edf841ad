import { Card, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { filterKpiData, type KpiFilter } from '../../../src-shared/kpi/programKpis';
import { tierDistributionOverTime } from '../../../src-shared/kpi/tierDistribution';
import { useAppData } from '../../db/useAppData';
import { useTierDefinition } from '../tiers/useTierRecommendations';
import { tierChart } from './tierDistributionChartData';

const AXIS = { fontSize: 11, fill: 'var(--mantine-color-dimmed)' };

/** How many partners held each tier at each month end over the last 12 months (stacked, lowest tier at the bottom). */
export function TierDistributionCard({ filter, today }: { filter: KpiFilter; today: string }) {
  const data = useAppData();
  const { loading, active } = useTierDefinition();
  const names = useMemo(() => active.definition.tiers.map((t) => t.name), [active.definition]);
  const chart = useMemo(() => {
    const partners = filterKpiData({ partners: data.partners, tasks: [], deals: [], trainings: [], surveys: [] }, filter).partners;
    const hasHistory = partners.some((p) => p.tierHistory?.some((d) => d.outcome === 'approved'));
    return tierChart(tierDistributionOverTime(partners, names, today), names, hasHistory);
  }, [data.partners, filter, names, today]);

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label="Tier distribution over time" data-testid="chart-tiers">
      <Title order={3} size="h5">
        Tier distribution over time
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        Partners in each tier at each month end, from the approved tier decisions{chart.latest ? `; now ${chart.latest}` : ''}
      </Text>
      {loading || data.loading ? (
        <Text size="sm" c="dimmed" py="xl" ta="center">
          Reading the tiers…
        </Text>
      ) : chart.empty ? (
        <Text size="sm" c="dimmed" py="xl" ta="center">
          No partner had signed in the last 12 months{filter.cohort || filter.type || filter.ownerEmail ? ' among those matching the filters' : ''}.
        </Text>
      ) : (
        <>
          <div style={{ width: '100%', height: 220 }}>
            <ResponsiveContainer>
              <BarChart data={chart.rows} margin={{ top: 8, right: 8, bottom: 0, left: -20 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-default-border)" vertical={false} />
                <XAxis dataKey="month" tick={AXIS} interval="preserveStartEnd" />
                <YAxis allowDecimals={false} tick={AXIS} />
                <Tooltip
                  contentStyle={{ background: 'var(--mantine-color-body)', border: '1px solid var(--mantine-color-default-border)' }}
                  cursor={{ fill: 'var(--mantine-color-default-hover)' }}
                  labelFormatter={(label, payload) => `${String(label)} — ${String(payload?.[0]?.payload?.total ?? 0)} partners`}
                />
                {/* Legend in tier order (lowest first), not alphabetical. */}
                <Legend wrapperStyle={{ fontSize: 11 }} itemSorter={null} />
                {chart.series.map((s) => (
                  <Bar key={s.key} dataKey={s.key} name={s.key} stackId="tiers" fill={s.color} isAnimationActive={false} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
          {chart.flat ? (
            <Text size="xs" c="dimmed" mt={4}>
              No tier decision has been approved yet, so every month shows the tiers partners hold today.
            </Text>
          ) : null}
        </>
      )}
    </Card>
  );
}
