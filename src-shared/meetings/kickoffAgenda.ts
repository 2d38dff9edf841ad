import type { AgendaItem } from '../domain/types';

/** One agenda item as a template keeps it: no id, no notes, no timing. */
export type AgendaTemplateItem = { title: string; plannedMinutes: number };

/** The built-in kick-off agenda (Week 1), in the order the call runs. */
export const DEFAULT_KICKOFF_AGENDA: readonly AgendaTemplateItem[] = [
  { title: 'Introductions and team contacts', plannedMinutes: 10 },
  { title: 'Expectations and what success means', plannedMinutes: 10 },
  { title: 'The 30-60-90 day roadmap', plannedMinutes: 10 },
  { title: 'Systems and portal access check', plannedMinutes: 5 },
  { title: 'Training plan', plannedMinutes: 5 },
  { title: 'First target accounts', plannedMinutes: 10 },
  { title: 'Next steps', plannedMinutes: 5 },
];

export const MAX_PLANNED_MINUTES = 600;
export const MAX_AGENDA_ITEMS = 100;

/**
 * Journey steps that can be ticked off during the kick-off call, by task key (stable keys, see
 * journeyTemplates.ts). Only the ones the partner's journey has are shown.
 */
export const KICKOFF_CHECKLIST_KEYS: readonly string[] = [
  'welcome-kit',
  'portal-access',
  'lms-access',
  'payment-details',
  'team-intro',
  'technical-contacts',
  'practice-lead',
  'ecosystem-overview',
];

/** The template task key of the kick-off call itself; ending the call completes it. */
export const KICKOFF_TASK_KEY = 'kickoff-call';

/** Fresh agenda items (new ids, no notes, no time spent) from a template's items. */
export function agendaFromTemplate(items: readonly AgendaTemplateItem[], newId: () => string): AgendaItem[] {
  return items.map((item) => ({
    id: newId(),
    title: item.title,
    plannedMinutes: clampMinutes(item.plannedMinutes),
    elapsedSeconds: 0,
    notes: '',
    done: false,
  }));
}

function clampMinutes(value: number): number {
  if (!Number.isFinite(value) || value < 0) return 0;
  return Math.min(MAX_PLANNED_MINUTES, Math.round(value));
}

/** What a saved agenda template stores in `Template.data`. */
export function agendaTemplateData(agenda: readonly AgendaItem[]): { items: AgendaTemplateItem[] } {
  return { items: agenda.map((item) => ({ title: item.title, plannedMinutes: item.plannedMinutes })) };
}

/**
 * Reads the items of a saved agenda template back, or null when the data is not an agenda (an
 * older or foreign shape): the caller then falls back to the built-in agenda.
 */
export function agendaTemplateItems(data: Record<string, unknown>): AgendaTemplateItem[] | null {
  const items = data.items;
  if (!Array.isArray(items)) return null;
  const out: AgendaTemplateItem[] = [];
  for (const raw of items) {
    if (typeof raw !== 'object' || raw === null) return null;
    const { title, plannedMinutes } = raw as { title?: unknown; plannedMinutes?: unknown };
    if (typeof title !== 'string' || title.trim() === '') return null;
    out.push({ title: title.trim(), plannedMinutes: typeof plannedMinutes === 'number' ? clampMinutes(plannedMinutes) : 5 });
  }
  return out;
}

/** Moves an agenda item one place up (-1) or down (+1); out of range leaves the agenda as is. */
export function moveAgendaItem<T extends { id: string }>(agenda: readonly T[], id: string, by: -1 | 1): T[] {
  const from = agenda.findIndex((item) => item.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= agenda.length) return [...agenda];
  const next = [...agenda];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}
