import { PHASE_INFO } from '../../../src-shared/domain/journey';
import type { CollectionName, PlanItemKind } from '../../../src-shared/domain/types';
import { parseFieldPath } from '../../../src-shared/sync/restoreLostValue';
import { formatMoment } from '../../app/formatMoment';
import { CATEGORY_LABELS, MEETING_KIND_LABELS, OWNER_SIDE_LABELS, PARTNER_STATUS_LABELS, PARTNER_TYPE_LABELS, TEAM_ROLE_LABELS } from '../../app/labels';
import { formatDate } from '../journey/dueLabel';

type JsonObject = Record<string, unknown>;

const COMMON_FIELDS: Record<string, string> = {
  name: 'Name',
  title: 'Title',
  status: 'Status',
  notes: 'Notes',
  dueDate: 'Due date',
  completedOn: 'Completed on',
  ownerName: 'Owner',
  ownerSide: 'Whose task',
  required: 'Required',
  phase: 'Phase',
  amount: 'Amount',
  currency: 'Currency',
  email: 'Email',
  phone: 'Phone',
  role: 'Role',
  text: 'Text',
  order: 'Position',
  _deleted: 'Deleted or kept',
};

const FIELD_LABELS: Partial<Record<CollectionName, Record<string, string>>> = {
  partners: {
    type: 'Partner type',
    maturity: 'Maturity',
    tier: 'Tier',
    region: 'Region',
    website: 'Website',
    ownerEmail: 'Owner',
    contacts: 'Contacts',
    team: 'Our team',
    day0: 'Contract signed (Day 0)',
    tags: 'Tags',
    templateId: 'Journey template',
    onboardingCompletedOn: 'Onboarding completed on',
    churnedOn: 'Churned on',
    checkinCadenceDays: 'Check-in every (days)',
  },
  tasks: { guidance: 'Guidance', dueOffset: 'Due (days from Day 0)', category: 'Category', key: 'Template step' },
  meetings: {
    kind: 'Kind',
    scheduledOn: 'Date',
    attendees: 'Attendees',
    agenda: 'Agenda',
    decisions: 'Decisions',
    actionItems: 'Action items',
    blockers: 'Blockers',
    sentiment: 'Sentiment',
    nextCheckinOn: 'Next check-in',
    plannedMinutes: 'Planned minutes',
    done: 'Done',
  },
  plans: { objectives: 'Objectives', summary: 'Summary', signOff: 'Sign-off', version: 'Version' },
  planitems: { metric: 'Metric', target: 'Target', actual: 'Actual', segment: 'Segment', fit: 'Fit', stage: 'Stage', nextStep: 'Next step', quarter: 'Quarter', mitigation: 'Mitigation' },
  deals: { account: 'Account', stage: 'Stage', registeredOn: 'Registered on', closedOn: 'Closed on', source: 'Source' },
  trainings: { person: 'Person', course: 'Course' },
  surveys: { score: 'Score', takenOn: 'Taken on', comment: 'Comment' },
  templates: { data: 'Content', partnerType: 'Partner type' },
  resources: { title: 'Title', url: 'Address', file: 'File', audience: 'Audience', replacedBy: 'Replaced by' },
};

const PLAN_ITEM_KIND_LABELS: Record<PlanItemKind, string> = { goal: 'Goal', account: 'Target account', initiative: 'Initiative', risk: 'Risk', revenue: 'Revenue target' };

const TASK_STATUS_LABELS: Record<string, string> = { open: 'Open', done: 'Done', not_applicable: 'Not applicable' };

/** "checkinCadenceDays" → "Checkin cadence days", for fields without a label of their own. */
function humanize(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function keyLabel(collection: CollectionName, key: string): string {
  return FIELD_LABELS[collection]?.[key] ?? COMMON_FIELDS[key] ?? humanize(key);
}

/** The words for an entry of a list (a contact, an agenda item): its name, title or text. */
function entryName(entry: unknown): string | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const record = entry as JsonObject;
  for (const key of ['name', 'title', 'text', 'course', 'account']) {
    if (typeof record[key] === 'string' && record[key] !== '') return record[key];
  }
  return null;
}

/**
 * The field of a conflict in a user's words: `tier` → "Tier", `contacts[c1].email` →
 * "Contacts › Femke de Vries › Email" (the entry named from the document as it is now, or from
 * either value when it is gone).
 */
export function fieldLabel(collection: CollectionName, field: string, document: JsonObject | null, values: unknown[] = []): string {
  if (field === '_deleted') return 'Deleted or kept';
  const path = parseFieldPath(field);
  if (!path) return field;
  const parts: string[] = [];
  let cursor: unknown = document;
  for (const segment of path) {
    if ('key' in segment) {
      parts.push(keyLabel(collection, segment.key));
      cursor = typeof cursor === 'object' && cursor !== null ? (cursor as JsonObject)[segment.key] : undefined;
    } else {
      const entry = Array.isArray(cursor) ? cursor.find((item) => (item as JsonObject | null)?.id === segment.itemId) : undefined;
      const fromValues = values.map(entryName).find((name) => name !== null);
      parts.push(entryName(entry) ?? fromValues ?? 'an entry');
      cursor = entry;
    }
  }
  return parts.join(' › ');
}

/** Which record a conflict is about: "Partner details", "Task “Kick-off call”", "Goal “Win 3 deals”". */
export function recordLabel(collection: CollectionName, document: JsonObject | null): string {
  const title = (key: string) => (document && typeof document[key] === 'string' && document[key] !== '' ? ` “${document[key] as string}”` : '');
  switch (collection) {
    case 'partners':
      return 'Partner details';
    case 'tasks':
      return `Task${title('title')}`;
    case 'planitems': {
      const kind = document?.kind as PlanItemKind | undefined;
      return `${kind && PLAN_ITEM_KIND_LABELS[kind] ? PLAN_ITEM_KIND_LABELS[kind] : 'Plan item'}${title('title')}`;
    }
    case 'meetings':
      return `Meeting${title('title')}`;
    case 'deals':
      return `Deal${title('account')}`;
    case 'plans':
      return typeof document?.version === 'number' ? `Business plan v${document.version}` : 'Business plan';
    case 'trainings':
      return `Training${title('course')}`;
    case 'surveys':
      return typeof document?.takenOn === 'string' ? `Survey of ${formatDate(document.takenOn)}` : 'Survey';
    case 'templates':
      return `Template${title('name')}`;
    case 'resources':
      return `Resource${title('title')}`;
    case 'conflicts':
      return 'Merge history';
    case 'mdf':
      return document?.kind === 'budget' ? `MDF budget${typeof document.quarter === 'string' ? ` ${document.quarter}` : ''}` : `MDF request${title('activity')}`;
  }
}

const ENUM_LABELS: Record<string, Record<string, string>> = {
  type: PARTNER_TYPE_LABELS,
  category: CATEGORY_LABELS,
  ownerSide: OWNER_SIDE_LABELS,
  role: TEAM_ROLE_LABELS,
  kind: { ...MEETING_KIND_LABELS, ...PLAN_ITEM_KIND_LABELS },
  phase: Object.fromEntries(Object.entries(PHASE_INFO).map(([phase, info]) => [phase, info.label])),
  maturity: { new: 'New to the category', experienced: 'Experienced' },
};

const MAX_TEXT = 280;

const clip = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text);

/**
 * A conflict value as text: dates and timestamps formatted, codes as their labels, lists of
 * people or items as their names, a whole record (a lost edit of a deleted one) by its title.
 */
export function formatConflictValue(collection: CollectionName, field: string, value: unknown): string {
  const path = parseFieldPath(field);
  const last = path?.[path.length - 1];
  const key = last && 'key' in last ? last.key : '';
  if (field === '_deleted') {
    if (value === true) return 'Deleted';
    if (value === false) return 'Kept';
    return `The edited version${entryName(value) ? ` of “${entryName(value)}”` : ''}`;
  }
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'boolean') return key === 'required' ? (value ? 'Required' : 'Optional') : value ? 'Yes' : 'No';
  if (typeof value === 'number') return value.toLocaleString('en-US');
  if (typeof value === 'string') {
    if (key === 'status') {
      const labels: Record<string, string> = collection === 'partners' ? PARTNER_STATUS_LABELS : TASK_STATUS_LABELS;
      return labels[value] ?? humanize(value);
    }
    const labels = ENUM_LABELS[key];
    if (labels?.[value]) return labels[value];
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatMoment(value);
    return clip(value);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '(none)';
    return clip(value.map((item) => (typeof item === 'object' && item !== null ? (entryName(item) ?? 'an entry') : String(item))).join(', '));
  }
  if (typeof value === 'object') {
    const record = value as JsonObject;
    const name = entryName(record);
    const email = typeof record.email === 'string' && record.email !== '' ? record.email : null;
    if (name) return email && email !== name ? `${name} (${email})` : name;
    return clip(JSON.stringify(value));
  }
  return clip(String(value));
}
