import type { PartnerRow } from '../../../src-renderer/app/usePortfolioOverview';
import { generateJourney } from '../../../src-shared/domain/journey';
import { partnerOverview } from '../../../src-shared/domain/partnerOverview';
import type { Contact, Deal, IsoDate, Meeting, Partner, Task } from '../../../src-shared/domain/types';

export const TODAY = '2026-06-01';
const NOW = '2026-06-01T09:00:00.000Z';

/** `YYYY-MM-DD` plus n calendar days (UTC arithmetic, independent of the code under test). */
export function plusDays(date: IsoDate, n: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

type Spec = {
  id: string;
  name: string;
  type: Partner['type'];
  tier: string;
  region: string;
  /** Journey day today (negative: Day 0 is still ahead). */
  day: number;
  /** Mark every task due before today done. */
  onSchedule: boolean;
  contacts?: string[];
  tags?: string[];
  /** Hold a check-in today and register a deal (keeps an older partner healthy). */
  engaged?: boolean;
};

function contact(name: string, i: number): Contact {
  return { id: `c${i}`, name, role: '', email: '', phone: '' };
}

/** A portfolio row built the way the app builds it: the real partnerOverview over real journeys. */
export function makeRow(spec: Spec): PartnerRow {
  const partner: Partner = {
    id: spec.id,
    createdAt: NOW,
    updatedAt: NOW,
    name: spec.name,
    type: spec.type,
    maturity: 'new',
    tier: spec.tier,
    region: spec.region,
    website: `https://${spec.id}.example`,
    ownerEmail: 'pat@vendor.example',
    contacts: (spec.contacts ?? []).map(contact),
    team: [],
    day0: plusDays(TODAY, -spec.day),
    status: 'onboarding',
    tags: spec.tags ?? [],
    templateId: `${spec.type}-new`,
  };
  let n = 0;
  const tasks: Task[] = generateJourney(partner, { now: NOW, newId: () => `${spec.id}-t${n++}` }).map((t) =>
    spec.onSchedule && t.dueDate < TODAY ? { ...t, status: 'done', completedOn: t.dueDate } : t,
  );
  const meetings: Meeting[] = spec.engaged
    ? [
        {
          id: `${spec.id}-m`,
          createdAt: NOW,
          updatedAt: NOW,
          partnerId: spec.id,
          kind: 'checkin',
          status: 'done',
          title: 'Check-in',
          scheduledOn: TODAY,
          attendees: [],
          agenda: [],
          notes: '',
          decisions: [],
          actionItems: [],
          blockers: '',
        },
      ]
    : [];
  const deals: Deal[] = spec.engaged
    ? [
        {
          id: `${spec.id}-d`,
          createdAt: NOW,
          updatedAt: NOW,
          partnerId: spec.id,
          account: 'Hooli',
          amount: 1000,
          currency: 'EUR',
          stage: 'registered',
          registeredOn: plusDays(TODAY, -3),
          source: 'sourced',
        },
      ]
    : [];
  return { partner, ...partnerOverview({ partner, tasks, meetings, deals, plans: [], today: TODAY }) };
}

/** Six partners spread over every phase, several types, tiers and health bands. */
export function portfolio(): PartnerRow[] {
  return [
    makeRow({ id: 'acme', name: 'Acme Cloud', type: 'reseller', tier: 'Gold', region: 'EMEA', day: 0, onSchedule: true, contacts: ['Jane Doe'], tags: ['priority'] }),
    makeRow({ id: 'globex', name: 'Globex Systems', type: 'isv', tier: 'Silver', region: 'North America', day: 20, onSchedule: true }),
    makeRow({ id: 'initech', name: 'Initech', type: 'si', tier: 'Platinum', region: 'APAC', day: 60, onSchedule: false, contacts: ['Peter Gibbons'] }),
    makeRow({ id: 'umbrella', name: 'Umbrella MSP', type: 'msp', tier: 'gold', region: 'EMEA', day: 120, onSchedule: true, engaged: true }),
    makeRow({ id: 'acmelabs', name: 'acme labs', type: 'referral', tier: '', region: 'LATAM', day: -10, onSchedule: true }),
    makeRow({ id: 'beta', name: 'Beta Resellers', type: 'reseller', tier: 'Registered', region: 'EMEA', day: 5, onSchedule: false, contacts: ['Ann Smith'] }),
  ];
}
