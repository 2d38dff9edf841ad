import { newId, nowIso } from '../../../src-shared/domain/ids';
import { buildImportedPartners, type ValidPartnerRow } from '../../../src-shared/import/partnerCsv';
import type { Profile } from '../../app/useProfile';
import type { AppDatabase } from '../../db/appDatabase';
import { insertAll } from '../../db/insertAll';

/**
 * Saves imported partners with their journeys in one go: if any document is refused, what was
 * written is removed again, so an import is all or nothing. Partners go in last so a screen never
 * shows a partner without its journey. The importing manager joins each partner's team.
 */
export async function importPartners(db: AppDatabase, rows: ValidPartnerRow[], profile: Profile): Promise<number> {
  // The program's published templates (documents) where there are some, else the built-in seeds.
  const templates = (await db.templates.find({ selector: { kind: 'journey' } }).exec()).map((doc) => doc.toJSON());
  const { partners, tasks } = buildImportedPartners(rows, { now: nowIso(), templates });
  const withTeam = partners.map((partner) =>
    partner.team.length > 0 ? partner : { ...partner, team: [{ id: newId(), name: profile.name, email: profile.email, role: 'partner_manager' as const }] },
  );
  await insertAll(db.tasks, tasks);
  try {
    await insertAll(db.partners, withTeam);
  } catch (error) {
    await db.tasks.bulkRemove(tasks.map((task) => task.id));
    throw error;
  }
  return withTeam.length;
}
