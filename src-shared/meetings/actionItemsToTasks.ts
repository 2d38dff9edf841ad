import { dayNumber, phaseForDay } from '../domain/journey';
import type { ActionItem, IsoDate, IsoTimestamp, Partner, Task, TaskSource } from '../domain/types';
import { defaultDueDate } from './parseActionLine';

export type ActionTaskOptions = {
  source: Extract<TaskSource, 'kickoff' | 'checkin'>;
  /** The meeting's date: an action without a due date is due 7 days later. */
  meetingOn: IsoDate;
  now: IsoTimestamp;
  /** Order of the first new task; the rest follow. Put them after the partner's existing tasks. */
  firstOrder: number;
  newId: () => string;
  /** The meeting's title, for the task guidance ("From the kick-off call on 3 May 2026"). */
  meetingLabel: string;
};

/** The stable task key of an action item, so the same action never becomes two tasks. */
export function actionTaskKey(item: Pick<ActionItem, 'id'>): string {
  return `action-${item.id}`;
}

/**
 * Turns a meeting's action items into journey tasks: one open task each, due on the item's due
 * date (7 days after the meeting when it has none), in the journey phase of that day, owned by
 * the item's side and person. Items that already became a task (`taskId` set, or a task with the
 * same key exists) are skipped, so ending a call twice or on two laptops adds nothing twice.
 * Returns the new tasks and the action items with their `taskId` filled in.
 */
export function actionItemsToTasks(
  partner: Pick<Partner, 'id' | 'day0'>,
  items: readonly ActionItem[],
  existingTasks: readonly Pick<Task, 'id' | 'key'>[],
  options: ActionTaskOptions,
): { tasks: Task[]; items: ActionItem[] } {
  const byKey = new Map(existingTasks.map((task) => [task.key, task.id]));
  const tasks: Task[] = [];
  const updated = items.map((item): ActionItem => {
    if (item.taskId) return item;
    const key = actionTaskKey(item);
    const existing = byKey.get(key);
    if (existing) return { ...item, taskId: existing };
    const dueDate = item.dueDate ?? defaultDueDate(options.meetingOn);
    const dueOffset = dayNumber(partner.day0, dueDate);
    const task: Task = {
      id: options.newId(),
      createdAt: options.now,
      updatedAt: options.now,
      partnerId: partner.id,
      phase: phaseForDay(dueOffset),
      category: 'team',
      title: item.text,
      guidance: `Agreed in the ${options.meetingLabel}.`,
      key,
      dueOffset,
      dueDate,
      ownerSide: item.ownerSide,
      ownerName: item.ownerName,
      required: false,
      status: 'open',
      source: options.source,
      order: options.firstOrder + tasks.length,
    };
    tasks.push(task);
    byKey.set(key, task.id);
    return { ...item, dueDate, taskId: task.id };
  });
  return { tasks, items: updated };
}
