/**
 * "Restore the other value" of a ConflictRecord: the inverse of the paths `mergeConflict` writes.
 * A field path is `key`, `key.nested`, `list[itemId]` or `list[itemId].key` (arrays of objects
 * with ids merge by id); `_deleted` is the document's own life. Pure: it plans the write, the
 * caller performs it and stamps `updatedAt`.
 */
import { isPlainObject } from './documentEquality';

type JsonObject = Record<string, unknown>;

export type RestorePlan =
  /** Store this document (a full copy of the current one with the lost value put back). */
  | { kind: 'write'; document: JsonObject }
  /** The lost side had deleted the document: delete it again. */
  | { kind: 'delete' }
  /** Nothing sensible to write; `reason` says why, for the user. */
  | { kind: 'unavailable'; reason: string };

type Segment = { key: string } | { itemId: string };

/** `contacts[c1].email` → key contacts, item c1, key email; null when the path is not one mergeConflict writes. */
export function parseFieldPath(field: string): Segment[] | null {
  const segments: Segment[] = [];
  let rest = field;
  while (rest !== '') {
    const item = /^\[([^\]]+)\]/.exec(rest);
    const key = segments.length === 0 ? /^([^.[\]]+)/.exec(rest) : /^\.([^.[\]]+)/.exec(rest);
    if (item && segments.length > 0) {
      segments.push({ itemId: item[1]! });
      rest = rest.slice(item[0].length);
    } else if (key) {
      segments.push({ key: key[1]! });
      rest = rest.slice(key[0].length);
    } else {
      return null;
    }
  }
  return segments.length > 0 ? segments : null;
}

const clone = <T>(value: T): T => structuredClone(value);

const withoutBookkeeping = (doc: JsonObject): JsonObject => {
  const copy: JsonObject = {};
  for (const [key, value] of Object.entries(doc)) if (!['_deleted', '_meta', '_rev', '_attachments'].includes(key)) copy[key] = value;
  return copy;
};

/**
 * Plans putting `lostValue` back into `current` (the document as it is now on this laptop, or
 * null when it is deleted or missing). A null lost value means the field (or list item) did not
 * exist on the losing side, so restoring removes it.
 */
export function restoreLostValue(current: JsonObject | null, field: string, lostValue: unknown): RestorePlan {
  if (field === '_deleted') {
    if (lostValue === true) return current ? { kind: 'delete' } : { kind: 'unavailable', reason: 'It is already deleted.' };
    if (isPlainObject(lostValue)) return { kind: 'write', document: clone(withoutBookkeeping(lostValue)) };
    return { kind: 'unavailable', reason: 'The other version of this record was not kept.' };
  }
  if (!current) return { kind: 'unavailable', reason: 'This record no longer exists on this laptop.' };
  const path = parseFieldPath(field);
  if (!path) return { kind: 'unavailable', reason: `“${field}” is not a field Partner Desk can restore.` };

  const document = clone(current);
  let parent: unknown = document;
  for (let i = 0; i < path.length; i += 1) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if ('key' in segment) {
      if (!isPlainObject(parent)) return { kind: 'unavailable', reason: 'The record has changed shape since; restore it by hand.' };
      if (last) {
        if (lostValue === null || lostValue === undefined) delete parent[segment.key];
        else parent[segment.key] = clone(lostValue);
        return { kind: 'write', document };
      }
      if (parent[segment.key] === undefined && 'itemId' in path[i + 1]!) parent[segment.key] = [];
      if (parent[segment.key] === undefined) parent[segment.key] = {};
      parent = parent[segment.key];
    } else {
      if (!Array.isArray(parent)) return { kind: 'unavailable', reason: 'The record has changed shape since; restore it by hand.' };
      const list = parent as unknown[];
      const index = list.findIndex((item) => isPlainObject(item) && item.id === segment.itemId);
      if (last) {
        if (lostValue === null || lostValue === undefined) {
          if (index >= 0) list.splice(index, 1);
        } else if (index >= 0) list[index] = clone(lostValue);
        else list.push(clone(lostValue));
        return { kind: 'write', document };
      }
      if (index < 0) return { kind: 'unavailable', reason: 'That entry has been removed since.' };
      parent = list[index];
    }
  }
  return { kind: 'unavailable', reason: `“${field}” is not a field Partner Desk can restore.` };
}
