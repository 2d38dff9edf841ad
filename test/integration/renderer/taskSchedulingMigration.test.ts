import { afterEach, describe, expect, it } from 'vitest';
import { generateJourney } from '../../../src-shared/domain/journey';
import { reschedule } from '../../../src-shared/journey/reschedule';
import { taskSchema } from '../../../src-shared/schemas/collectionSchemas';
import { allDocs, closeAll, closeDatabase, newMachine, openDatabase } from './support';

const NAME = 'partnerdesk-pat';
const T = '2026-03-01T10:00:00.000Z';

/** The task schema before the scheduling fields (version 2). */
const taskSchemaV2 = (() => {
  const { dependsOn: _d, pinned: _p, shiftDays: _s, startedOn: _st, templateVersion: _v, resourceIds: _r, ...properties } = taskSchema.properties;
  return { ...taskSchema, version: 2, properties };
})();

afterEach(closeAll);

describe('task schema migration v2 → v3 (scheduling fields)', () => {
  it('keeps every task as it was: no dependency, on its planned date, nothing to reschedule', async () => {
    const storage = newMachine();
    const old = await openDatabase(storage, { name: NAME, schemas: { tasks: taskSchemaV2 } });
    let n = 0;
    const tasks = generateJourney({ id: 'p1', day0: '2026-03-01', type: 'isv', maturity: 'new' }, { now: T, newId: () => `t${n++}` }).map(
      ({ dependsOn: _d, templateVersion: _v, ...t }) => t,
    );
    await old.tasks.bulkInsert(tasks);
    await closeDatabase(old);

    const db = await openDatabase(storage, { name: NAME });
    const migrated = await allDocs(db, 'tasks');
    expect(migrated).toEqual([...tasks].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(reschedule(migrated, '2026-03-01', '2026-04-15').moves).toEqual([]);

    // The new fields can be written once migrated.
    const first = await db.tasks.findOne('t1').exec();
    await first?.incrementalPatch({ pinned: true, dependsOn: ['agreement-signed'], shiftDays: 2, templateVersion: 2 });
    expect((await db.tasks.findOne('t1').exec())?.toJSON()).toMatchObject({ pinned: true, dependsOn: ['agreement-signed'], shiftDays: 2, templateVersion: 2 });
  });
});
