import { newId } from '../../../src-shared/domain/ids';
import { Accordion, Alert, Badge, Button, Card, Group, Progress, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconBulb, IconListDetails, IconPlus } from '@tabler/icons-react';
import { addDays, format, parseISO } from 'date-fns';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { compareByDue, journeyDayLabel, PHASE_INFO } from '../../../src-shared/domain/journey';
import type { PartnerOverview } from '../../../src-shared/domain/partnerOverview';
import { PHASES, type Partner, type Task } from '../../../src-shared/domain/types';
import { showUndoToast } from '../../app/showUndoToast';
import { useStoreAction } from '../../app/useStoreAction';
import { useDatabase } from '../../db/useDatabase';
import { NextActionButton } from '../partners/NextActionButton';
import { AddTaskForm } from './AddTaskForm';
import { ScheduleCard } from './ScheduleCard';
import { TaskLine } from './TaskLine';
import { addCustomTask, completeOverdueTasks, restoreTasks } from './updateTask';

type Props = { partner: Partner; tasks: Task[]; overview: PartnerOverview; today: string };

/** The current phase and at most five next steps first; the full journey one click away. */
export function JourneyTab({ partner, tasks, overview, today }: Props) {
  const db = useDatabase();
  const [params] = useSearchParams();
  const focusTaskId = params.get('task');
  const focusTask = focusTaskId ? tasks.find((task) => task.id === focusTaskId) : undefined;
  const focusIsNextStep = focusTask ? overview.journey.nextSteps.some((task) => task.id === focusTask.id) : true;
  const [showAll, setShowAll] = useState(!focusIsNextStep);
  const [add] = useStoreAction(addCustomTask, 'add the task');
  const [catchUp] = useStoreAction(completeOverdueTasks, 'mark the overdue steps done');
  const { journey } = overview;
  const phaseInfo = PHASE_INFO[journey.phase];

  const openAddTask = () => {
    const id = `modal-${newId()}`;
    modals.open({
      modalId: id,
      title: 'Add a task',
      size: 'lg',
      children: (
        <AddTaskForm
          draftKey={`task:new:${partner.id}`}
          day0={partner.day0}
          defaultPhase={journey.phase}
          defaultDue={format(addDays(parseISO(today), 7), 'yyyy-MM-dd')}
          onCancel={() => modals.close(id)}
          onSubmit={async (input) => {
            const order = tasks.reduce((max, task) => Math.max(max, task.order), 0) + 1;
            const task = await add(db, partner.id, input, order);
            if (task) modals.close(id);
            return task !== undefined;
          }}
        />
      ),
    });
  };

  const overdueCount = overview.journey.overdue.length;
  const confirmCatchUp = () =>
    modals.openConfirmModal({
      title: `Mark ${overdueCount} overdue steps done?`,
      children: (
        <Text size="sm">
          Use this when {partner.name} was already working with you before it was entered here and these steps have happened. Each is
          recorded as done on its due date. You can reopen any of them afterwards.
        </Text>
      ),
      labels: { confirm: `Mark ${overdueCount} done`, cancel: 'Cancel' },
      onConfirm: () =>
        void catchUp(
          db,
          overview.journey.overdue.map((task) => task.id),
          today,
        ).then((before) => {
          if (before?.length)
            showUndoToast({ message: `${before.length} overdue step${before.length === 1 ? '' : 's'} marked done`, undo: () => restoreTasks(db, before), undoDescription: 'reopen the steps' });
        }),
    });

  const byPhase = PHASES.map((phase) => ({
    phase,
    tasks: tasks.filter((task) => task.phase === phase).sort(compareByDue),
    progress: journey.phases.find((p) => p.phase === phase),
  }));

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder padding="md" style={{ gridColumn: 'span 2' }}>
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Text size="xs" tt="uppercase" fw={600} c="dimmed">
                Current phase
              </Text>
              <Title order={3}>{phaseInfo.label}</Title>
              <Text size="sm" c="dimmed">
                {phaseInfo.window} · {journeyDayLabel(journey.day)}
              </Text>
            </Stack>
            <Badge size="lg" variant="light">
              {Math.round(journey.progress * 100)}% of the journey done
            </Badge>
          </Group>
          <Group gap={6} mt="md" grow wrap="nowrap" aria-label="Progress by phase">
            {journey.phases.map((p) => (
              <Tooltip key={p.phase} label={`${PHASE_INFO[p.phase].label}: ${p.done} of ${p.total} done`}>
                <Stack gap={4}>
                  <Progress
                    value={p.total === 0 ? 0 : p.ratio * 100}
                    color={p.phase === journey.phase ? 'indigo' : p.ratio === 1 ? 'teal' : 'gray'}
                    size="md"
                    aria-label={`${PHASE_INFO[p.phase].label}: ${p.done} of ${p.total} done`}
                  />
                  <Text size="xs" c={p.phase === journey.phase ? undefined : 'dimmed'} fw={p.phase === journey.phase ? 600 : undefined} truncate>
                    {PHASE_INFO[p.phase].label}
                  </Text>
                </Stack>
              </Tooltip>
            ))}
          </Group>
        </Card>
        <Card withBorder padding="md">
          <Stack gap="xs">
            <Group gap={6}>
              <IconBulb size={18} color="var(--mantine-color-yellow-6)" />
              <Text size="xs" tt="uppercase" fw={600} c="dimmed">
                Next best action
              </Text>
            </Group>
            {overview.next ? (
              <>
                <Text size="sm">{overview.next.detail}</Text>
                <div>
                  <NextActionButton partnerId={partner.id} action={overview.next} />
                </div>
              </>
            ) : (
              <Text size="sm" c="dimmed">
                This partner has churned; there is nothing left to do.
              </Text>
            )}
          </Stack>
        </Card>
      </SimpleGrid>

      <ScheduleCard partner={partner} tasks={tasks} today={today} />

      {overdueCount >= 3 && (
        <Alert variant="light" color="orange" title={`${overdueCount} steps are overdue`}>
          <Group justify="space-between" gap="sm">
            <Text size="sm" style={{ flex: '1 1 320px' }}>
              If they already happened before this partner was entered in Partner Desk, record them in one go; otherwise work through
              them below, oldest first.
            </Text>
            <Button size="xs" variant="white" color="orange" onClick={confirmCatchUp}>
              Mark {overdueCount} overdue steps done
            </Button>
          </Group>
        </Alert>
      )}

      <Card withBorder padding="md">
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h5">
            Next steps
          </Title>
          <Group gap="xs">
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={openAddTask}>
              Add task
            </Button>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconListDetails size={14} />}
              onClick={() => setShowAll((value) => !value)}
              aria-expanded={showAll}
            >
              {showAll ? 'Hide full journey' : `Show full journey (${tasks.length} tasks)`}
            </Button>
          </Group>
        </Group>
        {journey.nextSteps.length === 0 ? (
          <Alert variant="light" color="teal" title="No open tasks">
            Every task is done or set aside. The journey continues with quarterly reviews: add the next step so this partner keeps moving.
          </Alert>
        ) : (
          <Stack gap={0} data-testid="next-steps">
            {journey.nextSteps.map((task) => (
              <TaskLine key={task.id} task={task} today={today} showGuidance highlighted={task.id === focusTaskId} partnerType={partner.type} />
            ))}
          </Stack>
        )}
      </Card>

      {showAll && (
        <Card withBorder padding="md" data-testid="full-journey">
          <Title order={3} size="h5" mb="xs">
            Full journey
          </Title>
          <Accordion multiple defaultValue={[...PHASES]} variant="separated">
            {byPhase.map(({ phase, tasks: phaseTasks, progress }) => (
              <Accordion.Item key={phase} value={phase}>
                <Accordion.Control>
                  <Group justify="space-between" pr="sm">
                    <Stack gap={0}>
                      <Text fw={600} size="sm">
                        {PHASE_INFO[phase].label}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {PHASE_INFO[phase].window}
                      </Text>
                    </Stack>
                    <Text size="xs" c="dimmed">
                      {progress?.done ?? 0} of {progress?.total ?? 0} done
                    </Text>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  {phaseTasks.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      No tasks in this phase.
                    </Text>
                  ) : (
                    <Stack gap={0}>
                      {phaseTasks.map((task) => (
                        <TaskLine key={task.id} task={task} today={today} showGuidance highlighted={task.id === focusTaskId} partnerType={partner.type} />
                      ))}
                    </Stack>
                  )}
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Card>
      )}
    </Stack>
  );
}
