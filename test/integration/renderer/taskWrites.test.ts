import { afterEach, describe, expect, it } from 'vitest';
import { documentData } from '../../../src-renderer/db/documentData';
import type { AppDatabase } from '../../../src-renderer/db/appDatabase';
import {
  addCustomTask,
  completeOverdueTasks,
  restoreTasks,
  completeTask,
  markNotApplicable,
  reopenTask,
  rescheduleTask,
  restoreTask,
  startTask,
  updateTask,
} from '../../../src-renderer/features/journey/updateTask';
import { applyScheduleMoves } from '../../../src-renderer/features/journey/scheduleWrites';
import { createPartner } from '../../../src-renderer/features/partners/createPartner';
import { applyVersion, publishDraft, saveDraft, startDraft } from '../../../src-renderer/features/templates/templateWrites';
import { JOURNEY_SEEDS, latestPublished, templateHistory } from '../../../src-shared/journey/templateModel';
import type { Task } from '../../../src-shared/domain/types';
import { allDocs, closeAll, openDatabase, partnerValue, PROFILE, clockPast } from './support';

afterEach(closeAll);

async function setUp(): Promise<{ db: AppDatabase; partnerId: string; task: Task }> {
  const db = await openDatabase();
  const partner = await createPartner(db, partnerValue({ day0: '2026-03-02' }), PROFILE);
  const doc = await db.tasks.findOne({ selector: { partnerId: partner.id, key: 'kickoff-call' } }).exec();
  if (!doc) throw new Error('journey has no kickoff-call task');
  return { db, partnerId: partner.id, task: documentData(doc) as Task };
}

async function read(db: AppDatabase, id: string): Promise<Task> {
  const doc = await db.tasks.findOne(id).exec();
  if (!doc) throw new Error(`task ${id} is gone`);
  return documentData(doc) as Task;
}

describe('task writes', () => {
  it('catches up overdue steps in one go, each done on its due date, and skips tasks no longer open', async () => {
    const { db, partnerId, task } = await setUp();
    const all = (await db.tasks.find({ selector: { partnerId } }).exec()).map((d) => documentData(d) as Task);
    const overdue = all.filter((t) => t.status === 'open' && t.dueDate < '2026-03-20');
    expect(overdue.length).toBeGreaterThan(3);
    await markNotApplicable(db, task.id);
    const before = await completeOverdueTasks(db, overdue.map((t) => t.id), '2026-03-20');
    expect(before.map((b) => b.id).sort()).toEqual(overdue.filter((t) => t.id !== task.id).map((t) => t.id).sort());
    for (const t of overdue) {
      const after = await read(db, t.id);
      if (t.id === task.id) expect(after.status).toBe('not_applicable');
      else expect(after).toMatchObject({ status: 'done', completedOn: t.dueDate });
    }
    const untouched = all.filter((t) => t.dueDate >= '2026-03-20');
    for (const t of untouched) expect((await read(db, t.id)).status).toBe(t.status);

    // Undo puts every caught-up step back open, with no completion day; the one it skipped stays as it was.
    expect(await restoreTasks(db, before)).toBe(before.length);
    for (const t of overdue) {
      const after = await read(db, t.id);
      if (t.id === task.id) expect(after.status).toBe('not_applicable');
      else {
        expect(after).toMatchObject({ status: 'open', dueDate: t.dueDate });
        expect(after).not.toHaveProperty('completedOn');
      }
    }
  });

  it('moves due dates as the schedule says, and Undo puts each date back with no shift left on it', async () => {
    const { db, task } = await setUp();
    const to = '2026-04-30';
    const before = await applyScheduleMoves(db, [{ taskId: task.id, title: task.title, from: task.dueDate, to, shiftDays: 9 }]);
    expect(before).toEqual([{ id: task.id, status: 'open', dueDate: task.dueDate }]);
    expect(await read(db, task.id)).toMatchObject({ dueDate: to, shiftDays: 9 });
    await restoreTasks(db, before);
    const after = await read(db, task.id);
    expect(after.dueDate).toBe(task.dueDate);
    expect(after).not.toHaveProperty('shiftDays');
  });

  it('marks a task started, refuses to start it twice, and Undo removes the start day again', async () => {
    const { db, task } = await setUp();
    const before = { id: task.id, status: task.status, dueDate: task.dueDate };
    await startTask(db, task.id, '2026-03-04');
    expect(await read(db, task.id)).toMatchObject({ status: 'open', startedOn: '2026-03-04' });
    await expect(startTask(db, task.id, '2026-03-05')).rejects.toThrow('This step was already started on 4 Mar 2026.');
    await restoreTask(db, before);
    expect(await read(db, task.id)).not.toHaveProperty('startedOn');
    await expect(startTask(db, task.id, '2026-03-01')).rejects.toThrow('The journey starts on Day 0 (2 Mar 2026): a step cannot be started before.');
    await expect(startTask(db, 'missing', '2026-03-05')).rejects.toThrow('This task no longer exists on this laptop.');
  });

  it('a started task is neither re-dated nor removed when a template change is applied, nor moved by the schedule', async () => {
    const { db, partnerId, task } = await setUp();
    const seed = JOURNEY_SEEDS.find((s) => s.templateKey === 'reseller-new')!;
    const dropped = (await db.tasks.findOne({ selector: { partnerId, key: 'ecosystem-overview' } }).exec())!;
    await startTask(db, task.id, '2026-03-03');
    await startTask(db, dropped.id, '2026-03-03');
    const draftId = await startDraft(db, seed);
    const steps = seed.steps.filter((s) => s.key !== 'ecosystem-overview').map((s) => (s.key === 'kickoff-call' ? { ...s, dueOffset: s.dueOffset + 2 } : s));
    await saveDraft(db, draftId, { name: seed.name, steps });
    await publishDraft(db, draftId);
    const v2 = latestPublished(templateHistory(await allDocs(db, 'templates')), 'reseller-new')!;
    const partner = (await allDocs(db, 'partners')).find((p) => p.id === partnerId)!;
    expect(await applyVersion(db, v2, [partner])).toBe(1);
    expect(await read(db, task.id)).toMatchObject({ dueDate: task.dueDate, startedOn: '2026-03-03', templateVersion: 2 });
    expect(await read(db, dropped.id)).toMatchObject({ startedOn: '2026-03-03' });
    expect(await applyScheduleMoves(db, [{ taskId: task.id, title: task.title, from: task.dueDate, to: '2026-04-30', shiftDays: 9 }])).toEqual([]);
    expect((await read(db, task.id)).dueDate).toBe(task.dueDate);
  });

  it('completes a task with the completion day', async () => {
    const { db, task } = await setUp();
    clockPast(task.updatedAt);
    await completeTask(db, task.id, '2026-03-05');
    const after = await read(db, task.id);
    expect(after).toMatchObject({ status: 'done', completedOn: '2026-03-05' });
    expect(after.updatedAt > task.updatedAt).toBe(true);
  });

  it('reopening removes the completion day (the field, not just its value)', async () => {
    const { db, task } = await setUp();
    await completeTask(db, task.id, '2026-03-05');
    await reopenTask(db, task.id);
    const after = await read(db, task.id);
    expect(after.status).toBe('open');
    expect(after).not.toHaveProperty('completedOn');
    expect(Object.keys(after).sort()).toEqual(Object.keys(task).sort());
  });

  it('marks a task not applicable', async () => {
    const { db, task } = await setUp();
    await markNotApplicable(db, task.id);
    expect((await read(db, task.id)).status).toBe('not_applicable');
  });

  it('reschedules a task to a new due date and leaves the rest alone', async () => {
    const { db, task } = await setUp();
    await rescheduleTask(db, task.id, '2026-04-01');
    const after = await read(db, task.id);
    const { dueDate: _d, updatedAt: _u, ...rest } = task;
    expect(after).toEqual({ ...rest, dueDate: '2026-04-01', updatedAt: after.updatedAt });
  });

  it('adds a custom task the manager wrote', async () => {
    const { db, partnerId } = await setUp();
    const input = {
      title: 'Introduce the solution architect',
      phase: 'activation' as const,
      category: 'team' as const,
      dueDate: '2026-03-20',
      dueOffset: 18,
      ownerSide: 'vendor' as const,
      required: false,
      guidance: 'Book 30 minutes.',
    };
    const created = await addCustomTask(db, partnerId, input, 99);
    const stored = await read(db, created.id);
    expect(stored).toEqual(created);
    expect(stored).toMatchObject({ ...input, partnerId, status: 'open', source: 'custom', order: 99 });
    expect(stored.key).toMatch(/^custom-/);
    expect(stored.createdAt).toBe(stored.updatedAt);
    expect(await db.tasks.count({ selector: { partnerId } }).exec()).toBeGreaterThan(1);
  });

  it('stamps a later updatedAt on every write and never touches createdAt or partnerId', async () => {
    const { db, task } = await setUp();
    const writes: ((id: string) => Promise<void>)[] = [
      (id) => completeTask(db, id, '2026-03-05'),
      (id) => reopenTask(db, id),
      (id) => markNotApplicable(db, id),
      (id) => rescheduleTask(db, id, '2026-04-01'),
      (id) => updateTask(db, id, { ownerName: 'Jane Doe' }),
    ];
    let previous = task.updatedAt;
    for (const write of writes) {
      clockPast(previous);
      await write(task.id);
      const after = await read(db, task.id);
      expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(previous));
      expect(after.createdAt).toBe(task.createdAt);
      expect(after.partnerId).toBe(task.partnerId);
      previous = after.updatedAt;
    }
  });

  it('says so when the task no longer exists', async () => {
    const { db, task } = await setUp();
    await db.tasks.findOne(task.id).remove();
    await expect(completeTask(db, task.id, '2026-03-05')).rejects.toThrow('This task no longer exists on this laptop.');
    await expect(reopenTask(db, task.id)).rejects.toThrow('This task no longer exists on this laptop.');
  });
});

describe('due dates against Day 0', () => {
  it('refuses a task added or rescheduled before Day 0, and keeps the stored one', async () => {
    const { db, partnerId, task } = await setUp();
    const input = { title: 'Send the partner deck', phase: 'preboarding' as const, category: 'sales' as const, dueDate: '2026-01-09', dueOffset: -52, ownerSide: 'vendor' as const, required: false, guidance: '' };
    await expect(addCustomTask(db, partnerId, input, 99)).rejects.toThrow('This is before Day 0 (2 Mar 2026), when the contract was signed: pick that day or later.');
    await expect(rescheduleTask(db, task.id, '2026-02-01')).rejects.toThrow('This is before Day 0 (2 Mar 2026)');
    expect((await read(db, task.id)).dueDate).toBe(task.dueDate);
    expect((await db.tasks.find({ selector: { partnerId } }).exec()).filter((d) => d.source === 'custom')).toEqual([]);
  });
});
