import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppDatabase } from '../../../src-renderer/db/appDatabase';
import { createPartner } from '../../../src-renderer/features/partners/createPartner';
import { createMeeting, endKickoffCall, loadAgendaTemplate, saveAgendaTemplate, updateAgendaItem, updateMeeting } from '../../../src-renderer/features/meetings/updateMeeting';
import { recordCheckin } from '../../../src-renderer/features/meetings/recordCheckin';
import { nextCheckinDue } from '../../../src-shared/domain/nextBestAction';
import type { Meeting, Partner, Task } from '../../../src-shared/domain/types';
import { startCall } from '../../../src-shared/meetings/callTiming';
import { agendaFromTemplate, agendaTemplateItems, DEFAULT_KICKOFF_AGENDA } from '../../../src-shared/meetings/kickoffAgenda';
import { allDocs, closeAll, openDatabase, partnerValue, PROFILE } from './support';

afterEach(closeAll);

let n = 0;
const id = () => `id-${n++}`;

async function kickoffUnderWay(): Promise<{ db: AppDatabase; partner: Partner; meeting: Meeting }> {
  const db = await openDatabase();
  const partner = await createPartner(db, partnerValue({ day0: '2026-03-02' }), PROFILE);
  const meeting = await createMeeting(db, partner, { kind: 'kickoff', title: 'Kick-off call', scheduledOn: '2026-03-06', agenda: agendaFromTemplate(DEFAULT_KICKOFF_AGENDA.slice(0, 3), id) });
  await updateMeeting(db, meeting.id, (m) => ({
    ...startCall(m, Date.parse('2026-03-06T10:00:00Z')),
    actionItems: [
      { id: 'a1', text: 'Send MDF guide', ownerSide: 'partner', ownerName: 'Anna', dueDate: '2026-03-20' },
      { id: 'a2', text: 'Create portal logins', ownerSide: 'vendor', ownerName: '' },
    ],
  }));
  return { db, partner, meeting };
}

const tasksOf = async (db: AppDatabase, partnerId: string) => (await allDocs(db, 'tasks')).filter((t) => t.partnerId === partnerId);
const meetingOf = async (db: AppDatabase, meetingId: string) => (await db.meetings.findOne(meetingId).exec())!.toJSON() as Meeting;

describe('ending a kick-off call', () => {
  it('turns action items into journey tasks, ticks the kick-off step and stores the call as done', async () => {
    const { db, partner, meeting } = await kickoffUnderWay();
    const before = await tasksOf(db, partner.id);
    const result = await endKickoffCall(db, partner, meeting.id, { today: '2026-03-06', nextCheckinOn: '2026-03-13', now: Date.parse('2026-03-06T10:30:00Z') });
    const after = await tasksOf(db, partner.id);
    expect(after).toHaveLength(before.length + 2);
    const fromCall = after.filter((t) => t.source === 'kickoff');
    expect(fromCall.map((t) => [t.title, t.ownerSide, t.ownerName, t.dueDate]).sort()).toEqual([
      ['Create portal logins', 'vendor', '', '2026-03-13'],
      ['Send MDF guide', 'partner', 'Anna', '2026-03-20'],
    ]);
    expect(after.find((t) => t.key === 'kickoff-call')).toMatchObject({ status: 'done', completedOn: '2026-03-06' });
    const stored = await meetingOf(db, meeting.id);
    expect(stored).toMatchObject({ status: 'done', nextCheckinOn: '2026-03-13', endedAt: '2026-03-06T10:30:00.000Z' });
    expect(stored.agenda[0]?.elapsedSeconds).toBe(1800);
    expect(stored.actionItems.every((a) => fromCall.some((t) => t.id === a.taskId))).toBe(true);
    expect(result.tasks).toHaveLength(2);
  });

  it('leaves nothing half-written when the meeting cannot be saved', async () => {
    const { db, partner, meeting } = await kickoffUnderWay();
    const before = await tasksOf(db, partner.id);
    // The schema refuses the date (RxDB write error COL20, status 422).
    await expect(endKickoffCall(db, partner, meeting.id, { today: '2026-03-06', nextCheckinOn: 'not a date' })).rejects.toMatchObject({
      code: 'COL20',
      parameters: { writeError: { status: 422 } },
    });
    const after = await tasksOf(db, partner.id);
    expect(after.map((t) => [t.id, t.status])).toEqual(before.map((t) => [t.id, t.status]));
    expect((await meetingOf(db, meeting.id)).status).toBe('in_progress');
  });

  it('keeps notes typed on two items at once (each write changes only its own item)', async () => {
    const { db, meeting } = await kickoffUnderWay();
    const [first, second] = meeting.agenda;

    // Barrier: the first note's write is held inside the store (a pre-save hook) until the second
    // note has read the meeting, so the second starts from the state without the first note.
    let releaseFirst!: () => void;
    const firstMayWrite = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstHeld!: () => void;
    const firstIsHeld = new Promise<void>((resolve) => (firstHeld = resolve));
    let saves = 0;
    db.meetings.preSave(async () => {
      saves += 1;
      if (saves > 1) return;
      firstHeld();
      await firstMayWrite;
    }, false);

    const writingFirst = updateAgendaItem(db, meeting.id, first!.id, { notes: 'one' });
    await firstIsHeld;

    const realFindOne = db.meetings.findOne.bind(db.meetings);
    let secondRead!: (notes: string[]) => void;
    const secondHasRead = new Promise<string[]>((resolve) => (secondRead = resolve));
    vi.spyOn(db.meetings, 'findOne').mockImplementation((query) => {
      const found = realFindOne(query as string);
      const exec = found.exec.bind(found);
      return Object.assign(found, {
        exec: async () => {
          const doc = await exec();
          secondRead((doc?.toJSON() as Meeting | undefined)?.agenda.map((item) => item.notes) ?? []);
          return doc;
        },
      });
    });
    const writingSecond = updateAgendaItem(db, meeting.id, second!.id, { notes: 'two' });
    // The interleaving happened: the second write read the meeting while the first was unwritten.
    expect(await secondHasRead).toEqual(['', '', '']);
    vi.restoreAllMocks();

    releaseFirst();
    await Promise.all([writingFirst, writingSecond]);
    expect((await meetingOf(db, meeting.id)).agenda.map((i) => i.notes)).toEqual(['one', 'two', '']);
  });
});

describe('agenda templates', () => {
  it('saves the agenda as the manager’s own template, updating it on the next save', async () => {
    const db = await openDatabase();
    const agenda = agendaFromTemplate([{ title: 'Hello', plannedMinutes: 3 }], id);
    await saveAgendaTemplate(db, agenda);
    await saveAgendaTemplate(db, [...agenda, ...agendaFromTemplate([{ title: 'Bye', plannedMinutes: 2 }], id)]);
    const templates = await allDocs(db, 'templates');
    expect(templates).toHaveLength(1);
    expect(templates[0]?.kind).toBe('agenda');
    const loaded = await loadAgendaTemplate(db);
    expect(agendaTemplateItems(loaded!.data)).toEqual([
      { title: 'Hello', plannedMinutes: 3 },
      { title: 'Bye', plannedMinutes: 2 },
    ]);
  });
});

describe('recording a check-in', () => {
  async function setUp() {
    const db = await openDatabase();
    const partner = await createPartner(db, partnerValue({ day0: '2026-03-02' }), PROFILE);
    const tasks = await tasksOf(db, partner.id);
    const welcome = tasks.find((t) => t.key === 'welcome-kit') as Task;
    return { db, partner, welcome };
  }

  it('stores the check-in, its next steps as tasks, the steps reported done, and closes the scheduled one', async () => {
    const { db, partner, welcome } = await setUp();
    const scheduled = await createMeeting(db, partner, { kind: 'checkin', title: 'Check-in', scheduledOn: '2026-03-10' });
    const meeting = await recordCheckin(db, partner, {
      heldOn: '2026-03-09',
      sentiment: 4,
      blockers: 'No demo environment',
      notes: 'Going well',
      attendees: [],
      nextSteps: [{ id: 's1', text: 'Book the sales training', ownerSide: 'partner', ownerName: 'Luis' }],
      nextCheckinOn: '2026-03-16',
      goalActuals: {},
      completedTaskIds: [welcome.id],
      scheduledMeetingId: scheduled.id,
    });
    expect(meeting.id).toBe(scheduled.id);
    const meetings = await allDocs(db, 'meetings');
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({ status: 'done', scheduledOn: '2026-03-09', sentiment: 4, blockers: 'No demo environment', nextCheckinOn: '2026-03-16' });
    const tasks = await tasksOf(db, partner.id);
    expect(tasks.find((t) => t.source === 'checkin')).toMatchObject({ title: 'Book the sales training', dueDate: '2026-03-16', ownerName: 'Luis' });
    expect(tasks.find((t) => t.id === welcome.id)).toMatchObject({ status: 'done', completedOn: '2026-03-09' });
  });

  it('after a kick-off the same day, the next check-in date typed at the check-in is the one that counts', async () => {
    const { meeting, db, partner } = await kickoffUnderWay();
    await endKickoffCall(db, partner, meeting.id, { today: '2026-03-06', nextCheckinOn: '2026-03-13', now: Date.parse('2026-03-06T10:30:00Z') });
    await recordCheckin(db, partner, {
      heldOn: '2026-03-06',
      blockers: '',
      notes: 'Follow-up on portal access',
      attendees: [],
      nextSteps: [],
      nextCheckinOn: '2026-03-08',
      goalActuals: {},
      completedTaskIds: [],
    });
    const stored = (await db.partners.findOne(partner.id).exec())!.toJSON() as Partner;
    expect(nextCheckinDue(stored, await allDocs(db, 'meetings'), '2026-03-06')).toBe('2026-03-08');
  });

  it('undoes every write when one of them fails (a plan goal removed meanwhile)', async () => {
    const { db, partner, welcome } = await setUp();
    const before = await tasksOf(db, partner.id);
    await expect(
      recordCheckin(db, partner, {
        heldOn: '2026-03-09',
        sentiment: 2,
        blockers: '',
        notes: '',
        attendees: [],
        nextSteps: [{ id: 's1', text: 'Book the sales training', ownerSide: 'partner', ownerName: '' }],
        nextCheckinOn: '2026-03-16',
        goalActuals: { 'gone-goal': 3 },
        completedTaskIds: [welcome.id],
      }),
    ).rejects.toThrow(/plan goal was removed/);
    expect(await allDocs(db, 'meetings')).toEqual([]);
    expect((await tasksOf(db, partner.id)).map((t) => [t.id, t.status])).toEqual(before.map((t) => [t.id, t.status]));
  });
});
