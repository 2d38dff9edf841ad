import { newId, nowIso } from '../../../src-shared/domain/ids';
import type { Resource } from '../../../src-shared/domain/types';
import { replacementProblem, validateResourceInput, type ResourceInput } from '../../../src-shared/resources/resourceRules';
import type { AppDatabase } from '../../db/appDatabase';

function checked(input: ResourceInput) {
  const result = validateResourceInput(input);
  if (!result.ok) throw new Error(result.error);
  const { kind, title, description, url, file, audience, phase, version } = result.value;
  return {
    kind,
    title,
    audience,
    phase,
    version,
    ...(description ? { description } : {}),
    ...(kind === 'link' ? { url } : {}),
    ...(kind === 'file' && file ? { file } : {}),
  };
}

/** Adds a resource to the library (admins); a file's bytes are cached and queued separately (files/fileCache.ts). */
export async function createResource(db: AppDatabase, input: ResourceInput, createdBy: string): Promise<string> {
  const now = nowIso();
  const doc: Resource = { id: newId(), createdAt: now, updatedAt: now, createdBy, ...checked(input) };
  await db.resources.insert(doc);
  return doc.id;
}

export async function updateResource(db: AppDatabase, id: string, input: ResourceInput): Promise<void> {
  const doc = await db.resources.findOne(id).exec();
  if (!doc) throw new Error('This resource is no longer on this laptop.');
  const fields = checked(input);
  await doc.incrementalModify((old) => {
    const { url: _url, file: _file, description: _description, ...rest } = old;
    return { ...rest, ...fields, updatedAt: nowIso() };
  });
}

/** Marks `id` replaced by `replacement` (a current resource); the old one stops showing as current everywhere. */
export async function markReplaced(db: AppDatabase, id: string, replacement: string): Promise<void> {
  const all = (await db.resources.find().exec()).map((doc) => doc.toJSON() as Resource);
  const problem = replacementProblem(all, id, replacement);
  if (problem) throw new Error(`Cannot mark it replaced: ${problem}.`);
  const doc = await db.resources.findOne(id).exec();
  if (!doc) throw new Error('This resource is no longer on this laptop.');
  await doc.incrementalPatch({ replacedBy: replacement, updatedAt: nowIso() });
}
