import { Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import type { SaveStatus } from './useSaveStatus';

/** "Saving…" while a write of the screen is pending, then "Saved on this laptop" (or "Not saved"). */
export function SaveIndicator({ state, completed }: Pick<SaveStatus, 'state' | 'completed'>) {
  if (state === 'saving') {
    return (
      <Group gap={4} aria-live="polite">
        <Loader size={12} />
        <Text size="xs" c="dimmed">
          Saving…
        </Text>
      </Group>
    );
  }
  if (state === 'error') {
    return (
      <Group gap={4} aria-live="polite">
        <IconAlertTriangle size={14} color="var(--mantine-color-red-6)" />
        <Text size="xs" c="red">
          Not saved
        </Text>
      </Group>
    );
  }
  return (
    <Group gap={4} aria-live="polite" data-testid="save-state" data-state={state} data-saves={completed}>
      <IconCheck size={14} color="var(--mantine-color-teal-6)" />
      <Text size="xs" c="dimmed">
        {state === 'saved' ? 'Saved on this laptop' : 'All changes saved'}
      </Text>
    </Group>
  );
}
