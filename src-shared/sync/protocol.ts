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

/**
 * The laptop's own sync bookkeeping on each document (`SyncMeta`: server version, pending change,
 * base state). Written by the client's store, never sent, never stored by the server.
 */
export const SYNC_META_FIELD = 'sync';

/** Fields that never travel: RxDB's bookkeeping and the client's sync bookkeeping. */
export const LOCAL_ONLY_FIELDS = [...RXDB_LOCAL_FIELDS, SYNC_META_FIELD] as const;

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

// ---- protocol 2: one feed, server versions, pushes with a base version ----------------------

/** `GET /api/sync/pull?checkpoint=<epoch>.<seq>&limit=<n>[&collections=a,b]` */
export const FEED_PULL_PATH = '/api/sync/pull';
/** `POST /api/sync/push` with a `FeedPushRequest` body. */
export const FEED_PUSH_PATH = '/api/sync/push';
/** The change stream of protocol 2 (`FeedStreamEvent`s). */
export const FEED_STREAM_PATH = '/api/sync/stream?protocol=2';
export const FEED_PULL_LIMIT_DEFAULT = 500;
/** Larger `limit` values are capped to this. */
export const FEED_PULL_LIMIT_MAX = 2000;
/** More rows in one push request is a 400. */
export const FEED_PUSH_ROWS_MAX = 200;

/**
 * One state of one document in the feed. `seq` is the document's **server version**: the feed
 * position of this state. Of two states of one document, the one with the larger `seq` is newer,
 * whichever way (pull or stream) each arrived.
 */
export type FeedChange = { collection: CollectionName; seq: number; document: SyncDocument };

export type FeedPullResponse = {
  /** In seq order; each document at most once (its latest state the user may see). */
  changes: FeedChange[];
  /** Pull again from here; the seq of the last change, or the request's when there was none. */
  checkpoint: SyncCheckpoint;
  /** True when more changes follow this page. */
  more: boolean;
  /** The feed head when the page was read (for progress: how far `checkpoint.seq` still is from it). */
  head: number;
  /**
   * The request's checkpoint does not belong to this server's feed (another epoch, or a seq ahead
   * of the head: a database restored from a backup). The answer starts from the beginning, and
   * the versions the client holds are meaningless: it must take every state of this pull as
   * newer than its own (pending local changes are merged onto them).
   */
  reset: boolean;
};

/** One row of `POST /api/sync/push`. */
export type FeedPushRow = {
  collection: CollectionName;
  /** The server version the change was made from; null for a document the server never sent. */
  baseSeq: number | null;
  /** The full new state (`_deleted: true` for a delete). */
  document: SyncDocument;
};

export type FeedPushRequest = { rows: FeedPushRow[] };

/**
 * The answer for one push row, in row order:
 * - `accepted`: stored (or already stored: a replay changes nothing) at version `seq`; `document`
 *   is present when the stored state differs from the pushed one (server-owned fields, such as a
 *   partner's `ownerEmail`, were set by the server): the client must take it;
 * - `conflict`: the stored version is not `baseSeq`; nothing was written; `document` is the
 *   current state at version `seq` (merge onto it and push again with `baseSeq: seq`);
 * - `rejected`: the row can never be written as it is (`unknown_partner`: a child of a partner the
 *   server does not have and that is not created earlier in the same push).
 */
export type FeedPushResult =
  | { status: 'accepted'; seq: number; document?: SyncDocument }
  | { status: 'conflict'; seq: number; document: SyncDocument }
  | { status: 'rejected'; error: 'unknown_partner'; message: string };

export type FeedPushResponse = { results: FeedPushResult[] };

/** Events of `GET /api/sync/stream?protocol=2`. */
export type FeedStreamEvent =
  | { type: 'resync' }
  /**
   * Changes committed after the stream's previous event: every change the user may see with
   * `from < seq <= checkpoint.seq`. A client whose stored checkpoint is at least `from` may adopt
   * `checkpoint`; otherwise it applies the changes and keeps its checkpoint (a pull fills the gap).
   */
  | { type: 'changes'; changes: FeedChange[]; from: number; checkpoint: SyncCheckpoint }
  | { type: 'closed'; reason: 'unauthorized' | 'shutdown' | 'overloaded' };

/** Path (with query) of a protocol-2 pull. */
export function feedPullPath(checkpoint: SyncCheckpoint | null | undefined, limit: number, collections?: readonly CollectionName[]): string {
  const params = new URLSearchParams({ checkpoint: formatCheckpoint(checkpoint), limit: String(limit) });
  if (collections && collections.length > 0) params.set('collections', collections.join(','));
  return `${FEED_PULL_PATH}?${params.toString()}`;
}
