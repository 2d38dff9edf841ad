import { Group, Loader, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCloudCheck, IconCloudExclamation, IconCloudOff, IconDeviceLaptop, IconLogin, type Icon } from '@tabler/icons-react';
import type { SyncState } from './syncTypes';
import { describeSyncStatus } from './describeSyncStatus';
import { SyncDetailsDrawer } from './SyncDetailsDrawer';
import { useNow } from './useNow';
import { useSync } from './useSync';

const ICONS: Record<Exclude<SyncState, 'syncing'>, Icon> = {
  signed_out: IconDeviceLaptop,
  unauthorized: IconLogin,
  offline: IconCloudOff,
  error: IconCloudExclamation,
  idle: IconCloudCheck,
};

/** Always in the header: what sync is doing in a few words; a click opens the details. */
export function SyncIndicator() {
  const { status } = useSync();
  const now = useNow();
  const [opened, { open, close }] = useDisclosure(false);
  const description = describeSyncStatus(status, now);
  const color = `var(--mantine-color-${description.tone}-${description.tone === 'gray' ? 6 : 7})`;
  const Icon = description.state === 'syncing' ? null : ICONS[description.state];

  return (
    <>
      <Tooltip label={description.detail} multiline w={300} withArrow openDelay={300}>
        <UnstyledButton
          onClick={open}
          aria-label={`Sync: ${description.text}. Show sync details`}
          data-testid="sync-indicator"
          data-state={description.state}
          px="sm"
          py={6}
          style={{
            borderRadius: 'var(--mantine-radius-xl)',
            border: `1px solid color-mix(in srgb, ${color} 35%, transparent)`,
            background: `color-mix(in srgb, ${color} 8%, transparent)`,
            flex: '0 0 auto',
          }}
        >
          <Group gap={6} wrap="nowrap">
            {Icon ? <Icon size={16} color={color} aria-hidden /> : <Loader size={12} color={color} aria-hidden />}
            <Text size="sm" fw={500} c={color} style={{ whiteSpace: 'nowrap' }}>
              {description.text}
            </Text>
          </Group>
        </UnstyledButton>
      </Tooltip>
      <SyncDetailsDrawer opened={opened} onClose={close} now={now} />
    </>
  );
}
