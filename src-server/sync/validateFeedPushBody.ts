/**
 * Validates a protocol-2 push body (`FeedPushRequest`, `{rows: [{collection, baseSeq, document}]}`).
 * The envelope (an object with a `rows` array, each row's `collection` and `baseSeq`) is checked
 * here and a malformed one is a 400 `bad_request` naming the row and the member; each document
 * then goes through exactly protocol 1's checks (`validatePushBody`: structure, ids, `_deleted`,
 * the collection's JSON schema) and a bad one is a 400 `invalid_document` naming the row index,
 * the document id and the field.
 */
import type { CollectionName } from '../../src-shared/domain/types';
import { isPlainObject } from '../../src-shared/sync/documentEquality';
import { FEED_PUSH_ROWS_MAX, isCollectionName, type ApiError, type DocumentProblem } from '../../src-shared/sync/protocol';
import { validatePushBody, type ValidatedPushRow } from './validatePushBody';

export type ValidatedFeedRow = ValidatedPushRow & { collection: CollectionName; baseSeq: number | null };

export type FeedPushBodyResult = { ok: true; rows: ValidatedFeedRow[] } | { ok: false; error: ApiError };

const MAX_REPORTED = 20;

const bad = (message: string): FeedPushBodyResult => ({ ok: false, error: { error: 'bad_request', message } });

const describeValue = (value: unknown): string => {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

export function validateFeedPushBody(body: unknown): FeedPushBodyResult {
  if (!isPlainObject(body) || !Array.isArray(body.rows)) return bad('body must be a JSON object {"rows": [{collection, baseSeq, document}, …]}');
  const rawRows: unknown[] = body.rows;
  if (rawRows.length > FEED_PUSH_ROWS_MAX) return bad(`at most ${FEED_PUSH_ROWS_MAX} rows per push (got ${rawRows.length})`);

  // The envelope first: a malformed row is a client bug, reported before any document.
  for (const [index, row] of rawRows.entries()) {
    if (!isPlainObject(row)) return bad(`rows[${index}] must be an object {collection, baseSeq, document}`);
    if (!isCollectionName(row.collection)) return bad(`rows[${index}].collection: unknown or missing collection (${describeValue(row.collection)})`);
    const baseSeq = row.baseSeq;
    if (baseSeq !== null && !(typeof baseSeq === 'number' && Number.isSafeInteger(baseSeq) && baseSeq >= 0)) {
      return bad(`rows[${index}].baseSeq must be null or a non-negative integer (got ${describeValue(baseSeq)})`);
    }
    if (!isPlainObject(row.document)) return bad(`rows[${index}].document must be an object`);
  }

  const rows: ValidatedFeedRow[] = [];
  const problems: DocumentProblem[] = [];
  const seen = new Set<string>();
  for (const [index, raw] of rawRows.entries()) {
    if (problems.length >= MAX_REPORTED) break;
    const row = raw as { collection: CollectionName; baseSeq: number | null; document: Record<string, unknown> };
    // Protocol 1's per-document checks, on a one-row body; the problem is renumbered to this row.
    const checked = validatePushBody(row.collection, [{ newDocumentState: row.document }]);
    if (!checked.ok) {
      for (const problem of checked.error.documents ?? [{ index: 0, message: checked.error.message }]) problems.push({ ...problem, index });
      continue;
    }
    const validated = checked.rows[0] as ValidatedPushRow;
    const key = `${row.collection}\u0000${validated.id}`;
    if (seen.has(key)) {
      problems.push({ index, id: validated.id, field: '/id', message: `the same ${row.collection} id appears twice in one push` });
      continue;
    }
    seen.add(key);
    rows.push({ ...validated, index, collection: row.collection, baseSeq: row.baseSeq });
  }
  if (problems.length > 0) {
    const first = problems[0] as DocumentProblem;
    const where = `document ${first.index}${first.id !== undefined ? ` (id ${JSON.stringify(first.id)})` : ''}${first.field !== undefined ? `, field ${first.field}` : ''}`;
    return { ok: false, error: { error: 'invalid_document', message: `${where}: ${first.message}`, documents: problems } };
  }
  return { ok: true, rows };
}
