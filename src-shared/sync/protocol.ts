/**
 * Wire types and limits of the sync protocol, shared by the server and every client. The full
 * description is in docs/sync-protocol.md.
 */
import { COLLECTION_NAMES, type CollectionName } from '../domain/types';
import { formatCheckpoint, type SyncCheckpoint } from './checkpoint';

export const PULL_LIMIT_DEFAULT = 100;
/** Larger `limit` values are silently capped to this. */
export const PULL_LIMIT_MAX = 500;
/** More rows in one push request is a 400; clients should use a push batch size ≤ 100. */
export const PUSH_ROWS_MAX = 200;
/** Request bodies above this are refused with 413 (push). */
export const PUSH_BODY_LIMIT_BYTES = 8 * 1024 * 1024;
/** Documents nested deeper than this are refused with 400. */
export const DOCUMENT_DEPTH_MAX = 32;
/** Session tokens expire this long after login. */
export const TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** RxDB bookkeeping fields: never stored on the server and ignored when comparing documents. */
export const RXDB_LOCAL_FIELDS = ['_meta', '_rev', '_attachments'] as const;

export type UserRole = 'manager' | 'admin';

export type SyncTeam = { id: string; name: string };

export type SyncUser = {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  teams: SyncTeam[];
};

export type LoginRequest = { email: string; password: string };
export type LoginResponse = { token: string; expiresAt: string; user: SyncUser };
export type MeResponse = { user: SyncUser; expiresAt: string };
export type HealthResponse = { status: 'ok'; time: string };

/** A document as it travels: the collection's fields plus `_deleted` (tombstones are kept). */
export type SyncDocument = { id: string; _deleted: boolean } & Record<string, unknown>;

/** One row of `POST /api/sync/:collection/push`, exactly RxDB's push row. */
export type PushRow = {
  newDocumentState: SyncDocument;
  assumedMasterState?: SyncDocument | null;
};

/** `GET /api/sync/:collection/pull` answer; `documents` may contain revocation tombstones. */
export type PullResponse = { documents: SyncDocument[]; checkpoint: SyncCheckpoint };

/** `POST /api/sync/:collection/push` answer: the current master state of every conflicting row. */
export type PushResponse = SyncDocument[];

export type ApiErrorCode =
  | 'bad_request'
  | 'invalid_document'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'unknown_collection'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

/** A problem with one pushed row (400 `invalid_document`, 403 `forbidden`). */
export type DocumentProblem = {
  /** Position of the row in the pushed array. */
  index: number;
  id?: string;
  /** JSON pointer of the offending field inside `newDocumentState`, e.g. `/contacts/0/email`. */
  field?: string;
  message: string;
};

export type ApiError = {
  error: ApiErrorCode;
  message: string;
  documents?: DocumentProblem[];
};

/** Events of `GET /api/sync/stream` (SSE `event:` name → JSON `data:`). */
export type SyncStreamEvent =
  | { type: 'change'; collection: CollectionName; documents: SyncDocument[]; checkpoint: SyncCheckpoint }
  | { type: 'resync' }
  | { type: 'closed'; reason: 'unauthorized' | 'shutdown' | 'overloaded' };

export const STREAM_PATH = '/api/sync/stream';

export function isCollectionName(value: unknown): value is CollectionName {
  return typeof value === 'string' && (COLLECTION_NAMES as readonly string[]).includes(value);
}

/** Path (with query) of a pull request. */
export function pullPath(collection: CollectionName, checkpoint: SyncCheckpoint | null | undefined, limit: number): string {
  const params = new URLSearchParams({ checkpoint: formatCheckpoint(checkpoint), limit: String(limit) });
  return `/api/sync/${collection}/pull?${params.toString()}`;
}

export function pushPath(collection: CollectionName): string {
  return `/api/sync/${collection}/push`;
}
