import type { DemoSize } from '../../../src-shared/demo/demoPortfolio';
import { nowIso } from '../../../src-shared/domain/ids';
import type { IsoDate } from '../../../src-shared/domain/types';
import type { Profile } from '../../app/useProfile';
import type { AppDatabase } from '../../db/appDatabase';
import { insertAll } from '../../db/insertAll';

/**
 * Fills the store with a generated, realistic portfolio owned by the profile, its journeys from
 * the stored templates where there are some. Partners go in last,
 * so a screen never shows a partner whose journey is still missing.
 */
export async function loadDemoPortfolio(db: AppDatabase, profile: Profile, today: IsoDate, size?: DemoSize): Promise<number> {
  // The program's published templates (documents) where there are some, else the built-in seeds.
  const templates = (await db.templates.find({ selector: { kind: 'journey' } }).exec()).map((doc) => doc.toJSON());
  // The generator is its own chunk: only a first run (or a test) needs it.
  const [{ generateDemoPortfolio }, { demoMdf }] = await Promise.all([import('../../../src-shared/demo/demoPortfolio'), import('../../../src-shared/demo/demoMdf')]);
  const demo = generateDemoPortfolio({ today, ownerEmail: profile.email, ownerName: profile.name, templates, ...(size ? { size } : {}) });
  await insertAll(db.tasks, demo.tasks);
  await insertAll(db.meetings, demo.meetings);
  await insertAll(db.deals, demo.deals);
  await insertAll(db.trainings, demo.trainings);
  await insertAll(db.surveys, demo.surveys);
  await insertAll(db.mdf, demoMdf(demo.partners, demo.deals, today, nowIso()));
  await insertAll(db.partners, demo.partners);
  return demo.partners.length;
}
