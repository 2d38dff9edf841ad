import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { formatDate } from '../../../src-shared/util/formatDate';
import { Link } from 'react-router';
import { checkinDueLabel } from '../../../src-shared/meetings/checkins';
import { useAppData } from '../../db/useAppData';
import { CHECKIN_PARAM } from './MeetingActions';
import { useCheckinsDue } from './useCheckinsDue';

const LIMIT = 10;

/** Today: the check-ins due today and overdue, each one click from recording it. */
export function CheckinsDueCard() {
  const { partnersById } = useAppData();
  const due = useCheckinsDue();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="checkins-due-title">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5" id="checkins-due-title">
          Check-ins due
        </Title>
        <Badge color={due.some((d) => d.daysOverdue > 0) ? 'red' : 'orange'} variant="light">
          {due.length}
        </Badge>
      </Group>
      {due.length === 0 ? (
        <Text size="sm" c="dimmed">
          No check-in is due today. Every partner has been heard from on time.
        </Text>
      ) : (
        <Stack gap="xs" data-testid="checkins-due">
          {due.slice(0, LIMIT).map((d) => (
            <Group key={d.partnerId} justify="space-between" wrap="nowrap" data-testid="checkin-due">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/partners/${d.partnerId}/meetings`} size="sm" fw={500}>
                  {partnersById.get(d.partnerId)?.name ?? 'Unknown partner'}
                </Anchor>
                <Text size="xs" c={d.daysOverdue > 0 ? 'red' : 'orange'}>
                  {checkinDueLabel(d)}
                  {d.scheduledOn ? ` · scheduled ${formatDate(d.scheduledOn)}` : ''}
                </Text>
              </Stack>
              <Button size="compact-xs" variant="light" component={Link} to={`/partners/${d.partnerId}/meetings?${CHECKIN_PARAM}=new`}>
                Record
              </Button>
            </Group>
          ))}
          {due.length > LIMIT && (
            <Text size="xs" c="dimmed">
              and {due.length - LIMIT} more.
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}
