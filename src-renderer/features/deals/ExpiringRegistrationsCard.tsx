import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { registrationLabel, registrationStatus, EXPIRY_REMINDER_DAYS } from '../../../src-shared/deals/registration';
import type { Deal } from '../../../src-shared/domain/types';
import { formatDate } from '../../../src-shared/util/formatDate';
import { useAppData } from '../../db/useAppData';
import { useExpiringRegistrations } from './useExpiringRegistrations';

const LIMIT = 10;

function RegistrationList({ deals, today, testId, color }: { deals: Deal[]; today: string; testId: string; color: string }) {
  const { partnersById } = useAppData();
  return (
    <Stack gap="xs" data-testid={`${testId}s`}>
      {deals.slice(0, LIMIT).map((d) => (
        <Stack key={d.id} gap={0} data-testid={testId}>
          <Group gap={6} wrap="nowrap">
            <Anchor component={Link} to={`/partners/${d.partnerId}/deals`} size="sm" fw={500}>
              {d.account}
            </Anchor>
            <Text size="sm" c="dimmed">
              · {partnersById.get(d.partnerId)?.name ?? 'Unknown partner'}
            </Text>
          </Group>
          <Text size="xs" c={color}>
            {registrationLabel(registrationStatus(d, today), formatDate)}
          </Text>
        </Stack>
      ))}
      {deals.length > LIMIT && (
        <Text size="xs" c="dimmed">
          and {deals.length - LIMIT} more.
        </Text>
      )}
    </Stack>
  );
}

/**
 * Today: protected registrations whose protection ends within a week, and expired ones whose
 * deal is still open (to extend or close), each one click from its partner's deals.
 */
export function ExpiringRegistrationsCard() {
  const { expiring, expired, today } = useExpiringRegistrations();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="expiring-registrations-title">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5" id="expiring-registrations-title">
          Registration protection
        </Title>
        <Badge color={expiring.length + expired.length > 0 ? 'orange' : 'gray'} variant="light" aria-label={`${expiring.length} expiring, ${expired.length} expired`}>
          {expiring.length + expired.length}
        </Badge>
      </Group>
      <Stack gap="sm">
        {expiring.length === 0 ? (
          <Text size="sm" c="dimmed">
            No protected registration ends in the next {EXPIRY_REMINDER_DAYS} days.
          </Text>
        ) : (
          <RegistrationList deals={expiring} today={today} testId="expiring-registration" color="orange" />
        )}
        {expired.length > 0 && (
          <Stack gap={4} component="section" aria-labelledby="expired-registrations-title">
            <Text size="sm" fw={600} id="expired-registrations-title">
              Expired, deal still open: extend or close
            </Text>
            <RegistrationList deals={expired} today={today} testId="expired-registration" color="red" />
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
