import { ActionIcon, Alert, Button, Card, Group, NumberInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { formatDate } from '../../../src-shared/util/formatDate';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconDeviceFloppy, IconPlayerPlay, IconPlus, IconRestore, IconTrash } from '@tabler/icons-react';
import { newId } from '../../../src-shared/domain/ids';
import type { AgendaItem, Meeting, Partner } from '../../../src-shared/domain/types';
import { startCall } from '../../../src-shared/meetings/callTiming';
import { agendaFromTemplate, DEFAULT_KICKOFF_AGENDA, MAX_AGENDA_ITEMS, MAX_PLANNED_MINUTES, moveAgendaItem } from '../../../src-shared/meetings/kickoffAgenda';
import { useStoreAction } from '../../app/useStoreAction';
import { useDatabase } from '../../db/useDatabase';
import { AttendeesPicker } from './AttendeesPicker';
import { saveAgendaTemplate, updateAgendaItem, updateMeeting } from './updateMeeting';
import { useAutosave } from '../../app/useAutosave';
import { useSaveStatus } from '../../app/useSaveStatus';

type Props = { partner: Partner; meeting: Meeting; today: string };

function AgendaRow({ meeting, item, index, count }: { meeting: Meeting; item: AgendaItem; index: number; count: number }) {
  const db = useDatabase();
  const { track } = useSaveStatus();
  const [write] = useStoreAction(updateMeeting, 'change the agenda');
  const title = useAutosave(item.title, (value) => track(updateAgendaItem(db, meeting.id, item.id, { title: value })));
  return (
    <Group gap="xs" wrap="nowrap" data-testid="agenda-row">
      <Text size="sm" c="dimmed" w={22} ta="right">
        {index + 1}.
      </Text>
      <TextInput
        style={{ flex: 1 }}
        aria-label={`Agenda item ${index + 1}`}
        value={title.value}
        onChange={(event) => title.onChange(event.currentTarget.value)}
        onBlur={() => void title.flush()}
        error={title.value.trim() === '' ? 'Name this item' : undefined}
      />
      <NumberInput
        w={110}
        aria-label={`Planned minutes for item ${index + 1}`}
        suffix=" min"
        min={0}
        max={MAX_PLANNED_MINUTES}
        clampBehavior="strict"
        allowDecimal={false}
        value={item.plannedMinutes}
        onChange={(value) => void write(db, meeting.id, (m) => ({ ...m, agenda: m.agenda.map((i) => (i.id === item.id ? { ...i, plannedMinutes: typeof value === 'number' ? value : 0 } : i)) }))}
      />
      <ActionIcon variant="subtle" color="gray" aria-label={`Move “${item.title}” up`} disabled={index === 0} onClick={() => void write(db, meeting.id, (m) => ({ ...m, agenda: moveAgendaItem(m.agenda, item.id, -1) }))}>
        <IconArrowUp size={16} />
      </ActionIcon>
      <ActionIcon variant="subtle" color="gray" aria-label={`Move “${item.title}” down`} disabled={index === count - 1} onClick={() => void write(db, meeting.id, (m) => ({ ...m, agenda: moveAgendaItem(m.agenda, item.id, 1) }))}>
        <IconArrowDown size={16} />
      </ActionIcon>
      <ActionIcon variant="subtle" color="red" aria-label={`Remove “${item.title}”`} onClick={() => void write(db, meeting.id, (m) => ({ ...m, agenda: m.agenda.filter((i) => i.id !== item.id) }))}>
        <IconTrash size={16} />
      </ActionIcon>
    </Group>
  );
}

/** Before the call: shape the agenda (reorder, edit, save as template), pick attendees, start. */
export function KickoffPrep({ partner, meeting, today }: Props) {
  const db = useDatabase();
  const { track } = useSaveStatus();
  const [write] = useStoreAction(updateMeeting, 'change the kick-off call');
  const [saveTemplate, savingTemplate] = useStoreAction(saveAgendaTemplate, 'save the agenda template');
  const planned = meeting.agenda.reduce((sum, item) => sum + item.plannedMinutes, 0);
  const emptyTitles = meeting.agenda.some((item) => item.title.trim() === '');

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={2}>Kick-off call: {partner.name}</Title>
          <Text c="dimmed">
            {formatDate(meeting.scheduledOn)} · {meeting.agenda.length} agenda items · {planned} min planned
          </Text>
        </Stack>
        <Button
          size="md"
          leftSection={<IconPlayerPlay size={18} />}
          disabled={meeting.agenda.length === 0 || emptyTitles}
          onClick={() => void track(write(db, meeting.id, (m) => ({ ...startCall(m, Date.now()), scheduledOn: today })))}
        >
          Start the call
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <Card withBorder padding="md" style={{ gridColumn: 'span 2' }}>
          <Group justify="space-between" mb="sm">
            <Title order={3} size="h5">
              Agenda
            </Title>
            <Group gap="xs">
              <Button
                size="xs"
                variant="default"
                leftSection={<IconRestore size={14} />}
                onClick={() => void write(db, meeting.id, (m) => ({ ...m, agenda: agendaFromTemplate(DEFAULT_KICKOFF_AGENDA, newId) }))}
              >
                Use the default agenda
              </Button>
              <Button
                size="xs"
                variant="light"
                leftSection={<IconDeviceFloppy size={14} />}
                loading={savingTemplate}
                disabled={meeting.agenda.length === 0 || emptyTitles}
                onClick={() =>
                  void saveTemplate(db, meeting.agenda).then(() =>
                    notifications.show({ color: 'teal', title: 'Agenda saved as your template', message: 'Your next kick-off calls start with this agenda.' }),
                  )
                }
              >
                Save as my template
              </Button>
            </Group>
          </Group>
          {meeting.agenda.length === 0 ? (
            <Alert color="yellow" variant="light" title="The agenda is empty">
              Add at least one item to run the call, or start from the default kick-off agenda.
            </Alert>
          ) : (
            <Stack gap="xs">
              {meeting.agenda.map((item, index) => (
                <AgendaRow key={item.id} meeting={meeting} item={item} index={index} count={meeting.agenda.length} />
              ))}
            </Stack>
          )}
          <Button
            mt="sm"
            size="xs"
            variant="subtle"
            leftSection={<IconPlus size={14} />}
            disabled={meeting.agenda.length >= MAX_AGENDA_ITEMS}
            onClick={() =>
              void write(db, meeting.id, (m) => ({
                ...m,
                agenda: [...m.agenda, { id: newId(), title: 'New item', plannedMinutes: 5, elapsedSeconds: 0, notes: '', done: false }],
              }))
            }
          >
            Add an item
          </Button>
        </Card>
        <Card withBorder padding="md">
          <Title order={3} size="h5" mb="sm">
            Attendees
          </Title>
          <AttendeesPicker partner={partner} attendees={meeting.attendees} onChange={(attendees) => void write(db, meeting.id, (m) => ({ ...m, attendees }))} />
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
