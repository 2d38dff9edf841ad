import { ActionIcon, Badge, Button, Card, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconPin, IconPinnedOff } from '@tabler/icons-react';
import { useMemo } from 'react';
import { dayNumber } from '../../../src-shared/domain/journey';
import type { Partner, Task } from '../../../src-shared/domain/types';
import { describeDelay, describeMove, reschedule } from '../../../src-shared/journey/reschedule';
import { useStoreAction } from '../../app/useStoreAction';
import { useDatabase } from '../../db/useDatabase';
import { formatDate } from './dueLabel';
import { showUndoToast } from '../../app/showUndoToast';
import { applyScheduleMoves, pinTaskDate } from './scheduleWrites';
import { restoreTasks } from './updateTask';

/**
 * The forecast end of onboarding against the day-90 target, the steps late prerequisites put
 * later than planned (and why), and the pinned dates. The manager moves the due dates in one
 * click (so the task list, Today and health agree) or pins a date so it stays.
 */
export function ScheduleCard({ partner, tasks, today }: { partner: Partner; tasks: Task[]; today: string }) {
  const db = useDatabase();
  const schedule = useMemo(() => reschedule(tasks, partner.day0, today), [tasks, partner.day0, today]);
  const [applyMoves, applying] = useStoreAction(applyScheduleMoves, 'move the due dates');
  const moveDates = async () => {
    const before = await applyMoves(db, schedule.moves);
    if (before?.length)
      showUndoToast({ message: `${before.length} due date${before.length === 1 ? '' : 's'} moved`, undo: () => restoreTasks(db, before), undoDescription: 'put the due dates back' });
  };
  const [pin] = useStoreAction(pinTaskDate, 'pin the date');
  const pinned = tasks.filter((t) => t.pinned && t.status === 'open');
  const hasDependencies = tasks.some((t) => (t.dependsOn ?? []).length > 0);
  if (!schedule.forecastEnd && schedule.moves.length === 0) return null;

  const slip = schedule.slipDays ?? 0;
  const forecastDay = schedule.forecastEnd ? dayNumber(partner.day0, schedule.forecastEnd) : null;
  return (
    <Card withBorder padding="md" data-testid="schedule-card">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Text size="xs" tt="uppercase" fw={600} c="dimmed">
              End of onboarding
            </Text>
            <Group gap="sm" align="baseline">
              <Title order={3} size="h4" data-testid="forecast-end">
                {schedule.forecastEnd ? `Forecast ${formatDate(schedule.forecastEnd)}` : 'No onboarding steps'}
              </Title>
              <Text size="sm" c="dimmed">
                target day 90, {formatDate(schedule.targetEnd)}
                {forecastDay !== null ? ` · forecast day ${forecastDay}` : ''}
              </Text>
            </Group>
          </Stack>
          {schedule.forecastEnd && (
            <Badge size="lg" variant="light" color={slip > 0 ? 'orange' : 'teal'} data-testid="forecast-badge">
              {slip > 0 ? `${slip} day${slip === 1 ? '' : 's'} late` : 'On track'}
            </Badge>
          )}
        </Group>

        {(schedule.delays.length > 0 || schedule.moves.length > 0) && (
          <Stack gap={6} data-testid="schedule-moves">
            <Group justify="space-between">
              <Text size="sm" fw={600}>
                What moved and why
              </Text>
              {schedule.moves.length > 0 && (
                <Button size="xs" loading={applying} onClick={() => void moveDates()}>
                  Move {schedule.moves.length} due date{schedule.moves.length === 1 ? '' : 's'}
                </Button>
              )}
            </Group>
            {schedule.delays.map((delay) => {
              const pending = schedule.moves.some((m) => m.taskId === delay.taskId);
              return (
                <Group key={delay.taskId} gap="xs" wrap="nowrap" align="flex-start" data-testid="schedule-move">
                  <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                    <Text size="sm">
                      <Text span fw={500}>
                        {delay.title}
                      </Text>
                      : {formatDate(delay.planned)} → {formatDate(delay.due)}
                      {pending ? (
                        <Badge ml={6} size="xs" variant="light" color="orange">
                          not moved yet
                        </Badge>
                      ) : null}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {describeDelay(delay)}
                    </Text>
                  </Stack>
                  <Tooltip label={`Pin the date: late prerequisites no longer move it`}>
                    <ActionIcon variant="subtle" aria-label={`Pin the date of ${delay.title}`} onClick={() => void pin(db, delay.taskId, true)}>
                      <IconPin size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              );
            })}
            {schedule.moves
              .filter((m) => !schedule.delays.some((d) => d.taskId === m.taskId))
              .map((move) => (
                <Text key={move.taskId} size="sm" data-testid="schedule-move">
                  <Text span fw={500}>
                    {move.title}
                  </Text>
                  : {formatDate(move.from)} → {formatDate(move.to)}{' '}
                  <Text span size="xs" c="dimmed">
                    {describeMove(move)}
                  </Text>
                </Text>
              ))}
          </Stack>
        )}
        {schedule.delays.length === 0 && schedule.moves.length === 0 && hasDependencies && (
          <Text size="sm" c="dimmed">
            {pinned.length > 0 ? 'No other step waits on a late prerequisite.' : 'Every step with prerequisites is on its planned date.'}
          </Text>
        )}

        {pinned.length > 0 && (
          <Stack gap={4}>
            <Text size="xs" tt="uppercase" fw={600} c="dimmed">
              Pinned dates
            </Text>
            {pinned.map((task) => {
              const held = schedule.held.find((h) => h.taskId === task.id);
              return (
                <Group key={task.id} gap="xs" wrap="nowrap">
                  <Text size="sm" style={{ flex: 1 }}>
                    {task.title}: {formatDate(task.dueDate)}
                    {held ? (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        · would move {held.wouldShiftDays} day{held.wouldShiftDays === 1 ? '' : 's'} later
                      </Text>
                    ) : null}
                  </Text>
                  <Tooltip label="Unpin: late prerequisites move it again">
                    <ActionIcon variant="subtle" color="gray" aria-label={`Unpin the date of ${task.title}`} onClick={() => void pin(db, task.id, false)}>
                      <IconPinnedOff size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              );
            })}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
