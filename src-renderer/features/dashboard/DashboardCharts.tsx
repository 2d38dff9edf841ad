import { Card, SegmentedControl, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BarDatum, ChurnDatum, CohortPipeline, PsatPoint, RateDatum } from '../../../src-shared/kpi/dashboardData';
import { pipelineByCurrency } from './pipelineChartData';

/** What a click on a chart asks to see: the partners behind a bar or point. */
export type DrillRequest = { title: string; partnerIds: string[] };

const AXIS = { fontSize: 11, fill: 'var(--mantine-color-dimmed)' };
const TOOLTIP = { contentStyle: { background: 'var(--mantine-color-body)', border: '1px solid var(--mantine-color-default-border)' } };
const PALETTE = ['var(--mantine-color-indigo-6)', 'var(--mantine-color-teal-6)', 'var(--mantine-color-orange-6)', 'var(--mantine-color-grape-6)', 'var(--mantine-color-cyan-6)', 'var(--mantine-color-pink-6)'];

/**
 * Mounts a chart once its box is on screen: a Recharts chart costs tens of milliseconds to
 * render, so the dashboard paints its tiles and the charts in view first and the rest as they
 * scroll in. The box keeps its height, so nothing jumps.
 */
function LazyChart({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el || visible) return undefined;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setVisible(true);
    }, { rootMargin: '100px' });
    observer.observe(el);
    return () => observer.disconnect();
  }, [visible]);
  return (
    <div ref={box} style={{ width: '100%', height: 220 }} data-chart-mounted={visible}>
      {visible ? children : null}
    </div>
  );
}

export function ChartCard({ title, subtitle, children, empty, label }: { title: string; subtitle: string; children: ReactNode; empty: boolean; label: string }) {
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={title} data-testid={`chart-${label}`}>
      <Title order={3} size="h5">
        {title}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {subtitle}
      </Text>
      {empty ? (
        <Text size="sm" c="dimmed" py="xl" ta="center">
          No data for this yet.
        </Text>
      ) : (
        <LazyChart>{children}</LazyChart>
      )}
    </Card>
  );
}

/** A bar chart of counts; clicking a bar drills down to its partners. */
export function CountBars({ data, onDrill, what, color = PALETTE[0], highlightLast }: { data: BarDatum[]; onDrill: (d: DrillRequest) => void; what: string; color?: string; highlightLast?: boolean }) {
  return (
    <ResponsiveContainer>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -20 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-default-border)" vertical={false} />
        <XAxis dataKey="label" tick={AXIS} interval="preserveStartEnd" />
        <YAxis allowDecimals={false} tick={AXIS} />
        <Tooltip {...TOOLTIP} formatter={(v) => [String(v), 'Partners or deals']} />
        <Bar
          dataKey="value"
          fill={color}
          isAnimationActive={false}
          cursor="pointer"
          onClick={(_, index) => {
            const d = data[index];
            if (d) onDrill({ title: `${what}: ${d.label}`, partnerIds: d.partnerIds });
          }}
        >
          {data.map((d, i) => (
            <Cell key={d.label} fill={highlightLast && i === data.length - 1 ? 'var(--mantine-color-gray-5)' : color} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

/**
 * Pipeline per cohort, one chart per currency on its own axis (never summed or mixed on one
 * scale): the currency is picked above the chart.
 */
export function PipelineBars({ rows, currencies, onDrill }: { rows: CohortPipeline[]; currencies: string[]; onDrill: (d: DrillRequest) => void }) {
  const charts = pipelineByCurrency(rows, currencies);
  const [picked, setPicked] = useState<string | null>(null);
  const chart = charts.find((candidate) => candidate.currency === picked) ?? charts[0];
  if (!chart) return null;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      {charts.length > 1 && (
        <SegmentedControl size="xs" aria-label="Currency" value={chart.currency} onChange={setPicked} data={charts.map((candidate) => candidate.currency)} style={{ alignSelf: 'flex-start' }} />
      )}
      <div style={{ flex: 1, minHeight: 0 }} data-testid="pipeline-chart" data-currency={chart.currency}>
        <ResponsiveContainer>
          <BarChart data={chart.rows} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-default-border)" vertical={false} />
            <XAxis dataKey="cohort" tick={AXIS} />
            <YAxis tick={AXIS} tickFormatter={(v: number) => (v >= 1000 ? `${Math.round(v / 1000)}k` : String(v))} label={{ value: chart.currency, angle: -90, position: 'insideLeft', fontSize: 11, fill: 'var(--mantine-color-dimmed)' }} />
            <Tooltip {...TOOLTIP} formatter={(v) => [`${chart.currency} ${Number(v).toLocaleString('en-US')}`, 'Pipeline']} />
            <Bar
              dataKey="amount"
              name={chart.currency}
              fill={PALETTE[0]}
              isAnimationActive={false}
              cursor="pointer"
              onClick={(_, index) => {
                const r = chart.rows[index];
                if (r) onDrill({ title: `Partner-sourced pipeline in ${chart.currency}, cohort ${r.cohort}`, partnerIds: r.partnerIds });
              }}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}

/** Rates in percent per cohort. */
export function RateBars({ data, onDrill, what }: { data: RateDatum[]; onDrill: (d: DrillRequest) => void; what: string }) {
  const rows = data.map((d) => ({ ...d, percent: d.rate === null ? 0 : Math.round(d.rate * 100) }));
  return (
    <ResponsiveContainer>
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -20 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-default-border)" vertical={false} />
        <XAxis dataKey="label" tick={AXIS} />
        <YAxis domain={[0, 100]} tick={AXIS} unit="%" />
        <Tooltip {...TOOLTIP} formatter={(v, _n, item) => [`${String(v)}% (${(item.payload as RateDatum).done} of ${(item.payload as RateDatum).total})`, 'Completed']} />
        <Bar
          dataKey="percent"
          fill={PALETTE[1]}
          isAnimationActive={false}
          cursor="pointer"
          onClick={(_, index) => {
            const d = data[index];
            if (d) onDrill({ title: `${what}: ${d.label}`, partnerIds: d.partnerIds });
          }}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** PSAT mean per month; clicking a point shows who answered. */
export function PsatLine({ data, onDrill }: { data: PsatPoint[]; onDrill: (d: DrillRequest) => void }) {
  return (
    <ResponsiveContainer>
      <LineChart
        data={data}
        margin={{ top: 8, right: 12, bottom: 0, left: -20 }}
        onClick={(state) => {
          const i = typeof state?.activeTooltipIndex === 'number' ? state.activeTooltipIndex : Number(state?.activeTooltipIndex ?? -1);
          const d = data[i];
          if (d) onDrill({ title: `PSAT responses in ${d.label}`, partnerIds: d.partnerIds });
        }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-default-border)" />
        <XAxis dataKey="label" tick={AXIS} />
        <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} tick={AXIS} />
        <Tooltip {...TOOLTIP} formatter={(v, _n, item) => [`${String(v)} (${(item.payload as PsatPoint).count} responses)`, 'Mean PSAT']} />
        <Line type="monotone" dataKey="mean" stroke={PALETTE[3]} strokeWidth={2} dot={{ r: 4, cursor: 'pointer' }} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}

/** Churned vs eligible partners per cohort. */
export function ChurnBars({ data, onDrill }: { data: ChurnDatum[]; onDrill: (d: DrillRequest) => void }) {
  return (
    <ResponsiveContainer>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -20 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-default-border)" vertical={false} />
        <XAxis dataKey="label" tick={AXIS} />
        <YAxis allowDecimals={false} tick={AXIS} />
        <Tooltip {...TOOLTIP} />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        <Bar dataKey="eligible" name="Past day 180" fill="var(--mantine-color-gray-5)" isAnimationActive={false} />
        <Bar
          dataKey="churned"
          name="Churned by day 180"
          fill="var(--mantine-color-red-6)"
          isAnimationActive={false}
          cursor="pointer"
          onClick={(_, index) => {
            const d = data[index];
            if (d) onDrill({ title: `Churned by day 180, cohort ${d.label}`, partnerIds: d.partnerIds });
          }}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
