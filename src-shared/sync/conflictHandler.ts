/**
 * The RxDB conflict handler built on `mergeConflict`, without importing RxDB: the shape matches
 * RxDB 17's `RxConflictHandler` (`isEqual` sync, `resolve` async). The caller stores the losing
 * values (e.g. upserts ConflictRecords with `conflictRecordId(draft)` as id) in `onConflicts`.
 */
import { isSameDocument } from './documentEquality';
import { mergeConflict, type ConflictDraft, type MergeContext, type MergeInput } from './mergeConflict';

type JsonObject = Record<string, unknown>;

export type MergeConflictHandler<T extends JsonObject> = {
  isEqual: (a: T, b: T) => boolean;
  /** The merged document; it always carries `_deleted` (RxDB's `WithDeleted`). */
  resolve: (input: MergeInput<T>) => Promise<T & { _deleted: boolean }>;
};

export type MergeConflictHandlerOptions = MergeContext & {
  onConflicts?: (drafts: ConflictDraft[]) => void | Promise<void>;
};

export function createMergeConflictHandler<T extends JsonObject>(options: MergeConflictHandlerOptions): MergeConflictHandler<T> {
  return {
    isEqual: (a, b) => isSameDocument(a, b),
    resolve: async (input) => {
      const { merged, conflicts } = mergeConflict(input, options);
      if (conflicts.length > 0 && options.onConflicts) await options.onConflicts(conflicts);
      return merged as T & { _deleted: boolean };
    },
  };
}
