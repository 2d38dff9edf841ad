import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarFileName, meetingCalendarEvent, upcomingMeetings } from '../../../../src-shared/meetings/calendarEvents';
import { icsExport } from '../../../../src-shared/meetings/icsExport';
import { makeMeeting } from '../domain/fixtures';

const partner = { name: 'Acme Cloud, Inc.' };
const checkin = makeMeeting({ id: 'm1', status: 'scheduled', title: 'Check-in', scheduledOn: '2026-12-01', attendees: ['Anna Schmidt'] });
const kickoff = makeMeeting({
  id: 'm2',
  kind: 'kickoff',
  status: 'scheduled',
  title: '',
  scheduledOn: '2026-11-30',
  agenda: [{ id: 'a', title: 'Introductions; contacts', plannedMinutes: 10, elapsedSeconds: 0, notes: '', done: false }],
});

describe('calendar export', () => {
  it('writes an .ics file a calendar app parses back to the same all-day events', () => {
    const ics = icsExport([meetingCalendarEvent(kickoff, partner), meetingCalendarEvent(checkin, partner)]);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events.map((e) => [e.uid, e.summary, e.startDate.toString(), e.endDate.toString(), e.startDate.isDate])).toEqual([
      ['m2@partner-desk', 'Kick-off call: Acme Cloud, Inc.', '2026-11-30', '2026-12-01', true],
      ['m1@partner-desk', 'Check-in: Acme Cloud, Inc.', '2026-12-01', '2026-12-02', true],
    ]);
    expect(events[0]?.description).toContain('1. Introductions; contacts (10 min)');
    expect(events[1]?.description).toContain('Attendees: Anna Schmidt');
  });

  it('refuses to write an empty calendar', () => {
    expect(() => icsExport([])).toThrow(/no upcoming meeting/);
  });

  it('exports only meetings still ahead, soonest first', () => {
    const past = makeMeeting({ id: 'old', status: 'scheduled', scheduledOn: '2026-11-01' });
    const done = makeMeeting({ id: 'done', status: 'done', scheduledOn: '2026-12-05' });
    expect(upcomingMeetings([checkin, past, done, kickoff], '2026-11-26').map((m) => m.id)).toEqual(['m2', 'm1']);
    expect(calendarFileName(['Acme Cloud, Inc.', 'check-in', '2026-12-01'])).toBe('partner-desk-acme-cloud-inc-check-in-2026-12-01.ics');
  });
});
