import { newId, nowIso } from '../../../src-shared/domain/ids';
import type { IsoDate, Phase, Survey } from '../../../src-shared/domain/types';
import type { AppDatabase } from '../../db/appDatabase';

/** Records a PSAT response (score 1–5 and comment) tagged with the journey phase it is about. */
export async function recordSurvey(db: AppDatabase, partnerId: string, input: { score: number; takenOn: IsoDate; comment: string; phase: Phase }): Promise<Survey> {
  if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5) throw new Error('The PSAT score must be a whole number from 1 to 5.');
  const now = nowIso();
  const survey: Survey = { id: newId(), createdAt: now, updatedAt: now, partnerId, ...input, comment: input.comment.trim() };
  await db.surveys.insert(survey);
  return survey;
}
