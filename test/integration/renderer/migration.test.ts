import { afterEach, describe, expect, it } from 'vitest';
import type { PartnerRow } from '../../../src-renderer/app/usePortfolioOverview';
import { EMPTY_FILTER, portfolioRows, type PortfolioSortKey } from '../../../src-renderer/features/portfolio/portfolioRows';
import { generateJourney } from '../../../src-shared/domain/journey';
import { partnerOverview } from '../../../src-shared/domain/partnerOverview';
import type { Deal, Meeting, Partner, Task } from '../../../src-shared/domain/types';
import { validateDocument } from '../../../src-shared/schemas/schemaValidation';
import { partnerSchemaV0 } from '../../../src-shared/schemas/collectionSchemas';
import { withoutSyncBookkeeping } from './oldStore';
import { allDocs, closeAll, closeDatabase, newMachine, openDatabase } from './support';

const NAME = 'partnerdesk-pat';
const T = '2025-06-01T10:00:00.000Z';
const TODAY = '2026-03-15';

/** A partner as version 0 of the app stored it: Day 0 was called `contractSignedOn`. */
type PartnerV0 = Omit<Partner, 'day0' | 'contacts' | 'team' | 'tags' | 'tier' | 'region' | 'website' | 'templateId'> &
  Partial<Pick<Partner, 'contacts' | 'team' | 'tags' | 'tier' | 'region' | 'website' | 'templateId'>> & { contractSignedOn: string };

/** Every field v0 knew, contacts, team and tags included. */
const fullV0: PartnerV0 = {
  id: 'p-full',
  createdAt: T,
  updatedAt: '2025-07-01T08:30:00.000Z',
  name: 'Globex Systems',
  type: 'si',
  maturity: 'experienced',
  tier: 'Gold',
  region: 'EMEA',
  website: 'https://globex.example',
  ownerEmail: 'pat@vendor.example',
  contacts: [{ id: 'c1', name: 'Jane Doe', role: 'Alliance lead', email: 'jane@globex.example', phone: '+44 20 1234' }],
  team: [{ id: 'tm1', name: 'Pat Manager', email: 'pat@vendor.example', role: 'partner_manager' }],
  contractSignedOn: '2025-05-20',
  status: 'active',
  tags: ['priority', 'cloud'],
  templateId: 'si-experienced',
};

/** Only the fields v0 required: no contacts, team, tags, tier, region, website or template. */
const minimalV0: PartnerV0 = {
  id: 'p-min',
  createdAt: T,
  updatedAt: T,
  name: 'Initech',
  type: 'reseller',
  maturity: 'new',
  ownerEmail: 'pat@vendor.example',
  contractSignedOn: '2026-01-05',
  status: 'onboarding',
};

/** Contacts present, tags and team missing. */
const partialV0: PartnerV0 = {
  id: 'p-partial',
  createdAt: T,
  updatedAt: T,
  name: 'Umbrella MSP',
  type: 'msp',
  maturity: 'new',
  tier: 'Silver',
  region: 'APAC',
  ownerEmail: 'sam@vendor.example',
  contacts: [{ id: 'c2', name: 'Bob Ray', role: '', email: '', phone: '' }],
  contractSignedOn: '2025-12-31',
  status: 'at_risk',
};

const OLD_PARTNERS = [fullV0, minimalV0, partialV0];

function tasksOf(partner: PartnerV0): Task[] {
  let n = 0;
  return generateJourney(
    { id: partner.id, day0: partner.contractSignedOn, type: partner.type, maturity: partner.maturity },
    { now: T, newId: () => `${partner.id}-t${n++}` },
  );
}

const meeting: Meeting = {
  id: 'm1',
  createdAt: T,
  updatedAt: T,
  partnerId: 'p-full',
  kind: 'kickoff',
  status: 'done',
  title: 'Kick-off',
  scheduledOn: '2025-05-22',
  attendees: ['Jane Doe'],
  agenda: [],
  notes: 'Went well.',
  decisions: [{ id: 'd1', text: 'Focus on EMEA' }],
  actionItems: [],
  blockers: '',
  sentiment: 4,
};

const deal: Deal = {
  id: 'deal1',
  createdAt: T,
  updatedAt: T,
  partnerId: 'p-full',
  account: 'Hooli',
  amount: 25000,
  currency: 'EUR',
  stage: 'won',
  registeredOn: '2025-06-10',
  closedOn: '2025-07-01',
  source: 'sourced',
};

/** A laptop whose store was written by version 0 of the app, then closed. */
async function machineWithV0Data() {
  const storage = newMachine();
  const old = withoutSyncBookkeeping(await openDatabase(storage, { name: NAME, schemas: { partners: partnerSchemaV0 } }));
  await old.partners.bulkInsert(OLD_PARTNERS as never[]);
  const tasks = OLD_PARTNERS.flatMap(tasksOf);
  await old.tasks.bulkInsert(tasks);
  await old.meetings.insert(meeting);
  await old.deals.insert(deal);
  expect(await old.partners.count().exec()).toBe(OLD_PARTNERS.length);
  await closeDatabase(old);
  return { storage, tasks };
}

afterEach(closeAll);

describe('partner schema migration v0 → v1', () => {
  it('keeps every partner, renames contractSignedOn to day0 and fills the new arrays', async () => {
    const { storage } = await machineWithV0Data();
    const db = await openDatabase(storage, { name: NAME });

    const partners = await allDocs(db, 'partners');
    expect(partners.map((p) => p.name).sort()).toEqual(OLD_PARTNERS.map((p) => p.name).sort());

    for (const old of OLD_PARTNERS) {
      const migrated = partners.find((p) => p.id === old.id);
      if (!migrated) throw new Error(`partner ${old.id} was lost`);
      expect(migrated.day0).toBe(old.contractSignedOn);
      expect(migrated).not.toHaveProperty('contractSignedOn');
      expect(migrated.contacts).toEqual(old.contacts ?? []);
      expect(migrated.team).toEqual(old.team ?? []);
      expect(migrated.tags).toEqual(old.tags ?? []);
      // Nothing else changed: same identity, names, owner, status and timestamps.
      const { contractSignedOn: _renamed, contacts: _c, team: _t, tags: _g, ...unchanged } = old;
      expect(migrated).toMatchObject(unchanged);
      expect(validateDocument('partners', migrated)).toEqual([]);
    }
  });

  it('leaves the other collections exactly as they were', async () => {
    const { storage, tasks } = await machineWithV0Data();
    const db = await openDatabase(storage, { name: NAME });
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    expect(await allDocs(db, 'tasks')).toEqual([...tasks].sort(byId));
    expect(await allDocs(db, 'meetings')).toEqual([meeting]);
    expect(await allDocs(db, 'deals')).toEqual([deal]);
  });

  it('migrates once: reopening the migrated store changes nothing', async () => {
    const { storage } = await machineWithV0Data();
    const first = await openDatabase(storage, { name: NAME });
    const afterMigration = await allDocs(first, 'partners');
    await closeDatabase(first);
    const again = await openDatabase(storage, { name: NAME });
    expect(await allDocs(again, 'partners')).toEqual(afterMigration);
    // and the migrated store takes normal v1 writes
    const doc = await again.partners.findOne('p-min').exec();
    await doc?.incrementalPatch({ tags: ['migrated'] });
    expect((await again.partners.findOne('p-min').exec())?.tags).toEqual(['migrated']);
  });

  it('gives migrated partners every field the portfolio reads (sorting and searching do not crash)', async () => {
    const { storage } = await machineWithV0Data();
    const db = await openDatabase(storage, { name: NAME });
    const partners = await allDocs(db, 'partners');
    const tasks = await allDocs(db, 'tasks');
    const rows: PartnerRow[] = partners.map((partner) => ({
      partner,
      ...partnerOverview({ partner, tasks: tasks.filter((t) => t.partnerId === partner.id), meetings: [], deals: [], plans: [], today: TODAY }),
    }));
    const keys: PortfolioSortKey[] = ['name', 'type', 'tier', 'phase', 'day', 'progress', 'health'];
    for (const key of keys) {
      expect(() => portfolioRows(rows, EMPTY_FILTER, { key, direction: 'asc' }), `sort by ${key}`).not.toThrow();
    }
    expect(portfolioRows(rows, { ...EMPTY_FILTER, query: 'initech' }, { key: 'name', direction: 'asc' }).map((r) => r.partner.id)).toEqual(['p-min']);
    // The Partner type promises these strings; v0 did not require them.
    const migrated = partners.find((p) => p.id === 'p-min');
    for (const field of ['tier', 'region', 'website', 'templateId'] as const) {
      expect(typeof migrated?.[field], field).toBe('string');
    }
  });

  it('opens a v0 store whose contacts lack an id (v0 allowed any contact object)', async () => {
    const storage = newMachine();
    const old = withoutSyncBookkeeping(await openDatabase(storage, { name: NAME, schemas: { partners: partnerSchemaV0 } }));
    await old.partners.insert({ ...minimalV0, contacts: [{ name: 'Jo Bloggs', email: 'jo@initech.example' }] } as never);
    await closeDatabase(old);

    const db = await openDatabase(storage, { name: NAME });
    const [partner] = await allDocs(db, 'partners');
    expect(partner?.day0).toBe(minimalV0.contractSignedOn);
    expect(partner?.contacts).toEqual([expect.objectContaining({ id: expect.any(String), name: 'Jo Bloggs', email: 'jo@initech.example' })]);
  });
});
