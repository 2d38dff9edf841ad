import type { Observable, Subscription } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { liveCollection } from '../../../src-renderer/db/liveCollection';
import type { Task } from '../../../src-shared/domain/types';
import { closeAll, openDatabase } from './support';

const T = '2026-03-01T09:00:00.000Z';

function task(id: string, title: string): Task {
  return {
    id,
    createdAt: T,
    updatedAt: T,
    partnerId: 'p1',
    phase: 'activation',
    category: 'sales',
    title,
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
  };
}

/** How long `next` waits for an emission: generous, for a machine running two suites on 2 cores. */
const EMISSION_LIMIT_MS = 30_000;

/** Subscribes once and hands out the emissions that arrive after each call to `next`. */
function record<T>(source: Observable<T>) {
  const pending: T[] = [];
  let waiting: ((value: T) => void) | null = null;
  const subscription: Subscription = source.subscribe((value) => {
    if (waiting) {
      const resolve = waiting;
      waiting = null;
      resolve(value);
    } else {
      pending.push(value);
    }
  });
  return {
    /** The oldest emission not yet taken, waiting up to EMISSION_LIMIT_MS for one. */
    next(): Promise<T> {
      const queued = pending.shift();
      if (queued !== undefined) return Promise.resolve(queued);
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no emission within ${EMISSION_LIMIT_MS / 1000} s`)), EMISSION_LIMIT_MS);
        waiting = (value) => {
          clearTimeout(timer);
          resolve(value);
        };
      });
    },
    stop: () => subscription.unsubscribe(),
  };
}

afterEach(closeAll);

describe('liveCollection', () => {
  it('emits the current documents, then again on insert, update and delete', async () => {
    const db = await openDatabase();
    await db.tasks.insert(task('a', 'First'));
    const live = record(liveCollection(db.tasks));
    try {
      expect((await live.next()).map((t) => t.title)).toEqual(['First']);

      await db.tasks.insert(task('b', 'Second'));
      expect((await live.next()).map((t) => t.title).sort()).toEqual(['First', 'Second']);

      await (await db.tasks.findOne('a').exec())?.incrementalPatch({ title: 'First (edited)' });
      expect((await live.next()).map((t) => t.title).sort()).toEqual(['First (edited)', 'Second']);

      await db.tasks.findOne('b').remove();
      expect((await live.next()).map((t) => t.title)).toEqual(['First (edited)']);
    } finally {
      live.stop();
    }
  });

  it('emits plain objects and reuses the copy of a document that did not change', async () => {
    const db = await openDatabase();
    await db.tasks.bulkInsert([task('a', 'A'), task('b', 'B')]);
    const live = record(liveCollection(db.tasks));
    try {
      const first = await live.next();
      const plainA = first.find((t) => t.id === 'a');
      const plainB = first.find((t) => t.id === 'b');
      expect(plainA).toEqual(task('a', 'A'));

      await (await db.tasks.findOne('b').exec())?.incrementalPatch({ status: 'done', completedOn: '2026-03-02' });
      const second = await live.next();
      expect(second.find((t) => t.id === 'a')).toBe(plainA);
      const changed = second.find((t) => t.id === 'b');
      expect(changed).not.toBe(plainB);
      expect(changed).toMatchObject({ status: 'done', completedOn: '2026-03-02' });
      // the earlier emission is not mutated behind the screen's back
      expect(plainB?.status).toBe('open');
    } finally {
      live.stop();
    }
  });
});
