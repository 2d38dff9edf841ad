import type { Deal, IsoDate, Meeting, Task } from '../domain/types';

export const TIMELINE_KINDS = ['meeting', 'task', 'deal'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export type TimelineEntry = {
  id: string;
  kind: TimelineKind;
  date: IsoDate;
  title: string;
  detail: string;
  /** The meeting or deal state, for a badge: "done", "scheduled", "won" … */
  status: string;
  sentiment?: number;
  meetingId?: string;
};

const MEETING_WORDS: Record<Meeting['kind'], string> = {
  kickoff: 'Kick-off call',
  checkin: 'Check-in',
  planning: 'Planning session',
  review: 'Business review',
};

function meetingDetail(m: Meeting): string {
  const parts: string[] = [];
  if (m.sentiment !== undefined) parts.push(`sentiment ${m.sentiment}/5`);
  if (m.actionItems.length > 0) parts.push(`${m.actionItems.length} action item${m.actionItems.length === 1 ? '' : 's'}`);
  if (m.decisions.length > 0) parts.push(`${m.decisions.length} decision${m.decisions.length === 1 ? '' : 's'}`);
  if (m.blockers.trim()) parts.push(`blockers: ${m.blockers.trim()}`);
  return parts.join(' · ');
}

/**
 * Everything that happened with a partner in one list, newest first: meetings (by meeting date),
 * completed tasks (by completion date) and deals (by registration date, with their stage).
 * Records of other partners are ignored; `kinds` filters (all kinds when empty or absent).
 */
export function partnerTimeline(
  partnerId: string,
  records: { meetings: readonly Meeting[]; tasks: readonly Task[]; deals: readonly Deal[] },
  kinds: readonly TimelineKind[] = TIMELINE_KINDS,
): TimelineEntry[] {
  const wanted = new Set(kinds.length === 0 ? TIMELINE_KINDS : kinds);
  const out: TimelineEntry[] = [];
  if (wanted.has('meeting')) {
    for (const m of records.meetings) {
      if (m.partnerId !== partnerId) continue;
      out.push({
        id: `meeting-${m.id}`,
        kind: 'meeting',
        date: m.scheduledOn,
        title: m.title || MEETING_WORDS[m.kind],
        detail: meetingDetail(m),
        status: m.status,
        meetingId: m.id,
        ...(m.sentiment !== undefined ? { sentiment: m.sentiment } : {}),
      });
    }
  }
  if (wanted.has('task')) {
    for (const t of records.tasks) {
      if (t.partnerId !== partnerId || t.status !== 'done' || !t.completedOn) continue;
      out.push({
        id: `task-${t.id}`,
        kind: 'task',
        date: t.completedOn,
        title: t.title,
        detail: t.ownerName ? `Done by ${t.ownerName}` : '',
        status: 'done',
      });
    }
  }
  if (wanted.has('deal')) {
    for (const d of records.deals) {
      if (d.partnerId !== partnerId) continue;
      out.push({
        id: `deal-${d.id}`,
        kind: 'deal',
        date: d.registeredOn,
        title: `Deal registered: ${d.account}`,
        detail: `${d.amount.toLocaleString('en-US')} ${d.currency} · ${d.source === 'sourced' ? 'partner-sourced' : 'influenced'}${d.closedOn ? ` · closed ${d.closedOn}` : ''}`,
        status: d.stage,
      });
    }
  }
  const rank: Record<TimelineKind, number> = { meeting: 0, deal: 1, task: 2 };
  return out.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : rank[a.kind] - rank[b.kind] || a.id.localeCompare(b.id)));
}

export type SentimentPoint = { date: IsoDate; sentiment: number; label: string };

/** Sentiment of each held meeting that recorded one, oldest first: the data of the sentiment line. */
export function sentimentSeries(partnerId: string, meetings: readonly Meeting[]): SentimentPoint[] {
  return meetings
    .filter((m) => m.partnerId === partnerId && m.status === 'done' && m.sentiment !== undefined)
    .map((m) => ({ date: m.scheduledOn, sentiment: m.sentiment!, label: m.title || MEETING_WORDS[m.kind] }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
