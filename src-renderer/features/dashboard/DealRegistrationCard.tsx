import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { filterKpiData, type KpiFilter } from '../../../src-shared/kpi/programKpis';
import { useAppData } from '../../db/useAppData';
import { dealRegistrationCard } from './dealRegistrationCardData';
import { shortMonth } from './tierDistributionChartData';

const AXIS = { fontSize: 11, fill: 'var(--mantine-color-dimmed)' };

function Figure({ label, value, hint, testId }: { label: string; value: string; hint: string; testId: string }) {
  return (
    <Stack gap={0} style={{ flex: 1, minWidth: 160 }}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Stack>
  );
}

/** Deal registration approval time (median days to a decision) and expiry rate, with the approval time per month. */
export function DealRegistrationCard({ filter, today }: { filter: KpiFilter; today: string }) {
  const data = useAppData();
  const card = useMemo(() => {
    const deals = filterKpiData({ partners: data.partners, tasks: [], deals: [...data.dealsByPartner.values()].flat(), trainings: [], surveys: [] }, filter).deals;
    return dealRegistrationCard(deals, today);
  }, [data.partners, data.dealsByPartner, filter, today]);
  const rows = card.byMonth.map((m) => ({ ...m, label: shortMonth(m.month) }));

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label="Deal registration approval and expiry" data-testid="chart-registration-kpis">
      <Title order={3} size="h5">
        Deal registration approval and expiry
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        How long a registration waits for a decision, and how often a protected one runs out before the deal closes
      </Text>
      {card.empty ? (
        <Text size="sm" c="dimmed" py="xl" ta="center">
          No deal registration has been approved or rejected yet.
        </Text>
      ) : (
        <Stack gap="sm">
          <Group gap="md" align="flex-start">
            <Figure label="Approval time" value={card.approvalTime.value} hint={card.approvalTime.hint} testId="registration-approval-time" />
            <Figure label="Expiry rate" value={card.expiryRate.value} hint={card.expiryRate.hint} testId="registration-expiry-rate" />
          </Group>
          {/* A trend needs two months: one lone bar (often 0 days) says nothing a figure above does not. */}
          {rows.length > 1 ? (
            <div style={{ width: '100%', height: 150 }} aria-label="Median days to a decision per month">
              <ResponsiveContainer>
                <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -20 }}>
                  <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-default-border)" vertical={false} />
                  <XAxis dataKey="label" tick={AXIS} interval="preserveStartEnd" />
                  <YAxis allowDecimals={false} tick={AXIS} unit="d" />
                  <Tooltip
                    contentStyle={{ background: 'var(--mantine-color-body)', border: '1px solid var(--mantine-color-default-border)' }}
                    cursor={{ fill: 'var(--mantine-color-default-hover)' }}
                    formatter={(v, _n, item) => [`${String(v)} days (${(item.payload as { decided: number }).decided} decided)`, 'Median wait']}
                  />
                  <Bar dataKey="medianDays" fill="var(--mantine-color-orange-6)" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          ) : (
            <Text size="xs" c="dimmed">
              {rows.length === 0 ? 'No decision in the last 12 months.' : `All decisions of the last 12 months were made in ${rows[0]?.label ?? ''}; the monthly trend shows from two months on.`}
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}
