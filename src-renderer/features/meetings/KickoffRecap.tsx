import { Anchor, Badge, Button, Card, Code, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { formatDate } from '../../../src-shared/util/formatDate';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconMarkdown, IconRoute } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Meeting, Partner, Task } from '../../../src-shared/domain/types';
import { callTiming, formatDuration } from '../../../src-shared/meetings/callTiming';
import { recapMarkdown, recapText } from '../../../src-shared/meetings/recap';
import { useOwnerSideLabels, useProfile } from '../../app/useProfile';
import { peopleOf } from './AttendeesPicker';

async function copy(text: string, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    notifications.show({ color: 'teal', title: `Recap copied ${what}`, message: 'Paste it into your email to the partner.' });
  } catch {
    notifications.show({ color: 'red', title: 'Could not copy', message: 'The clipboard is not available here: select the recap text and copy it.' });
  }
}

/** After the call: what was agreed, the tasks it created, and the recap to email. */
export function KickoffRecap({ partner, meeting, tasks }: { partner: Partner; meeting: Meeting; tasks: Task[] }) {
  const [profile] = useProfile();
  const sides = useOwnerSideLabels();
  const input = { partnerName: partner.name, meeting, partnerPeople: peopleOf(partner).partnerPeople, vendorName: profile.company };
  const text = recapText(input);
  const markdown = recapMarkdown(input);
  const byId = new Map(tasks.map((t) => [t.id, t]));
  // A held call has every second booked on its items: the clock is not needed.
  const total = callTiming(meeting, 0).totalSeconds;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Group gap="xs">
            <Title order={2}>Kick-off recap: {partner.name}</Title>
            <Badge color="teal">Held</Badge>
          </Group>
          <Text c="dimmed" size="sm">
            {formatDate(meeting.scheduledOn)} · {formatDuration(total)} · {meeting.attendees.length} attendees
          </Text>
        </Stack>
        <Group gap="xs">
          <Button leftSection={<IconCopy size={16} />} onClick={() => void copy(text, 'as text')}>
            Copy as text
          </Button>
          <Button variant="light" leftSection={<IconMarkdown size={16} />} onClick={() => void copy(markdown, 'as Markdown')}>
            Copy as Markdown
          </Button>
          <Button variant="default" component={Link} to={`/partners/${partner.id}/journey`} leftSection={<IconRoute size={16} />}>
            Open the journey
          </Button>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Card withBorder padding="md">
          <Title order={3} size="h5" mb="xs">
            Action items now in the journey
          </Title>
          {meeting.actionItems.length === 0 ? (
            <Text size="sm" c="dimmed">
              No action items were captured.
            </Text>
          ) : (
            <List spacing={6} size="sm" data-testid="recap-actions">
              {meeting.actionItems.map((item) => {
                const task = item.taskId ? byId.get(item.taskId) : undefined;
                return (
                  <List.Item key={item.id}>
                    {task ? (
                      <Anchor component={Link} to={`/partners/${partner.id}/journey?task=${task.id}`} size="sm">
                        {item.text}
                      </Anchor>
                    ) : (
                      item.text
                    )}{' '}
                    · {sides[item.ownerSide]}
                    {item.ownerName ? `: ${item.ownerName}` : ''} · {item.dueDate ? `due ${formatDate(item.dueDate)}` : 'no due date'}
                  </List.Item>
                );
              })}
            </List>
          )}
          <Title order={3} size="h5" mt="md" mb="xs">
            Notes by agenda item
          </Title>
          <Stack gap={6}>
            {meeting.agenda.map((item) => (
              <Stack key={item.id} gap={0}>
                <Text size="sm" fw={600}>
                  {item.title}{' '}
                  <Text span size="xs" c="dimmed">
                    {formatDuration(item.elapsedSeconds)} of {item.plannedMinutes} min
                  </Text>
                </Text>
                <Text size="sm" c={item.notes ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
                  {item.notes || 'No notes.'}
                </Text>
              </Stack>
            ))}
          </Stack>
        </Card>
        <Card withBorder padding="md">
          <Title order={3} size="h5" mb="xs">
            Recap for the email
          </Title>
          <Code block data-testid="recap-text" style={{ whiteSpace: 'pre-wrap' }}>
            {text}
          </Code>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
