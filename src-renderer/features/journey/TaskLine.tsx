import { ActionIcon, Anchor, Badge, Checkbox, Group, Menu, Popover, Stack, Text } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { IconBan, IconCalendarEvent, IconDots, IconPlayerPlay, IconRotate } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { PartnerType, Task } from '../../../src-shared/domain/types';
import { CATEGORY_LABELS } from '../../app/labels';
import { showUndoToast } from '../../app/showUndoToast';
import { useOwnerSideLabels } from '../../app/useProfile';
import { useStoreAction } from '../../app/useStoreAction';
import { useDatabase } from '../../db/useDatabase';
import { ResourceLinks } from '../resources/ResourceLinks';
import { dueLabel, formatDate } from './dueLabel';
import { completeTask, markNotApplicable, reopenTask, rescheduleTask, restoreTask, startTask } from './updateTask';

const TONE_COLOR = { overdue: 'red', soon: 'orange', later: 'dimmed' } as const;

type Props = {
  task: Task;
  today: string;
  /** Shown on cross-partner lists (Today). */
  partner?: { id: string; name: string };
  showGuidance?: boolean;
  highlighted?: boolean;
  /** The partner's type: with it, the task shows its own step's library resources (and nothing else). */
  partnerType?: PartnerType;
};

/** One task: tick to complete, and a menu to start, reopen, reschedule or mark not applicable. */
export function TaskLine({ task, today, partner, showGuidance, highlighted, partnerType }: Props) {
  const db = useDatabase();
  const sides = useOwnerSideLabels();
  const [change] = useStoreAction(async (write: () => Promise<void>) => {
    await write();
    return true;
  }, 'save the change to the task');
  const done = task.status === 'done';
  // Every one-click change says what it did and can be undone.
  const withUndo = (write: () => Promise<void>, message: string) =>
    void change(write).then((saved) => {
      if (saved) showUndoToast({ message, undo: () => restoreTask(db, before), undoDescription: 'undo the change to the task' });
    });
  const before = {
    id: task.id,
    status: task.status,
    dueDate: task.dueDate,
    ...(task.completedOn ? { completedOn: task.completedOn } : {}),
    ...(task.startedOn ? { startedOn: task.startedOn } : {}),
  };
  const notApplicable = task.status === 'not_applicable';
  const due = dueLabel(task.dueDate, today);

  return (
    <Group
      gap="sm"
      wrap="nowrap"
      align="flex-start"
      py={8}
      px="xs"
      data-testid="task-line"
      data-task-id={task.id}
      style={{
        borderRadius: 'var(--mantine-radius-sm)',
        background: highlighted ? 'var(--mantine-color-indigo-light)' : undefined,
      }}
    >
      <Checkbox
        mt={2}
        checked={done}
        disabled={notApplicable}
        aria-label={done ? `Reopen “${task.title}”` : `Mark “${task.title}” done`}
        onChange={() => (done ? withUndo(() => reopenTask(db, task.id), `“${task.title}” reopened`) : withUndo(() => completeTask(db, task.id, today), `“${task.title}” marked done`))}
      />
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm" fw={500} td={done || notApplicable ? 'line-through' : undefined} c={done || notApplicable ? 'dimmed' : undefined}>
          {task.title}
        </Text>
        <Group gap={8} wrap="wrap">
          {partner && (
            <Anchor component={Link} to={`/partners/${partner.id}/journey?task=${task.id}`} size="xs" fw={500}>
              {partner.name}
            </Anchor>
          )}
          {done ? (
            <Text size="xs" c="dimmed">
              Done {task.completedOn ? formatDate(task.completedOn) : ''}
            </Text>
          ) : notApplicable ? (
            <Text size="xs" c="dimmed">
              Not applicable
            </Text>
          ) : (
            <Text size="xs" c={TONE_COLOR[due.tone]} fw={due.tone === 'overdue' ? 600 : undefined}>
              {due.text}
            </Text>
          )}
          {task.startedOn && task.status === 'open' && (
            <Badge size="xs" variant="light" color="teal" data-testid="task-started" title={`Started ${formatDate(task.startedOn)}: a template change will not move or remove it`}>
              Started {formatDate(task.startedOn)}
            </Badge>
          )}
          <Text size="xs" c="dimmed">
            {CATEGORY_LABELS[task.category]} · {sides[task.ownerSide]}
          </Text>
          {task.required && (
            <Badge size="xs" variant="outline" color="gray">
              Required
            </Badge>
          )}
          {task.source !== 'template' && (
            <Badge size="xs" variant="light" color="grape">
              {task.source === 'custom' ? 'Custom' : task.source === 'kickoff' ? 'From kick-off' : task.source === 'checkin' ? 'From check-in' : 'From plan'}
            </Badge>
          )}
        </Group>
        {showGuidance && task.guidance && (
          <Text size="xs" c="dimmed">
            {task.guidance}
          </Text>
        )}
        {partnerType && (task.resourceIds?.length ?? 0) > 0 && <ResourceLinks resourceIds={task.resourceIds} partnerType={partnerType} />}
      </Stack>
      <TaskActions
        task={task}
        onReschedule={(value) => withUndo(() => rescheduleTask(db, task.id, value), `“${task.title}” moved to ${formatDate(value)}`)}
        onStart={() => withUndo(() => startTask(db, task.id, today), `“${task.title}” marked started`)}
        onReopen={() => withUndo(() => reopenTask(db, task.id), `“${task.title}” reopened`)}
        onSkip={() => withUndo(() => markNotApplicable(db, task.id), `“${task.title}” marked not applicable`)}
      />
    </Group>
  );
}

type ActionsProps = { task: Task; onReschedule: (date: string) => void; onStart: () => void; onReopen: () => void; onSkip: () => void };

/**
 * The "more actions" menu of a task and its reschedule calendar. Both are mounted on first use:
 * Today and the workspace show dozens of task lines, and positioning a menu and a popover for
 * each on every render is what made them slow.
 */
function TaskActions({ task, onReschedule, onStart, onReopen, onSkip }: ActionsProps) {
  const [mounted, setMounted] = useState(false);
  const [menuOpened, setMenuOpened] = useState(false);
  const [rescheduling, setRescheduling] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (mounted) button.current?.focus();
  }, [mounted]);
  const open = task.status === 'open';

  const trigger = (
    <ActionIcon
      ref={button}
      variant="subtle"
      color="gray"
      aria-label={`More actions for “${task.title}”`}
      title="More actions"
      onClick={() => {
        // Once mounted, the menu's own target handler toggles it.
        if (!mounted) {
          setMounted(true);
          setMenuOpened(true);
        }
      }}
    >
      <IconDots size={16} />
    </ActionIcon>
  );
  if (!mounted) return trigger;

  return (
    <Popover opened={rescheduling} onChange={setRescheduling} position="bottom-end" withArrow shadow="md" trapFocus>
      <Popover.Target>
        <div>
          <Menu position="bottom-end" withinPortal opened={menuOpened} onChange={setMenuOpened}>
            <Menu.Target>{trigger}</Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconCalendarEvent size={14} />} onClick={() => setRescheduling(true)} disabled={!open}>
                Reschedule…
              </Menu.Item>
              {open && !task.startedOn && (
                <Menu.Item leftSection={<IconPlayerPlay size={14} />} onClick={onStart}>
                  Mark started
                </Menu.Item>
              )}
              {!open ? (
                <Menu.Item leftSection={<IconRotate size={14} />} onClick={onReopen}>
                  Reopen
                </Menu.Item>
              ) : (
                <Menu.Item leftSection={<IconBan size={14} />} onClick={onSkip}>
                  Mark not applicable
                </Menu.Item>
              )}
            </Menu.Dropdown>
          </Menu>
        </div>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text size="sm" fw={500}>
            New due date
          </Text>
          <DatePicker
            defaultDate={task.dueDate}
            value={task.dueDate}
            onChange={(value) => {
              if (!value) return;
              setRescheduling(false);
              onReschedule(value);
            }}
          />
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
