/**
 * Structural equality of synced documents, used by the server (push: is the stored document the
 * client's `assumedMasterState`?) and by the client conflict handler (`isEqual`). Key order is
 * ignored, a key holding `undefined` counts as absent (JSON semantics), RxDB's local bookkeeping
 * fields are ignored, and a missing `_deleted` counts as `false`.
 */
import { LOCAL_ONLY_FIELDS } from './protocol';

type JsonObject = Record<string, unknown>;

const LOCAL_FIELDS: ReadonlySet<string> = new Set(LOCAL_ONLY_FIELDS);

export function isPlainObject(value: unknown): value is JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Deep equality of JSON-like values, ignoring object key order and `undefined` members. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b) return false;
  if (typeof a === 'number') return Number.isNaN(a) && Number.isNaN(b as number);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (isPlainObject(a)) {
    if (!isPlainObject(b)) return false;
    const aKeys = Object.keys(a).filter((key) => a[key] !== undefined);
    const bKeys = Object.keys(b).filter((key) => b[key] !== undefined);
    if (aKeys.length !== bKeys.length) return false;
    for (const key of aKeys) {
      if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
      if (!deepEqual(a[key], b[key])) return false;
    }
    return true;
  }
  return false;
}

/** A copy without local-only fields (RxDB's `_meta`, `_rev`, `_attachments`; the client's `sync`), `_deleted` as boolean. */
export function stripLocalFields<T extends JsonObject>(doc: T): T & { _deleted: boolean } {
  const copy: JsonObject = {};
  for (const key of Object.keys(doc)) {
    if (LOCAL_FIELDS.has(key) || doc[key] === undefined) continue;
    copy[key] = doc[key];
  }
  copy._deleted = doc._deleted === true;
  return copy as T & { _deleted: boolean };
}

/** True when two documents hold the same synced state. */
export function isSameDocument(a: JsonObject | null | undefined, b: JsonObject | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return deepEqual(stripLocalFields(a), stripLocalFields(b));
}
