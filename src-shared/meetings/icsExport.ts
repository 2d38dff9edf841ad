import { createEvents, type EventAttributes } from 'ics';
import type { CalendarEvent } from './calendarEvents';

/**
 * An iCalendar file (RFC 5545) for the given events, as calendar apps import it. Throws with the
 * library's message when an event cannot be written.
 */
export function icsExport(events: readonly CalendarEvent[]): string {
  if (events.length === 0) throw new Error('There is no upcoming meeting to export.');
  const attributes: EventAttributes[] = events.map((event) => ({
    uid: event.uid,
    title: event.title,
    // Attendees are names without email addresses, which ATTENDEE needs: they go in the text.
    description: event.attendees.length > 0 ? `${event.description}\n\nAttendees: ${event.attendees.join(', ')}` : event.description,
    start: event.start,
    end: event.end,
    status: event.status,
    productId: 'partner-desk/meetings',
    calName: 'Partner Desk',
  }));
  const { error, value } = createEvents(attributes);
  if (error || !value) throw new Error(`The calendar file could not be written: ${error?.message ?? 'unknown error'}`);
  return value;
}
