import { describe, expect, it } from 'vitest';
import { generateDemoPortfolio } from '../../../../src-shared/demo/demoPortfolio';
import { COLLECTION_NAMES, type Partner, type Task } from '../../../../src-shared/domain/types';
import {
  BACKUP_FORMAT,
  backupToJson,
  createBackup,
  MAX_BACKUP_ERRORS,
  parseBackup,
  planRestore,
  type Backup,
} from '../../../../src-shared/import/backup';

const demo = generateDemoPortfolio({ seed: 3, today: '2026-03-15', ownerEmail: 'pam@vendor.example', ownerName: 'Pat Manager' });
const EXPORTED_AT = '2026-03-15T12:00:00.000Z';

function demoBackup(): Backup {
  return createBackup(demo, EXPORTED_AT);
}

function parseError(text: string): string {
  const result = parseBackup(text);
  if (result.ok) throw new Error('expected the backup to be refused');
  return result.error;
}

describe('createBackup / parseBackup', () => {
  it('round-trips every collection', () => {
    const backup = demoBackup();
    expect(backup.format).toBe(BACKUP_FORMAT);
    expect(backup.version).toBe(1);
    expect(Object.keys(backup.collections)).toEqual([...COLLECTION_NAMES]);
    expect(backup.collections.plans).toEqual([]);
    const result = parseBackup(backupToJson(backup));
    expect(result).toEqual({ ok: true, value: backup });
  });

  it('names the collection, document and field of a schema violation', () => {
    const backup = demoBackup();
    const json = JSON.parse(backupToJson(backup)) as { collections: { tasks: Record<string, unknown>[] } };
    const task = json.collections.tasks[12];
    if (!task) throw new Error('demo has too few tasks');
    task.dueDate = '15/03/2026';
    const result = parseBackup(JSON.stringify(json));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const id = String(task.id);
    expect(result.details).toEqual([`tasks[12] (id ${id.slice(0, 8)}…): /dueDate must match pattern "^\\d{4}-\\d{2}-\\d{2}$" (got "15/03/2026")`]);
    expect(result.error).toBe(`This backup cannot be restored: 1 document problem:\n- ${result.details[0]}`);
  });

  it('reports missing fields, wrong types, nested fields and duplicate ids', () => {
    const backup = demoBackup();
    const json = JSON.parse(backupToJson(backup)) as { collections: Record<string, Record<string, unknown>[]> };
    const partners = json.collections.partners ?? [];
    const [first, second] = partners;
    if (!first || !second) throw new Error('demo has too few partners');
    delete first.day0;
    first.type = 'wholesaler';
    (first.contacts as Record<string, unknown>[])[0] = { id: 'c1' };
    second.id = first.id;
    const meeting = json.collections.meetings?.[0];
    if (!meeting) throw new Error('demo has no meetings');
    meeting.sentiment = 7;
    const result = parseBackup(JSON.stringify(json));
    if (result.ok) throw new Error('expected the backup to be refused');
    const short = `${String(first.id).slice(0, 8)}…`;
    expect(result.details).toEqual([
      `partners[0] (id ${short}): /day0 is required but missing`,
      `partners[0] (id ${short}): /type must be one of "reseller", "isv", "si", "msp", "referral" (got "wholesaler")`,
      `partners[0] (id ${short}): /contacts/0/name is required but missing`,
      `partners[1] (id ${short}): /id duplicates partners[0]`,
      `meetings[0] (id ${String(meeting.id).slice(0, 8)}…): /sentiment must be <= 5 (got 7)`,
    ]);
  });

  it('stops after 20 problems and says so', () => {
    const json = JSON.parse(backupToJson(demoBackup())) as { collections: { tasks: Record<string, unknown>[] } };
    for (const task of json.collections.tasks.slice(0, 30)) task.status = 'later';
    const result = parseBackup(JSON.stringify(json));
    if (result.ok) throw new Error('expected the backup to be refused');
    expect(result.details).toHaveLength(MAX_BACKUP_ERRORS);
    expect(result.error).toMatch(/^This backup cannot be restored: 20\+ document problems:\n/);
    expect(result.error).toMatch(/…and more; stopped after 20 problems\.$/);
  });

  it('explains malformed JSON', () => {
    expect(parseError('{"format": "partner-desk-backup", "version": 1,')).toMatch(/^This file is not a Partner Desk backup: it is not valid JSON \(.+\)\.$/);
    expect(parseError('')).toMatch(/not valid JSON/);
  });

  it('refuses other JSON, unknown versions and unknown collections', () => {
    expect(parseError('[1,2,3]')).toBe('This file is not a Partner Desk backup: it does not contain a backup object.');
    expect(parseError('{"name":"x"}')).toBe('This file is not a Partner Desk backup: the "format" marker is missing.');
    expect(parseError('{"format":"other-app"}')).toBe('This file is not a Partner Desk backup: its format is "other-app", expected "partner-desk-backup".');
    const base = { format: BACKUP_FORMAT, version: 1, exportedAt: EXPORTED_AT, collections: {} };
    expect(parseError(JSON.stringify({ ...base, version: 2 }))).toBe(
      'This backup was made by a newer version of Partner Desk (backup version 2); update the app to restore it.',
    );
    expect(parseError(JSON.stringify({ ...base, version: '1' }))).toBe('This backup has an unsupported version "1" (expected 1).');
    expect(parseError(JSON.stringify({ ...base, exportedAt: 'yesterday' }))).toBe('This backup is damaged: "exportedAt" is missing or not a timestamp.');
    expect(parseError(JSON.stringify({ ...base, collections: { partners: [], widgets: [] } }))).toBe(
      'This backup contains unknown collection "widgets"; it may come from a newer version of Partner Desk.',
    );
    expect(parseError(JSON.stringify({ ...base, collections: { partners: {} } }))).toContain('- partners: must be a list of documents');
  });

  it('reads a collection missing from the file as empty', () => {
    const result = parseBackup(JSON.stringify({ format: BACKUP_FORMAT, version: 1, exportedAt: EXPORTED_AT, collections: { partners: [] } }));
    expect(result.ok && result.value.collections.conflicts).toEqual([]);
  });
});

describe('planRestore', () => {
  const partner = (id: string, updatedAt: string): Partner => ({ ...(demo.partners[0] as Partner), id, updatedAt });
  const task = (id: string, updatedAt: string): Task => ({ ...(demo.tasks[0] as Task), id, updatedAt });
  const backup = createBackup(
    {
      partners: [partner('new', '2026-03-01T00:00:00.000Z'), partner('older-local', '2026-03-02T00:00:00.000Z'), partner('newer-local', '2026-03-02T00:00:00.000Z')],
      tasks: [task('same', '2026-03-03T10:00:00.000Z'), task('same-instant', '2026-03-03T10:00:00Z')],
    },
    EXPORTED_AT,
  );
  const local = {
    partners: [
      { id: 'older-local', updatedAt: '2026-03-01T23:59:59.999Z' },
      { id: 'newer-local', updatedAt: '2026-03-05T08:00:00.000Z' },
      { id: 'only-local', updatedAt: '2026-03-05T08:00:00.000Z' },
    ],
    tasks: [
      { id: 'same', updatedAt: '2026-03-03T10:00:00.000Z' },
      { id: 'same-instant', updatedAt: '2026-03-03T10:00:00.000Z' },
    ],
  };

  it('adds missing documents, updates older ones and never overwrites newer local ones without the flag', () => {
    const plan = planRestore(backup, local);
    expect(plan.add.partners.map((p) => p.id)).toEqual(['new']);
    expect(plan.update.partners.map((p) => p.id)).toEqual(['older-local']);
    expect(plan.skipOlder.partners.map((p) => p.id)).toEqual(['newer-local']);
    expect(plan.conflicts).toEqual([
      { collection: 'partners', id: 'newer-local', localUpdatedAt: '2026-03-05T08:00:00.000Z', backupUpdatedAt: '2026-03-02T00:00:00.000Z' },
    ]);
    expect(plan.counts.partners).toEqual({ add: 1, update: 1, unchanged: 0, newerLocal: 1 });
    expect(plan.counts.tasks).toEqual({ add: 0, update: 0, unchanged: 2, newerLocal: 0 });
    expect(plan.counts.deals).toEqual({ add: 0, update: 0, unchanged: 0, newerLocal: 0 });
    expect(plan.totals).toEqual({ add: 1, update: 1, unchanged: 2, newerLocal: 1 });
    expect(plan.update.tasks).toEqual([]);
  });

  it('overwrites newer local documents only when the caller says so', () => {
    const plan = planRestore(backup, local, { overwriteNewer: true });
    expect(plan.update.partners.map((p) => p.id)).toEqual(['older-local', 'newer-local']);
    expect(plan.skipOlder.partners).toEqual([]);
    expect(plan.conflicts.map((c) => c.id)).toEqual(['newer-local']);
    expect(plan.counts.partners).toEqual({ add: 1, update: 2, unchanged: 0, newerLocal: 1 });
  });

  it('adds everything into an empty store', () => {
    const plan = planRestore(demoBackup(), {});
    expect(plan.totals.add).toBe(Object.values(demo).reduce((n, docs) => n + docs.length, 0));
    expect(plan.add.tasks).toHaveLength(demo.tasks.length);
  });
});
