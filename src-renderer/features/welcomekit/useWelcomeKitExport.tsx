import { Button, Group, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Partner, Task } from '../../../src-shared/domain/types';
import { WELCOME_KIT_TASK_KEY, welcomeKitFileName } from '../../../src-shared/welcomekit/welcomeKit';
import { showUndoToast } from '../../app/showUndoToast';
import { useStoreAction } from '../../app/useStoreAction';
import { useToday } from '../../app/useToday';
import { useAppData } from '../../db/useAppData';
import { useDatabase } from '../../db/useDatabase';
import { usePlatform } from '../../platform/usePlatform';
import { completeTask, restoreTask } from '../journey/updateTask';
import { usePaperSize } from '../plan/usePaperSize';

/** The open "Send the welcome kit" step of a partner's journey, if any. */
export const openWelcomeKitTask = (tasks: readonly Task[] | undefined): Task | undefined =>
  tasks?.find((task) => task.key === WELCOME_KIT_TASK_KEY && task.status === 'open');

/**
 * Exports the partner's welcome kit as PDF (the plan's pipeline), then asks whether it was sent:
 * yes ticks the "Send the welcome kit" step, with the Undo every task change offers.
 */
export function useWelcomeKitExport(partner: Pick<Partner, 'id' | 'name'>): { exportKit: () => Promise<void>; exporting: boolean } {
  const platform = usePlatform();
  const db = useDatabase();
  const today = useToday();
  const [paper] = usePaperSize();
  const { tasksByPartner } = useAppData();
  const [exporting, setExporting] = useState(false);
  const [tick] = useStoreAction(async (task: Task) => {
    await completeTask(db, task.id, today);
    return true;
  }, 'tick the welcome kit step');

  const askSent = (task: Task) => {
    const id = 'welcome-kit-sent';
    const confirm = () => {
      modals.close(id);
      const before = { id: task.id, status: task.status, dueDate: task.dueDate, ...(task.completedOn ? { completedOn: task.completedOn } : {}) };
      void tick(task).then((saved) => {
        if (saved) showUndoToast({ message: `“${task.title}” marked done`, undo: () => restoreTask(db, before), undoDescription: 'undo the change to the task' });
      });
    };
    modals.open({
      modalId: id,
      title: 'Did you send it to the partner?',
      children: (
        <Stack gap="sm" data-testid="welcome-kit-sent">
          <Text size="sm">Once {partner.name} has the welcome kit, the “{task.title}” step can be ticked.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => modals.close(id)}>
              Not yet
            </Button>
            <Button data-autofocus onClick={confirm}>
              Yes, mark it sent
            </Button>
          </Group>
        </Stack>
      ),
    });
  };

  const exportKit = async () => {
    setExporting(true);
    try {
      const result = await platform.exportWelcomeKitPdf({ partnerId: partner.id, paper, suggestedName: welcomeKitFileName(partner.name, today) });
      if (result.saved) notifications.show({ color: 'teal', title: 'PDF saved', message: result.location ?? 'The welcome kit was saved as PDF.' });
      // The browser opens the kit in a print tab (no answer comes back); the desktop app says whether it was saved.
      const handedOver = result.saved || platform.kind === 'browser';
      const task = openWelcomeKitTask(tasksByPartner.get(partner.id));
      if (handedOver && task) askSent(task);
    } catch (error) {
      notifications.show({ color: 'red', title: 'Welcome kit not exported', message: error instanceof Error ? error.message : String(error), autoClose: false });
    } finally {
      setExporting(false);
    }
  };
  return { exportKit, exporting };
}
