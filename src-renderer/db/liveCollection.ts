import type { RxCollection, RxDocument } from 'rxdb';
import { map, type Observable } from 'rxjs';
import { documentData } from './documentData';

/**
 * Every document of a collection as plain objects, re-emitted on each change. RxDB reuses the
 * RxDocument instance of an unchanged revision, so plain copies are cached per instance and a
 * change to one task does not re-serialise twenty thousand others.
 */
export function liveCollection<T>(collection: RxCollection<T>): Observable<T[]> {
  const cache = new WeakMap<RxDocument<T>, T>();
  return collection.find().$.pipe(
    map((docs) =>
      docs.map((doc) => {
        let plain = cache.get(doc);
        if (!plain) {
          plain = documentData<T>(doc);
          cache.set(doc, plain);
        }
        return plain;
      }),
    ),
  );
}
