import { ActionIcon, Alert, Badge, Button, Card, Checkbox, Group, Kbd, Modal, NavLink, Progress, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { formatDate } from '../../../src-shared/util/formatDate';
import { useHotkeys } from '@mantine/hooks';
import { IconArrowLeft, IconArrowRight, IconCheck, IconPlayerPause, IconPlayerPlay, IconPlayerStop, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { newId, todayIso } from '../../../src-shared/domain/ids';
import { isRealIsoDate } from '../../../src-shared/domain/partnerInput';
import type { Meeting, Partner, Task } from '../../../src-shared/domain/types';
import { callTiming, formatDuration, overrunSeconds, pauseCall, resumeCall, switchItem } from '../../../src-shared/meetings/callTiming';
import { suggestedNextCheckin } from '../../../src-shared/meetings/checkins';
import { KICKOFF_CHECKLIST_KEYS } from '../../../src-shared/meetings/kickoffAgenda';
import { OWNER_SIDE_LABELS } from '../../app/labels';
import { useStoreAction } from '../../app/useStoreAction';
import { useDatabase } from '../../db/useDatabase';
import { completeTask, reopenTask } from '../journey/updateTask';
import { ActionLineInput } from './ActionLineInput';
import { AttendeesPicker, peopleOf } from './AttendeesPicker';
import { endKickoffCall, updateAgendaItem, updateMeeting } from './updateMeeting';
import { useClock } from './useClock';
import { showUndoToast } from '../../app/showUndoToast';
import { useAutosave } from '../../app/useAutosave';
import { DateField } from '../../app/DateField';
import { useSaveStatus } from '../../app/useSaveStatus';

type Props = { partner: Partner; meeting: Meeting; tasks: Task[]; today: string };

function ItemNotes({ meeting, itemId, notes, title }: { meeting: Meeting; itemId: string; notes: string; title: string }) {
  const db = useDatabase();
  const { track } = useSaveStatus();
  const field = useAutosave(notes, (value) => track(updateAgendaItem(db, meeting.id, itemId, { notes: value })));
  return (
    <Textarea
      label={`Notes on “${title}”`}
      placeholder="What was said, what matters…"
      autosize
      minRows={6}
      maxRows={16}
      value={field.value}
      onChange={(event) => field.onChange(event.currentTarget.value)}
      onBlur={() => void field.flush()}
    />
  );
}

function MeetingNotes({ meeting }: { meeting: Meeting }) {
  const db = useDatabase();
  const { track } = useSaveStatus();
  const field = useAutosave(meeting.notes, (value) => track(updateMeeting(db, meeting.id, (m) => ({ ...m, notes: value }))));
  return (
    <Textarea
      label="General notes"
      autosize
      minRows={2}
      maxRows={8}
      value={field.value}
      onChange={(event) => field.onChange(event.currentTarget.value)}
      onBlur={() => void field.flush()}
    />
  );
}

/** The live kick-off call: the current agenda item large, its timer, notes, decisions and actions. */
export function CallMode({ partner, meeting, tasks, today }: Props) {
  const db = useDatabase();
  const { track } = useSaveStatus();
  const [write] = useStoreAction(updateMeeting, 'save the call');
  const [tick] = useStoreAction(completeTask, 'tick off the journey step');
  const [untick] = useStoreAction(reopenTask, 'reopen the journey step');
  const [end, ending] = useStoreAction(endKickoffCall, 'end the call');
  const [decision, setDecision] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [nextCheckin, setNextCheckin] = useState('');
  const timing = callTiming(meeting, useClock(true));
  const now = () => Date.now();
  const save = (change: (m: Meeting) => Meeting) => track(write(db, meeting.id, change).then(() => undefined));

  const index = Math.max(0, meeting.agenda.findIndex((item) => item.id === meeting.currentItemId));
  const current = meeting.agenda[index];
  const goTo = (offset: number) => {
    const target = meeting.agenda[index + offset];
    if (target) void save((m) => switchItem(m, target.id, now()));
  };
  useHotkeys(
    [
      ['alt+ArrowRight', () => goTo(1)],
      ['alt+ArrowLeft', () => goTo(-1)],
    ],
    [],
  );

  const spent = current ? (timing.itemSeconds[current.id] ?? 0) : 0;
  const over = current ? overrunSeconds(current, spent) : 0;
  const plannedSeconds = (current?.plannedMinutes ?? 0) * 60;
  const { partnerPeople, vendorPeople } = peopleOf(partner);
  const checklist = KICKOFF_CHECKLIST_KEYS.map((key) => tasks.find((t) => t.key === key)).filter((t): t is Task => t !== undefined);

  const undated = meeting.actionItems.filter((item) => !item.dueDate && !item.taskId).length;
  const openEnd = () => {
    setNextCheckin(suggestedNextCheckin(partner, meeting.scheduledOn));
    setConfirming(true);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Group gap="xs">
            <Title order={2}>Kick-off call: {partner.name}</Title>
            <Badge color={timing.paused ? 'yellow' : 'red'} variant="dot">
              {timing.paused ? 'Paused' : 'Live'}
            </Badge>
          </Group>
          <Text c="dimmed" size="sm">
            Total <b data-testid="total-elapsed">{formatDuration(timing.totalSeconds)}</b> of{' '}
            {meeting.agenda.reduce((sum, i) => sum + i.plannedMinutes, 0)} min planned · move with <Kbd size="xs">Alt</Kbd>+<Kbd size="xs">←</Kbd>/<Kbd size="xs">→</Kbd>
          </Text>
        </Stack>
        <Group gap="xs">
          {timing.paused ? (
            <Button variant="light" leftSection={<IconPlayerPlay size={16} />} onClick={() => void save((m) => resumeCall(m, now()))}>
              Resume
            </Button>
          ) : (
            <Button variant="default" leftSection={<IconPlayerPause size={16} />} onClick={() => void save((m) => pauseCall(m, now()))}>
              Pause
            </Button>
          )}
          <Button color="red" leftSection={<IconPlayerStop size={16} />} onClick={openEnd}>
            End call
          </Button>
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="md">
        <Stack gap="md" style={{ gridColumn: 'span 2' }}>
          {current ? (
            <Card withBorder padding="lg" data-testid="current-item">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={2}>
                  <Text size="xs" tt="uppercase" fw={600} c="dimmed">
                    Item {index + 1} of {meeting.agenda.length}
                  </Text>
                  <Title order={2} size="h1" data-testid="current-item-title">
                    {current.title}
                  </Title>
                </Stack>
                <Stack gap={0} align="flex-end">
                  <Text fz={36} fw={700} ff="monospace" c={over > 0 ? 'red' : undefined} aria-label="Time on this item" data-testid="item-timer">
                    {formatDuration(spent)}
                  </Text>
                  <Text size="sm" c={over > 0 ? 'red' : 'dimmed'} fw={over > 0 ? 600 : undefined}>
                    {current.plannedMinutes > 0 ? (over > 0 ? `${formatDuration(over)} over the ${current.plannedMinutes} min planned` : `of ${current.plannedMinutes} min planned`) : 'no time planned'}
                  </Text>
                </Stack>
              </Group>
              {plannedSeconds > 0 && <Progress mt="sm" value={Math.min(100, (spent / plannedSeconds) * 100)} color={over > 0 ? 'red' : 'indigo'} aria-label="Time used of the planned minutes" />}
              <Stack gap="sm" mt="md">
                <ItemNotes key={current.id} meeting={meeting} itemId={current.id} notes={current.notes} title={current.title} />
                <Group justify="space-between">
                  <Button variant="default" leftSection={<IconArrowLeft size={16} />} disabled={index === 0} onClick={() => goTo(-1)}>
                    Previous
                  </Button>
                  <Group gap="xs">
                    <Checkbox
                      label="Covered"
                      checked={current.done}
                      onChange={(event) => void track(updateAgendaItem(db, meeting.id, current.id, { done: event.currentTarget.checked }))}
                    />
                    <Button
                      rightSection={<IconArrowRight size={16} />}
                      disabled={index >= meeting.agenda.length - 1}
                      onClick={() => {
                        const next = meeting.agenda[index + 1];
                        if (next) void save((m) => switchItem({ ...m, agenda: m.agenda.map((i) => (i.id === current.id ? { ...i, done: true } : i)) }, next.id, now()));
                      }}
                    >
                      Done, next item
                    </Button>
                  </Group>
                </Group>
              </Stack>
            </Card>
          ) : (
            <Alert color="yellow" title="The agenda is empty">
              Note what was discussed below, then end the call.
            </Alert>
          )}

          <Card withBorder padding="md">
            <Title order={3} size="h5" mb="xs">
              Action items
            </Title>
            <ActionLineInput
              draftKey={`kickoff-action:${meeting.id}`}
              label="New action item"
              today={today}
              partnerPeople={partnerPeople}
              vendorPeople={vendorPeople}
              onAdd={async (action) => {
                const id = newId();
                await save((m) => ({ ...m, actionItems: [...m.actionItems, { id, ...action }] }));
                return id;
              }}
              onSetDue={(id, dueDate) => save((m) => ({ ...m, actionItems: m.actionItems.map((a) => (a.id === id ? { ...a, dueDate } : a)) }))}
            />
            <Stack gap={4} mt="sm" data-testid="action-items">
              {meeting.actionItems.length === 0 && (
                <Text size="sm" c="dimmed">
                  No action items yet. Each one becomes a journey task when the call ends.
                </Text>
              )}
              {meeting.actionItems.map((item) => (
                <Group key={item.id} gap="xs" wrap="nowrap" data-testid="action-item">
                  <Text size="sm" style={{ flex: 1 }}>
                    <b>{item.text}</b> · {OWNER_SIDE_LABELS[item.ownerSide]}
                    {item.ownerName ? `: ${item.ownerName}` : ''} · {item.dueDate ? `due ${formatDate(item.dueDate)}` : 'due in 7 days'}
                  </Text>
                  <ActionIcon variant="subtle" color="red" aria-label={`Remove action “${item.text}”`} onClick={() => void save((m) => ({ ...m, actionItems: m.actionItems.filter((a) => a.id !== item.id) })).then(() =>
                        showUndoToast({
                          message: `Action “${item.text}” removed`,
                          undo: () => save((m) => ({ ...m, actionItems: m.actionItems.some((a) => a.id === item.id) ? m.actionItems : [...m.actionItems, item] })),
                          undoDescription: 'bring the action item back',
                        }),
                      )}>
                    <IconTrash size={14} />
                  </ActionIcon>
                </Group>
              ))}
            </Stack>
          </Card>

          <Card withBorder padding="md">
            <Title order={3} size="h5" mb="xs">
              Decisions
            </Title>
            <TextInput
              label="New decision"
              description="Enter adds"
              value={decision}
              onChange={(event) => setDecision(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key !== 'Enter') return;
                event.preventDefault();
                const text = decision.trim();
                if (!text) return;
                setDecision('');
                void save((m) => ({ ...m, decisions: [...m.decisions, { id: newId(), text }] }));
              }}
            />
            <Stack gap={4} mt="sm">
              {meeting.decisions.map((d) => (
                <Group key={d.id} gap="xs" wrap="nowrap" data-testid="decision">
                  <IconCheck size={14} color="var(--mantine-color-teal-6)" />
                  <Text size="sm" style={{ flex: 1 }}>
                    {d.text}
                  </Text>
                  <ActionIcon variant="subtle" color="red" aria-label={`Remove decision “${d.text}”`} onClick={() => void save((m) => ({ ...m, decisions: m.decisions.filter((x) => x.id !== d.id) })).then(() =>
                        showUndoToast({
                          message: `Decision “${d.text}” removed`,
                          undo: () => save((m) => ({ ...m, decisions: m.decisions.some((x) => x.id === d.id) ? m.decisions : [...m.decisions, d] })),
                          undoDescription: 'bring the decision back',
                        }),
                      )}>
                    <IconTrash size={14} />
                  </ActionIcon>
                </Group>
              ))}
            </Stack>
            <Stack mt="sm">
              <MeetingNotes meeting={meeting} />
            </Stack>
          </Card>
        </Stack>

        <Stack gap="md">
          <Card withBorder padding="sm">
            <Title order={3} size="h5" mb="xs">
              Agenda
            </Title>
            {meeting.agenda.map((item, i) => {
              const seconds = timing.itemSeconds[item.id] ?? 0;
              const late = overrunSeconds(item, seconds) > 0;
              return (
                <NavLink
                  key={item.id}
                  component="button"
                  active={item.id === current?.id}
                  label={`${i + 1}. ${item.title}`}
                  leftSection={item.done ? <IconCheck size={14} color="var(--mantine-color-teal-6)" /> : <span style={{ width: 14 }} />}
                  rightSection={
                    <Text size="xs" c={late ? 'red' : 'dimmed'} ff="monospace">
                      {formatDuration(seconds)}/{item.plannedMinutes}m
                    </Text>
                  }
                  onClick={() => void save((m) => switchItem(m, item.id, now()))}
                  style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                />
              );
            })}
          </Card>
          <Card withBorder padding="sm">
            <Title order={3} size="h5" mb="xs">
              Attendees
            </Title>
            <AttendeesPicker partner={partner} attendees={meeting.attendees} onChange={(attendees) => void save((m) => ({ ...m, attendees }))} />
          </Card>
          <Card withBorder padding="sm">
            <Title order={3} size="h5" mb={4}>
              Checklist
            </Title>
            <Text size="xs" c="dimmed" mb="xs">
              Ticking a step here ticks it in the journey.
            </Text>
            {checklist.length === 0 ? (
              <Text size="sm" c="dimmed">
                This partner’s journey has no set-up steps to check.
              </Text>
            ) : (
              <Stack gap={6}>
                {checklist.map((task) => (
                  <Checkbox
                    key={task.id}
                    label={task.title}
                    checked={task.status === 'done'}
                    disabled={task.status === 'not_applicable'}
                    onChange={(event) => void (event.currentTarget.checked ? tick(db, task.id, todayIso()) : untick(db, task.id))}
                  />
                ))}
              </Stack>
            )}
          </Card>
        </Stack>
      </SimpleGrid>

      <Modal opened={confirming} onClose={() => setConfirming(false)} title="End the kick-off call?">
        <Stack gap="sm">
          <Text size="sm">
            {meeting.actionItems.length === 0
              ? 'No action items were captured.'
              : `${meeting.actionItems.length} action item${meeting.actionItems.length === 1 ? '' : 's'} become${meeting.actionItems.length === 1 ? 's' : ''} journey tasks with their owners and due dates${undated > 0 ? ` (${undated} without a date: due 7 days after the call)` : ''}.`}{' '}
            The kick-off step of the journey is ticked off.
          </Text>
          {meeting.attendees.length === 0 && (
            <Alert color="yellow" variant="light" title="No attendees recorded">
              The recap will list no attendees. Close this and tick who joined, or end the call anyway.
            </Alert>
          )}
          <DateField
            label="Next check-in"
            description="From the check-in cadence for this phase; change it if you agreed another date."
            minDate={today}
            value={nextCheckin}
            onChange={setNextCheckin}
            error={nextCheckin && nextCheckin <= meeting.scheduledOn ? 'Pick a date after the call.' : undefined}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Keep going
            </Button>
            <Button
              color="red"
              loading={ending}
              disabled={!isRealIsoDate(nextCheckin) || nextCheckin <= meeting.scheduledOn}
              onClick={() =>
                void track(end(db, partner, meeting.id, { today, nextCheckinOn: nextCheckin })).then((result) => {
                  if (result) setConfirming(false);
                })
              }
            >
              End call and show the recap
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
