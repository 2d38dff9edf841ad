import { afterEach, describe, expect, it } from 'vitest';
import { storeErrorMessage } from '../../../src-renderer/db/storeErrorMessage';
import { importPartners } from '../../../src-renderer/features/importer/importPartners';
import { createPartner } from '../../../src-renderer/features/partners/createPartner';
import { journeyTemplateFor } from '../../../src-shared/domain/journeyTemplates';
import type { PartnerInputValue } from '../../../src-shared/domain/partnerInput';
import type { ValidPartnerRow } from '../../../src-shared/import/partnerCsv';
import { allDocs, closeAll, counts, openDatabase, partnerValue, plusDays, PROFILE } from './support';

/** A row as validatePartnerRows would hand it over (built by hand, so it can also be invalid). */
function row(n: number, value: Partial<PartnerInputValue>): ValidPartnerRow {
  return { row: n, value: { ...partnerValue(), ownerEmail: 'sam@vendor.example', ...value } };
}

const ROWS: ValidPartnerRow[] = [
  row(2, { name: 'Globex Systems', type: 'si', maturity: 'experienced', day0: '2026-01-10' }),
  row(3, { name: 'Initech', type: 'isv', day0: '2026-02-01', status: 'active' }),
  { ...row(4, { name: 'Umbrella MSP', type: 'msp', day0: '2025-06-01', status: 'churned' }), churnedOn: '2026-01-31' },
];

afterEach(closeAll);

describe('importPartners', () => {
  it('writes every partner with its whole journey', async () => {
    const db = await openDatabase();
    expect(await importPartners(db, ROWS, PROFILE)).toBe(3);

    const partners = await allDocs(db, 'partners');
    const tasks = await allDocs(db, 'tasks');
    expect(partners.map((p) => p.name).sort()).toEqual(['Globex Systems', 'Initech', 'Umbrella MSP']);
    for (const { value, churnedOn } of ROWS) {
      const partner = partners.find((p) => p.name === value.name);
      if (!partner) throw new Error(`${value.name} missing`);
      expect(partner).toMatchObject({ type: value.type, maturity: value.maturity, day0: value.day0, status: value.status, ownerEmail: 'sam@vendor.example' });
      if (churnedOn) expect(partner.churnedOn).toBe(churnedOn);
      // The importing manager joins the team of a partner imported without one.
      expect(partner.team).toEqual([{ id: expect.any(String), name: PROFILE.name, email: PROFILE.email, role: 'partner_manager' }]);
      const template = journeyTemplateFor(value.type, value.maturity);
      const journey = tasks.filter((t) => t.partnerId === partner.id);
      expect(journey).toHaveLength(template.tasks.length);
      for (const step of template.tasks) {
        expect(journey.find((t) => t.key === step.key)?.dueDate, step.key).toBe(plusDays(value.day0, step.dueOffset));
      }
    }
    expect(tasks.every((t) => partners.some((p) => p.id === t.partnerId))).toBe(true);
  });

  it.each([
    ['first', 0],
    ['last', 3],
  ])('imports nothing when the %s partner is refused by the store (all or nothing)', async (_where, index) => {
    const db = await openDatabase();
    const kept = await createPartner(db, partnerValue({ name: 'Existing Partner' }), PROFILE);
    const before = await counts(db);

    const rows = [...ROWS];
    rows.splice(index, 0, row(9, { name: 'N'.repeat(201) }));
    // The schema refuses the 201-character name (RxDB write error COL20, status 422).
    await expect(importPartners(db, rows, PROFILE)).rejects.toMatchObject({ code: 'COL20', parameters: { writeError: { status: 422 } } });

    expect(await counts(db)).toEqual(before);
    expect((await allDocs(db, 'partners')).map((p) => p.id)).toEqual([kept.id]);
    expect((await allDocs(db, 'tasks')).every((t) => t.partnerId === kept.id)).toBe(true);
  });

  it('tells the manager the import was not valid (no "[object Object]")', async () => {
    const db = await openDatabase();
    let error: unknown;
    try {
      await importPartners(db, [...ROWS, row(9, { name: 'N'.repeat(201) })], PROFILE);
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'COL20', parameters: { writeError: { status: 422 } } });
    const message = storeErrorMessage(error, 'import the partners');
    expect(message).toMatch(/^Could not import the partners: the data is not valid/);
  });
});
