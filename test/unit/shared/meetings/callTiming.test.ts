import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../../../src-shared/domain/types';
import { callTiming, finishCall, formatDuration, overrunSeconds, pauseCall, resumeCall, startCall, switchItem } from '../../../../src-shared/meetings/callTiming';
import { agendaFromTemplate, DEFAULT_KICKOFF_AGENDA, moveAgendaItem } from '../../../../src-shared/meetings/kickoffAgenda';
import { makeMeeting } from '../domain/fixtures';

const T0 = Date.parse('2026-11-26T10:00:00.000Z');
const min = (n: number) => T0 + n * 60_000;

function kickoff(): Meeting {
  let n = 0;
  return makeMeeting({ kind: 'kickoff', status: 'scheduled', agenda: agendaFromTemplate(DEFAULT_KICKOFF_AGENDA.slice(0, 3), () => `i${n++}`) });
}

describe('call timing', () => {
  it('derives every timer from stored timestamps, so a reload shows the same clock', () => {
    const started = startCall(kickoff(), T0);
    expect(started).toMatchObject({ status: 'in_progress', currentItemId: 'i0', startedAt: '2026-11-26T10:00:00.000Z' });
    // A fresh read of the same document 4 minutes later (a reload) continues the clock.
    const reloaded = JSON.parse(JSON.stringify(started)) as Meeting;
    expect(callTiming(reloaded, min(4))).toMatchObject({ totalSeconds: 240, itemSeconds: { i0: 240, i1: 0, i2: 0 }, running: true });
  });

  it('keeps the time spent with each item when moving between items', () => {
    let m = startCall(kickoff(), T0);
    m = switchItem(m, 'i1', min(12));
    m = switchItem(m, 'i0', min(15));
    expect(m.agenda.map((i) => i.elapsedSeconds)).toEqual([720, 180, 0]);
    expect(callTiming(m, min(16)).itemSeconds).toEqual({ i0: 780, i1: 180, i2: 0 });
    expect(overrunSeconds(m.agenda[0]!, 780)).toBe(180);
    expect(overrunSeconds({ plannedMinutes: 0 }, 780)).toBe(0);
  });

  it('does not count a pause, and ends with every second booked', () => {
    let m = startCall(kickoff(), T0);
    m = pauseCall(m, min(5));
    expect(callTiming(m, min(50))).toMatchObject({ totalSeconds: 300, paused: true, running: false });
    m = resumeCall(m, min(50));
    expect(callTiming(m, min(52)).totalSeconds).toBe(420);
    m = switchItem(m, 'i2', min(52));
    const done = finishCall(m, min(53));
    expect(done.status).toBe('done');
    expect(done.agenda.map((i) => i.elapsedSeconds)).toEqual([420, 0, 60]);
    expect(done.endedAt).toBe(new Date(min(53)).toISOString());
    expect(Date.parse(done.endedAt!) - Date.parse(done.startedAt!)).toBe(480_000);
    expect(callTiming(done, min(90)).totalSeconds).toBe(480);
  });

  it('formats durations', () => {
    expect(formatDuration(5)).toBe('0:05');
    expect(formatDuration(754)).toBe('12:34');
    expect(formatDuration(3729)).toBe('1:02:09');
    expect(formatDuration(-3)).toBe('0:00');
  });

  it('reorders agenda items', () => {
    const agenda = kickoff().agenda;
    expect(moveAgendaItem(agenda, 'i2', -1).map((i) => i.id)).toEqual(['i0', 'i2', 'i1']);
    expect(moveAgendaItem(agenda, 'i0', -1).map((i) => i.id)).toEqual(['i0', 'i1', 'i2']);
  });
});
