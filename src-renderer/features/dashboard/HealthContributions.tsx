import { Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import type { HealthContribution } from '../../../src-shared/domain/health';

/** Each health measure's contribution: points earned of its weight, with the reason. */
export function HealthContributions({ contributions }: { contributions: readonly HealthContribution[] }) {
  return (
    <Stack gap={6} aria-label="Health contributions">
      {contributions.map((c) => (
        <Tooltip key={c.measure} label={c.text} multiline w={280} withinPortal={false}>
          <div>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="xs">{c.label}</Text>
              <Text size="xs" c="dimmed">
                {c.points} / {c.weight}
                {c.hasData ? '' : ' (no data yet)'}
              </Text>
            </Group>
            <Progress size="sm" value={(c.points / c.weight) * 100} color={c.value >= 0.75 ? 'teal' : c.value >= 0.4 ? 'yellow' : 'red'} aria-label={`${c.label}: ${c.points} of ${c.weight} points`} />
          </div>
        </Tooltip>
      ))}
    </Stack>
  );
}
