import { afterEach, describe, expect, it } from 'vitest';
import { loadDemoPortfolio } from '../../../src-renderer/features/firstrun/loadDemoPortfolio';
import { DEMO_SIZE, generateDemoPortfolio } from '../../../src-shared/demo/demoPortfolio';
import { COLLECTION_NAMES } from '../../../src-shared/domain/types';
import { validateDocument } from '../../../src-shared/schemas/schemaValidation';
import { demoMdf } from '../../../src-shared/demo/demoMdf';
import { allDocs, closeAll, counts, openDatabase, PROFILE } from './support';

const TODAY = '2026-03-15';

afterEach(closeAll);

/** demoMdf's timestamp does not change how many documents it makes. */
const NOW_ANY = '2026-01-01T00:00:00.000Z';

describe('loadDemoPortfolio', () => {
  // How long loading takes is measured by npm run bench (dataset.loadDemoMs), not asserted here.
  it('loads the default portfolio (partners with their journeys), all valid', async () => {
    const db = await openDatabase();
    const loaded = await loadDemoPortfolio(db, PROFILE, TODAY);

    expect(loaded).toBe(DEMO_SIZE.partners);

    const expected = generateDemoPortfolio({ today: TODAY, ownerEmail: PROFILE.email, ownerName: PROFILE.name });
    const stored = await counts(db);
    expect(stored).toMatchObject({
      partners: expected.partners.length,
      tasks: expected.tasks.length,
      meetings: expected.meetings.length,
      deals: expected.deals.length,
      trainings: expected.trainings.length,
      surveys: expected.surveys.length,
      mdf: demoMdf(expected.partners, expected.deals, TODAY, NOW_ANY).length,
    });

    const partners = await allDocs(db, 'partners');
    const tasks = await allDocs(db, 'tasks');
    expect(partners.every((p) => p.ownerEmail === PROFILE.email)).toBe(true);
    const partnerIds = new Set(partners.map((p) => p.id));
    expect(tasks.every((t) => partnerIds.has(t.partnerId))).toBe(true);
    for (const partner of partners) {
      expect(tasks.some((t) => t.partnerId === partner.id), `${partner.name} has a journey`).toBe(true);
    }

    const problems: string[] = [];
    for (const name of COLLECTION_NAMES) {
      for (const doc of await allDocs(db, name)) {
        for (const v of validateDocument(name, doc)) problems.push(`${name}/${doc.id}${v.path} ${v.message}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
