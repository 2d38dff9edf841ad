import { format } from 'date-fns';

/** A timestamp as people read it, in local time: "26 Nov 2026, 10:42". */
export function formatMoment(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : format(new Date(time), 'd MMM yyyy, HH:mm');
}
