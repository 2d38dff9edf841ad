import { ActionIcon, Anchor, Badge, Button, Card, Group, NumberInput, SegmentedControl, SimpleGrid, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { formatDate } from '../../../src-shared/util/formatDate';
import { notifications } from '@mantine/notifications';
import { IconCalendarEvent, IconCalendarPlus, IconCalendarShare, IconDownload, IconMessageCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { dayNumber } from '../../../src-shared/domain/journey';
import { nextCheckinDue } from '../../../src-shared/domain/nextBestAction';
import type { Deal, Meeting, Partner, Task } from '../../../src-shared/domain/types';
import { calendarFileName, meetingCalendarEvent, upcomingMeetings } from '../../../src-shared/meetings/calendarEvents';
import { cadenceLabel, checkinDueLabel } from '../../../src-shared/meetings/checkins';
import { partnerTimeline, sentimentSeries, TIMELINE_KINDS, type TimelineKind } from '../../../src-shared/meetings/timeline';
import { MEETING_KIND_LABELS } from '../../app/labels';
import { LazyBoundary } from '../../app/LazyBoundary';
import { SentimentChart } from '../../app/LazyScreens';
import { useStoreAction } from '../../app/useStoreAction';
import { useDatabase } from '../../db/useDatabase';
import { usePlatform } from '../../platform/usePlatform';
import type { FileKind } from '../../platform/platform';
import { setCheckinCadence } from './setCheckinCadence';
import { CHECKIN_PARAM } from './MeetingActions';
import { createMeeting } from './updateMeeting';

const ICS_FILE: FileKind = { name: 'Calendar', extensions: ['ics'], mimeType: 'text/calendar' };
const PAGE = 60;
const FILTERS = [
  { value: 'all', label: 'All' },
  { value: 'meeting', label: 'Meetings' },
  { value: 'task', label: 'Tasks done' },
  { value: 'deal', label: 'Deals' },
];
const STATUS_COLORS: Record<string, string> = { done: 'teal', scheduled: 'indigo', in_progress: 'red', cancelled: 'gray', won: 'teal', lost: 'gray', approved: 'indigo', registered: 'blue' };
const KIND_COLORS: Record<TimelineKind, string> = { meeting: 'violet', task: 'teal', deal: 'orange' };

/** The icon of the workspace's Meetings tab. */
export function MeetingsTabIcon() {
  return <IconCalendarEvent size={16} />;
}

type Props = { partner: Partner; meetings: Meeting[]; tasks: Task[]; deals: Deal[]; today: string };

/** Meetings with a partner: the next check-in, what is scheduled, and everything that happened. */
export function MeetingsTab({ partner, meetings, tasks, deals, today }: Props) {
  const db = useDatabase();
  const platform = usePlatform();
  const [, setParams] = useSearchParams();
  const [filter, setFilter] = useState('all');
  const [shown, setShown] = useState(PAGE);
  const [saveCadence] = useStoreAction(setCheckinCadence, 'change the check-in cadence');
  const [schedule, scheduling] = useStoreAction(createMeeting, 'schedule the check-in');
  const dueOn = nextCheckinDue(partner, meetings, today);
  const overdueBy = dayNumber(dueOn, today);
  const upcoming = upcomingMeetings(meetings, today);
  const scheduledCheckin = upcoming.find((m) => m.kind === 'checkin');
  const timeline = partnerTimeline(partner.id, { meetings, tasks, deals }, filter === 'all' ? TIMELINE_KINDS : [filter as TimelineKind]);
  const series = sentimentSeries(partner.id, meetings);

  const exportIcs = async (list: Meeting[], name: string[]) => {
    try {
      // The iCalendar writer (and the validation library it brings) loads when first used.
      const { icsExport } = await import('../../../src-shared/meetings/icsExport');
      const content = icsExport(list.map((m) => meetingCalendarEvent(m, partner)));
      const result = await platform.saveTextFile({ suggestedName: calendarFileName(name), content, kind: ICS_FILE });
      if (result.saved) notifications.show({ color: 'teal', title: 'Calendar file saved', message: `Open ${result.location ?? 'it'} to add ${list.length === 1 ? 'the meeting' : `${list.length} meetings`} to your calendar.` });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Calendar file not saved', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const recordCheckin = (id = 'new') =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set(CHECKIN_PARAM, id);
      return next;
    });

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <Card withBorder padding="md" aria-labelledby="next-checkin-title">
          <Text size="xs" tt="uppercase" fw={600} c="dimmed" id="next-checkin-title">
            Next check-in
          </Text>
          <Title order={3} data-testid="next-checkin-date">
            {formatDate(dueOn)}
          </Title>
          <Text size="sm" c={overdueBy > 0 ? 'red' : overdueBy === 0 ? 'orange' : 'dimmed'} fw={overdueBy >= 0 ? 600 : undefined}>
            {overdueBy >= 0 ? checkinDueLabel({ daysOverdue: overdueBy, dueOn }) : `In ${-overdueBy} day${overdueBy === -1 ? '' : 's'}`}
            {scheduledCheckin ? ` · scheduled ${formatDate(scheduledCheckin.scheduledOn)}` : ''}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            Cadence: {cadenceLabel(partner, today)}
          </Text>
          <Group gap="xs" mt="sm" align="flex-end">
            <NumberInput
              size="xs"
              w={150}
              label="Check in every"
              suffix=" days"
              placeholder="by phase"
              min={1}
              max={365}
              allowDecimal={false}
              clampBehavior="strict"
              value={partner.checkinCadenceDays ?? ''}
              onBlur={(event) => {
                const raw = event.currentTarget.value.replace(/\D/g, '');
                const days = raw === '' ? null : Number(raw);
                if (days !== (partner.checkinCadenceDays ?? null)) void saveCadence(db, partner.id, days);
              }}
            />
            {partner.checkinCadenceDays !== undefined && (
              <Button size="xs" variant="subtle" onClick={() => void saveCadence(db, partner.id, null)}>
                Back to by phase
              </Button>
            )}
          </Group>
          <Group gap="xs" mt="sm">
            <Button size="xs" leftSection={<IconMessageCircle size={14} />} onClick={() => recordCheckin()}>
              Record check-in
            </Button>
            {!scheduledCheckin && (
              <Button
                size="xs"
                variant="light"
                loading={scheduling}
                leftSection={<IconCalendarPlus size={14} />}
                onClick={() => void schedule(db, partner, { kind: 'checkin', title: `Check-in: ${partner.name}`, scheduledOn: dueOn < today ? today : dueOn })}
              >
                Schedule it
              </Button>
            )}
          </Group>
        </Card>
        <Card withBorder padding="md">
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h5">
              Upcoming
            </Title>
            <Button size="xs" variant="light" leftSection={<IconDownload size={14} />} disabled={upcoming.length === 0} onClick={() => void exportIcs(upcoming, [partner.name, 'upcoming'])}>
              Export all (.ics)
            </Button>
          </Group>
          {upcoming.length === 0 ? (
            <Text size="sm" c="dimmed">
              Nothing scheduled. Schedule the next check-in to add it to your calendar.
            </Text>
          ) : (
            <Stack gap={6} data-testid="upcoming-meetings">
              {upcoming.map((m) => (
                <Group key={m.id} gap="xs" wrap="nowrap">
                  <Stack gap={0} style={{ flex: 1 }}>
                    {m.kind === 'kickoff' ? (
                      <Anchor component={Link} to={`/partners/${partner.id}/kickoff/${m.id}`} size="sm" fw={500}>
                        {m.title || MEETING_KIND_LABELS[m.kind]}
                      </Anchor>
                    ) : (
                      <Text size="sm" fw={500}>
                        {m.title || MEETING_KIND_LABELS[m.kind]}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {formatDate(m.scheduledOn)} · {m.status === 'in_progress' ? 'under way' : 'scheduled'}
                    </Text>
                  </Stack>
                  {m.kind === 'checkin' && m.status === 'scheduled' && m.scheduledOn <= today && (
                    <Button size="compact-xs" variant="light" onClick={() => recordCheckin(m.id)}>
                      Record
                    </Button>
                  )}
                  <Tooltip label="Add to calendar (.ics)">
                    <ActionIcon variant="subtle" aria-label={`Add “${m.title || MEETING_KIND_LABELS[m.kind]}” on ${formatDate(m.scheduledOn)} to the calendar`} onClick={() => void exportIcs([m], [partner.name, m.kind, m.scheduledOn])}>
                      <IconCalendarShare size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              ))}
            </Stack>
          )}
        </Card>
        <Card withBorder padding="md">
          <Title order={3} size="h5" mb="xs">
            Sentiment over time
          </Title>
          <LazyBoundary fallback={<Skeleton h={160} />}>
            <SentimentChart points={series} />
          </LazyBoundary>
        </Card>
      </SimpleGrid>

      <Card withBorder padding="md" aria-labelledby="timeline-title">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h5" id="timeline-title">
            Timeline
          </Title>
          <SegmentedControl size="xs" data={FILTERS} value={filter} onChange={setFilter} aria-label="Show in the timeline" />
        </Group>
        {timeline.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing here yet: meetings held, tasks completed and deals registered appear as they happen.
          </Text>
        ) : (
          <Stack gap={0} data-testid="timeline">
            {timeline.slice(0, shown).map((entry) => (
              <Group key={entry.id} gap="sm" wrap="nowrap" py={6} align="flex-start" data-testid="timeline-entry" data-kind={entry.kind} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
                <Text size="xs" c="dimmed" w={96} style={{ flexShrink: 0 }}>
                  {formatDate(entry.date)}
                </Text>
                <Badge size="xs" variant="light" color={KIND_COLORS[entry.kind]} miw={72} style={{ flexShrink: 0, overflow: 'visible' }}>
                  {entry.kind}
                </Badge>
                <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                  <Group gap={6}>
                    {entry.meetingId && entry.kind === 'meeting' && meetings.find((m) => m.id === entry.meetingId)?.kind === 'kickoff' ? (
                      <Anchor component={Link} to={`/partners/${partner.id}/kickoff/${entry.meetingId}`} size="sm" fw={500}>
                        {entry.title}
                      </Anchor>
                    ) : (
                      <Text size="sm" fw={500}>
                        {entry.title}
                      </Text>
                    )}
                    {entry.kind !== 'task' && (
                      <Badge size="xs" variant="outline" color={STATUS_COLORS[entry.status] ?? 'gray'}>
                        {entry.status.replace('_', ' ')}
                      </Badge>
                    )}
                  </Group>
                  {entry.detail && (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {entry.detail}
                    </Text>
                  )}
                </Stack>
              </Group>
            ))}
            {timeline.length > shown && (
              <Button variant="subtle" size="xs" mt="xs" onClick={() => setShown((n) => n + PAGE)}>
                Show {Math.min(PAGE, timeline.length - shown)} more of {timeline.length - shown}
              </Button>
            )}
          </Stack>
        )}
      </Card>
    </Stack>
  );
}
