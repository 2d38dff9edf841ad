import { checkProtectionDays, PROTECTION_DAYS_FIELD, protectionWindow } from '../../../src-shared/deals/protectionWindow';
import { newId, nowIso } from '../../../src-shared/domain/ids';
import type { Template } from '../../../src-shared/domain/types';
import { DEFAULT_TIER_DEFINITION, TIERS_TEMPLATE_NAME } from '../../../src-shared/tiers/tierDefinition';
import type { AppDatabase } from '../../db/appDatabase';

/**
 * Sets the program's protection window for deal registrations (an admin setting kept on the
 * `tiers` template; see src-shared/deals/protectionWindow.ts). With no template stored yet, one
 * is created holding the built-in tier definition, so the tiers in force do not change.
 * Registrations already approved keep the expiry they were given.
 */
export async function saveProtectionWindow(db: AppDatabase, input: unknown): Promise<number> {
  const checked = checkProtectionDays(input);
  if (!checked.ok) throw new Error(checked.error);
  const days = checked.value;
  const now = nowIso();
  const docs = await db.templates.find({ selector: { kind: 'tiers' } }).exec();
  const current = protectionWindow(docs.map((d) => d.toJSON() as unknown as Template)).template;
  const doc = current ? docs.find((d) => d.id === current.id) : undefined;
  if (doc) {
    await doc.incrementalModify((old) => ({ ...old, data: { ...old.data, [PROTECTION_DAYS_FIELD]: days }, updatedAt: now }));
    return days;
  }
  const data = { ...(DEFAULT_TIER_DEFINITION as unknown as Record<string, unknown>), [PROTECTION_DAYS_FIELD]: days };
  await db.templates.insert({ id: newId(), createdAt: now, updatedAt: now, kind: 'tiers', name: TIERS_TEMPLATE_NAME, data } satisfies Template);
  return days;
}

/** The protection window in force on this laptop (the admin's synced setting, else the default). */
export async function storedProtectionDays(db: AppDatabase): Promise<number> {
  const docs = await db.templates.find({ selector: { kind: 'tiers' } }).exec();
  return protectionWindow(docs.map((d) => d.toJSON() as unknown as Template)).days;
}
