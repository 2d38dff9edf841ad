import { describe, expect, it } from 'vitest';
import type { Task } from '../../../../src-shared/domain/types';
import { describeDelay, describeMove, reschedule } from '../../../../src-shared/journey/reschedule';
import { task } from './steps';

const DAY0 = '2026-03-01';
const movesOf = (tasks: Task[], today: string) => reschedule(tasks, DAY0, today).moves.map((m) => [m.taskId, m.from, m.to]);

/** Writes the moves into the tasks, as the journey tab does when the manager applies them. */
function apply(tasks: Task[], today: string): Task[] {
  const { moves } = reschedule(tasks, DAY0, today);
  return tasks.map((t) => {
    const move = moves.find((m) => m.taskId === t.id);
    return move ? { ...t, dueDate: move.to, shiftDays: move.shiftDays } : t;
  });
}

describe('reschedule', () => {
  it('moves nothing when every prerequisite is on time', () => {
    const tasks = [task('a', '2026-03-05', { status: 'done', completedOn: '2026-03-05' }), task('b', '2026-03-10', { dependsOn: ['a'] })];
    expect(reschedule(tasks, DAY0, '2026-03-06').moves).toEqual([]);
  });

  it('shifts a dependent by the days its prerequisite was finished late, and says why', () => {
    const tasks = [task('a', '2026-03-05', { status: 'done', completedOn: '2026-03-08' }), task('b', '2026-03-10', { dependsOn: ['a'] })];
    const { moves } = reschedule(tasks, DAY0, '2026-03-08');
    expect(moves).toEqual([
      {
        taskId: 'id-b',
        title: 'Task b',
        from: '2026-03-10',
        to: '2026-03-13',
        shiftDays: 3,
        via: { taskId: 'id-a', title: 'Task a' },
        cause: { taskId: 'id-a', title: 'Task a', kind: 'finished_late', days: 3 },
      },
    ]);
    expect(describeMove(moves[0]!)).toBe('Moved 3 days later: “Task a” was finished 3 days late.');
  });

  it('shifts dependents of an overdue prerequisite by the days it is overdue as of today', () => {
    const tasks = [task('a', '2026-03-05'), task('b', '2026-03-10', { dependsOn: ['a'] })];
    expect(movesOf(tasks, '2026-03-05')).toEqual([]);
    expect(movesOf(tasks, '2026-03-09')).toEqual([['id-b', '2026-03-10', '2026-03-14']]);
    expect(describeMove(reschedule(tasks, DAY0, '2026-03-09').moves[0]!)).toBe('Moved 4 days later: “Task a” is 4 days overdue.');
  });

  it('passes a delay down a chain, naming where it started', () => {
    const tasks = [
      task('a', '2026-03-05', { status: 'done', completedOn: '2026-03-07' }),
      task('b', '2026-03-10', { dependsOn: ['a'] }),
      task('c', '2026-03-20', { dependsOn: ['b'] }),
    ];
    const { moves } = reschedule(tasks, DAY0, '2026-03-07');
    expect(moves.map((m) => [m.taskId, m.to, m.shiftDays])).toEqual([
      ['id-b', '2026-03-12', 2],
      ['id-c', '2026-03-22', 2],
    ]);
    expect(describeMove(moves[1]!)).toBe('Moved 2 days later: it waits for “Task b”, which waits for “Task a”, which was finished 2 days late.');
  });

  it('adds a dependent’s own lateness to the delay it passes on', () => {
    // b was moved to the 12th by a; finishing it on the 15th makes c wait 5 days in all.
    const tasks = [
      task('a', '2026-03-05', { status: 'done', completedOn: '2026-03-07' }),
      task('b', '2026-03-12', { dependsOn: ['a'], shiftDays: 2, status: 'done', completedOn: '2026-03-15' }),
      task('c', '2026-03-20', { dependsOn: ['b'] }),
    ];
    const { moves } = reschedule(tasks, DAY0, '2026-03-15');
    expect(moves.map((m) => [m.taskId, m.to, m.cause?.title, m.cause?.days])).toEqual([['id-c', '2026-03-25', 'Task b', 3]]);
  });

  it('makes a diamond wait for the latest of its prerequisites', () => {
    const tasks = [
      task('a', '2026-03-02', { status: 'done', completedOn: '2026-03-02' }),
      task('b', '2026-03-05', { dependsOn: ['a'], status: 'done', completedOn: '2026-03-06' }),
      task('c', '2026-03-05', { dependsOn: ['a'], status: 'done', completedOn: '2026-03-09' }),
      task('d', '2026-03-12', { dependsOn: ['b', 'c'] }),
    ];
    const { moves } = reschedule(tasks, DAY0, '2026-03-09');
    expect(moves.map((m) => [m.taskId, m.to, m.via?.taskId])).toEqual([['id-d', '2026-03-16', 'id-c']]);
  });

  it('never pulls a dependent earlier when a prerequisite finishes early', () => {
    const tasks = [task('a', '2026-03-10', { status: 'done', completedOn: '2026-03-03' }), task('b', '2026-03-12', { dependsOn: ['a'] })];
    expect(movesOf(tasks, '2026-03-03')).toEqual([]);
  });

  it('never moves a pinned date, but reports it held and passes on the pinned task’s own lateness', () => {
    const tasks = [
      task('a', '2026-03-05', { status: 'done', completedOn: '2026-03-09' }),
      task('b', '2026-03-10', { dependsOn: ['a'], pinned: true }),
      task('c', '2026-03-20', { dependsOn: ['b'] }),
    ];
    const onTime = reschedule(tasks, DAY0, '2026-03-09');
    expect(onTime.moves).toEqual([]);
    expect(onTime.held).toEqual([{ taskId: 'id-b', title: 'Task b', reason: 'pinned', wouldShiftDays: 4 }]);
    // The pinned b is itself overdue two days later: c waits for it.
    expect(movesOf(tasks, '2026-03-12')).toEqual([['id-c', '2026-03-20', '2026-03-22']]);
  });

  it('never moves a completed or in-progress task', () => {
    const tasks = [
      task('a', '2026-03-05', { status: 'done', completedOn: '2026-03-10' }),
      task('b', '2026-03-08', { dependsOn: ['a'], status: 'done', completedOn: '2026-03-11' }),
      task('c', '2026-03-09', { dependsOn: ['a'], startedOn: '2026-03-07' }),
      task('d', '2026-03-09', { dependsOn: ['a'], status: 'not_applicable' }),
    ];
    const schedule = reschedule(tasks, DAY0, '2026-03-11');
    expect(schedule.moves).toEqual([]);
    expect(schedule.held).toEqual([{ taskId: 'id-c', title: 'Task c', reason: 'in_progress', wouldShiftDays: 5 }]);
  });

  it('is stable: once the moves are written, rescheduling the same day moves nothing', () => {
    const tasks = [
      task('a', '2026-03-05'),
      task('b', '2026-03-10', { dependsOn: ['a'] }),
      task('c', '2026-03-20', { dependsOn: ['b'] }),
    ];
    const moved = apply(tasks, '2026-03-08');
    expect(moved.map((t) => t.dueDate)).toEqual(['2026-03-05', '2026-03-13', '2026-03-23']);
    expect(reschedule(moved, DAY0, '2026-03-08').moves).toEqual([]);
    // A day later a is still open: everything waits one more day.
    expect(movesOf(moved, '2026-03-09')).toEqual([
      ['id-b', '2026-03-13', '2026-03-14'],
      ['id-c', '2026-03-23', '2026-03-24'],
    ]);
  });

  it('moves a dependent back to plan when its prerequisite no longer applies', () => {
    const tasks = [task('a', '2026-03-05', { status: 'not_applicable' }), task('b', '2026-03-13', { dependsOn: ['a'], shiftDays: 3 })];
    const { moves } = reschedule(tasks, DAY0, '2026-03-09');
    expect(moves.map((m) => [m.taskId, m.from, m.to, m.shiftDays])).toEqual([['id-b', '2026-03-13', '2026-03-10', 0]]);
    expect(describeMove(moves[0]!)).toBe('Moved back 3 days: its prerequisites are no longer late.');
  });

  it('leaves tasks caught in a dependency cycle where they are instead of looping', () => {
    const tasks = [
      task('x', '2026-03-02'),
      task('a', '2026-03-05', { dependsOn: ['b', 'x'] }),
      task('b', '2026-03-06', { dependsOn: ['a'] }),
    ];
    expect(movesOf(tasks, '2026-03-10')).toEqual([]);
  });

  it('forecasts the end of onboarding against the day-90 target, ignoring growth and optional steps', () => {
    const tasks = [
      task('a', '2026-03-05', { status: 'done', completedOn: '2026-03-15' }),
      task('psat', '2026-05-30', { phase: 'engagement', dependsOn: ['a'] }),
      task('optional', '2026-06-20', { phase: 'engagement', required: false }),
      task('qbr', '2026-06-29', { phase: 'growth' }),
    ];
    const schedule = reschedule(tasks, DAY0, '2026-03-15');
    expect(schedule.targetEnd).toBe('2026-05-30');
    expect(schedule.forecastEnd).toBe('2026-06-09');
    expect(schedule.slipDays).toBe(10);
  });

  it('forecasts no later than today for an overdue last step, and nothing without onboarding tasks', () => {
    const overdue = [task('psat', '2026-05-30', { phase: 'engagement' })];
    expect(reschedule(overdue, DAY0, '2026-06-02')).toMatchObject({ forecastEnd: '2026-06-02', slipDays: 3 });
    expect(reschedule([task('qbr', '2026-06-29', { phase: 'growth' })], DAY0, '2026-03-02')).toMatchObject({ forecastEnd: null, slipDays: null });
  });
});

describe('reschedule delays (what moved and why)', () => {
  it('lists every task later than planned with its cause, before and after the dates are written', () => {
    const tasks = [task('a', '2026-03-05', { status: 'done', completedOn: '2026-03-08' }), task('b', '2026-03-10', { dependsOn: ['a'] }), task('c', '2026-03-12')];
    const before = reschedule(tasks, DAY0, '2026-03-08');
    const after = reschedule(apply(tasks, '2026-03-08'), DAY0, '2026-03-08');
    for (const schedule of [before, after]) {
      expect(schedule.delays.map((d) => [d.taskId, d.planned, d.due])).toEqual([['id-b', '2026-03-10', '2026-03-13']]);
      expect(describeDelay(schedule.delays[0]!)).toBe('3 days later than planned: “Task a” was finished 3 days late.');
    }
    expect(after.moves).toEqual([]);
  });
});
