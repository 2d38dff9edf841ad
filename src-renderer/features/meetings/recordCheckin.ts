import { newId, nowIso } from '../../../src-shared/domain/ids';
import { readableDate } from '../../../src-shared/domain/nextBestAction';
import type { ActionItem, IsoDate, Meeting, Partner, PlanItem, Task } from '../../../src-shared/domain/types';
import { actionItemsToTasks } from '../../../src-shared/meetings/actionItemsToTasks';
import type { AppDatabase } from '../../db/appDatabase';
import { insertAll } from '../../db/insertAll';

export type CheckinInput = {
  heldOn: IsoDate;
  sentiment?: number;
  blockers: string;
  notes: string;
  attendees: string[];
  nextSteps: ActionItem[];
  nextCheckinOn: IsoDate;
  /** New `actual` values of plan goals, by plan item id (only the ones the manager changed). */
  goalActuals: Record<string, number>;
  /** Journey tasks of the current phase reported done at the check-in. */
  completedTaskIds: string[];
  /** A scheduled check-in this one fulfils (it is updated instead of adding a new meeting). */
  scheduledMeetingId?: string;
};

/**
 * Records a held check-in, all or nothing: the meeting (kind 'checkin', done), its next steps
 * as journey tasks (source 'checkin'), progress on plan goals and tasks reported done. If any
 * write fails, every write already made is undone and the error is thrown.
 */
export async function recordCheckin(db: AppDatabase, partner: Pick<Partner, 'id' | 'day0' | 'name'>, input: CheckinInput): Promise<Meeting> {
  const now = nowIso();
  const existingTasks = (await db.tasks.find({ selector: { partnerId: partner.id } }).exec()).map((d) => d.toJSON() as Task);
  const meetingId = input.scheduledMeetingId ?? newId();
  const { tasks, items } = actionItemsToTasks(partner, input.nextSteps, existingTasks, {
    source: 'checkin',
    meetingOn: input.heldOn,
    now,
    firstOrder: existingTasks.reduce((max, t) => Math.max(max, t.order), 0) + 1,
    newId,
    meetingLabel: `check-in on ${readableDate(input.heldOn)}`,
  });
  const scheduledDoc = input.scheduledMeetingId ? await db.meetings.findOne(input.scheduledMeetingId).exec() : null;
  const base: Meeting = scheduledDoc
    ? (scheduledDoc.toMutableJSON() as Meeting)
    : {
        id: meetingId,
        createdAt: now,
        updatedAt: now,
        partnerId: partner.id,
        kind: 'checkin',
        status: 'scheduled',
        title: 'Check-in',
        scheduledOn: input.heldOn,
        attendees: [],
        agenda: [],
        notes: '',
        decisions: [],
        actionItems: [],
        blockers: '',
      };
  const { sentiment: _s, ...withoutSentiment } = base;
  const meeting: Meeting = {
    ...withoutSentiment,
    status: 'done',
    scheduledOn: input.heldOn,
    attendees: input.attendees,
    notes: input.notes,
    blockers: input.blockers,
    actionItems: [...base.actionItems.filter((a) => !items.some((i) => i.id === a.id)), ...items],
    nextCheckinOn: input.nextCheckinOn,
    // When it was recorded: a kick-off held the same day counts as the earlier meeting.
    endedAt: now,
    ...(input.sentiment !== undefined ? { sentiment: input.sentiment } : {}),
    updatedAt: now,
  };

  const undo: (() => Promise<unknown>)[] = [];
  try {
    await insertAll(db.tasks, tasks);
    if (tasks.length > 0) undo.push(() => db.tasks.bulkRemove(tasks.map((t) => t.id)));

    if (scheduledDoc) {
      const before = scheduledDoc.toMutableJSON() as Meeting;
      await scheduledDoc.incrementalModify(() => meeting);
      undo.push(async () => (await db.meetings.findOne(meetingId).exec())?.incrementalModify(() => ({ ...before, updatedAt: nowIso() })));
    } else {
      await db.meetings.insert(meeting);
      undo.push(() => db.meetings.bulkRemove([meetingId]));
    }

    const goalIds = Object.keys(input.goalActuals);
    if (goalIds.length > 0) {
      const goals = await db.planitems.findByIds(goalIds).exec();
      for (const [id, actual] of Object.entries(input.goalActuals)) {
        const goal = goals.get(id);
        if (!goal) throw new Error('A plan goal was removed meanwhile; reopen the check-in.');
        const previous = (goal.toJSON() as PlanItem).actual;
        await goal.incrementalPatch({ actual, updatedAt: now });
        undo.push(async () =>
          (await db.planitems.findOne(id).exec())?.incrementalModify((g) => {
            const { actual: _a, ...rest } = g as PlanItem;
            return { ...rest, ...(previous !== undefined ? { actual: previous } : {}), updatedAt: nowIso() };
          }),
        );
      }
    }

    if (input.completedTaskIds.length > 0) {
      const docs = await db.tasks.findByIds(input.completedTaskIds).exec();
      for (const doc of docs.values()) {
        const task = doc.toJSON() as Task;
        if (task.status !== 'open') continue;
        await doc.incrementalPatch({ status: 'done', completedOn: input.heldOn, updatedAt: now });
        undo.push(async () =>
          (await db.tasks.findOne(task.id).exec())?.incrementalModify((t) => {
            const { completedOn: _c, ...rest } = t as Task;
            return { ...rest, status: 'open', updatedAt: nowIso() };
          }),
        );
      }
    }
  } catch (error) {
    for (const step of undo.reverse()) await step().catch(() => undefined);
    throw error;
  }
  return meeting;
}
