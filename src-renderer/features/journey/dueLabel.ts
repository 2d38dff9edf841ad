import { dayNumber } from '../../../src-shared/domain/journey';
import type { IsoDate } from '../../../src-shared/domain/types';
import { formatDate } from '../../../src-shared/util/formatDate';

/** Kept for the screens that read dates from here: the one shared rule, in the user's locale. */
export { formatDate };

export type DueLabel = { text: string; tone: 'overdue' | 'soon' | 'later' };

/** "Overdue 3 days", "Due today", "Due tomorrow", "Due in 5 days", then the date itself. */
export function dueLabel(dueDate: IsoDate, today: IsoDate): DueLabel {
  const late = dayNumber(dueDate, today);
  if (late > 0) return { text: `Overdue ${late} day${late === 1 ? '' : 's'}`, tone: 'overdue' };
  if (late === 0) return { text: 'Due today', tone: 'soon' };
  if (late === -1) return { text: 'Due tomorrow', tone: 'soon' };
  if (late >= -7) return { text: `Due in ${-late} days`, tone: 'soon' };
  return { text: `Due ${formatDate(dueDate)}`, tone: 'later' };
}
