import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { newId } from '../../src-shared/domain/ids';
import { storeErrorMessage } from '../db/storeErrorMessage';

export type UndoToast = {
  /** What just happened, e.g. "“Send the welcome kit” marked done". */
  message: string;
  /** Puts things back as they were. */
  undo: () => Promise<unknown>;
  /** What undoing is, for the error message if it fails ("reopen the task"). */
  undoDescription: string;
};

/** How long the toast (and its Undo) stays up; hovering keeps it open. */
export const UNDO_TOAST_MS = 8000;

/**
 * The one feedback of a one-click action that changes or removes something: a toast saying what
 * happened, with an Undo button (reachable by keyboard) that puts it back.
 */
export function showUndoToast({ message, undo, undoDescription }: UndoToast): void {
  const id = `undo-${newId()}`;
  const runUndo = async () => {
    notifications.hide(id);
    try {
      await undo();
      notifications.show({ color: 'gray', message: 'Undone.', autoClose: 3000 });
    } catch (error) {
      console.error(error);
      notifications.show({ color: 'red', title: 'Not undone', message: storeErrorMessage(error, undoDescription), autoClose: false });
    }
  };
  notifications.show({
    id,
    color: 'teal',
    autoClose: UNDO_TOAST_MS,
    message: (
      <Group justify="space-between" wrap="nowrap" gap="sm" data-testid="undo-toast">
        <Text size="sm">{message}</Text>
        <Button size="compact-sm" variant="light" style={{ flexShrink: 0 }} onClick={() => void runUndo()}>
          Undo
        </Button>
      </Group>
    ),
  });
}
