import { generateJourney } from '../../../../src-shared/domain/journey';
import type { Deal, IsoDate, Meeting, Partner, Plan, Task } from '../../../../src-shared/domain/types';

export const NOW = '2026-03-01T09:00:00.000Z';

export function makePartner(overrides: Partial<Partner> = {}): Partner {
  return {
    id: 'p1',
    createdAt: NOW,
    updatedAt: NOW,
    name: 'Acme Cloud',
    type: 'reseller',
    maturity: 'new',
    tier: 'Silver',
    region: 'EMEA',
    website: 'https://acme.example',
    ownerEmail: 'pam@vendor.example',
    contacts: [],
    team: [],
    day0: '2026-03-01',
    status: 'onboarding',
    tags: [],
    templateId: 'reseller-new',
    ...overrides,
  };
}

/** The partner's generated journey with predictable ids (`t0`, `t1`, …). */
export function journeyFor(partner: Partner): Task[] {
  let n = 0;
  return generateJourney(partner, { now: NOW, newId: () => `t${n++}` });
}

/** Marks done every task due before `before`, except the keys listed. */
export function doneBefore(tasks: Task[], before: IsoDate, exceptKeys: string[] = []): Task[] {
  return tasks.map((t) =>
    t.dueDate < before && !exceptKeys.includes(t.key) ? { ...t, status: 'done', completedOn: t.dueDate } : t,
  );
}

export function byKey(tasks: Task[], key: string): Task {
  const t = tasks.find((x) => x.key === key);
  if (!t) throw new Error(`no task ${key}`);
  return t;
}

export function makeTask(overrides: Partial<Task> = {}): Task {
  return {
    id: 'task',
    createdAt: NOW,
    updatedAt: NOW,
    partnerId: 'p1',
    phase: 'activation',
    category: 'sales',
    title: 'Do something',
    guidance: 'Guidance.',
    key: 'custom',
    dueOffset: 10,
    dueDate: '2026-03-11',
    ownerSide: 'vendor',
    ownerName: '',
    required: true,
    status: 'open',
    source: 'custom',
    order: 0,
    ...overrides,
  };
}

export function makeMeeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: 'm',
    createdAt: NOW,
    updatedAt: NOW,
    partnerId: 'p1',
    kind: 'checkin',
    status: 'done',
    title: 'Check-in',
    scheduledOn: '2026-03-06',
    attendees: [],
    agenda: [],
    notes: '',
    decisions: [],
    actionItems: [],
    blockers: '',
    ...overrides,
  };
}

export function makeDeal(overrides: Partial<Deal> = {}): Deal {
  return {
    id: 'd',
    createdAt: NOW,
    updatedAt: NOW,
    partnerId: 'p1',
    account: 'Globex',
    amount: 10000,
    currency: 'EUR',
    stage: 'registered',
    registeredOn: '2026-04-15',
    source: 'sourced',
    ...overrides,
  };
}

export function makePlan(overrides: Partial<Plan> = {}): Plan {
  return {
    id: 'plan',
    createdAt: NOW,
    updatedAt: NOW,
    partnerId: 'p1',
    version: 1,
    status: 'draft',
    objectives: '',
    summary: '',
    signOff: [],
    ...overrides,
  };
}
