import { Alert, Badge, Button, Card, Drawer, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconRefresh, IconSettings } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { COLLECTION_NAMES } from '../../src-shared/domain/types';
import { formatMoment } from '../app/formatMoment';
import { COLLECTION_LABELS } from '../app/labels';
import { usePlatform } from '../platform/usePlatform';
import { describeSyncStatus, SYNC_STATE_LABELS, timeAgo, type SyncTone } from './describeSyncStatus';
import type { SyncState } from './syncTypes';
import { useSync } from './useSync';

const STATE_TONES: Record<SyncState, SyncTone> = {
  signed_out: 'gray',
  unauthorized: 'orange',
  offline: 'yellow',
  error: 'red',
  syncing: 'blue',
  idle: 'teal',
};

const number = new Intl.NumberFormat('en-US');

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={110} style={{ flex: '0 0 auto' }}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Group>
  );
}

/** Everything about sync in one place: account, server, state, and each collection's progress. */
export function SyncDetailsDrawer({ opened, onClose, now }: { opened: boolean; onClose: () => void; now: Date }) {
  const { status, session, secureStorage, syncNow } = useSync();
  const platform = usePlatform();
  const navigate = useNavigate();
  const description = describeSyncStatus(status, now);
  const toSettings = () => {
    onClose();
    void navigate('/settings');
  };

  const tokenStorage =
    platform.kind === 'browser'
      ? 'In this browser tab only'
      : secureStorage
        ? 'Encrypted by the system’s secret store'
        : 'Unencrypted: this computer has no secret store';

  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="lg" title={<Title order={2} size="h4">Sync</Title>}>
      <Stack gap="md">
        <Alert
          color={description.tone}
          variant="light"
          title={description.text}
          icon={description.state === 'error' || description.state === 'unauthorized' ? <IconAlertTriangle /> : undefined}
          role="status"
        >
          {description.detail}
        </Alert>

        {session ? (
          <>
            <Card withBorder padding="md">
              <Stack gap={6}>
                <Fact label="Account">
                  {session.user.name} · {session.user.email}
                </Fact>
                <Fact label="Teams">{session.user.teams.map((team) => team.name).join(', ') || 'None'}</Fact>
                <Fact label="Server">{session.serverUrl}</Fact>
                <Fact label="Last synced">
                  {status.lastSyncedAt ? `${formatMoment(status.lastSyncedAt)} (${timeAgo(status.lastSyncedAt, now)})` : 'Not yet'}
                </Fact>
                <Fact label="Not sent yet">{status.pending === 0 ? 'Nothing: every change reached the server' : `${number.format(status.pending)} changes`}</Fact>
                <Fact label="Sign-in kept">{tokenStorage}</Fact>
              </Stack>
            </Card>

            <Table verticalSpacing={6} fz="sm" aria-label="Sync by collection" striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>What</Table.Th>
                  <Table.Th>State</Table.Th>
                  <Table.Th ta="right">Not sent</Table.Th>
                  <Table.Th ta="right">Received</Table.Th>
                  <Table.Th ta="right">Sent</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {COLLECTION_NAMES.map((name) => {
                  const collection = status.collections[name];
                  const state: SyncState = status.state === 'unauthorized' ? 'unauthorized' : collection.state;
                  return (
                    <Table.Tr key={name} data-testid={`sync-collection-${name}`}>
                      <Table.Td>{COLLECTION_LABELS[name]}</Table.Td>
                      <Table.Td>
                        <Badge color={collection.error ? 'red' : STATE_TONES[state]} variant="light">
                          {collection.error ? 'Error' : SYNC_STATE_LABELS[state]}
                        </Badge>
                        {collection.error && (
                          <Text size="xs" c="red" mt={2} maw={220} style={{ overflowWrap: 'anywhere' }}>
                            {collection.error}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right" fw={collection.pending > 0 ? 600 : undefined}>
                        {number.format(collection.pending)}
                      </Table.Td>
                      <Table.Td ta="right">{number.format(collection.pulled)}</Table.Td>
                      <Table.Td ta="right">{number.format(collection.pushed)}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            <Group>
              <Button leftSection={<IconRefresh size={16} />} onClick={syncNow} disabled={status.state === 'unauthorized'}>
                Sync now
              </Button>
              <Button variant="default" leftSection={<IconSettings size={16} />} onClick={toSettings}>
                {status.state === 'unauthorized' ? 'Sign in again' : 'Sync settings'}
              </Button>
            </Group>
          </>
        ) : (
          <Group>
            <Button leftSection={<IconSettings size={16} />} onClick={toSettings}>
              Sign in to sync
            </Button>
          </Group>
        )}
      </Stack>
    </Drawer>
  );
}
