import { afterEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../src-renderer/db/appDatabase';
import { loadDemoPortfolio } from '../../../src-renderer/features/firstrun/loadDemoPortfolio';
import { addCustomTask, completeTask } from '../../../src-renderer/features/journey/updateTask';
import { createPartner } from '../../../src-renderer/features/partners/createPartner';
import { updatePartner } from '../../../src-renderer/features/partners/updatePartner';
import { applyRestore, exportBackup, localStamps } from '../../../src-renderer/features/settings/backupData';
import { COLLECTION_NAMES, type CollectionName } from '../../../src-shared/domain/types';
import { backupToJson, parseBackup, planRestore, type Backup } from '../../../src-shared/import/backup';
import { allDocs, closeAll, closeDatabase, newMachine, openDatabase, partnerValue, PROFILE, clockPast } from './support';

const EXPORTED_AT = '2026-03-15T12:00:00.000Z';
const SMALL = { partners: 6, extraTasks: 5, meetings: 8, deals: 6 };

afterEach(closeAll);

/** A store with demo data plus a hand-made partner, a completed custom task and a user template. */
async function fillStore(db: AppDatabase): Promise<void> {
  await loadDemoPortfolio(db, PROFILE, '2026-03-15', SMALL);
  const partner = await createPartner(db, partnerValue({ name: 'Hand Made Ltd' }), PROFILE);
  const task = await addCustomTask(
    db,
    partner.id,
    { title: 'Custom', phase: 'activation', category: 'sales', dueDate: '2026-03-20', dueOffset: 18, ownerSide: 'vendor', required: false, guidance: '' },
    50,
  );
  await completeTask(db, task.id, '2026-03-14');
  await db.templates.insert({
    id: 'tpl1',
    createdAt: EXPORTED_AT,
    updatedAt: EXPORTED_AT,
    kind: 'agenda',
    name: 'Short check-in',
    data: { items: [{ title: 'Wins', minutes: 5 }] },
  });
}

function parsed(backup: Backup): Backup {
  const result = parseBackup(backupToJson(backup));
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function sortedById<T extends { id: string }>(docs: readonly T[]): T[] {
  return [...docs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

describe('backup and restore', () => {
  it('exports a backup that survives JSON and parsing unchanged', async () => {
    const db = await openDatabase();
    await fillStore(db);
    const backup = await exportBackup(db, EXPORTED_AT);

    expect(parsed(backup)).toEqual(backup);
    for (const name of COLLECTION_NAMES) {
      expect(sortedById<{ id: string }>(backup.collections[name]), name).toEqual(await allDocs(db, name));
    }
    // Store internals never leak into the file.
    const json = backupToJson(backup);
    expect(json).not.toMatch(/"_(rev|meta|deleted|attachments)"/);
  });

  it('restores every document into an empty store on another machine', async () => {
    const source = await openDatabase(newMachine(), { name: 'partnerdesk-a' });
    await fillStore(source);
    const backup = parsed(await exportBackup(source, EXPORTED_AT));
    const expected = {} as Record<CollectionName, unknown[]>;
    for (const name of COLLECTION_NAMES) expected[name] = await allDocs(source, name);
    await closeDatabase(source); // ≤ 13 open collections per process

    const target = await openDatabase(newMachine(), { name: 'partnerdesk-b' });
    const plan = planRestore(backup, await localStamps(target));
    const total = COLLECTION_NAMES.reduce((sum, name) => sum + backup.collections[name].length, 0);
    expect(plan.totals).toEqual({ add: total, update: 0, unchanged: 0, newerLocal: 0 });

    expect(await applyRestore(target, plan)).toBe(total);
    for (const name of COLLECTION_NAMES) {
      expect(await allDocs(target, name), name).toEqual(expected[name]);
    }
    // Restoring the same backup again writes nothing.
    const again = planRestore(backup, await localStamps(target));
    expect(again.totals).toEqual({ add: 0, update: 0, unchanged: total, newerLocal: 0 });
  });

  it('keeps a local edit newer than the backup unless the user chooses to overwrite it', async () => {
    const db = await openDatabase();
    const partner = await createPartner(db, partnerValue({ name: 'Acme Cloud' }), PROFILE);
    const backup = parsed(await exportBackup(db, EXPORTED_AT));
    clockPast(partner.updatedAt);
    await updatePartner(db, partner.id, { name: 'Acme Cloud (renamed)' });

    const keep = planRestore(backup, await localStamps(db));
    expect(keep.counts.partners).toMatchObject({ newerLocal: 1, update: 0 });
    await applyRestore(db, keep);
    expect((await db.partners.findOne(partner.id).exec())?.name).toBe('Acme Cloud (renamed)');

    const overwrite = planRestore(backup, await localStamps(db), { overwriteNewer: true });
    expect(overwrite.counts.partners).toMatchObject({ newerLocal: 1, update: 1 });
    await applyRestore(db, overwrite);
    expect((await allDocs(db, 'partners')).find((p) => p.id === partner.id)).toEqual(backup.collections.partners[0]);
  });

  it('brings back a partner deleted after the backup was made', async () => {
    const db = await openDatabase();
    const partner = await createPartner(db, partnerValue({ name: 'Deleted By Mistake' }), PROFILE);
    const backup = parsed(await exportBackup(db, EXPORTED_AT));
    await db.partners.findOne(partner.id).remove();
    expect(await db.partners.count().exec()).toBe(0);

    await applyRestore(db, planRestore(backup, await localStamps(db)));
    expect(await allDocs(db, 'partners')).toEqual(backup.collections.partners);
  });
});
