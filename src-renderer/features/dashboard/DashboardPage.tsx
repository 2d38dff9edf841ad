import { Anchor, Badge, Button, Card, CloseButton, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDownRight, IconArrowUpRight, IconDownload, IconMinus } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { journeyDayLabel, PHASE_INFO } from '../../../src-shared/domain/journey';
import { PARTNER_TYPES, type PartnerType } from '../../../src-shared/domain/types';
import { dashboardData, drillPartnerIds, type Dashboard, type KpiTile } from '../../../src-shared/kpi/dashboardData';
import { kpiTableCsv, kpiTableRows, modelRows } from '../../../src-shared/kpi/kpiTable';
import { filterKpiData, signingCohort, type KpiData } from '../../../src-shared/kpi/programKpis';
import { PageLoader } from '../../app/PageLoader';
import { usePortfolioOverview } from '../../app/usePortfolioOverview';
import { useAppData, type AppData } from '../../db/useAppData';
import { CSV_FILE } from '../../platform/platform';
import { usePlatform } from '../../platform/usePlatform';
import { HealthBadge } from '../partners/HealthBadge';
import { ChartCard, ChurnBars, CountBars, PipelineBars, PsatLine, RateBars, type DrillRequest } from './DashboardCharts';
import { TierMovesTile } from '../tiers/TierMovesTile';
import { DealRegistrationCard } from './DealRegistrationCard';
import { MdfKpiCard } from './MdfKpiCard';
import { ModelQualityCard } from './ModelQualityCard';
import { TierDistributionCard } from './TierDistributionCard';
import { useRiskModel } from './useRiskAssessment';

/** Dashboard figures per data snapshot and filter, so coming back to the dashboard is instant. */
const computed = new WeakMap<AppData, Map<string, Dashboard>>();

const TYPE_LABELS: Record<PartnerType, string> = { reseller: 'Reseller', isv: 'ISV', si: 'System integrator', msp: 'MSP', referral: 'Referral' };

function Tile({ tile, onDrill }: { tile: KpiTile; onDrill: (d: DrillRequest & { tileKey?: string }) => void }) {
  const Icon = tile.trend === 'up' ? IconArrowUpRight : tile.trend === 'down' ? IconArrowDownRight : IconMinus;
  const color = tile.good === null ? 'dimmed' : tile.good ? 'teal' : 'red';
  return (
    <UnstyledButton onClick={() => onDrill({ title: tile.label, partnerIds: tile.partnerIds, tileKey: tile.key })} aria-label={`${tile.label}: ${tile.value}. Show the partners behind it`}>
      <Paper withBorder p="sm" radius="md" h="100%">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {tile.label}
        </Text>
        <Group gap={6} align="baseline" wrap="nowrap">
          <Text size="xl" fw={700} data-testid={`tile-${tile.key}`}>
            {tile.value}
          </Text>
          {tile.trend !== 'none' ? (
            <Group gap={2} c={color} wrap="nowrap">
              <Icon size={14} />
              <Text size="xs" c={color}>
                was {tile.previous}
              </Text>
            </Group>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed">
          {tile.hint}
        </Text>
      </Paper>
    </UnstyledButton>
  );
}

/** The partners behind a chart bar or tile, with their health and a link to each. */
function DrillDown({ drill, dashboard, onClose }: { drill: DrillRequest & { tileKey?: string }; dashboard: Dashboard; onClose: () => void }) {
  const { rowsById } = usePortfolioOverview();
  const rows = drillPartnerIds(dashboard, drill).map((id) => rowsById.get(id)).filter((r) => r !== undefined).sort((a, b) => a.partner.name.localeCompare(b.partner.name));
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label="Partners behind the chart">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          {drill.title} — {rows.length} partner{rows.length === 1 ? '' : 's'}
        </Title>
        <CloseButton aria-label="Close the partner list" onClick={onClose} />
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No partner behind this one.
        </Text>
      ) : (
        <Table aria-label="Drill-down partners" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Partner</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Journey</Table.Th>
              <Table.Th>Health</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.partner.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/partners/${r.partner.id}`} size="sm" fw={500}>
                    {r.partner.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{TYPE_LABELS[r.partner.type]}</Table.Td>
                <Table.Td>
                  {journeyDayLabel(r.journey.day)} · {PHASE_INFO[r.journey.phase].label}
                </Table.Td>
                <Table.Td>
                  <HealthBadge health={r.health} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

/** The program dashboard: KPI tiles with trends, charts that drill down to partners, the at-risk model's quality. */
export function DashboardPage() {
  const data = useAppData();
  const { today } = usePortfolioOverview();
  const platform = usePlatform();
  const model = useRiskModel();
  const [cohort, setCohort] = useState<string | null>(null);
  const [type, setType] = useState<string | null>(null);
  const [owner, setOwner] = useState<string | null>(null);
  const [drill, setDrill] = useState<(DrillRequest & { tileKey?: string }) | null>(null);
  const drillRef = useRef<HTMLDivElement>(null);
  const filter = useMemo(() => ({ ...(cohort ? { cohort } : {}), ...(type ? { type: type as PartnerType } : {}), ...(owner ? { ownerEmail: owner } : {}) }), [cohort, type, owner]);

  const cohorts = useMemo(() => [...new Set(data.partners.map(signingCohort))].sort().reverse(), [data.partners]);
  const owners = useMemo(() => [...new Set(data.partners.map((p) => p.ownerEmail))].sort(), [data.partners]);
  const dash = useMemo(() => {
    // Same data snapshot and filters as last visit: reuse the figures instead of recomputing.
    const key = `${today}|${cohort ?? ''}|${type ?? ''}|${owner ?? ''}`;
    let perData = computed.get(data);
    if (!perData) computed.set(data, (perData = new Map()));
    const hit = perData.get(key);
    if (hit) return hit;
    const all: KpiData = {
      partners: data.partners,
      tasks: [...data.tasksByPartner.values()].flat(),
      deals: [...data.dealsByPartner.values()].flat(),
      trainings: [...data.trainingsByPartner.values()].flat(),
      surveys: [...data.surveysByPartner.values()].flat(),
    };
    const fresh = dashboardData(filterKpiData(all, { ...(cohort ? { cohort } : {}), ...(type ? { type: type as PartnerType } : {}), ...(owner ? { ownerEmail: owner } : {}) }), today);
    perData.set(key, fresh);
    return fresh;
  }, [data, cohort, type, owner, today]);

  if (data.loading) return <PageLoader />;
  const showDrill = (d: DrillRequest & { tileKey?: string }) => {
    setDrill(d);
    requestAnimationFrame(() => drillRef.current?.scrollIntoView({ behavior: 'smooth', block: 'nearest' }));
  };
  const exportCsv = async () => {
    const content = kpiTableCsv([...kpiTableRows(dash.kpis), ...(model ? modelRows(model) : [])]);
    const result = await platform.saveTextFile({ suggestedName: `program-kpis-${today}.csv`, content, kind: CSV_FILE });
    if (result.saved) notifications.show({ color: 'teal', title: 'KPIs exported', message: 'The KPI table was saved as CSV.' });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={2}>Dashboard</Title>
          <Text c="dimmed" size="sm">
            Program KPIs as of {today}, computed on this laptop — trends compare with 30 days earlier. Click a tile or a bar to see the partners behind it.
          </Text>
        </Stack>
        <Button variant="light" leftSection={<IconDownload size={16} />} onClick={() => void exportCsv()}>
          Export KPI table (CSV)
        </Button>
      </Group>
      <Group gap="sm">
        <Select label="Signing cohort" placeholder="All cohorts" clearable data={cohorts} value={cohort} onChange={setCohort} w={170} />
        <Select label="Partner type" placeholder="All types" clearable data={PARTNER_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))} value={type} onChange={setType} w={190} />
        <Select label="Manager" placeholder="All managers" clearable data={owners} value={owner} onChange={setOwner} w={240} />
      </Group>
      {dash.kpis.recruited === 0 ? (
        <Text c="dimmed">No partner signed on or before {today} matches these filters.</Text>
      ) : null}
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        {dash.tiles.map((t) => (
          <Tile key={t.key} tile={t} onDrill={showDrill} />
        ))}
        <TierMovesTile />
      </SimpleGrid>
      <MdfKpiCard today={today} filter={filter} />
      <div ref={drillRef}>{drill ? <DrillDown drill={drill} dashboard={dash} onClose={() => setDrill(null)} /> : null}</div>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <ChartCard label="ttv" title="Time to first revenue" subtitle={`Days from Day 0 to the first won deal; median ${dash.kpis.timeToFirstRevenue.medianDays ?? '—'}; the grey bar is partners without one yet`} empty={dash.kpis.recruited === 0}>
          <CountBars data={dash.ttv} onDrill={showDrill} what="Time to first revenue" highlightLast />
        </ChartCard>
        <ChartCard label="funnel" title="Activation funnel by phase" subtitle="Recruited partners with every required step done through each phase, then activated (a first deal)" empty={dash.kpis.recruited === 0}>
          <CountBars data={dash.funnel} onDrill={showDrill} what="Activation funnel" color="var(--mantine-color-teal-6)" />
        </ChartCard>
        <ChartCard label="pipeline" title="Partner-sourced pipeline by cohort" subtitle="Sourced deals not lost, registered in the first 180 days; per currency" empty={dash.pipeline.rows.length === 0}>
          <PipelineBars rows={dash.pipeline.rows} currencies={dash.pipeline.currencies} onDrill={showDrill} />
        </ChartCard>
        <ChartCard label="certification" title="Certification completion by cohort" subtitle={`Required trainings completed: ${dash.kpis.certificationCompletion.done} of ${dash.kpis.certificationCompletion.total} overall`} empty={dash.certification.length === 0}>
          <RateBars data={dash.certification} onDrill={showDrill} what="Certification completion, cohort" />
        </ChartCard>
        <ChartCard label="registrations" title="Deal registrations per month" subtitle={`${dash.kpis.dealRegistrations.total} deals registered, all stages`} empty={dash.registrations.length === 0}>
          <CountBars data={dash.registrations} onDrill={showDrill} what="Deals registered in" color="var(--mantine-color-orange-6)" />
        </ChartCard>
        <ChartCard label="psat" title="PSAT over time" subtitle={`Mean ${dash.kpis.psat.mean ?? '—'} from ${dash.kpis.psat.count} responses`} empty={dash.psat.length === 0}>
          <PsatLine data={dash.psat} onDrill={showDrill} />
        </ChartCard>
        <ChartCard label="churn" title="New-partner churn" subtitle="Partners past day 180 per cohort, and those who churned by then" empty={dash.churn.length === 0}>
          <ChurnBars data={dash.churn} onDrill={showDrill} />
        </ChartCard>
        <ModelQualityCard model={model} />
        <DealRegistrationCard filter={filter} today={today} />
        <TierDistributionCard filter={filter} today={today} />
      </SimpleGrid>
      <Card withBorder radius="md" padding="md" component="section" aria-label="KPI table">
        <Title order={3} size="h5" mb="xs">
          KPI table
        </Title>
        <Table striped>
          <Table.Tbody>
            {[...kpiTableRows(dash.kpis), ...(model ? modelRows(model) : [])].map((r) => (
              <Table.Tr key={r.kpi}>
                <Table.Td fw={500}>{r.kpi}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color="gray" size="lg" radius="sm">
                    {r.value}
                  </Badge>
                </Table.Td>
                <Table.Td c="dimmed" fz="sm">
                  {r.detail}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}
