import { Group, Loader, Text } from '@mantine/core';
import type { PendingRecords } from '../db/useAppData';

const count = (n: number) => n.toLocaleString();

/** "Loading 20,000 tasks and 12,533 other records…" (or without figures before they are counted). */
export function recordsLoadingText(pending: PendingRecords | null): string {
  if (!pending) return 'Loading tasks, meetings and deals…';
  const tasks = `${count(pending.tasks)} ${pending.tasks === 1 ? 'task' : 'tasks'}`;
  if (pending.others === 0) return `Loading ${tasks}…`;
  return `Loading ${tasks} and ${count(pending.others)} other ${pending.others === 1 ? 'record' : 'records'}…`;
}

/**
 * The line a screen shows while the records behind its figures are still being read from the
 * local store (a cold open of a large portfolio), saying what follows. Input is never blocked.
 */
export function RecordsLoading({ pending, follows }: { pending: PendingRecords | null; follows: string }) {
  return (
    <Group gap="xs" wrap="nowrap" role="status" data-testid="records-loading">
      <Loader size="xs" type="dots" />
      <Text size="sm" c="dimmed">
        {recordsLoadingText(pending)} {follows}
      </Text>
    </Group>
  );
}
