import { newId, nowIso } from '../../../src-shared/domain/ids';
import { dueDateError, startTaskError } from '../../../src-shared/domain/journey';
import type { IsoDate, OwnerSide, Phase, Task, TaskCategory } from '../../../src-shared/domain/types';
import type { AppDatabase } from '../../db/appDatabase';

async function patchTask(db: AppDatabase, taskId: string, change: Partial<Task>): Promise<void> {
  const doc = await db.tasks.findOne(taskId).exec();
  if (!doc) throw new Error('This task no longer exists on this laptop.');
  await doc.incrementalPatch({ ...change, updatedAt: nowIso() });
}

/** Writes a task change (status, due date …) and stamps updatedAt for the sync merge. */
export function updateTask(db: AppDatabase, taskId: string, change: Partial<Omit<Task, 'id' | 'partnerId' | 'createdAt'>>): Promise<void> {
  return patchTask(db, taskId, change);
}

export function completeTask(db: AppDatabase, taskId: string, today: IsoDate): Promise<void> {
  return patchTask(db, taskId, { status: 'done', completedOn: today });
}

/** Reopening clears the completion date (the field is removed, not emptied). */
export async function reopenTask(db: AppDatabase, taskId: string): Promise<void> {
  const doc = await db.tasks.findOne(taskId).exec();
  if (!doc) throw new Error('This task no longer exists on this laptop.');
  await doc.incrementalModify((task) => {
    const { completedOn: _completed, ...rest } = task;
    return { ...rest, status: 'open', updatedAt: nowIso() };
  });
}

/**
 * Puts a task's status, completion, start and due date back as they were before a one-click
 * change (the Undo of done, reopen, start, not applicable and reschedule); a field that was not
 * set is removed again.
 */
export async function restoreTask(db: AppDatabase, before: Pick<Task, 'id' | 'status' | 'dueDate' | 'completedOn' | 'startedOn'>): Promise<void> {
  const doc = await db.tasks.findOne(before.id).exec();
  if (!doc) throw new Error('This task no longer exists on this laptop.');
  await doc.incrementalModify((task) => {
    const { completedOn: _completed, startedOn: _started, ...rest } = task;
    return {
      ...rest,
      status: before.status,
      dueDate: before.dueDate,
      ...(before.completedOn ? { completedOn: before.completedOn } : {}),
      ...(before.startedOn ? { startedOn: before.startedOn } : {}),
      updatedAt: nowIso(),
    };
  });
}

/**
 * Marks a task started today: it is then in progress, so a template change never removes or
 * re-dates it and late prerequisites no longer move it. Refused with the reason when the step
 * cannot be started (done, not applicable, already started, before Day 0).
 */
export async function startTask(db: AppDatabase, taskId: string, today: IsoDate): Promise<void> {
  const doc = await db.tasks.findOne(taskId).exec();
  if (!doc) throw new Error('This task no longer exists on this laptop.');
  const partner = await db.partners.findOne(doc.partnerId).exec();
  const problem = startTaskError(doc, partner?.day0 ?? today, today);
  if (problem) throw new Error(problem);
  await doc.incrementalPatch({ startedOn: today, updatedAt: nowIso() });
}

export function markNotApplicable(db: AppDatabase, taskId: string): Promise<void> {
  return patchTask(db, taskId, { status: 'not_applicable' });
}

/** Moves a task's due date; a date before the partner's Day 0 is refused with the reason. */
export async function rescheduleTask(db: AppDatabase, taskId: string, dueDate: IsoDate): Promise<void> {
  const task = await db.tasks.findOne(taskId).exec();
  const partner = task ? await db.partners.findOne(task.partnerId).exec() : null;
  const problem = partner ? dueDateError(dueDate, partner.day0) : null;
  if (problem) throw new Error(problem);
  return patchTask(db, taskId, { dueDate });
}

export type CustomTaskInput = {
  title: string;
  phase: Phase;
  category: TaskCategory;
  dueDate: IsoDate;
  dueOffset: number;
  ownerSide: OwnerSide;
  required: boolean;
  guidance: string;
};

/** Adds a task the manager wrote themself; it sorts after the template tasks of its phase. */
export async function addCustomTask(db: AppDatabase, partnerId: string, input: CustomTaskInput, order: number): Promise<Task> {
  const partner = await db.partners.findOne(partnerId).exec();
  const problem = partner ? dueDateError(input.dueDate, partner.day0) : null;
  if (problem) throw new Error(problem);
  const now = nowIso();
  const task: Task = {
    id: newId(),
    createdAt: now,
    updatedAt: now,
    partnerId,
    key: `custom-${newId().slice(0, 8)}`,
    ownerName: '',
    status: 'open',
    source: 'custom',
    order,
    ...input,
  };
  await db.tasks.insert(task);
  return task;
}

/**
 * Catch-up for a partner entered after the fact: marks the given open tasks done in one write.
 * Each is recorded as done on its due date (it happened before it was entered here), never later
 * than today.
 */
export async function completeOverdueTasks(db: AppDatabase, taskIds: string[], today: IsoDate): Promise<TaskSnapshot[]> {
  const docs = await db.tasks.findByIds(taskIds).exec();
  const now = nowIso();
  const updated: Task[] = [];
  const before: TaskSnapshot[] = [];
  for (const doc of docs.values()) {
    const task = doc.toMutableJSON() as Task;
    if (task.status !== 'open') continue;
    before.push(taskSnapshot(task));
    updated.push({ ...task, status: 'done', completedOn: task.dueDate < today ? task.dueDate : today, updatedAt: now });
  }
  const result = await db.tasks.bulkUpsert(updated);
  if (result.error.length > 0) throw new Error(`${result.error.length} of ${updated.length} tasks could not be updated`);
  return before;
}

/** What a bulk change to tasks replaced, for its Undo. */
export type TaskSnapshot = Pick<Task, 'id' | 'status' | 'dueDate' | 'completedOn' | 'shiftDays'>;

export function taskSnapshot(task: Task): TaskSnapshot {
  return {
    id: task.id,
    status: task.status,
    dueDate: task.dueDate,
    ...(task.completedOn !== undefined ? { completedOn: task.completedOn } : {}),
    ...(task.shiftDays !== undefined ? { shiftDays: task.shiftDays } : {}),
  };
}

/**
 * The Undo of a bulk change (catch-up, schedule moves): puts status, due date, completion day and
 * shift back as they were, in one bulk write; a field that was not set is removed again. A task
 * removed meanwhile is skipped.
 */
export async function restoreTasks(db: AppDatabase, snapshots: readonly TaskSnapshot[]): Promise<number> {
  const docs = await db.tasks.findByIds(snapshots.map((s) => s.id)).exec();
  const now = nowIso();
  const restored: Task[] = [];
  for (const before of snapshots) {
    const doc = docs.get(before.id);
    if (!doc) continue;
    const { completedOn: _completed, shiftDays: _shift, ...rest } = doc.toMutableJSON() as Task;
    restored.push({ ...rest, ...before, updatedAt: now });
  }
  const result = await db.tasks.bulkUpsert(restored);
  if (result.error.length > 0) throw new Error(`${result.error.length} of ${restored.length} tasks could not be put back`);
  return restored.length;
}
