import { Card, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { tierMoveCounts } from '../../../src-shared/tiers/tierPortfolio';
import { useTierRecommendations } from './useTierRecommendations';

/** Dashboard tile: partners recommended for promotion / demotion awaiting a decision; each opens the list. */
export function TierMovesTile() {
  const navigate = useNavigate();
  const { loading, rows } = useTierRecommendations();
  const counts = useMemo(() => tierMoveCounts(rows), [rows]);
  if (loading) return null;
  const part = (move: 'promote' | 'demote', count: number, label: string, Icon: typeof IconArrowUpRight, color: string) => (
    <UnstyledButton onClick={() => void navigate(`/tiers?move=${move}`)} aria-label={`${count} ${label}: open the list`} style={{ flex: 1 }}>
      <Group gap={6} wrap="nowrap">
        <Icon size={20} color={`var(--mantine-color-${color}-filled)`} aria-hidden />
        <Stack gap={0}>
          <Text fw={700} size="xl" lh={1.1}>
            {count}
          </Text>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
        </Stack>
      </Group>
    </UnstyledButton>
  );
  return (
    <Card withBorder radius="md" padding="sm" component="section" aria-label="Tier recommendations" data-testid="tier-moves-tile">
      <Text size="xs" tt="uppercase" fw={600} c="dimmed" mb={6}>
        Tier changes to decide
      </Text>
      <Group gap="md" wrap="nowrap">
        {part('promote', counts.promote, 'promotions', IconArrowUpRight, 'teal')}
        {part('demote', counts.demote, 'demotions', IconArrowDownRight, 'orange')}
      </Group>
    </Card>
  );
}
