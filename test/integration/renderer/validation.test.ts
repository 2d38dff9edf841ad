import { afterEach, describe, expect, it } from 'vitest';
import { insertAll } from '../../../src-renderer/db/insertAll';
import { storeErrorMessage } from '../../../src-renderer/db/storeErrorMessage';
import { updateTask } from '../../../src-renderer/features/journey/updateTask';
import { createPartner } from '../../../src-renderer/features/partners/createPartner';
import type { Task } from '../../../src-shared/domain/types';
import { COLLECTION_SCHEMAS } from '../../../src-shared/schemas/collectionSchemas';
import { allDocs, closeAll, openDatabase, partnerValue, PROFILE } from './support';

const T = '2026-03-01T09:00:00.000Z';

function task(id: string, overrides: Partial<Task> = {}): Task {
  return {
    id,
    createdAt: T,
    updatedAt: T,
    partnerId: 'p1',
    phase: 'activation',
    category: 'sales',
    title: `Task ${id}`,
    guidance: '',
    key: `custom-${id}`,
    dueOffset: 10,
    dueDate: '2026-03-11',
    ownerSide: 'vendor',
    ownerName: '',
    required: true,
    status: 'open',
    source: 'custom',
    order: 0,
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the write to be refused');
}

afterEach(closeAll);

describe('the store refuses documents that break the schema', () => {
  it('throws on an invalid insert, explains it in a sentence, and keeps the other data', async () => {
    const db = await openDatabase();
    await db.tasks.insert(task('keep'));
    const before = await allDocs(db, 'tasks');

    const error = await rejection(db.tasks.insert(task('bad', { dueDate: '15/03/2026' })));
    const message = storeErrorMessage(error, 'save the task');
    expect(message).toMatch(/^Could not save the task: /);
    expect(message).toContain('not valid');
    expect(message).toContain('Nothing was saved');

    expect(await allDocs(db, 'tasks')).toEqual(before);
  });

  it('names the offending field in the sentence', async () => {
    const db = await openDatabase();
    const error = await rejection(db.tasks.insert(task('bad', { title: 'x'.repeat(301) })));
    expect(storeErrorMessage(error, 'save the task')).toContain('title');
  });

  it('reports every problem of a refused row with its field, in words (the precompiled validator)', async () => {
    const db = await openDatabase();
    const error = await rejection(db.tasks.insert(task('bad', { title: 'x'.repeat(301), phase: 'lunch' as Task['phase'] })));
    expect(error).toMatchObject({
      parameters: {
        writeError: {
          status: 422,
          validationErrors: [
            { field: '/phase', path: '/phase', message: expect.stringMatching(/^must be one of .* \(got "lunch"\)$/) },
            { field: '/title', path: '/title', message: 'must NOT have more than 300 characters' },
          ],
        },
      },
    });
    expect(storeErrorMessage(error, 'save the task')).toMatch(/^Could not save the task: the data is not valid \(phase: must be one of /);
  });

  it('refuses to write through a validator that no longer matches its schema (edited without `npm run validators`)', async () => {
    const edited = { ...COLLECTION_SCHEMAS.tasks, properties: { ...COLLECTION_SCHEMAS.tasks.properties, extra: { type: 'string' as const, maxLength: 10 } } };
    const db = await openDatabase(undefined, { schemas: { tasks: edited } });
    await expect(db.tasks.insert(task('t1'))).rejects.toThrow(
      `The precompiled validator of the "task" schema (version ${COLLECTION_SCHEMAS.tasks.version}) does not match the schema: run \`npm run validators\` and commit the result.`,
    );
  });

  it('refuses an invalid update and leaves the stored document unchanged', async () => {
    const db = await openDatabase();
    const partner = await createPartner(db, partnerValue(), PROFILE);
    const [first] = await db.tasks.find({ selector: { partnerId: partner.id } }).exec();
    if (!first) throw new Error('no task');
    const before = first.toJSON();

    const error = await rejection(updateTask(db, first.id, { status: 'finished' as Task['status'] }));
    expect(storeErrorMessage(error, 'save the task')).toContain('not valid');
    expect((await db.tasks.findOne(first.id).exec())?.toJSON()).toEqual(before);
  });
});

describe('insertAll (all-or-nothing bulk insert)', () => {
  it('inserts every document when all are valid', async () => {
    const db = await openDatabase();
    await insertAll(db.tasks, [task('a'), task('b'), task('c')]);
    expect((await allDocs(db, 'tasks')).map((t) => t.id)).toEqual(['a', 'b', 'c']);
  });

  it('does nothing for an empty list', async () => {
    const db = await openDatabase();
    await insertAll(db.tasks, []);
    expect(await db.tasks.count().exec()).toBe(0);
  });

  it('removes what it inserted when one document is refused, and throws', async () => {
    const db = await openDatabase();
    await db.tasks.insert(task('existing'));
    const batch = [task('a'), task('b'), task('bad', { title: 'x'.repeat(301) }), task('c')];

    // RxDB's write error (COL20) for the refused document: 422, the schema refused it.
    await expect(insertAll(db.tasks, batch)).rejects.toMatchObject({ code: 'COL20', parameters: { document: 'bad', writeError: { status: 422 } } });

    expect((await allDocs(db, 'tasks')).map((t) => t.id)).toEqual(['existing']);
  });

  it('never removes a document that was already there (an id clash is refused, not overwritten)', async () => {
    const db = await openDatabase();
    const original = task('dup', { title: 'Original' });
    await db.tasks.insert(original);

    // 409: a document with that id is already stored.
    await expect(insertAll(db.tasks, [task('new'), task('dup', { title: 'Imposter' })])).rejects.toMatchObject({
      code: 'COL20',
      parameters: { document: 'dup', writeError: { status: 409 } },
    });

    expect(await allDocs(db, 'tasks')).toEqual([original]);
  });

  it('throws an error that storeErrorMessage turns into a "not valid" sentence', async () => {
    const db = await openDatabase();
    const error = await rejection(insertAll(db.tasks, [task('a'), task('bad', { dueDate: 'soon' })]));
    const message = storeErrorMessage(error, 'import the partners');
    expect(message).toMatch(/^Could not import the partners: the data is not valid/);
    expect(message).not.toContain('[object Object]');
  });
});
