import { nowIso } from '../../../src-shared/domain/ids';
import type { IsoDate, Partner } from '../../../src-shared/domain/types';
import type { AppDatabase } from '../../db/appDatabase';
import { updatePartner } from '../partners/updatePartner';

/** The partner fields a bulk action changes, as they were before it (absent: the field was not set). */
export type BulkFields = Partial<Pick<Partner, 'ownerEmail' | 'status' | 'churnedOn'>>;
export type BulkSnapshot = { id: string; before: BulkFields; keys: (keyof BulkFields)[] }[];

/** What archiving sets: churned (hidden from the portfolio by default), from today unless already dated. */
export function archiveChange(partner: Pick<Partner, 'churnedOn'>, today: IsoDate): BulkFields {
  return { status: 'churned', churnedOn: partner.churnedOn ?? today };
}

/**
 * Applies a change to several partners through the partner write path (so it syncs) and returns
 * what each held before, for Undo.
 */
export async function applyBulkChange(db: AppDatabase, partners: readonly Partner[], change: (partner: Partner) => BulkFields): Promise<BulkSnapshot> {
  const snapshot: BulkSnapshot = [];
  for (const partner of partners) {
    const next = change(partner);
    const keys = Object.keys(next) as (keyof BulkFields)[];
    const before: BulkFields = {};
    for (const key of keys) if (partner[key] !== undefined) Object.assign(before, { [key]: partner[key] });
    await updatePartner(db, partner.id, next);
    snapshot.push({ id: partner.id, before, keys });
  }
  return snapshot;
}

/** Puts back exactly what a bulk change replaced: values restored, fields it added removed. */
export async function restoreBulkChange(db: AppDatabase, snapshot: BulkSnapshot): Promise<void> {
  for (const { id, before, keys } of snapshot) {
    const doc = await db.partners.findOne(id).exec();
    if (!doc) continue;
    await doc.incrementalModify((data) => {
      const next = { ...data, updatedAt: nowIso() };
      for (const key of keys) {
        if (before[key] === undefined) delete next[key];
        else Object.assign(next, { [key]: before[key] });
      }
      return next;
    });
  }
}
