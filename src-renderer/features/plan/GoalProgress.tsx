import { Badge, Group, Progress, Text } from '@mantine/core';
import type { IsoDate, PlanItem } from '../../../src-shared/domain/types';
import { GOAL_STATUS_COLORS, GOAL_STATUS_LABELS, goalPercent, goalStatus } from '../../../src-shared/plan/goalRules';

/** A goal's progress bar with its percentage (a dash when the goal has no target). */
export function GoalProgressBar({ goal }: { goal: Pick<PlanItem, 'target' | 'actual' | 'title'> }) {
  const percent = goalPercent(goal);
  if (percent === null) return <Text size="sm" c="dimmed">—</Text>;
  return (
    <Group gap={8} wrap="nowrap" miw={120}>
      <Progress value={percent} size="md" radius="xl" style={{ flex: 1 }} aria-label={`${goal.title}: ${percent}% done`} />
      <Text size="xs" w={36} ta="right">
        {percent}%
      </Text>
    </Group>
  );
}

export function GoalStatusBadge({ goal, today }: { goal: Pick<PlanItem, 'target' | 'actual' | 'dueDate'>; today: IsoDate }) {
  const status = goalStatus(goal, today);
  return (
    // The whole word, never "ACHIE…": the label is not cut, so the column takes its width.
    <Badge variant="light" color={GOAL_STATUS_COLORS[status]} size="sm" style={{ flexShrink: 0, overflow: 'visible' }} miw="fit-content" styles={{ label: { overflow: 'visible', textOverflow: 'clip' } }}>
      {GOAL_STATUS_LABELS[status]}
    </Badge>
  );
}
