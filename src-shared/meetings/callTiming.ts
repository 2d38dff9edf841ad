import type { AgendaItem, IsoTimestamp, Meeting } from '../domain/types';

/**
 * Call timing derived from stored timestamps only, so a reload, a crash or a second window shows
 * the same clock. While a call runs, every second since `startedAt` belongs to exactly one agenda
 * item: finished stretches are stored in each item's `elapsedSeconds`, and the current item has
 * been running since `startedAt + Σ elapsedSeconds`. A paused call is `in_progress` with
 * `endedAt` set to the moment it was paused; resuming moves `startedAt` forward by the pause, so
 * `now − startedAt` stays the time actually spent talking.
 */
export type CallTiming = {
  totalSeconds: number;
  /** Seconds spent on each agenda item, including the running stretch of the current one. */
  itemSeconds: Record<string, number>;
  paused: boolean;
  running: boolean;
};

type TimedMeeting = Pick<Meeting, 'status' | 'startedAt' | 'endedAt' | 'agenda' | 'currentItemId'>;

function ms(timestamp: IsoTimestamp | undefined): number | null {
  if (!timestamp) return null;
  const value = Date.parse(timestamp);
  return Number.isNaN(value) ? null : value;
}

function storedSeconds(agenda: readonly AgendaItem[]): number {
  return agenda.reduce((sum, item) => sum + (Number.isFinite(item.elapsedSeconds) ? Math.max(0, item.elapsedSeconds) : 0), 0);
}

export function isPaused(meeting: Pick<Meeting, 'status' | 'endedAt'>): boolean {
  return meeting.status === 'in_progress' && meeting.endedAt !== undefined;
}

export function callTiming(meeting: TimedMeeting, now: number): CallTiming {
  const itemSeconds: Record<string, number> = {};
  for (const item of meeting.agenda) itemSeconds[item.id] = Math.max(0, item.elapsedSeconds || 0);
  const stored = storedSeconds(meeting.agenda);
  const started = ms(meeting.startedAt);
  const inProgress = meeting.status === 'in_progress' && started !== null;
  if (!inProgress) return { totalSeconds: stored, itemSeconds, paused: false, running: false };
  const paused = isPaused(meeting);
  const clock = paused ? (ms(meeting.endedAt) ?? now) : now;
  const total = Math.max(stored, (clock - started) / 1000);
  const current = meeting.currentItemId;
  if (current !== undefined && current in itemSeconds) itemSeconds[current] = (itemSeconds[current] ?? 0) + (total - stored);
  return { totalSeconds: total, itemSeconds, paused, running: !paused };
}

/** "4:05", "1:02:09"; negative values count as zero. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** Seconds over the planned minutes (0 when within plan, or when no time was planned). */
export function overrunSeconds(item: Pick<AgendaItem, 'plannedMinutes'>, spentSeconds: number): number {
  if (!item.plannedMinutes) return 0;
  return Math.max(0, spentSeconds - item.plannedMinutes * 60);
}

/** Starts the call now on its first item (or the given one). */
export function startCall<M extends TimedMeeting>(meeting: M, now: number): M {
  const { endedAt: _ended, ...rest } = meeting;
  return {
    ...(rest as M),
    status: 'in_progress',
    startedAt: new Date(now - storedSeconds(meeting.agenda) * 1000).toISOString(),
    currentItemId: meeting.currentItemId && meeting.agenda.some((i) => i.id === meeting.currentItemId) ? meeting.currentItemId : meeting.agenda[0]?.id,
  };
}

/**
 * Books the running stretch onto the current item. The result stores every second in the items,
 * so another item can become current without losing time.
 */
function settle<M extends TimedMeeting>(meeting: M, now: number): M {
  const timing = callTiming(meeting, now);
  if (!timing.running && !timing.paused) return meeting;
  return {
    ...meeting,
    agenda: meeting.agenda.map((item) => (item.id === meeting.currentItemId ? { ...item, elapsedSeconds: timing.itemSeconds[item.id] ?? 0 } : item)),
  };
}

/** Makes another agenda item current; the time so far stays with the item it was spent on. */
export function switchItem<M extends TimedMeeting>(meeting: M, itemId: string, now: number): M {
  if (!meeting.agenda.some((item) => item.id === itemId) || meeting.currentItemId === itemId) return meeting;
  return { ...settle(meeting, now), currentItemId: itemId };
}

/** Pauses the clock (stepping out, a break); notes can still be typed. */
export function pauseCall<M extends TimedMeeting>(meeting: M, now: number): M {
  if (meeting.status !== 'in_progress' || isPaused(meeting)) return meeting;
  return { ...meeting, endedAt: new Date(now).toISOString() };
}

/** Resumes a paused call: the pause is not counted. */
export function resumeCall<M extends TimedMeeting>(meeting: M, now: number): M {
  const pausedAt = ms(meeting.endedAt);
  const started = ms(meeting.startedAt);
  if (!isPaused(meeting) || pausedAt === null || started === null) return meeting;
  const { endedAt: _ended, ...rest } = meeting;
  return { ...(rest as M), startedAt: new Date(started + Math.max(0, now - pausedAt)).toISOString() };
}

/**
 * Ends the call: every second is booked onto the items, `endedAt` is when it ended (a paused
 * call ends when it was paused) and `startedAt` is moved back to the real start of the talk.
 */
export function finishCall<M extends TimedMeeting>(meeting: M, now: number): M {
  if (meeting.status !== 'in_progress') return meeting;
  const end = isPaused(meeting) ? (ms(meeting.endedAt) ?? now) : now;
  const settled = settle(meeting, now);
  const total = storedSeconds(settled.agenda);
  return { ...settled, status: 'done', endedAt: new Date(end).toISOString(), startedAt: new Date(end - total * 1000).toISOString() };
}
