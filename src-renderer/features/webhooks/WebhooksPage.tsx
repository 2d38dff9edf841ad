import { Alert, Anchor, Badge, Button, Card, Group, Stack, Switch, Table, Text, Title, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconCloudOff, IconLock, IconPlus, IconRefresh, IconSend, IconTrash, IconWebhook } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { formatMoment } from '../../app/formatMoment';
import { PageLoader } from '../../app/PageLoader';
import { useSync } from '../../sync/useSync';
import { AddWebhookModal } from './AddWebhookModal';
import { useWebhookAdmin } from './useWebhookAdmin';
import type { AdminOutcome, WebhookAdminClient, WebhookDelivery, WebhookSubscription } from './webhookAdminClient';
import { attemptsText, deliveryStatus, eventLabel } from './webhookText';

const CONNECT = 'Connect to a sync server as an admin to manage webhooks.';

function Header({ children }: { children?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-end">
      <Stack gap={4}>
        <Group gap="sm">
          <IconWebhook size={26} stroke={1.6} aria-hidden />
          <Title order={2}>Webhooks</Title>
        </Group>
        <Text c="dimmed" size="sm" maw={760}>
          Signed events for your automation (Zapier, Make, n8n, a data warehouse): partner created, deal won, first deal, PSAT received … Delivered from the sync
          server, retried for 24 hours.
        </Text>
      </Stack>
      {children}
    </Group>
  );
}

function Blocked({ title, icon, children }: { title: string; icon: ReactNode; children: ReactNode }) {
  return (
    <Stack gap="md" maw={960}>
      <Header />
      <Alert color="indigo" variant="light" icon={icon} title={title} data-testid="webhooks-blocked">
        <Stack gap="xs" align="flex-start">
          {children}
        </Stack>
      </Alert>
    </Stack>
  );
}

function SubscriptionsCard({ subscriptions, client, onChanged }: { subscriptions: WebhookSubscription[]; client: WebhookAdminClient; onChanged: () => void }) {
  const [showRemoved, setShowRemoved] = useState(false);
  const [adding, setAdding] = useState(false);
  const shown = subscriptions.filter((subscription) => showRemoved || subscription.active);
  const removed = subscriptions.length - subscriptions.filter((subscription) => subscription.active).length;

  const confirmRemove = (subscription: WebhookSubscription) =>
    modals.openConfirmModal({
      title: 'Remove this webhook?',
      children: (
        <Text size="sm">
          <b>{subscription.url}</b> gets no more events, and deliveries still waiting for it are dropped. Its delivery log stays.
        </Text>
      ),
      labels: { confirm: 'Remove webhook', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void client.remove(subscription.id).then((outcome) => {
          if (outcome.kind === 'ok') notifications.show({ color: 'teal', message: `Webhook for ${subscription.url} removed.` });
          else notifications.show({ color: 'red', title: 'Not removed', message: outcome.kind === 'refused' || outcome.kind === 'unreachable' ? outcome.message : 'Sign in again in Settings.' });
          onChanged();
        }),
    });

  return (
    <Card withBorder padding="lg" data-testid="webhook-subscriptions">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          Subscriptions
        </Title>
        <Group gap="sm">
          {removed > 0 && <Switch size="sm" label={`Show removed (${removed})`} checked={showRemoved} onChange={(event) => setShowRemoved(event.currentTarget.checked)} />}
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            Add webhook
          </Button>
        </Group>
      </Group>
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed" py="md" data-testid="webhooks-empty">
          No webhooks yet. Add one to send onboarding events to your automation as they happen.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" aria-label="Webhook subscriptions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>URL</Table.Th>
                <Table.Th>Events</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((subscription) => (
                <Table.Tr key={subscription.id} c={subscription.active ? undefined : 'dimmed'}>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{subscription.url}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {subscription.events.map((event) => (
                        <Tooltip key={event} label={event}>
                          <Badge variant="light" size="sm" tt="none">
                            {eventLabel(event)}
                          </Badge>
                        </Tooltip>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatMoment(subscription.createdAt)}</Table.Td>
                  <Table.Td>
                    {subscription.active ? (
                      <Badge color="teal" variant="light">
                        Active
                      </Badge>
                    ) : (
                      <Stack gap={2} align="flex-start">
                        <Badge color="gray" variant="outline">
                          Removed
                        </Badge>
                        {subscription.removedAt && <Text size="xs">{formatMoment(subscription.removedAt)}</Text>}
                      </Stack>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {subscription.active && (
                      <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => confirmRemove(subscription)} aria-label={`Remove webhook ${subscription.url}`}>
                        Remove
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <AddWebhookModal opened={adding} client={client} onClose={() => setAdding(false)} onAdded={onChanged} />
    </Card>
  );
}

function DeliveriesCard({ deliveries, live, client, onChanged }: { deliveries: WebhookDelivery[]; live: Set<string>; client: WebhookAdminClient; onChanged: () => void }) {
  const [sending, setSending] = useState<string | null>(null);
  const redeliver = async (delivery: WebhookDelivery) => {
    setSending(delivery.id);
    const outcome = await client.redeliver(delivery.id);
    setSending(null);
    if (outcome.kind === 'ok') notifications.show({ color: 'teal', message: `${eventLabel(delivery.eventType)} queued again for ${delivery.url}.` });
    else notifications.show({ color: 'red', title: 'Not redelivered', message: outcome.kind === 'refused' || outcome.kind === 'unreachable' ? outcome.message : 'Sign in again in Settings.' });
    onChanged();
  };
  return (
    <Card withBorder padding="lg" data-testid="webhook-deliveries">
      <Title order={3} size="h5" mb={4}>
        Delivery log
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        The latest 100 deliveries, newest first. A receiver that does not answer 2xx is retried with growing pauses for 24 hours.
      </Text>
      {deliveries.length === 0 ? (
        <Text size="sm" c="dimmed" py="md">
          Nothing delivered yet. Events appear here as soon as something a subscription listens to happens.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing="xs" aria-label="Webhook deliveries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Event</Table.Th>
                <Table.Th>URL</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Attempts</Table.Th>
                <Table.Th>Status codes / errors</Table.Th>
                <Table.Th>Next attempt</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {deliveries.map((delivery) => {
                const status = deliveryStatus(delivery);
                return (
                  <Table.Tr key={delivery.id}>
                    <Table.Td>
                      <Tooltip label={delivery.eventType}>
                        <Text size="sm">{eventLabel(delivery.eventType)}</Text>
                      </Tooltip>
                    </Table.Td>
                    <Table.Td style={{ wordBreak: 'break-all' }}>{delivery.url}</Table.Td>
                    <Table.Td>
                      <Badge color={status.color} variant="light">
                        {status.label}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{delivery.attempts}</Table.Td>
                    <Table.Td style={{ wordBreak: 'break-word' }}>{attemptsText(delivery)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{delivery.status === 'pending' ? formatMoment(delivery.nextAttemptAt) : '—'}</Table.Td>
                    <Table.Td>
                      {live.has(delivery.subscriptionId) && (
                        <Button size="xs" variant="subtle" leftSection={<IconSend size={14} />} loading={sending === delivery.id} onClick={() => void redeliver(delivery)} aria-label={`Redeliver ${delivery.eventType} to ${delivery.url}`}>
                          Redeliver
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

function failureText(outcome: Exclude<AdminOutcome<unknown>, { kind: 'ok' }>): string {
  if (outcome.kind === 'unauthorized') return 'Your session ended. Sign in again in Settings.';
  return outcome.message;
}

/** Admin screen: the server's webhook subscriptions and delivery log, through the signed-in admin's session. */
export function WebhooksPage() {
  const { session, status } = useSync();
  const admin = session?.user.role === 'admin' && status.state !== 'unauthorized' ? session : null;
  const { client, state, stale, refresh } = useWebhookAdmin(admin);

  if (!session)
    return (
      <Blocked title={CONNECT} icon={<IconLock />}>
        <Text size="sm">Webhooks live on the sync server, so this screen needs a signed-in admin account. Everything else keeps working on this laptop.</Text>
        <Anchor component={Link} to="/settings" size="sm">
          Open Settings to sign in
        </Anchor>
      </Blocked>
    );
  if (status.state === 'unauthorized')
    return (
      <Blocked title="Sign in again to manage webhooks" icon={<IconLock />}>
        <Text size="sm">The server ended this session. {CONNECT}</Text>
        <Anchor component={Link} to="/settings" size="sm">
          Sign in again in Settings
        </Anchor>
      </Blocked>
    );
  if (session.user.role !== 'admin')
    return (
      <Blocked title="Webhooks are managed by an admin" icon={<IconLock />}>
        <Text size="sm">
          You are signed in as a partner manager ({session.user.email}). {CONNECT}
        </Text>
      </Blocked>
    );
  if (state.kind === 'loading' || !client)
    return (
      <Stack gap="md" maw={1200}>
        <Header />
        <PageLoader />
      </Stack>
    );
  if (state.kind === 'failed') {
    const offline = state.outcome.kind === 'unreachable';
    return (
      <Blocked title={offline ? 'The sync server cannot be reached' : 'The webhooks could not be read'} icon={offline ? <IconCloudOff /> : <IconLock />}>
        <Text size="sm" role="alert">
          {failureText(state.outcome)} {offline ? CONNECT : ''}
        </Text>
        <Button size="xs" variant="light" leftSection={<IconRefresh size={14} />} onClick={() => void refresh()}>
          Try again
        </Button>
      </Blocked>
    );
  }
  const live = new Set(state.subscriptions.filter((subscription) => subscription.active).map((subscription) => subscription.id));
  return (
    <Stack gap="md" maw={1200}>
      <Header>
        <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={() => void refresh()}>
          Refresh
        </Button>
      </Header>
      {stale && (
        <Alert color="orange" icon={<IconCloudOff />} title="Showing the last list read">
          {stale} It updates again when the server answers.
        </Alert>
      )}
      <SubscriptionsCard subscriptions={state.subscriptions} client={client} onChanged={() => void refresh()} />
      <DeliveriesCard deliveries={state.deliveries} live={live} client={client} onChanged={() => void refresh()} />
    </Stack>
  );
}
