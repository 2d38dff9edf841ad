import { Card, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { IsoDate } from '../../../src-shared/domain/types';
import { mdfKpis } from '../../../src-shared/kpi/mdfKpis';
import { filterKpiData, type KpiFilter } from '../../../src-shared/kpi/programKpis';
import { useAppData } from '../../db/useAppData';
import { useAllMdfDocs } from '../mdf/useMdfDocs';
import { mdfKpiTiles } from './mdfKpiTiles';

/** Dashboard card: MDF utilisation and return on won revenue, per currency, as of `today`, for the partners matching the dashboard's filters. */
export function MdfKpiCard({ today, filter = {} }: { today: IsoDate; filter?: KpiFilter }) {
  const data = useAppData();
  const docs = useAllMdfDocs();
  const { cohort, type, ownerEmail } = filter;
  const tiles = useMemo(() => {
    if (!docs) return null;
    const scope = filterKpiData({ partners: data.partners, tasks: [], deals: [...data.dealsByPartner.values()].flat(), trainings: [], surveys: [] }, { ...(cohort ? { cohort } : {}), ...(type ? { type } : {}), ...(ownerEmail ? { ownerEmail } : {}) });
    return mdfKpiTiles(mdfKpis(scope.partners, docs, scope.deals, today));
  }, [docs, data, today, cohort, type, ownerEmail]);
  if (tiles === null) return null;
  return (
    <Card withBorder radius="md" padding="sm" component="section" aria-label="MDF utilisation and return" data-testid="mdf-kpi-card">
      <Text size="xs" tt="uppercase" fw={600} c="dimmed" mb={6}>
        Market development funds
      </Text>
      {tiles.length === 0 ? (
        <Text size="sm" c="dimmed">
          No MDF approved for these partners yet: utilisation (claimed ÷ approved) and the return on linked won deals show here once requests are approved in a partner’s MDF tab.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          {tiles.flatMap((t) => [
            <Paper key={`${t.currency}-u`} withBorder p="sm" radius="md">
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                MDF utilisation · {t.currency}
              </Text>
              <Group gap={6} align="baseline">
                <Text size="xl" fw={700} data-testid={`mdf-utilisation-${t.currency}`}>
                  {t.utilisation}
                </Text>
              </Group>
              <Text size="xs" c="dimmed">
                {t.utilisationHint}
              </Text>
            </Paper>,
            <Paper key={`${t.currency}-r`} withBorder p="sm" radius="md">
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                MDF return · {t.currency}
              </Text>
              <Text size="xl" fw={700} data-testid={`mdf-roi-${t.currency}`}>
                {t.roi}
              </Text>
              <Text size="xs" c="dimmed">
                {t.roiHint}
              </Text>
            </Paper>,
          ])}
        </SimpleGrid>
      )}
    </Card>
  );
}
