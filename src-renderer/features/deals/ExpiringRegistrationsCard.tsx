import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { registrationLabel, registrationStatus, EXPIRY_REMINDER_DAYS } from '../../../src-shared/deals/registration';
import { formatDate } from '../../../src-shared/util/formatDate';
import { useAppData } from '../../db/useAppData';
import { useExpiringRegistrations } from './useExpiringRegistrations';

const LIMIT = 10;

/** Today: protected registrations whose protection ends within a week, each one click from its partner's deals. */
export function ExpiringRegistrationsCard() {
  const { partnersById } = useAppData();
  const { expiring, today } = useExpiringRegistrations();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="expiring-registrations-title">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5" id="expiring-registrations-title">
          Registrations expiring
        </Title>
        <Badge color={expiring.length > 0 ? 'orange' : 'gray'} variant="light">
          {expiring.length}
        </Badge>
      </Group>
      {expiring.length === 0 ? (
        <Text size="sm" c="dimmed">
          No protected registration ends in the next {EXPIRY_REMINDER_DAYS} days.
        </Text>
      ) : (
        <Stack gap="xs" data-testid="expiring-registrations">
          {expiring.slice(0, LIMIT).map((d) => (
            <Stack key={d.id} gap={0} data-testid="expiring-registration">
              <Group gap={6} wrap="nowrap">
                <Anchor component={Link} to={`/partners/${d.partnerId}/deals`} size="sm" fw={500}>
                  {d.account}
                </Anchor>
                <Text size="sm" c="dimmed">
                  · {partnersById.get(d.partnerId)?.name ?? 'Unknown partner'}
                </Text>
              </Group>
              <Text size="xs" c="orange">
                {registrationLabel(registrationStatus(d, today), formatDate)}
              </Text>
            </Stack>
          ))}
          {expiring.length > LIMIT && (
            <Text size="xs" c="dimmed">
              and {expiring.length - LIMIT} more.
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}
