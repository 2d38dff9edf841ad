import { nowIso } from '../../../src-shared/domain/ids';
import type { Task } from '../../../src-shared/domain/types';
import type { ScheduleMove } from '../../../src-shared/journey/reschedule';
import type { AppDatabase } from '../../db/appDatabase';
import { taskSnapshot, type TaskSnapshot } from './updateTask';

/** Writes the schedule's moves (new due date and the shift from plan) in one bulk write; returns what they replaced (for Undo). */
export async function applyScheduleMoves(db: AppDatabase, moves: readonly ScheduleMove[]): Promise<TaskSnapshot[]> {
  const docs = await db.tasks.findByIds(moves.map((m) => m.taskId)).exec();
  const now = nowIso();
  const updated: Task[] = [];
  const before: TaskSnapshot[] = [];
  for (const move of moves) {
    const doc = docs.get(move.taskId);
    if (!doc) continue;
    const task = doc.toMutableJSON() as Task;
    // A task finished, started or pinned since the schedule was worked out keeps its date.
    if (task.status !== 'open' || task.startedOn || task.pinned || task.dueDate !== move.from) continue;
    before.push(taskSnapshot(task));
    updated.push({ ...task, dueDate: move.to, shiftDays: move.shiftDays, updatedAt: now });
  }
  const result = await db.tasks.bulkUpsert(updated);
  if (result.error.length > 0) throw new Error(`${result.error.length} of ${updated.length} tasks could not be moved`);
  return before;
}

/** Pins a task's due date (late prerequisites no longer move it), or releases it. */
export async function pinTaskDate(db: AppDatabase, taskId: string, pinned: boolean): Promise<void> {
  const doc = await db.tasks.findOne(taskId).exec();
  if (!doc) throw new Error('This task no longer exists on this laptop.');
  await doc.incrementalPatch({ pinned, updatedAt: nowIso() });
}
