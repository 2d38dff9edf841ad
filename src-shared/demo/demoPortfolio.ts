import { dayNumber, generateJourney, phaseForDay } from '../domain/journey';
import { journeyTemplateFor } from '../domain/journeyTemplates';
import { generateFromTemplate } from '../journey/generateFromTemplate';
import { publishedTemplateFor, type StoredTemplate } from '../journey/templateModel';
import {
  PARTNER_TYPES,
  type ActionItem,
  type AgendaItem,
  type Contact,
  type Deal,
  type DealSource,
  type DealStage,
  type IsoDate,
  type IsoTimestamp,
  type Maturity,
  type Meeting,
  type MeetingKind,
  type MeetingStatus,
  type OwnerSide,
  type Partner,
  type PartnerStatus,
  type PartnerType,
  type Survey,
  type Task,
  type TaskCategory,
  type TaskSource,
  type TeamMember,
  type TierDecision,
  type Training,
} from '../domain/types';
import { DEFAULT_PROTECTION_DAYS, EXPIRY_REMINDER_DAYS } from '../deals/registration';
import { DEFAULT_TIER_DEFINITION, tierIndex } from '../tiers/tierDefinition';
import { recommendTier } from '../tiers/tierRecommendation';
import { DEMO_SIZE, type DemoSize } from './demoSize';

// The sizes are their own module, so a screen that names one does not pull in the generator.
export { BENCH_SIZE, DEMO_SIZE, LARGE_BENCH_SIZE, QUICK_BENCH_SIZE, type DemoSize } from './demoSize';

export type DemoPortfolio = {
  partners: Partner[];
  tasks: Task[];
  meetings: Meeting[];
  deals: Deal[];
  trainings: Training[];
  surveys: Survey[];
};

export type DemoOptions = {
  /** Same seed, same `today`, same size → byte-identical output. */
  seed?: number;
  today: IsoDate;
  size?: DemoSize;
  ownerEmail: string;
  ownerName: string;
  /**
   * The stored template documents: journeys then come from the newest published version for
   * each type and maturity (a program lead's), falling back to the built-in seed. Without it,
   * the built-in templates (the benchmark and the tests rely on that output).
   */
  templates?: readonly StoredTemplate[];
};

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: a tiny, fast 32-bit PRNG; good enough for demo data, not for anything secret. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = {
  next: () => number;
  /** Integer in [min, max], both inclusive. */
  int: (min: number, max: number) => number;
  chance: (p: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  weighted: <T>(items: readonly (readonly [T, number])[]) => T;
  id: () => string;
};

const HEX_BYTES = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function makeRng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  const weighted = <T>(items: readonly (readonly [T, number])[]): T => {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    const last = items[items.length - 1];
    if (!last) throw new Error('weighted pick from an empty list');
    return last[0];
  };
  // Byte table lookups: Number#toString(16) on values above 2^31 is slow and allocation-heavy.
  const word = (): string => {
    const u = Math.floor(next() * 0x1_0000_0000);
    return (HEX_BYTES[u >>> 24] ?? '') + (HEX_BYTES[(u >>> 16) & 255] ?? '') + (HEX_BYTES[(u >>> 8) & 255] ?? '') + (HEX_BYTES[u & 255] ?? '');
  };
  /** UUID v4-shaped ids (version and variant nibbles set), so demo documents look like real ones. */
  const id = (): string => {
    const a = word();
    const b = word();
    const c = word();
    const d = word();
    const variant = '89ab'[Math.floor(next() * 4)] ?? '8';
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
  };
  return { next, int, chance: (p) => next() < p, pick, weighted, id };
}

// ---------------------------------------------------------------------------------------------
// Calendar helpers on whole UTC days (fast and time-zone free)

const DAY_MS = 86_400_000;

function toDayIndex(date: IsoDate): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return Math.round(ms / DAY_MS);
}

const dateCache = new Map<number, IsoDate>();
function fromDayIndex(index: number): IsoDate {
  let s = dateCache.get(index);
  if (s === undefined) {
    s = new Date(index * DAY_MS).toISOString().slice(0, 10);
    dateCache.set(index, s);
  }
  return s;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A timestamp during office hours on a calendar day. */
function stampOn(date: IsoDate, rng: Rng, fromHour = 8, toHour = 17): IsoTimestamp {
  return `${date}T${pad(rng.int(fromHour, toHour))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}.000Z`;
}

const clamp = (n: number, min: number, max: number): number => Math.min(max, Math.max(min, n));

// ---------------------------------------------------------------------------------------------
// Word lists

const NAME_STEMS = [
  'Northwind', 'Brightline', 'Kestrel', 'Bluepeak', 'Ironwood', 'Silverleaf', 'Redwood', 'Harborview', 'Summit',
  'Clearwater', 'Granite', 'Lakeshore', 'Meridian', 'Beacon', 'Cobalt', 'Evergreen', 'Falcon', 'Highgate', 'Juniper',
  'Lumen', 'Nimbus', 'Oakridge', 'Pinnacle', 'Quartz', 'Riverbend', 'Sterling', 'Tidewater', 'Vantage', 'Westbridge',
  'Zenith', 'Amberly', 'Copperfield', 'Driftwood', 'Elmstead', 'Foxglove', 'Glenmore', 'Hawthorne', 'Kingsley',
  'Larkspur', 'Marlow', 'Northgate', 'Orchard', 'Rowan', 'Saffron', 'Thornbury', 'Upland', 'Valemont', 'Willowbrook',
  'Alder', 'Cedar Point', 'Daybreak', 'Emberline', 'Fjordline', 'Greystone', 'Helix', 'Indigo', 'Keystone', 'Lodestar',
  'Mosaic', 'Northstar', 'Polaris', 'Skyward', 'Trident', 'Vertex', 'Wavecrest', 'Arclight', 'Bramble', 'Corvid',
  'Duskfall', 'Eastlake', 'Fairhaven', 'Goldcrest', 'Harrow', 'Ashford', 'Bellwether', 'Causeway', 'Halcyon', 'Ostara',
];

const NAME_MIDDLES = ['Cloud', 'Data', 'Digital', 'Secure', 'Tech'];

const NAME_ENDINGS: Record<PartnerType, readonly string[]> = {
  reseller: ['Systems', 'IT', 'Technologies', 'Distribution', 'Solutions', 'Computing'],
  isv: ['Software', 'Labs', 'Analytics', 'Apps', 'Platforms'],
  si: ['Consulting', 'Integration', 'Digital Services', 'Engineering', 'Partners'],
  msp: ['MSP', 'Managed Services', 'Cloud Services', 'IT Services', 'Networks'],
  referral: ['Advisors', 'Partners', 'Group', 'Associates', 'Ventures'],
};

type Country = {
  name: string;
  region: 'EMEA' | 'NA' | 'APAC' | 'LATAM';
  tld: string;
  legal: string;
  phone: string;
  currencies: readonly (readonly [string, number])[];
};

const COUNTRIES: readonly (readonly [Country, number])[] = [
  [{ name: 'United States', region: 'NA', tld: 'com', legal: 'Inc.', phone: '+1', currencies: [['USD', 1]] }, 28],
  [{ name: 'Canada', region: 'NA', tld: 'ca', legal: 'Inc.', phone: '+1', currencies: [['USD', 2], ['CAD', 1]] }, 6],
  [{ name: 'United Kingdom', region: 'EMEA', tld: 'co.uk', legal: 'Ltd', phone: '+44', currencies: [['GBP', 1]] }, 12],
  [{ name: 'Germany', region: 'EMEA', tld: 'de', legal: 'GmbH', phone: '+49', currencies: [['EUR', 1]] }, 10],
  [{ name: 'France', region: 'EMEA', tld: 'fr', legal: 'SAS', phone: '+33', currencies: [['EUR', 1]] }, 6],
  [{ name: 'Netherlands', region: 'EMEA', tld: 'nl', legal: 'B.V.', phone: '+31', currencies: [['EUR', 1]] }, 5],
  [{ name: 'Sweden', region: 'EMEA', tld: 'se', legal: 'AB', phone: '+46', currencies: [['EUR', 3], ['SEK', 1]] }, 3],
  [{ name: 'Spain', region: 'EMEA', tld: 'es', legal: 'S.L.', phone: '+34', currencies: [['EUR', 1]] }, 3],
  [{ name: 'United Arab Emirates', region: 'EMEA', tld: 'ae', legal: 'LLC', phone: '+971', currencies: [['USD', 1]] }, 2],
  [{ name: 'Australia', region: 'APAC', tld: 'com.au', legal: 'Pty Ltd', phone: '+61', currencies: [['USD', 2], ['AUD', 1]] }, 6],
  [{ name: 'Singapore', region: 'APAC', tld: 'sg', legal: 'Pte Ltd', phone: '+65', currencies: [['USD', 1]] }, 4],
  [{ name: 'Japan', region: 'APAC', tld: 'jp', legal: 'K.K.', phone: '+81', currencies: [['USD', 1]] }, 2],
  [{ name: 'India', region: 'APAC', tld: 'in', legal: 'Pvt Ltd', phone: '+91', currencies: [['USD', 1]] }, 3],
  [{ name: 'Brazil', region: 'LATAM', tld: 'com.br', legal: 'Ltda', phone: '+55', currencies: [['USD', 2], ['BRL', 1]] }, 5],
  [{ name: 'Mexico', region: 'LATAM', tld: 'mx', legal: 'S.A. de C.V.', phone: '+52', currencies: [['USD', 1]] }, 3],
  [{ name: 'Chile', region: 'LATAM', tld: 'cl', legal: 'SpA', phone: '+56', currencies: [['USD', 1]] }, 2],
];

const FIRST_NAMES = [
  'Anna', 'Ben', 'Carla', 'David', 'Elena', 'Farid', 'Grace', 'Hiro', 'Isabel', 'Jonas', 'Keiko', 'Liam', 'Maya', 'Nikhil',
  'Olivia', 'Pablo', 'Quinn', 'Rosa', 'Samuel', 'Tara', 'Umar', 'Valentina', 'Wei', 'Ximena', 'Yusuf', 'Zoë', 'Amelia',
  'Bruno', 'Chloé', 'Daniel', 'Emma', 'Felix', 'Greta', 'Hannah', 'Ivan', 'Julia', 'Kai', 'Lucía', 'Marcus', 'Nora',
  'Oskar', 'Priya', 'Rafael', 'Sofia', 'Thomas', 'Ursula', 'Victor', 'Yara',
];

const LAST_NAMES = [
  'Andersen', 'Becker', 'Costa', 'Dubois', 'Evans', 'Fischer', 'García', 'Hughes', 'Ibrahim', 'Jensen', 'Kowalski',
  'Lindqvist', 'Martins', 'Nakamura', 'O’Brien', 'Patel', 'Quintero', 'Rossi', 'Schmidt', 'Tanaka', 'Usman', 'Varga',
  'Walsh', 'Yamamoto', 'Zimmermann', 'Ahmed', 'Bianchi', 'Chen', 'Dimitrov', 'Eriksson', 'Fernández', 'Gupta', 'Haddad',
  'Ivanova', 'Johansson', 'Kim', 'Lopez', 'Müller', 'Novak', 'Okafor', 'Petrov', 'Reyes', 'Silva', 'Thompson', 'Weber',
];

const CONTACT_ROLES: readonly (readonly string[])[] = [
  ['Alliance Manager', 'Head of Partnerships', 'Managing Director', 'CEO', 'Channel Manager'],
  ['Sales Director', 'VP Sales', 'Head of Sales', 'Account Director'],
  ['Technical Lead', 'Solutions Architect', 'Marketing Manager', 'Pre-sales Engineer', 'Practice Lead'],
];

const VENDOR_TECHNICAL = ['Sven Olsen', 'Mei Lin', 'Rahul Mehta', 'Claire Fontaine', 'Jorge Ramírez'];
const VENDOR_MARKETING = ['Sarah Kim', 'Tom Becker', 'Aisha Bello', 'Lena Hoffmann'];
const VENDOR_FIELD = ['Patrick Doyle', 'Nina Kovač', 'Owen Price'];

const TAGS = ['cloud', 'security', 'smb', 'enterprise', 'public-sector', 'healthcare', 'financial-services', 'manufacturing', 'retail', 'strategic'];

const ACCOUNT_STEMS = [
  'Harbor', 'Alpine', 'Meridian', 'Crescent', 'Atlas', 'Pioneer', 'Riverside', 'Sunrise', 'Blue Ridge', 'Orion', 'Keystone',
  'Lakeside', 'Metro', 'Northfield', 'Pacific', 'Summit', 'Union', 'Westfield', 'Greenway', 'Silverline', 'Bayview', 'Cornerstone',
];
const ACCOUNT_KINDS = [
  'Health Group', 'Logistics', 'Bank', 'Insurance', 'Manufacturing', 'Retail Group', 'University', 'City Council', 'Energy',
  'Foods', 'Hotels', 'Pharma', 'Telecom', 'Airlines', 'Motors', 'Credit Union', 'Media', 'Construction',
];

const CHECKIN_NOTES = [
  'Walked through the pipeline; two opportunities moving to proposal.',
  'Reviewed certification progress; sales team halfway through the core track.',
  'Agreed the first co-marketing webinar for next month.',
  'Partner wants more technical enablement before the first customer demo.',
  'Discussed target account list; added three accounts from the partner’s installed base.',
  'Portal access issues resolved; deal registration now working for the whole team.',
  'MDF request drafted for the regional roadshow.',
  'Good momentum: first joint customer call booked.',
  'Revisited the business plan goals; revenue target for the quarter still realistic.',
  'New sales hire at the partner needs onboarding to the portal and training.',
];

const BLOCKERS = [
  'Sales team has not started the core certification yet.',
  'Waiting on the partner’s finance team for commission details.',
  'Key contact on leave; no decisions until they are back.',
  'Partner is prioritising a competing vendor’s campaign this quarter.',
  'Demo environment still not provisioned.',
  'Pricing for the bundled service not agreed internally at the partner.',
];

const DECISIONS = [
  'Focus the first 90 days on the mid-market segment.',
  'Partner nominates one technical champion for the certification track.',
  'Joint webinar in week 6, vendor provides the content.',
  'Deal registration goes through the portal only, no email registrations.',
  'Monthly pipeline review moves to the first Tuesday of the month.',
];

const ACTION_ITEMS: readonly (readonly [string, OwnerSide])[] = [
  ['Send the partner welcome kit and brand guidelines', 'vendor'],
  ['Share the list of first target accounts', 'partner'],
  ['Book the technical deep-dive with the SE team', 'vendor'],
  ['Confirm attendees for the certification bootcamp', 'partner'],
  ['Send the co-branded email template', 'vendor'],
  ['Register the first opportunity in the portal', 'partner'],
  ['Draft the MDF request for the roadshow', 'partner'],
  ['Introduce the regional distributor contact', 'vendor'],
];

const CUSTOM_TASKS: readonly (readonly [string, TaskCategory, OwnerSide])[] = [
  ['Send updated price list and discount schedule', 'sales', 'vendor'],
  ['Share demo environment credentials', 'systems', 'vendor'],
  ['Introduce the regional distributor contact', 'team', 'vendor'],
  ['Confirm attendees for the certification bootcamp', 'training', 'partner'],
  ['Draft a joint customer case study', 'marketing', 'partner'],
  ['Prepare account plans for the top three target accounts', 'sales', 'partner'],
  ['Review the MDF claim for the webinar', 'marketing', 'vendor'],
  ['Update the partner profile on the partner locator', 'marketing', 'partner'],
  ['Schedule a technical deep-dive with the SE team', 'training', 'vendor'],
  ['Send the co-branded email template', 'marketing', 'vendor'],
  ['Register the next opportunity in the portal', 'sales', 'partner'],
  ['Fix portal login for the new sales rep', 'systems', 'vendor'],
  ['Nominate a second technical contact', 'team', 'partner'],
  ['Agree pricing for the managed service bundle', 'sales', 'partner'],
  ['Add renewal dates to the pipeline review', 'sales', 'partner'],
  ['Follow up on the NDA for the joint roadmap session', 'legal', 'vendor'],
];

const PSAT_COMMENTS: Record<number, readonly string[]> = {
  1: ['Onboarding felt disorganised and we rarely heard from the vendor.', 'Too many systems, too little help.'],
  2: ['Training was too generic for our business.', 'Hard to get answers on pricing and deal registration.'],
  3: ['Useful kick-off, but the follow-up was slow.', 'Good content; we need more technical enablement.'],
  4: ['Clear plan and a responsive partner manager.', 'The certification track was well organised.'],
  5: ['Excellent onboarding, we closed our first deal quickly.', 'Best vendor onboarding we have been through.'],
};

const KICKOFF_AGENDA: readonly (readonly [string, number])[] = [
  ['Introductions and team contacts', 10],
  ['Expectations and success definition', 10],
  ['30-60-90 day roadmap', 15],
  ['Systems access check', 5],
  ['Training plan', 10],
  ['First target accounts', 10],
  ['Next steps', 5],
];
const CHECKIN_AGENDA: readonly (readonly [string, number])[] = [
  ['Progress on plan goals', 10],
  ['Blockers', 10],
  ['Next steps', 5],
];
const PLANNING_AGENDA: readonly (readonly [string, number])[] = [
  ['Objectives', 15],
  ['30-60-90 day goals', 20],
  ['Target accounts', 20],
  ['Initiatives and MDF', 15],
  ['Revenue targets by quarter', 10],
  ['Risks and mitigations', 10],
];
const REVIEW_AGENDA: readonly (readonly [string, number])[] = [
  ['Results against plan', 20],
  ['Pipeline review', 15],
  ['Enablement and certifications', 10],
  ['Plan refresh for next quarter', 15],
];

/** Courses backing the journey's training tasks. */
const COURSES: Record<string, { course: string; required: boolean; technical: boolean }> = {
  'product-training': { course: 'Product Fundamentals', required: false, technical: false },
  'core-certification': { course: 'Core Sales Certification', required: true, technical: false },
  'technical-certification': { course: 'Technical Pre-sales Certification', required: true, technical: true },
  'referral-certification': { course: 'Referral Partner Certification', required: true, technical: false },
  'delivery-consultants-trained': { course: 'Implementation Specialist', required: true, technical: true },
  'advanced-training': { course: 'Advanced Solution Architecture', required: false, technical: true },
};

// ---------------------------------------------------------------------------------------------
// Partners

type Health = 'healthy' | 'struggling' | 'churned' | 'recruited';

type Profile = {
  partner: Partner;
  /** Journey day today (negative before Day 0). */
  day: number;
  day0Index: number;
  health: Health;
  /** Last journey day the partner was active (churn day for churned partners). */
  lastDay: number;
  country: Country;
  primaryContact: string;
  technicalContact: string;
  technicalVendor: string;
  marketingVendor: string;
  /** One of the program-history partners (see DemoSize.history). */
  history: boolean;
};

/**
 * The first partners are placed by hand so every demo, however small, shows every phase and
 * status: signed today, 3, 20, 60, 120 and 300 days ago, a future signing, struggling ones and
 * two churned ones. The rest are spread at random over the last ~14 months.
 */
const FIXED: readonly (readonly [number, Health])[] = [
  [0, 'healthy'],
  [3, 'healthy'],
  [20, 'healthy'],
  [60, 'healthy'],
  [120, 'healthy'],
  [300, 'healthy'],
  [-12, 'recruited'],
  [75, 'struggling'],
  [24, 'struggling'],
  [210, 'churned'],
  [160, 'churned'],
  [45, 'healthy'],
  [12, 'healthy'],
  [150, 'struggling'],
];

function randomDay(rng: Rng): number {
  const band = rng.weighted<readonly [number, number]>([
    [[-30, -1], 4],
    [[0, 7], 10],
    [[8, 30], 18],
    [[31, 90], 26],
    [[91, 420], 42],
  ]);
  return rng.int(band[0], band[1]);
}

function asciiSlug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function personEmail(name: string, domain: string): string {
  const [first = '', ...rest] = name.split(' ');
  return `${asciiSlug(first)}.${asciiSlug(rest.join(''))}@${domain}`;
}

function phoneNumber(country: Country, rng: Rng): string {
  return `${country.phone} ${rng.int(20, 99)} ${rng.int(100, 999)} ${rng.int(1000, 9999)}`;
}

function makePartners(rng: Rng, count: number, todayIndex: number, ownerEmail: string, ownerName: string, historyCount = 0): Profile[] {
  const vendorDomain = ownerEmail.split('@')[1] ?? 'example.com';
  const usedNames = new Set<string>();
  const usedDomains = new Set<string>();
  const usedStems = new Set<string>();
  const profiles: Profile[] = [];
  for (let i = 0; i < count; i += 1) {
    const fixed = FIXED[i];
    const history = !fixed && i >= count - historyCount;
    let day: number;
    let health: Health;
    if (fixed) {
      [day, health] = fixed;
    } else if (history) {
      day = rng.int(120, 540);
      health = rng.weighted<Health>([['healthy', 60], ['struggling', 28], ['churned', 12]]);
    } else {
      day = randomDay(rng);
      health = day < 0 ? 'recruited' : day >= 120 && rng.chance(0.05) ? 'churned' : day >= 10 && rng.chance(0.2) ? 'struggling' : 'healthy';
    }
    const type: PartnerType = i < PARTNER_TYPES.length ? PARTNER_TYPES[i] ?? 'reseller' : rng.weighted([['reseller', 30], ['msp', 22], ['si', 20], ['isv', 15], ['referral', 13]]);
    const maturity: Maturity = rng.chance(0.45) ? 'experienced' : 'new';
    const country = rng.weighted(COUNTRIES);

    let base = '';
    // Distinct stems while they last, so a small portfolio has no two "Kestrel …" partners.
    const freshStems = usedStems.size < NAME_STEMS.length;
    for (let attempt = 0; attempt < 500; attempt += 1) {
      const stem = rng.pick(NAME_STEMS);
      if (freshStems && usedStems.has(stem)) continue;
      const words = [stem];
      if (type !== 'referral' && rng.chance(0.25)) words.push(rng.pick(NAME_MIDDLES));
      words.push(rng.pick(NAME_ENDINGS[type]));
      const candidate = words.join(' ');
      if (!usedNames.has(candidate.toLowerCase()) && !usedDomains.has(asciiSlug(candidate))) {
        base = candidate;
        usedStems.add(stem);
        break;
      }
    }
    if (base === '') base = `${rng.pick(NAME_STEMS)} ${rng.pick(NAME_ENDINGS[type])} ${i + 1}`;
    usedNames.add(base.toLowerCase());
    usedDomains.add(asciiSlug(base));
    const name = rng.chance(0.2) ? `${base} ${country.legal}` : base;
    const domain = `${asciiSlug(base)}.${country.tld}`;

    const contactCount = rng.weighted([[1, 3], [2, 4], [3, 3]]);
    const contacts: Contact[] = [];
    const contactNames = new Set<string>();
    for (let c = 0; c < contactCount; c += 1) {
      let person = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
      while (contactNames.has(person)) person = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
      contactNames.add(person);
      contacts.push({
        id: rng.id(),
        name: person,
        role: rng.pick(CONTACT_ROLES[c] ?? CONTACT_ROLES[0] ?? ['Contact']),
        email: personEmail(person, domain),
        phone: phoneNumber(country, rng),
      });
    }

    const technicalVendor = rng.pick(VENDOR_TECHNICAL);
    const marketingVendor = rng.pick(VENDOR_MARKETING);
    const team: TeamMember[] = [
      { id: rng.id(), name: ownerName, email: ownerEmail, role: 'partner_manager' },
      { id: rng.id(), name: technicalVendor, email: personEmail(technicalVendor, vendorDomain), role: 'technical' },
      { id: rng.id(), name: marketingVendor, email: personEmail(marketingVendor, vendorDomain), role: 'marketing' },
    ];
    if (rng.chance(0.25)) {
      const field = rng.pick(VENDOR_FIELD);
      team.push({ id: rng.id(), name: field, email: personEmail(field, vendorDomain), role: 'field' });
    }

    const day0Index = todayIndex - day;
    const lastDay = health === 'churned' ? rng.int(Math.min(60, day - 10), day - 10) : day;
    const status: PartnerStatus =
      health === 'recruited' ? 'recruited' : health === 'churned' ? 'churned' : health === 'struggling' ? 'at_risk' : day > 90 ? 'active' : 'onboarding';
    // A first guess only: settleDemoTiers replaces it from the partner's actual data. Still drawn so
    // that everything after it stays the same for a seed.
    const tier =
      maturity === 'experienced'
        ? rng.weighted([['Registered', 15], ['Silver', 35], ['Gold', 35], ['Platinum', 15]])
        : rng.weighted([['Registered', 50], ['Silver', 35], ['Gold', 15]]);
    const createdIndex = Math.min(todayIndex, day0Index) - rng.int(2, 30);
    const template = journeyTemplateFor(type, maturity);
    const tags: string[] = [];
    for (let t = rng.int(0, 2); t > 0; t -= 1) {
      const tag = rng.pick(TAGS);
      if (!tags.includes(tag)) tags.push(tag);
    }
    const updatedIndex = health === 'churned' ? day0Index + lastDay : Math.min(todayIndex, Math.max(createdIndex, day0Index));

    const partner: Partner = {
      id: rng.id(),
      createdAt: stampOn(fromDayIndex(createdIndex), rng),
      updatedAt: '',
      name,
      type,
      maturity,
      tier,
      region: `${country.region} / ${country.name}`,
      website: `https://www.${domain}`,
      ownerEmail,
      contacts,
      team,
      day0: fromDayIndex(day0Index),
      status,
      tags,
      templateId: template.id,
    };
    partner.updatedAt = updatedIndex === createdIndex ? partner.createdAt : stampOn(fromDayIndex(updatedIndex), rng);
    if (health === 'churned') partner.churnedOn = fromDayIndex(day0Index + lastDay);
    if (rng.chance(0.08)) partner.checkinCadenceDays = rng.pick([10, 14, 21]);

    const technical = contacts.find((c) => /Technical|Architect|Engineer|Practice/.test(c.role)) ?? contacts[contacts.length - 1];
    profiles.push({
      partner,
      day,
      day0Index,
      health,
      lastDay,
      country,
      primaryContact: contacts[0]?.name ?? name,
      technicalContact: technical?.name ?? name,
      technicalVendor,
      marketingVendor,
      history,
    });
  }
  return profiles;
}

// ---------------------------------------------------------------------------------------------
// Tasks

/**
 * Plausible task states from how far along the partner is: steps due well in the past are
 * mostly done (completed within a few days of the due date), recent ones about half done, a few
 * future ones done early; struggling partners leave many past steps open (so they show overdue);
 * churned partners stopped working at their churn day; optional steps are occasionally marked
 * not applicable. Completion dates never fall after today or before Day 0.
 */
function settleTask(task: Task, profile: Profile, rng: Rng, ownerName: string): void {
  const { day, health, lastDay } = profile;
  const o = task.dueOffset;
  task.ownerName =
    task.ownerSide === 'partner'
      ? task.category === 'training' || task.category === 'systems'
        ? profile.technicalContact
        : profile.primaryContact
      : task.category === 'marketing'
        ? profile.marketingVendor
        : task.category === 'training'
          ? profile.technicalVendor
          : ownerName;
  if (health === 'recruited' || day < 0) return;

  const horizon = health === 'churned' ? lastDay : day;
  let pDone: number;
  // Day 0 is the contract signing date: the agreement is signed by definition.
  if (task.key === 'agreement-signed') {
    markDone(task, fromDayIndex(profile.day0Index), rng);
    return;
  }
  const age = horizon - o;
  if (age >= 3) {
    // Real portfolios carry few ancient open steps: even a struggling partner finished its
    // pre-boarding and stalled recently, so overdue work is mostly from the last month or two.
    pDone =
      health === 'healthy'
        ? age > 30 ? 1 : 0.93
        : health === 'churned'
          ? 0.55
          : o < 8 ? 1 : age > 60 ? 0.97 : 0.3;
  } else if (o <= horizon) {
    pDone = health === 'healthy' ? 0.6 : 0.2;
  } else if (o <= horizon + 14 && health === 'healthy') {
    pDone = 0.1;
  } else {
    pDone = 0;
  }
  if (!task.required && o <= horizon && rng.chance(0.04)) {
    task.status = 'not_applicable';
    task.updatedAt = stampOn(fromDayIndex(profile.day0Index + clamp(o, 0, horizon)), rng);
    return;
  }
  if (!rng.chance(pDone)) return;
  let doneDay = o > horizon ? rng.int(Math.max(0, horizon - 5), horizon) : clamp(o + rng.int(-4, 3), 0, horizon);
  // A history partner that struggled or churned fell behind early: onboarding steps finished weeks late.
  if (profile.history && health !== 'healthy' && o >= 8 && o <= 90) doneDay = Math.min(horizon, doneDay + rng.int(15, 45));
  const completedOn = fromDayIndex(profile.day0Index + doneDay);
  task.status = 'done';
  task.completedOn = completedOn;
  task.updatedAt = stampOn(completedOn, rng);
  if (task.updatedAt < task.createdAt) task.updatedAt = task.createdAt;
}

function markDone(task: Task | undefined, date: IsoDate, rng: Rng): void {
  if (!task) return;
  task.status = 'done';
  task.completedOn = date;
  const stamp = stampOn(date, rng);
  task.updatedAt = stamp < task.createdAt ? task.createdAt : stamp;
}

function markOpen(task: Task | undefined): void {
  if (!task || task.status !== 'done') return;
  task.status = 'open';
  delete task.completedOn;
  task.updatedAt = task.createdAt;
}

function customTask(profile: Profile, order: number, rng: Rng, ownerName: string, serial: number): Task {
  const [title, category, ownerSide] = rng.pick(CUSTOM_TASKS);
  const source: TaskSource = rng.weighted([['custom', 4], ['checkin', 3], ['kickoff', 1], ['plan', 2]]);
  const horizon = profile.health === 'churned' ? profile.lastDay : Math.max(profile.day, 0);
  const dueOffset = rng.int(Math.min(1, horizon + 1), horizon + 21);
  const createdDay = clamp(dueOffset - rng.int(5, 14), 0, Math.max(horizon, 0));
  const createdAt = stampOn(fromDayIndex(profile.day0Index + createdDay), rng);
  const guidance =
    source === 'kickoff'
      ? 'Action item from the kick-off call.'
      : source === 'checkin'
        ? 'Action item agreed in a check-in.'
        : source === 'plan'
          ? 'Step from the joint business plan.'
          : '';
  const task: Task = {
    id: rng.id(),
    createdAt,
    updatedAt: createdAt,
    partnerId: profile.partner.id,
    phase: phaseForDay(dueOffset),
    category,
    title,
    guidance,
    key: `custom-${serial}`,
    dueOffset,
    dueDate: fromDayIndex(profile.day0Index + dueOffset),
    ownerSide,
    ownerName: '',
    required: false,
    status: 'open',
    source,
    order,
  };
  settleTask(task, profile, rng, ownerName);
  // An item cannot be finished before it was written down.
  if (task.completedOn !== undefined && task.completedOn < createdAt.slice(0, 10)) {
    task.completedOn = createdAt.slice(0, 10);
    task.updatedAt = createdAt;
  }
  return task;
}

// ---------------------------------------------------------------------------------------------
// Meetings

/**
 * A meeting that could be generated. When the size asks for fewer meetings than the journeys
 * suggest, lower priorities are kept first: 0 kick-offs, 1 each partner's latest check-in (so
 * healthy partners are not all flagged for missing check-ins), 2 the next scheduled check-in,
 * 3 older check-ins, planning sessions and reviews, 4 ad-hoc extras.
 */
type MeetingCandidate = { profile: Profile; kind: MeetingKind; day: number; priority: number; sortKey: number };

/** Check-in spacing by journey day: weekly to day 30, fortnightly to day 90, monthly after. */
function cadence(day: number, override: number | undefined): number {
  if (override) return override;
  return day < 30 ? 7 : day < 90 ? 14 : 30;
}

function naturalMeetings(profile: Profile, rng: Rng): MeetingCandidate[] {
  const out: MeetingCandidate[] = [];
  const { day, health, lastDay } = profile;
  const add = (kind: MeetingKind, d: number, priority: number): void => {
    out.push({ profile, kind, day: d, priority, sortKey: rng.next() });
  };
  const kickoffDay = rng.int(2, 6);
  if (day < 0) {
    if (day + 14 >= 0) add('kickoff', kickoffDay, 0);
    return out;
  }
  add('kickoff', kickoffDay, 0);
  if (day < kickoffDay) return out;
  // Struggling partners have let check-ins slip: the last one was three to five weeks ago.
  const stop = health === 'churned' ? lastDay : health === 'struggling' ? day - rng.int(20, 35) : day;
  let d = kickoffDay + 7 + rng.int(-1, 1);
  let latest: MeetingCandidate | undefined;
  while (d < stop) {
    add('checkin', d, 3);
    latest = out[out.length - 1];
    d += cadence(d, profile.partner.checkinCadenceDays) + rng.int(-2, 2);
  }
  if (latest) latest.priority = 1;
  if (health !== 'churned') add('checkin', Math.max(d, day + 1), 2);
  if (Math.min(day, lastDay) >= 25) add('planning', rng.int(20, 28), 3);
  for (let r = 120; r <= Math.min(day, lastDay); r += 90) add('review', r + rng.int(-3, 3), 3);
  return out;
}

function agendaFrom(items: readonly (readonly [string, number])[], done: boolean, rng: Rng): AgendaItem[] {
  return items.map(([title, plannedMinutes]) => ({
    id: rng.id(),
    title,
    plannedMinutes,
    elapsedSeconds: done ? Math.round(plannedMinutes * 60 * (0.7 + rng.next() * 0.6)) : 0,
    notes: done && rng.chance(0.4) ? rng.pick(CHECKIN_NOTES) : '',
    done,
  }));
}

function buildMeeting(c: MeetingCandidate, todayIndex: number, rng: Rng, ownerName: string): Meeting {
  const { profile, kind } = c;
  const dateIndex = profile.day0Index + c.day;
  const scheduledOn = fromDayIndex(dateIndex);
  const past = dateIndex < todayIndex;
  const status: MeetingStatus = past ? (kind === 'checkin' && rng.chance(0.04) ? 'cancelled' : 'done') : 'scheduled';
  const done = status === 'done';
  const struggling = profile.health !== 'healthy';
  const agendaItems = kind === 'kickoff' ? KICKOFF_AGENDA : kind === 'planning' ? PLANNING_AGENDA : kind === 'review' ? REVIEW_AGENDA : CHECKIN_AGENDA;
  const title =
    kind === 'kickoff'
      ? `Kick-off call — ${profile.partner.name}`
      : kind === 'planning'
        ? 'Joint business planning session'
        : kind === 'review'
          ? 'Quarterly business review'
          : 'Check-in';
  const createdIndex = Math.min(dateIndex - rng.int(3, 10), todayIndex);
  const createdAt = stampOn(fromDayIndex(Math.max(createdIndex, profile.day0Index - 14)), rng);
  const attendees = [ownerName, ...profile.partner.contacts.slice(0, kind === 'checkin' ? 1 : 3).map((p) => p.name)];
  if (kind !== 'checkin') attendees.push(profile.technicalVendor);

  const meeting: Meeting = {
    id: rng.id(),
    createdAt,
    updatedAt: createdAt,
    partnerId: profile.partner.id,
    kind,
    status,
    title,
    scheduledOn,
    attendees,
    agenda: agendaFrom(agendaItems, done, rng),
    notes: '',
    decisions: [],
    actionItems: [],
    blockers: '',
  };
  if (done) {
    const startHour = rng.int(8, 15);
    const minutes = agendaItems.reduce((s, [, m]) => s + m, 0) + rng.int(-5, 15);
    const start = Date.parse(`${scheduledOn}T${pad(startHour)}:${pad(rng.pick([0, 30]))}:00.000Z`);
    meeting.startedAt = new Date(start).toISOString();
    meeting.endedAt = new Date(start + minutes * 60_000).toISOString();
    meeting.updatedAt = meeting.endedAt;
    meeting.notes = rng.pick(CHECKIN_NOTES);
    if (kind !== 'checkin' || rng.chance(0.3)) {
      meeting.decisions = [{ id: rng.id(), text: rng.pick(DECISIONS) }];
    }
    const actionCount = kind === 'kickoff' ? rng.int(2, 3) : rng.int(0, 2);
    const actions: ActionItem[] = [];
    for (let a = 0; a < actionCount; a += 1) {
      const [text, ownerSide] = rng.pick(ACTION_ITEMS);
      actions.push({
        id: rng.id(),
        text,
        ownerSide,
        ownerName: ownerSide === 'vendor' ? ownerName : profile.primaryContact,
        dueDate: fromDayIndex(dateIndex + rng.int(5, 14)),
      });
    }
    meeting.actionItems = actions;
    if (kind === 'checkin') {
      meeting.sentiment = struggling ? rng.weighted([[1, 2], [2, 4], [3, 3], [4, 1]]) : rng.weighted([[3, 2], [4, 5], [5, 3]]);
      if (struggling || rng.chance(0.25)) meeting.blockers = rng.pick(BLOCKERS);
      meeting.nextCheckinOn = fromDayIndex(dateIndex + cadence(c.day, profile.partner.checkinCadenceDays));
    }
  } else if (status === 'cancelled') {
    meeting.notes = 'Cancelled by the partner; moved to the next slot.';
    meeting.updatedAt = stampOn(fromDayIndex(Math.min(dateIndex, todayIndex)), rng);
  }
  if (meeting.updatedAt < meeting.createdAt) meeting.updatedAt = meeting.createdAt;
  return meeting;
}

function pickMeetings(profiles: readonly Profile[], target: number, rng: Rng): MeetingCandidate[] {
  const candidates = profiles.flatMap((p) => naturalMeetings(p, rng));
  // Not enough natural meetings (large sizes): extra ad-hoc check-ins and planning sessions on
  // random past days of partners already past their kick-off.
  const active = profiles.filter((p) => p.day >= 8 && p.health !== 'recruited');
  while (candidates.length < target && active.length > 0) {
    const profile = rng.pick(active);
    const top = Math.min(profile.day, profile.lastDay) - 1;
    candidates.push({ profile, kind: rng.chance(0.8) ? 'checkin' : 'planning', day: rng.int(7, Math.max(7, top)), priority: 4, sortKey: rng.next() });
  }
  candidates.sort((a, b) => a.priority - b.priority || a.sortKey - b.sortKey);
  return candidates.slice(0, target);
}

// ---------------------------------------------------------------------------------------------
// Deals

function dealWeight(p: Profile): number {
  if (p.health === 'recruited' || p.day < 30) return 0;
  if (p.health === 'struggling') return p.day >= 120 ? 0.4 : 0;
  if (p.health === 'churned') return p.lastDay >= 40 ? 0.4 : 0;
  return 1 + Math.min(p.day, 400) / 60;
}

function makeDeal(p: Profile, todayIndex: number, rng: Rng, notBefore?: number): Deal {
  const end = Math.min(p.day, p.lastDay);
  // Healthy history partners mostly registered a first deal during onboarding.
  const registeredDay =
    notBefore !== undefined && notBefore <= end
      ? rng.int(notBefore, end)
      : p.history && p.health === 'healthy' && rng.chance(0.5)
        ? rng.int(25, Math.min(end, 85))
        : rng.int(Math.min(25, end), end);
  const registeredIndex = p.day0Index + registeredDay;
  const age = todayIndex - registeredIndex;
  const stage: DealStage =
    age < 14
      ? rng.weighted([['registered', 7], ['approved', 3]])
      : age < 45
        ? rng.weighted([['registered', 2], ['approved', 5], ['won', 2], ['lost', 1]])
        : rng.weighted([['won', 55], ['lost', 25], ['approved', 20]]);
  const source: DealSource = p.partner.type === 'referral' ? (rng.chance(0.8) ? 'influenced' : 'sourced') : rng.chance(0.75) ? 'sourced' : 'influenced';
  const amount = Math.round(Math.exp(Math.log(5_000) + rng.next() * (Math.log(250_000) - Math.log(5_000))) / 500) * 500;
  const registeredOn = fromDayIndex(registeredIndex);
  const createdAt = stampOn(registeredOn, rng);
  const deal: Deal = {
    id: rng.id(),
    createdAt,
    updatedAt: createdAt,
    partnerId: p.partner.id,
    account: `${rng.pick(ACCOUNT_STEMS)} ${rng.pick(ACCOUNT_KINDS)}`,
    amount,
    currency: rng.weighted(p.country.currencies),
    stage,
    registeredOn,
    source,
  };
  if (stage === 'won' || stage === 'lost') {
    const closedOn = fromDayIndex(Math.min(todayIndex, registeredIndex + rng.int(10, Math.max(10, Math.min(age, 120)))));
    deal.closedOn = closedOn;
    deal.updatedAt = stampOn(closedOn, rng);
  } else if (stage === 'approved') {
    deal.updatedAt = stampOn(fromDayIndex(Math.min(todayIndex, registeredIndex + rng.int(1, 5))), rng);
  }
  if (deal.updatedAt < deal.createdAt) deal.updatedAt = deal.createdAt;
  return deal;
}

// ---------------------------------------------------------------------------------------------

/** How late a current partner's oldest open step may be, in days (see "Believable lateness"). */
export const LATE_CAP_DAYS = { healthy: 14, struggling: 75 } as const;

/** Journey steps whose state follows a meeting, a deal or a survey. */
const LINKED_TASKS = new Set(['kickoff-call', 'first-deal', 'psat-day90']);

/**
 * Healthy partners finished anything due more than two weeks ago (a few days after it was
 * due), struggling ones anything due more than ~10 weeks ago (weeks late). Churned and recruited
 * partners, and the steps tied to a meeting, a deal or a survey, are left as they are.
 */
function capLateness(task: Task, profile: Profile, todayIndex: number, rng: Rng): void {
  if (profile.health !== 'healthy' && profile.health !== 'struggling') return;
  if (task.status !== 'open' || LINKED_TASKS.has(task.key)) return;
  const healthy = profile.health === 'healthy';
  const dueIndex = profile.day0Index + task.dueOffset;
  if (todayIndex - dueIndex <= (healthy ? LATE_CAP_DAYS.healthy : LATE_CAP_DAYS.struggling)) return;
  const doneIndex = clamp(dueIndex + (healthy ? rng.int(0, 5) : rng.int(10, 40)), Math.max(profile.day0Index, toDayIndex(task.createdAt.slice(0, 10))), todayIndex);
  markDone(task, fromDayIndex(doneIndex), rng);
}

/**
 * A realistic, deterministic portfolio for demos and benchmarks. The same seed, `today` and size
 * always give the same documents (ids included). Rules it keeps:
 * - partner names and web domains are unique; every partner type appears once there are at least
 *   five partners, and the first fourteen partners cover every phase (signed today, 3, 20, 60, 120,
 *   300 days ago), a future signing (`recruited`), struggling (`at_risk`) and churned partners;
 * - journeys come from `generateJourney` with the partner's built-in template, their task states
 *   follow the partner's progress (see `settleTask`), and the kick-off, first-deal and day-90 PSAT
 *   tasks agree with the meetings, deals and surveys generated;
 * - meetings, deals and (when `totalTasks` is set) tasks match the size exactly, as long as some
 *   partner is past its first week (meetings) or past ~day 25 (deals) — a one-partner portfolio
 *   signed today gets just its scheduled kick-off;
 * - deals only for partners past ~day 25, never dated after `today`, closed on or after
 *   registration; trainings for partners past day 8, PSAT surveys for partners past day 90;
 * - every document validates against its collection schema.
 */
/** Of the partners whose tier we settle, the share left awaiting a promotion / a demotion. */
const PENDING_PROMOTION = 0.1;
const PENDING_DEMOTION = 0.04;
/** At most this many of each move to decide, whatever the draw. */
const MAX_PENDING = 4;

/**
 * Tiers that follow the demo's data, as a program that has run tier reviews for a while would
 * have them: most partners hold the tier the default definition recommends today; a few qualify
 * for the next one (a promotion to decide) or no longer meet theirs (a demotion to decide). A
 * partner above the lowest tier got there through approved promotions over the past months
 * (`tierHistory`), some after a first rejection, so the tier-distribution chart tells a story.
 */
function settleDemoTiers(profiles: readonly Profile[], records: { deals: Deal[]; trainings: Training[]; surveys: Survey[] }, today: IsoDate, rng: Rng, decidedBy: string): void {
  const names = DEFAULT_TIER_DEFINITION.tiers.map((t) => t.name);
  const byPartner = <T extends { partnerId: string }>(docs: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const d of docs) map.set(d.partnerId, [...(map.get(d.partnerId) ?? []), d]);
    return map;
  };
  const deals = byPartner(records.deals);
  const trainings = byPartner(records.trainings);
  const surveys = byPartner(records.surveys);
  const todayIndex = toDayIndex(today);
  // Promotions happen between day 60 and three weeks ago, within the last 18 months.
  const span = (profile: Profile) => ({ first: Math.max(profile.day0Index + 60, todayIndex - 540), last: todayIndex - 21 });
  const settled: { profile: Profile; recommended: number }[] = [];
  for (const profile of profiles) {
    const partner = profile.partner;
    // Churned partners keep their last tier; partners not signed yet start at the lowest one.
    if (partner.status === 'churned') continue;
    if (profile.day < 0) {
      partner.tier = names[0] ?? partner.tier;
      continue;
    }
    const facts = { partner: { ...partner, tier: names[0] ?? '' }, trainings: trainings.get(partner.id) ?? [], deals: deals.get(partner.id) ?? [], surveys: surveys.get(partner.id) ?? [], today };
    settled.push({ profile, recommended: Math.max(0, tierIndex(DEFAULT_TIER_DEFINITION, recommendTier(DEFAULT_TIER_DEFINITION, facts).recommendedTier)) });
  }
  // A few of each move left to decide, at least one when any partner can make it: a promotion for
  // a partner that earns more than the lowest tier, a demotion for one past onboarding (a partner
  // still onboarding keeps its tier) that was promoted once and no longer meets it.
  const pick = (candidates: typeof settled, share: number): Set<Profile> => {
    const chosen = new Set(candidates.filter(() => rng.chance(share)).slice(0, MAX_PENDING).map((c) => c.profile));
    if (chosen.size === 0 && candidates.length > 0) chosen.add(rng.pick(candidates).profile);
    return chosen;
  };
  const promote = pick(settled.filter((c) => c.recommended > 0), PENDING_PROMOTION);
  const demote = pick(
    settled.filter((c) => !promote.has(c.profile) && c.recommended < names.length - 1 && c.profile.partner.status !== 'onboarding' && span(c.profile).first < span(c.profile).last),
    PENDING_DEMOTION,
  );
  for (const { profile, recommended } of settled) {
    const partner = profile.partner;
    const held = promote.has(profile) ? recommended - 1 : demote.has(profile) ? recommended + 1 : recommended;
    partner.tier = names[held] ?? partner.tier;
    if (held === 0) continue;
    const { first, last } = span(profile);
    if (first >= last) {
      // Too new to have been promoted yet: it still holds the lowest tier (a promotion to decide).
      partner.tier = names[0] ?? partner.tier;
      continue;
    }
    const days = Array.from({ length: held }, () => rng.int(first, last)).sort((x, y) => x - y);
    const history: TierDecision[] = [];
    days.forEach((dayIndex, step) => {
      const fromTier = names[step] ?? '';
      const toTier = names[step + 1] ?? '';
      // Now and then the first recommendation was turned down, and approved at the next review.
      if (dayIndex - 45 > first && rng.chance(0.2)) {
        history.push({ id: rng.id(), fromTier, toTier, outcome: 'rejected', reasons: [`qualifies for ${toTier}`], note: 'Wait for one more quarter of won deals.', decidedBy, decidedAt: stampOn(fromDayIndex(dayIndex - 45), rng) });
      }
      history.push({ id: rng.id(), fromTier, toTier, outcome: 'approved', reasons: [`qualifies for ${toTier}`], note: '', decidedBy, decidedAt: stampOn(fromDayIndex(dayIndex), rng) });
    });
    partner.tierHistory = history;
  }
}

const REJECTION_REASONS = [
  'Another partner already registered this account.',
  'The customer is in a direct-sales territory.',
  'No confirmed buying project yet; register again once there is one.',
];
const APPROVAL_REASONS = ['Customer confirmed the partner leads the evaluation.', 'Partner-sourced; first meeting held with the buyer.', 'Joint account plan agreed with the field team.'];

/**
 * Registration decisions as a program that reviews them would have: approved, won and lost deals
 * were approved a few days after registration and protected for the default window; some old
 * registrations still waiting were rejected. An open approved deal never ends its protection
 * within the reminder week (the demo starts without a reminder due); older ones have expired.
 */
function settleDemoRegistrations(deals: Deal[], todayIndex: number, rng: Rng): void {
  // Of the registrations waiting ten days or more, about a third were rejected (at least one).
  const waiting = deals.filter((d) => d.stage === 'registered' && todayIndex - toDayIndex(d.registeredOn) >= 10);
  const rejected = new Set(waiting.filter(() => rng.chance(0.35)));
  if (rejected.size === 0 && waiting.length > 0) rejected.add(rng.pick(waiting));
  for (const deal of deals) {
    const registered = toDayIndex(deal.registeredOn);
    if (deal.stage === 'registered') {
      if (!rejected.has(deal)) continue;
      const on = fromDayIndex(Math.min(todayIndex, registered + rng.int(2, 9)));
      deal.decision = { outcome: 'rejected', reason: rng.pick(REJECTION_REASONS), on };
    } else {
      const latest = deal.closedOn ? Math.min(todayIndex, toDayIndex(deal.closedOn)) : todayIndex;
      let onIndex = Math.min(registered + rng.int(1, 6), latest);
      const left = onIndex + DEFAULT_PROTECTION_DAYS - todayIndex;
      if (deal.stage === 'approved' && left >= 0 && left <= EXPIRY_REMINDER_DAYS) onIndex = Math.min(todayIndex, onIndex + EXPIRY_REMINDER_DAYS + 1 - left);
      deal.decision = { outcome: 'approved', reason: rng.pick(APPROVAL_REASONS), on: fromDayIndex(onIndex) };
      deal.protectedUntil = fromDayIndex(onIndex + DEFAULT_PROTECTION_DAYS);
    }
    const decidedAt = stampOn(deal.decision.on, rng);
    if (deal.updatedAt < decidedAt) deal.updatedAt = decidedAt;
  }
}

export function generateDemoPortfolio(options: DemoOptions): DemoPortfolio {
  const size = options.size ?? DEMO_SIZE;
  const rng = makeRng(options.seed ?? 20_240_601);
  const todayIndex = toDayIndex(options.today);
  const { ownerEmail, ownerName } = options;

  const profiles = makePartners(rng, size.partners, todayIndex, ownerEmail, ownerName, size.history ?? 0);
  const partners = profiles.map((p) => p.partner);

  // Journeys.
  const tasksByPartner = new Map<string, Task[]>();
  for (const profile of profiles) {
    const p = profile.partner;
    const version = options.templates ? publishedTemplateFor(options.templates, p.type, p.maturity) : null;
    if (version) p.templateId = version.templateKey;
    const journey = version
      ? generateFromTemplate(p, version, { now: p.createdAt, newId: rng.id })
      : generateJourney(p, { now: p.createdAt, template: journeyTemplateFor(p.type, p.maturity), newId: rng.id });
    for (const task of journey) settleTask(task, profile, rng, ownerName);
    tasksByPartner.set(p.id, journey);
  }
  const taskByKey = (partnerId: string, key: string): Task | undefined => tasksByPartner.get(partnerId)?.find((t) => t.key === key);

  // Meetings.
  const meetings = pickMeetings(profiles, size.meetings, rng)
    .map((c) => buildMeeting(c, todayIndex, rng, ownerName))
    .sort((a, b) => (a.partnerId < b.partnerId ? -1 : a.partnerId > b.partnerId ? 1 : a.scheduledOn < b.scheduledOn ? -1 : a.scheduledOn > b.scheduledOn ? 1 : 0));
  const kickoffDone = new Map<string, IsoDate>();
  for (const m of meetings) {
    if (m.kind === 'kickoff' && m.status === 'done') kickoffDone.set(m.partnerId, m.scheduledOn);
  }

  // Deals: exactly `size.deals`, placed on partners by weight (healthy, older partners sell more).
  const weights = profiles.map(dealWeight);
  const eligible = weights.some((w) => w > 0) ? weights : profiles.map((p) => (p.day >= 1 ? 1 : 0));
  const cumulative: number[] = [];
  let running = 0;
  for (const w of eligible) cumulative.push((running += w));
  const deals: Deal[] = [];
  // A partner well past its first-deal step without any deal would be churned by now, not
  // "current" with that step months overdue: healthy partners past day 60 and struggling ones
  // past day 120 get one deal first (a struggling partner's after day 100: it was late), the
  // rest are placed by weight.
  const owed = profiles.filter((p) => (p.health === 'healthy' && p.day >= 60) || (p.health === 'struggling' && p.day >= 120));
  const guaranteed = owed.length <= size.deals ? owed : [];
  for (const profile of guaranteed) deals.push(makeDeal(profile, todayIndex, rng, profile.health === 'struggling' ? 100 : undefined));
  if (running > 0) {
    for (let n = guaranteed.length; n < size.deals; n += 1) {
      const r = rng.next() * running;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cumulative[mid] ?? 0) > r) hi = mid;
        else lo = mid + 1;
      }
      const profile = profiles[lo];
      if (profile) deals.push(makeDeal(profile, todayIndex, rng));
    }
  }
  deals.sort((a, b) => (a.partnerId < b.partnerId ? -1 : a.partnerId > b.partnerId ? 1 : a.registeredOn < b.registeredOn ? -1 : a.registeredOn > b.registeredOn ? 1 : 0));
  const firstDeal = new Map<string, IsoDate>();
  for (const d of deals) {
    const seen = firstDeal.get(d.partnerId);
    if (seen === undefined || d.registeredOn < seen) firstDeal.set(d.partnerId, d.registeredOn);
  }

  // Surveys: the PSAT at the end of onboarding (day 90–96), and a review survey every ~6 months.
  const surveys: Survey[] = [];
  for (const profile of profiles) {
    const top = Math.min(profile.day, profile.lastDay);
    if (top < 92) continue;
    const good = profile.health === 'healthy';
    for (let d = 90 + rng.int(0, 6); d <= top; d += 180 + rng.int(-5, 10)) {
      const score = good ? rng.weighted([[3, 15], [4, 45], [5, 40]]) : rng.weighted([[1, 15], [2, 35], [3, 40], [4, 10]]);
      const takenOn = fromDayIndex(profile.day0Index + d);
      const stamp = stampOn(takenOn, rng);
      surveys.push({
        id: rng.id(),
        createdAt: stamp,
        updatedAt: stamp,
        partnerId: profile.partner.id,
        score,
        takenOn,
        comment: rng.chance(0.8) ? rng.pick(PSAT_COMMENTS[score] ?? ['']) : '',
        phase: d <= 96 ? 'engagement' : 'growth',
      });
    }
  }
  const firstSurvey = new Map<string, IsoDate>();
  for (const s of surveys) if (!firstSurvey.has(s.partnerId)) firstSurvey.set(s.partnerId, s.takenOn);

  // Keep the journey consistent with what happened.
  for (const profile of profiles) {
    const id = profile.partner.id;
    const kickoff = kickoffDone.get(id);
    if (kickoff) markDone(taskByKey(id, 'kickoff-call'), kickoff, rng);
    else markOpen(taskByKey(id, 'kickoff-call'));
    const deal = firstDeal.get(id);
    if (deal) markDone(taskByKey(id, 'first-deal'), deal, rng);
    else markOpen(taskByKey(id, 'first-deal'));
    const survey = firstSurvey.get(id);
    if (survey) markDone(taskByKey(id, 'psat-day90'), survey, rng);
    else markOpen(taskByKey(id, 'psat-day90'));
    // A struggling partner is behind on something recent, whatever the dice said.
    if (profile.health === 'struggling') {
      const recent = (tasksByPartner.get(id) ?? [])
        .filter((t) => t.required && t.dueOffset >= 1 && t.dueOffset < profile.day && t.key !== 'kickoff-call' && t.key !== 'first-deal' && t.key !== 'psat-day90')
        .sort((a, b) => b.dueOffset - a.dueOffset);
      if (!recent.some((t) => t.status === 'open')) markOpen(recent[0]);
    }
  }

  // Believable lateness: a current partner's oldest open step is weeks late, not a year (see
  // capLateness). A struggling partner is still behind on something recent: when the cap left it
  // nothing overdue, the action item from its last check-in is the one slipping (counted in
  // the size's extra tasks).
  let slipping = 0;
  profiles.forEach((profile, index) => {
    const list = tasksByPartner.get(profile.partner.id) ?? [];
    for (const task of list) capLateness(task, profile, todayIndex, rng);
    if (profile.health !== 'struggling' || profile.day < 10) return;
    if (list.some((t) => t.status === 'open' && profile.day0Index + t.dueOffset < todayIndex)) return;
    const task = customTask(profile, list.length, rng, ownerName, 0);
    const dueOffset = Math.max(1, profile.day - rng.int(7, 40));
    Object.assign(task, {
      key: `custom-slipping-${index}`,
      dueOffset,
      dueDate: fromDayIndex(profile.day0Index + dueOffset),
      phase: phaseForDay(dueOffset),
      status: 'open',
      source: 'checkin',
      guidance: 'Action item agreed in a check-in.',
      createdAt: stampOn(fromDayIndex(profile.day0Index + Math.max(0, dueOffset - 7)), rng),
    });
    delete task.completedOn;
    task.updatedAt = task.createdAt;
    list.push(task);
    slipping += 1;
  });

  // Trainings mirror the journey's training tasks that are due or under way.
  const trainings: Training[] = [];
  for (const profile of profiles) {
    if (Math.min(profile.day, profile.lastDay) < 8) continue;
    for (const task of tasksByPartner.get(profile.partner.id) ?? []) {
      const course = COURSES[task.key];
      if (!course || task.status === 'not_applicable' || task.dueOffset > profile.day + 14) continue;
      const people = course.technical ? [profile.technicalContact] : profile.partner.contacts.slice(0, 2).map((c) => c.name);
      for (const person of people) {
        const enrolledOn = fromDayIndex(profile.day0Index + clamp(task.dueOffset - rng.int(7, 14), 0, Math.min(profile.day, profile.lastDay)));
        const createdAt = stampOn(enrolledOn, rng);
        const training: Training = {
          id: rng.id(),
          createdAt,
          updatedAt: createdAt,
          partnerId: profile.partner.id,
          person,
          course: course.course,
          required: course.required,
          status: task.status === 'done' ? 'completed' : 'enrolled',
        };
        if (task.status === 'done' && task.completedOn) {
          training.completedOn = task.completedOn;
          training.updatedAt = task.updatedAt < createdAt ? createdAt : task.updatedAt;
        }
        trainings.push(training);
      }
    }
  }

  // Custom tasks and action items on top of the journeys, then top up to the exact total.
  const orderNext = new Map<string, number>();
  for (const [id, list] of tasksByPartner) orderNext.set(id, list.length);
  const workable = profiles.filter((p) => p.health !== 'recruited');
  let serial = 0;
  const addCustom = (): boolean => {
    if (workable.length === 0) return false;
    const profile = rng.pick(workable);
    const id = profile.partner.id;
    const order = orderNext.get(id) ?? 0;
    orderNext.set(id, order + 1);
    const task = customTask(profile, order, rng, ownerName, (serial += 1));
    capLateness(task, profile, todayIndex, rng);
    tasksByPartner.get(id)?.push(task);
    return true;
  };
  for (let n = slipping; n < (size.extraTasks ?? 0); n += 1) if (!addCustom()) break;
  let taskCount = 0;
  for (const list of tasksByPartner.values()) taskCount += list.length;
  if (size.totalTasks !== undefined) {
    if (taskCount > size.totalTasks) {
      throw new RangeError(`Demo size asks for ${size.totalTasks} tasks, but the ${size.partners} journeys alone have ${taskCount}.`);
    }
    while (taskCount < size.totalTasks && addCustom()) taskCount += 1;
  }

  // History: the recorded outcome of onboarding. Healthy partners completed it around day 60–94,
  // struggling ones late (day 100–159) if at all, churned ones never.
  profiles.forEach((profile, i) => {
    if (!profile.history) return;
    const top = Math.min(profile.day, profile.lastDay);
    const completedDay = profile.health === 'healthy' ? 60 + ((i * 7) % 35) : profile.health === 'struggling' && i % 3 !== 0 ? 100 + ((i * 11) % 60) : null;
    if (completedDay !== null && completedDay <= top) profile.partner.onboardingCompletedOn = fromDayIndex(profile.day0Index + completedDay);
  });

  settleDemoTiers(profiles, { deals, trainings, surveys }, options.today, rng, ownerEmail);
  settleDemoRegistrations(deals, todayIndex, rng);

  const tasks = profiles.flatMap((p) => tasksByPartner.get(p.partner.id) ?? []);
  // Sanity: the partner's current day as the domain computes it agrees with the generator's.
  for (const p of profiles) {
    if (dayNumber(p.partner.day0, options.today) !== p.day) throw new Error(`Demo day mismatch for ${p.partner.name}`);
  }
  return { partners, tasks, meetings, deals, trainings, surveys };
}
