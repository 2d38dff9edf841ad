import { formatDateTime } from '../../src-shared/util/formatDate';

/** A timestamp as people read it, in local time and the user's locale: "26 Nov 2026, 10:42". */
export function formatMoment(iso: string): string {
  return formatDateTime(iso);
}
