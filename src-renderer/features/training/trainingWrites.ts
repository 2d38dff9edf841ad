import { newId, nowIso } from '../../../src-shared/domain/ids';
import type { IsoDate, Training } from '../../../src-shared/domain/types';
import type { AppDatabase } from '../../db/appDatabase';

export type TrainingInputValue = Pick<Training, 'person' | 'course' | 'required' | 'status'> & { completedOn?: IsoDate };

/** Ticks off a journey certification step; returns how to undo it. */
async function completeStep(db: AppDatabase, taskId: string | undefined, on: IsoDate): Promise<void> {
  if (!taskId) return;
  const task = await db.tasks.findOne(taskId).exec();
  if (!task || task.status !== 'open') return;
  await task.incrementalPatch({ status: 'done', completedOn: on, updatedAt: nowIso() });
}

/**
 * Records an enrolment or certification. A completed one can tick off the journey step it counts
 * toward (`stepTaskId`); if that fails the training is removed again (all-or-nothing).
 */
export async function recordTraining(db: AppDatabase, partnerId: string, input: TrainingInputValue, stepTaskId?: string): Promise<Training> {
  const now = nowIso();
  const training: Training = { id: newId(), createdAt: now, updatedAt: now, partnerId, ...input };
  await db.trainings.insert(training);
  if (input.status === 'completed' && input.completedOn) {
    try {
      await completeStep(db, stepTaskId, input.completedOn);
    } catch (error) {
      await (await db.trainings.findOne(training.id).exec())?.remove();
      throw error;
    }
  }
  return training;
}

/** Marks an enrolment completed on a date, optionally ticking off its journey step. */
export async function completeTraining(db: AppDatabase, trainingId: string, on: IsoDate, stepTaskId?: string): Promise<void> {
  const doc = await db.trainings.findOne(trainingId).exec();
  if (!doc) throw new Error('This training no longer exists on this laptop.');
  await doc.incrementalPatch({ status: 'completed', completedOn: on, updatedAt: nowIso() });
  try {
    await completeStep(db, stepTaskId, on);
  } catch (error) {
    const again = await db.trainings.findOne(trainingId).exec();
    await again?.incrementalModify((t) => {
      const { completedOn: _c, ...rest } = t;
      return { ...rest, status: 'enrolled', updatedAt: nowIso() };
    });
    throw error;
  }
}
