/**
 * Validates a push request body: an array of RxDB push rows whose `newDocumentState` must pass
 * the collection's JSON schema, checked by the same precompiled validator the client and backups
 * use (src-shared/schemas/schemaValidation.ts). Every problem names the row index, the document
 * id and the field.
 */
import type { CollectionName } from '../../src-shared/domain/types';
import { validateDocument } from '../../src-shared/schemas/schemaValidation';
import { isPlainObject, stripLocalFields } from '../../src-shared/sync/documentEquality';
import { DOCUMENT_DEPTH_MAX, PUSH_ROWS_MAX, type ApiError, type DocumentProblem, type SyncDocument } from '../../src-shared/sync/protocol';
import { inspectJson } from './inspectJson';

export type ValidatedPushRow = {
  index: number;
  id: string;
  /** The new state without `_deleted` and RxDB local fields. */
  data: Record<string, unknown>;
  deleted: boolean;
  assumed: SyncDocument | null;
};

export type PushBodyResult = { ok: true; rows: ValidatedPushRow[] } | { ok: false; error: ApiError };

const LIMITS = { maxDepth: DOCUMENT_DEPTH_MAX, maxNodes: 100_000 };
const MAX_REPORTED = 20;

const bad = (message: string): PushBodyResult => ({ ok: false, error: { error: 'bad_request', message } });

export function validatePushBody(collection: CollectionName, body: unknown): PushBodyResult {
  if (!Array.isArray(body)) return bad('body must be a JSON array of push rows {newDocumentState, assumedMasterState?}');
  if (body.length > PUSH_ROWS_MAX) return bad(`at most ${PUSH_ROWS_MAX} rows per push`);
  const problems: DocumentProblem[] = [];
  const rows: ValidatedPushRow[] = [];
  const seen = new Set<string>();
  for (let index = 0; index < body.length && problems.length < MAX_REPORTED; index += 1) {
    const row: unknown = body[index];
    const problem = (message: string, field?: string, id?: string) =>
      problems.push({ index, ...(id !== undefined ? { id } : {}), ...(field !== undefined ? { field } : {}), message });
    if (!isPlainObject(row) || !isPlainObject(row.newDocumentState)) {
      problem('row must be an object with an object newDocumentState');
      continue;
    }
    const rawId = row.newDocumentState.id;
    const id = typeof rawId === 'string' && rawId !== '' && rawId.length <= 64 ? rawId : undefined;
    const structural = inspectJson(row.newDocumentState, LIMITS);
    if (structural) {
      problem(structural.message, structural.field, id);
      continue;
    }
    if (id === undefined) {
      problem('id must be a non-empty string of at most 64 characters', '/id');
      continue;
    }
    if (seen.has(id)) {
      problem('the same id appears twice in one push', '/id', id);
      continue;
    }
    seen.add(id);
    const deletedFlag = row.newDocumentState._deleted;
    if (deletedFlag !== undefined && typeof deletedFlag !== 'boolean') {
      problem('must be a boolean', '/_deleted', id);
      continue;
    }
    const { _deleted: _ignored, ...data } = stripLocalFields(row.newDocumentState);
    const [violation] = validateDocument(collection, data);
    if (violation) {
      problem(violation.message, violation.path, id);
      continue;
    }
    const assumedRaw = row.assumedMasterState;
    let assumed: SyncDocument | null = null;
    if (assumedRaw !== undefined && assumedRaw !== null) {
      if (!isPlainObject(assumedRaw)) {
        problem('assumedMasterState must be an object or null', undefined, id);
        continue;
      }
      const assumedProblem = inspectJson(assumedRaw, LIMITS);
      if (assumedProblem) {
        problem(`assumedMasterState: ${assumedProblem.message}`, assumedProblem.field, id);
        continue;
      }
      if (assumedRaw.id !== id) {
        problem('assumedMasterState.id differs from newDocumentState.id', '/id', id);
        continue;
      }
      assumed = stripLocalFields(assumedRaw) as SyncDocument;
    }
    rows.push({ index, id, data, deleted: deletedFlag === true, assumed });
  }
  if (problems.length > 0) {
    const first = problems[0] as DocumentProblem;
    const where = `document ${first.index}${first.id !== undefined ? ` (id ${JSON.stringify(first.id)})` : ''}${first.field !== undefined ? `, field ${first.field}` : ''}`;
    return {
      ok: false,
      error: { error: 'invalid_document', message: `${where}: ${first.message}`, documents: problems },
    };
  }
  return { ok: true, rows };
}
