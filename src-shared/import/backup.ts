import { COLLECTION_NAMES, type CollectionDocs, type CollectionName, type IsoTimestamp } from '../domain/types';
import { validateDocument } from '../schemas/schemaValidation';

/** Marker every Partner Desk backup file carries, so any other JSON file is refused. */
export const BACKUP_FORMAT = 'partner-desk-backup';
/** The backup layout version this code writes and reads. */
export const BACKUP_VERSION = 1;

/** Documents of every collection, keyed by collection name. */
export type BackupCollections = { [K in CollectionName]: CollectionDocs[K][] };

/** A full JSON backup of the local data. */
export type Backup = {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: IsoTimestamp;
  collections: BackupCollections;
};

/** Stop listing document problems after this many; a file this broken needs a look anyway. */
export const MAX_BACKUP_ERRORS = 20;

/**
 * Builds a backup from the documents of each collection. A collection that is not passed is
 * written as an empty list, so a backup always names all collections.
 */
export function createBackup(
  collections: { [K in CollectionName]?: readonly CollectionDocs[K][] },
  exportedAt: IsoTimestamp,
): Backup {
  const all = {} as Record<CollectionName, unknown[]>;
  for (const name of COLLECTION_NAMES) {
    all[name] = [...(collections[name] ?? [])];
  }
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, collections: all as BackupCollections };
}

/** Serialises a backup as pretty-printed JSON (stable key order as built). */
export function backupToJson(backup: Backup): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}

export type ParseBackupResult =
  | { ok: true; value: Backup }
  /** `error` is the whole message for the user; `details` lists each problem on its own. */
  | { ok: false; error: string; details: string[] };

const fail = (error: string, details: string[] = []): ParseBackupResult => ({ ok: false, error, details });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shortId(id: unknown): string {
  if (typeof id !== 'string') return 'no id';
  return id.length > 12 ? `id ${id.slice(0, 8)}…` : `id ${id}`;
}

/**
 * Reads a backup file's text. Rules, checked in order, each with its own message:
 * - the text is JSON (syntax errors are reported as such);
 * - it carries `format: "partner-desk-backup"` and `version: 1` (a newer version asks the user
 *   to update the app rather than guessing);
 * - `exportedAt` is a string and `collections` an object whose keys are all known collections
 *   (a missing collection reads as empty, so backups from before a collection existed restore);
 * - every document validates against its collection schema and ids are unique per collection.
 *   Document problems name the collection, the document (index and id) and the field, e.g.
 *   `tasks[12] (id 9c1f03ab…): /dueDate must match pattern …`; listing stops after
 *   MAX_BACKUP_ERRORS problems.
 */
export function parseBackup(text: string): ParseBackupResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`This file is not a Partner Desk backup: it is not valid JSON (${reason}).`);
  }
  if (!isRecord(data)) {
    return fail('This file is not a Partner Desk backup: it does not contain a backup object.');
  }
  if (data.format !== BACKUP_FORMAT) {
    return fail(
      data.format === undefined
        ? 'This file is not a Partner Desk backup: the "format" marker is missing.'
        : `This file is not a Partner Desk backup: its format is ${JSON.stringify(data.format)}, expected "${BACKUP_FORMAT}".`,
    );
  }
  if (data.version !== BACKUP_VERSION) {
    if (typeof data.version === 'number' && data.version > BACKUP_VERSION) {
      return fail(
        `This backup was made by a newer version of Partner Desk (backup version ${data.version}); update the app to restore it.`,
      );
    }
    return fail(`This backup has an unsupported version ${JSON.stringify(data.version)} (expected ${BACKUP_VERSION}).`);
  }
  if (typeof data.exportedAt !== 'string' || Number.isNaN(Date.parse(data.exportedAt))) {
    return fail('This backup is damaged: "exportedAt" is missing or not a timestamp.');
  }
  if (!isRecord(data.collections)) {
    return fail('This backup is damaged: "collections" is missing or not an object.');
  }

  const known = new Set<string>(COLLECTION_NAMES);
  const unknown = Object.keys(data.collections).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    return fail(
      `This backup contains unknown collection${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')}; it may come from a newer version of Partner Desk.`,
    );
  }

  const problems: string[] = [];
  let truncated = false;
  const add = (problem: string): boolean => {
    if (problems.length >= MAX_BACKUP_ERRORS) {
      truncated = true;
      return false;
    }
    problems.push(problem);
    return true;
  };

  const collections = {} as Record<CollectionName, unknown[]>;
  outer: for (const name of COLLECTION_NAMES) {
    const docs = data.collections[name];
    if (docs === undefined) {
      collections[name] = [];
      continue;
    }
    if (!Array.isArray(docs)) {
      if (!add(`${name}: must be a list of documents`)) break;
      continue;
    }
    collections[name] = docs;
    const seen = new Map<string, number>();
    for (let i = 0; i < docs.length; i += 1) {
      const doc: unknown = docs[i];
      const label = `${name}[${i}] (${shortId(isRecord(doc) ? doc.id : undefined)})`;
      for (const violation of validateDocument(name, doc)) {
        if (!add(`${label}: ${violation.path} ${violation.message}`)) break outer;
      }
      if (isRecord(doc) && typeof doc.id === 'string') {
        const first = seen.get(doc.id);
        if (first !== undefined) {
          if (!add(`${label}: /id duplicates ${name}[${first}]`)) break outer;
        } else {
          seen.set(doc.id, i);
        }
      }
    }
  }

  if (problems.length > 0) {
    const more = truncated ? `\n…and more; stopped after ${MAX_BACKUP_ERRORS} problems.` : '';
    return fail(
      `This backup cannot be restored: ${problems.length}${truncated ? '+' : ''} document problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `- ${p}`).join('\n')}${more}`,
      problems,
    );
  }

  return {
    ok: true,
    value: {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: data.exportedAt,
      collections: collections as BackupCollections,
    },
  };
}

/** The local copy's id and last-change time of one document, all the plan needs. */
export type LocalDocStamp = { id: string; updatedAt: string };

/** A document the backup has but the local copy changed later. */
export type RestoreConflict = {
  collection: CollectionName;
  id: string;
  localUpdatedAt: string;
  backupUpdatedAt: string;
};

/** Per-collection numbers for the confirmation dialog. */
export type RestoreCounts = {
  /** In the backup, not local: will be added. */
  add: number;
  /** Backup newer than local (or forced with `overwriteNewer`): will be replaced. */
  update: number;
  /** Same `updatedAt` on both sides: left as is. */
  unchanged: number;
  /** Local newer than the backup: kept unless `overwriteNewer`. */
  newerLocal: number;
};

export type RestorePlan = {
  /** Backup documents to insert. */
  add: BackupCollections;
  /** Backup documents that replace the local ones. */
  update: BackupCollections;
  /** Backup documents not written because the local copy is newer. */
  skipOlder: BackupCollections;
  /** Every document where the local copy is newer than the backup (whether or not overwritten). */
  conflicts: RestoreConflict[];
  counts: Record<CollectionName, RestoreCounts>;
  totals: RestoreCounts;
};

export type RestoreOptions = {
  /** The user confirmed replacing local documents that are newer than the backup. */
  overwriteNewer?: boolean;
};

/** Compares two ISO timestamps by instant (falls back to text order if either is unparsable). */
function compareStamps(a: string, b: string): number {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return a < b ? -1 : a > b ? 1 : 0;
  return ta - tb;
}

function emptyCollections(): BackupCollections {
  const out = {} as Record<CollectionName, unknown[]>;
  for (const name of COLLECTION_NAMES) out[name] = [];
  return out as BackupCollections;
}

/**
 * Decides what restoring a backup does to each document, by id and `updatedAt`:
 * - not present locally → add;
 * - backup newer than local → update;
 * - identical `updatedAt` → unchanged (nothing written);
 * - local newer than backup → listed in `conflicts`, counted as `newerLocal`, and NOT
 *   overwritten (`skipOlder`) unless the caller passes `{ overwriteNewer: true }` after asking
 *   the user, in which case it moves to `update`.
 * Local documents the backup does not have are never touched.
 */
export function planRestore(
  backup: Backup,
  local: { [K in CollectionName]?: readonly LocalDocStamp[] },
  options: RestoreOptions = {},
): RestorePlan {
  const plan: RestorePlan = {
    add: emptyCollections(),
    update: emptyCollections(),
    skipOlder: emptyCollections(),
    conflicts: [],
    counts: {} as Record<CollectionName, RestoreCounts>,
    totals: { add: 0, update: 0, unchanged: 0, newerLocal: 0 },
  };
  for (const name of COLLECTION_NAMES) {
    const counts: RestoreCounts = { add: 0, update: 0, unchanged: 0, newerLocal: 0 };
    const localById = new Map<string, string>();
    for (const doc of local[name] ?? []) localById.set(doc.id, doc.updatedAt);
    const add = plan.add[name] as CollectionDocs[CollectionName][];
    const update = plan.update[name] as CollectionDocs[CollectionName][];
    const skip = plan.skipOlder[name] as CollectionDocs[CollectionName][];
    for (const doc of backup.collections[name] as CollectionDocs[CollectionName][]) {
      const localUpdatedAt = localById.get(doc.id);
      if (localUpdatedAt === undefined) {
        add.push(doc);
        counts.add += 1;
        continue;
      }
      const order = compareStamps(doc.updatedAt, localUpdatedAt);
      if (order > 0) {
        update.push(doc);
        counts.update += 1;
      } else if (order === 0) {
        counts.unchanged += 1;
      } else {
        counts.newerLocal += 1;
        plan.conflicts.push({ collection: name, id: doc.id, localUpdatedAt, backupUpdatedAt: doc.updatedAt });
        if (options.overwriteNewer === true) {
          update.push(doc);
          counts.update += 1;
        } else {
          skip.push(doc);
        }
      }
    }
    plan.counts[name] = counts;
    plan.totals.add += counts.add;
    plan.totals.update += counts.update;
    plan.totals.unchanged += counts.unchanged;
    plan.totals.newerLocal += counts.newerLocal;
  }
  return plan;
}
