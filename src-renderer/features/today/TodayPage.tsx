import { Anchor, Badge, Card, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCalendarDue, IconHeartbeat, IconRoute } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatLongDate } from '../../../src-shared/util/formatDate';
import { usePortfolioOverview } from '../../app/usePortfolioOverview';
import { useAppData } from '../../db/useAppData';
import { FirstRun } from '../firstrun/FirstRun';
import { TaskLine } from '../journey/TaskLine';
import { CheckinsDueCard } from '../meetings/CheckinsDueCard';
import { ExpiringRegistrationsCard } from '../deals/ExpiringRegistrationsCard';
import { NeedsAttentionCard } from '../dashboard/NeedsAttentionCard';
import { NextActionButton } from '../partners/NextActionButton';
import { PageLoader } from '../../app/PageLoader';
import { RecordsLoading } from '../../app/RecordsLoading';
import type { PendingRecords } from '../../db/useAppData';

const LIST_LIMIT = 12;

function Stat({ label, value, icon, color }: { label: string; value: number; icon: ReactNode; color: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={0}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {label}
          </Text>
          <Text size="xl" fw={700} c={value > 0 ? color : undefined}>
            {value}
          </Text>
        </Stack>
        {icon}
      </Group>
    </Paper>
  );
}

/**
 * Today while the records are still being read (a cold open of a large portfolio): the page is
 * there and says what is coming; no count is shown until it can be right.
 */
function TodayLoading({ today, pending }: { today: string; pending: PendingRecords | null }) {
  return (
    <Stack gap="lg" aria-busy="true">
      <Stack gap={0}>
        <Title order={2}>Today</Title>
        <Text c="dimmed">{formatLongDate(today)}</Text>
      </Stack>
      <RecordsLoading pending={pending} follows="Overdue and due tasks, check-ins and partners needing attention follow." />
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {['Overdue tasks', 'Due this week', 'Partners in the red', 'Without a next step'].map((label) => (
          <Paper key={label} withBorder p="md" radius="md">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {label}
            </Text>
            <Skeleton height={22} width={40} mt={6} animate={false} aria-hidden />
          </Paper>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Skeleton height={220} radius="md" animate={false} aria-hidden />
        <Skeleton height={220} radius="md" animate={false} aria-hidden />
      </SimpleGrid>
    </Stack>
  );
}

/** Across my partners: what is overdue, what is due this week, and who needs attention first. */
export function TodayPage() {
  const { loading, partnersReady, pending, partners } = useAppData();
  const { agenda, rowsById, today } = usePortfolioOverview();

  if (!partnersReady) return <PageLoader />;
  if (partners.length === 0) return <FirstRun />;
  if (loading) return <TodayLoading today={today} pending={pending} />;

  const nameOf = (id: string) => rowsById.get(id)?.partner.name ?? 'Unknown partner';
  const redCount = agenda.attention.filter((id) => rowsById.get(id)?.health.band === 'red').length;

  return (
    <Stack gap="lg">
      <Stack gap={0}>
        <Title order={2}>Today</Title>
        <Text c="dimmed">{formatLongDate(today)}</Text>
      </Stack>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Stat label="Overdue tasks" value={agenda.overdue.length} color="red" icon={<IconAlertTriangle color="var(--mantine-color-red-6)" />} />
        <Stat label="Due this week" value={agenda.dueThisWeek.length} color="orange" icon={<IconCalendarDue color="var(--mantine-color-orange-6)" />} />
        <Stat label="Partners in the red" value={redCount} color="red" icon={<IconHeartbeat color="var(--mantine-color-pink-6)" />} />
        <Stat label="Without a next step" value={agenda.withoutNextStep.length} color="grape" icon={<IconRoute color="var(--mantine-color-grape-6)" />} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Stack gap="lg">
          <Card withBorder padding="md" component="section" aria-labelledby="overdue-title">
            <Group justify="space-between" mb="xs">
              <Title order={3} size="h5" id="overdue-title">
                Overdue
              </Title>
              <Badge color="red" variant="light">
                {agenda.overdue.length}
              </Badge>
            </Group>
            {agenda.overdue.length === 0 ? (
              <Text size="sm" c="dimmed">
                Nothing overdue. Well done.
              </Text>
            ) : (
              <Stack gap={0}>
                {agenda.overdue.slice(0, LIST_LIMIT).map(({ task, partnerId }) => (
                  <TaskLine key={task.id} task={task} today={today} partner={{ id: partnerId, name: nameOf(partnerId) }} />
                ))}
                {agenda.overdue.length > LIST_LIMIT && (
                  <Text size="xs" c="dimmed" mt="xs">
                    and {agenda.overdue.length - LIST_LIMIT} more: open the{' '}
                    <Anchor component={Link} to="/portfolio" size="xs">
                      portfolio
                    </Anchor>{' '}
                    to work through them by partner.
                  </Text>
                )}
              </Stack>
            )}
          </Card>
          <Card withBorder padding="md" component="section" aria-labelledby="week-title">
            <Group justify="space-between" mb="xs">
              <Title order={3} size="h5" id="week-title">
                Due this week
              </Title>
              <Badge color="orange" variant="light">
                {agenda.dueThisWeek.length}
              </Badge>
            </Group>
            {agenda.dueThisWeek.length === 0 ? (
              <Text size="sm" c="dimmed">
                Nothing due in the next seven days.
              </Text>
            ) : (
              <Stack gap={0}>
                {agenda.dueThisWeek.slice(0, LIST_LIMIT).map(({ task, partnerId }) => (
                  <TaskLine key={task.id} task={task} today={today} partner={{ id: partnerId, name: nameOf(partnerId) }} />
                ))}
                {agenda.dueThisWeek.length > LIST_LIMIT && (
                  <Text size="xs" c="dimmed" mt="xs">
                    and {agenda.dueThisWeek.length - LIST_LIMIT} more this week.
                  </Text>
                )}
              </Stack>
            )}
          </Card>
        </Stack>
        <Stack gap="lg">
          <NeedsAttentionCard />
          <CheckinsDueCard />
          <ExpiringRegistrationsCard />
          <Card withBorder padding="md" component="section" aria-labelledby="nostep-title">
            <Title order={3} size="h5" id="nostep-title" mb="xs">
              Without a next step
            </Title>
            {agenda.withoutNextStep.length === 0 ? (
              <Text size="sm" c="dimmed">
                Every partner has at least one open task.
              </Text>
            ) : (
              <Stack gap="xs">
                {agenda.withoutNextStep.map((id) => (
                  <Group key={id} justify="space-between" wrap="nowrap">
                    <Anchor component={Link} to={`/partners/${id}`} size="sm" fw={500}>
                      {nameOf(id)}
                    </Anchor>
                    <NextActionButton partnerId={id} action={rowsById.get(id)?.next ?? null} compact />
                  </Group>
                ))}
              </Stack>
            )}
          </Card>
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
