import { newId, nowIso } from '../../../src-shared/domain/ids';
import { readableDate } from '../../../src-shared/domain/nextBestAction';
import type { ActionItem, AgendaItem, IsoDate, Meeting, Partner, Task, Template } from '../../../src-shared/domain/types';
import { actionItemsToTasks } from '../../../src-shared/meetings/actionItemsToTasks';
import { finishCall } from '../../../src-shared/meetings/callTiming';
import { agendaTemplateData, KICKOFF_TASK_KEY } from '../../../src-shared/meetings/kickoffAgenda';
import type { AppDatabase } from '../../db/appDatabase';
import { insertAll } from '../../db/insertAll';

/** The name of the manager's own kick-off agenda template (one per profile). */
export const MY_AGENDA_TEMPLATE_NAME = 'My kick-off agenda';

/** A new meeting for the partner, not started yet. */
export async function createMeeting(
  db: AppDatabase,
  partner: Pick<Partner, 'id' | 'name'>,
  input: Pick<Meeting, 'kind' | 'title' | 'scheduledOn'> & Partial<Pick<Meeting, 'agenda' | 'attendees'>>,
): Promise<Meeting> {
  const now = nowIso();
  const meeting: Meeting = {
    id: newId(),
    createdAt: now,
    updatedAt: now,
    partnerId: partner.id,
    status: 'scheduled',
    attendees: [],
    agenda: [],
    notes: '',
    decisions: [],
    actionItems: [],
    blockers: '',
    ...input,
  };
  await db.meetings.insert(meeting);
  return meeting;
}

/**
 * Changes a meeting from its latest stored state (never from a stale copy in the UI), so a
 * debounced note on one agenda item never overwrites another item's note or the timer.
 */
export async function updateMeeting(db: AppDatabase, meetingId: string, change: (meeting: Meeting) => Meeting): Promise<void> {
  const doc = await db.meetings.findOne(meetingId).exec();
  if (!doc) throw new Error('This meeting no longer exists on this laptop.');
  await doc.incrementalModify((current) => {
    const next = change(current as Meeting);
    return next === current ? current : { ...next, updatedAt: nowIso() };
  });
}

/** Changes one agenda item by id (notes, title, minutes, done) from the latest stored state. */
export function updateAgendaItem(db: AppDatabase, meetingId: string, itemId: string, change: Partial<Omit<AgendaItem, 'id'>>): Promise<void> {
  return updateMeeting(db, meetingId, (m) => ({ ...m, agenda: m.agenda.map((item) => (item.id === itemId ? { ...item, ...change } : item)) }));
}

/** Saves the agenda as the manager's own kick-off template (updates it when it exists). */
export async function saveAgendaTemplate(db: AppDatabase, agenda: readonly AgendaItem[]): Promise<void> {
  const now = nowIso();
  const existing = await db.templates.findOne({ selector: { kind: 'agenda', name: MY_AGENDA_TEMPLATE_NAME } }).exec();
  if (existing) {
    await existing.incrementalPatch({ data: agendaTemplateData(agenda), updatedAt: now });
    return;
  }
  const template: Template = { id: newId(), createdAt: now, updatedAt: now, kind: 'agenda', name: MY_AGENDA_TEMPLATE_NAME, data: agendaTemplateData(agenda) };
  await db.templates.insert(template);
}

/** The manager's own kick-off agenda template, if they saved one. */
export async function loadAgendaTemplate(db: AppDatabase): Promise<Template | null> {
  const doc = await db.templates.findOne({ selector: { kind: 'agenda', name: MY_AGENDA_TEMPLATE_NAME } }).exec();
  return doc ? (doc.toJSON() as Template) : null;
}

export type EndCallResult = { meeting: Meeting; tasks: Task[] };

/**
 * Ends a kick-off call, all or nothing: the action items become journey tasks (source
 * 'kickoff'), the kick-off journey task is completed, and the meeting is stored as done with its
 * time booked, the next check-in date and each action item linked to its task. If any write
 * fails, the ones already made are undone.
 */
export async function endKickoffCall(
  db: AppDatabase,
  partner: Pick<Partner, 'id' | 'day0'>,
  meetingId: string,
  options: { today: IsoDate; nextCheckinOn: IsoDate; now?: number },
): Promise<EndCallResult> {
  const now = options.now ?? Date.now();
  const doc = await db.meetings.findOne(meetingId).exec();
  if (!doc) throw new Error('This meeting no longer exists on this laptop.');
  const meeting = doc.toMutableJSON() as Meeting;
  const taskDocs = await db.tasks.find({ selector: { partnerId: partner.id } }).exec();
  const existing = taskDocs.map((t) => t.toJSON() as Task);
  const stamp = nowIso();
  const { tasks, items } = actionItemsToTasks(partner, meeting.actionItems, existing, {
    source: 'kickoff',
    meetingOn: meeting.scheduledOn,
    now: stamp,
    firstOrder: existing.reduce((max, t) => Math.max(max, t.order), 0) + 1,
    newId,
    meetingLabel: `kick-off call on ${readableDate(meeting.scheduledOn)}`,
  });
  await insertAll(db.tasks, tasks);
  const kickoffTask = existing.find((t) => t.key === KICKOFF_TASK_KEY && t.status === 'open');
  const kickoffDoc = kickoffTask ? await db.tasks.findOne(kickoffTask.id).exec() : null;
  try {
    if (kickoffDoc) await kickoffDoc.incrementalPatch({ status: 'done', completedOn: meeting.scheduledOn <= options.today ? meeting.scheduledOn : options.today, updatedAt: stamp });
    let ended: Meeting | undefined;
    await doc.incrementalModify((current) => {
      const base = current as Meeting;
      const linked = linkTasks(base.actionItems, items);
      ended = { ...finishCall({ ...base, actionItems: linked }, now), nextCheckinOn: options.nextCheckinOn, updatedAt: nowIso() };
      return ended;
    });
    return { meeting: ended!, tasks };
  } catch (error) {
    if (tasks.length > 0) await db.tasks.bulkRemove(tasks.map((t) => t.id)).catch(() => undefined);
    if (kickoffDoc) {
      const fresh = await db.tasks.findOne(kickoffDoc.primary).exec();
      await fresh
        ?.incrementalModify((t) => {
          const { completedOn: _c, ...rest } = t as Task;
          return { ...rest, status: 'open', updatedAt: nowIso() };
        })
        .catch(() => undefined);
    }
    throw error;
  }
}

/** Action items as stored now, with the task links (and defaulted due dates) of the converted ones. */
function linkTasks(current: readonly ActionItem[], converted: readonly ActionItem[]): ActionItem[] {
  const byId = new Map(converted.map((item) => [item.id, item]));
  return current.map((item) => {
    const done = byId.get(item.id);
    return done?.taskId ? { ...item, taskId: done.taskId, ...(done.dueDate ? { dueDate: done.dueDate } : {}) } : item;
  });
}
