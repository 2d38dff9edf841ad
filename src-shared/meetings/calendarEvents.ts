import { addDays, format, parseISO } from 'date-fns';
import type { IsoDate, Meeting, Partner } from '../domain/types';

/** What a calendar file needs for one meeting: an all-day event (meetings carry a date, no time). */
export type CalendarEvent = {
  uid: string;
  title: string;
  description: string;
  /** [year, month (1–12), day] */
  start: [number, number, number];
  /** Exclusive end: the next day. */
  end: [number, number, number];
  status: 'CONFIRMED' | 'CANCELLED' | 'TENTATIVE';
  attendees: string[];
};

const KIND_WORDS: Record<Meeting['kind'], string> = {
  kickoff: 'Kick-off call',
  checkin: 'Check-in',
  planning: 'Planning session',
  review: 'Business review',
};

function dayArray(d: IsoDate): [number, number, number] {
  const [y, m, day] = d.split('-').map(Number);
  return [y!, m!, day!];
}

/** The calendar event of a meeting; the UID stays the same, so re-importing updates it. */
export function meetingCalendarEvent(meeting: Meeting, partner: Pick<Partner, 'name'>): CalendarEvent {
  // In a calendar the partner's name must be in the title ("Check-in" alone says nothing there).
  const base = meeting.title.trim() || KIND_WORDS[meeting.kind];
  const title = base.toLowerCase().includes(partner.name.toLowerCase()) ? base : `${base}: ${partner.name}`;
  const agenda = meeting.agenda.map((item, i) => `${i + 1}. ${item.title}${item.plannedMinutes ? ` (${item.plannedMinutes} min)` : ''}`);
  const description = [`${KIND_WORDS[meeting.kind]} with ${partner.name}.`, ...(agenda.length > 0 ? ['', 'Agenda:', ...agenda] : [])].join('\n');
  return {
    uid: `${meeting.id}@partner-desk`,
    title,
    description,
    start: dayArray(meeting.scheduledOn),
    end: dayArray(format(addDays(parseISO(meeting.scheduledOn), 1), 'yyyy-MM-dd')),
    status: meeting.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    attendees: meeting.attendees,
  };
}

/** Meetings still ahead (scheduled or under way, on or after today), soonest first. */
export function upcomingMeetings(meetings: readonly Meeting[], today: IsoDate): Meeting[] {
  return meetings
    .filter((m) => (m.status === 'scheduled' || m.status === 'in_progress') && m.scheduledOn >= today)
    .sort((a, b) => (a.scheduledOn < b.scheduledOn ? -1 : a.scheduledOn > b.scheduledOn ? 1 : 0));
}

/** A file name for the export: "partner-desk-acme-check-in-2026-12-01.ics". */
export function calendarFileName(parts: readonly string[]): string {
  const slug = parts
    .join(' ')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `partner-desk-${slug || 'meetings'}.ics`;
}
