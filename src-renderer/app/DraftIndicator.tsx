import { Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconRestore } from '@tabler/icons-react';
import type { DraftState } from './draftKeeper';

/**
 * The save indicator of a form not yet submitted: "Saving…" while typing waits to be kept, then
 * "Draft kept on this laptop"; "Draft restored" when the form opened on what was typed before.
 */
export function DraftIndicator({ state, restored }: { state: DraftState; restored: boolean }) {
  const tag = { 'data-testid': 'draft-state', 'data-state': state, 'aria-live': 'polite' as const };
  if (state === 'saving') {
    return (
      <Group gap={4} {...tag}>
        <Loader size={12} />
        <Text size="xs" c="dimmed">
          Saving…
        </Text>
      </Group>
    );
  }
  if (state === 'error') {
    return (
      <Group gap={4} {...tag}>
        <IconAlertTriangle size={14} color="var(--mantine-color-red-6)" />
        <Text size="xs" c="red">
          Draft not kept: this laptop refused to store it
        </Text>
      </Group>
    );
  }
  if (state === 'saved') {
    return (
      <Group gap={4} {...tag}>
        <IconCheck size={14} color="var(--mantine-color-teal-6)" />
        <Text size="xs" c="dimmed">
          Draft saved on this laptop
        </Text>
      </Group>
    );
  }
  if (restored) {
    return (
      <Group gap={4} {...tag}>
        <IconRestore size={14} color="var(--mantine-color-blue-6)" />
        <Text size="xs" c="dimmed">
          Draft restored: what you typed before
        </Text>
      </Group>
    );
  }
  return <span {...tag} />;
}
