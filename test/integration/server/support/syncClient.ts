/** A minimal protocol client for the integration tests (fetch + SSE over fetch). */
import { formatCheckpoint, type SyncCheckpoint } from '../../../../src-shared/sync/checkpoint';
import { parseSyncStreamEvent } from '../../../../src-shared/sync/sseParser';
import { openSseStream, type SseStreamClient } from '../../sync/support/sseStream';
import {
  feedPullPath,
  FEED_PUSH_PATH,
  FEED_STREAM_PATH,
  type FeedPullResponse,
  type FeedPushResponse,
  type FeedPushRow,
  type FeedStreamEvent,
  type PullResponse,
  type PushRow,
  type SyncDocument,
  type SyncStreamEvent,
  type UserRole,
} from '../../../../src-shared/sync/protocol';
import type { CollectionName } from '../../../../src-shared/domain/types';
import type { SyncServer } from '../../../../src-server/createServer';

export type HttpResult<T = unknown> = { status: number; body: T; text: string };

export type Api = {
  token: string;
  request: <T = unknown>(method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<HttpResult<T>>;
  pull: (collection: CollectionName, checkpoint?: SyncCheckpoint | null, limit?: number) => Promise<HttpResult<PullResponse>>;
  push: (collection: CollectionName, rows: PushRow[]) => Promise<HttpResult<SyncDocument[]>>;
  /** Pulls pages until an empty one; returns the documents (latest per id) and the last checkpoint. */
  pullAll: (collection: CollectionName, from?: SyncCheckpoint | null) => Promise<{ documents: SyncDocument[]; checkpoint: SyncCheckpoint | null; pages: number }>;
  /** Protocol 2: one page of the single feed. */
  feedPull: (checkpoint?: SyncCheckpoint | null, limit?: number, collections?: CollectionName[]) => Promise<HttpResult<FeedPullResponse>>;
  /** Protocol 2: a push of rows of any collections. */
  feedPush: (rows: FeedPushRow[]) => Promise<HttpResult<FeedPushResponse>>;
  /** Protocol 2: pulls until `more` is false; the latest state per collection/id, the last checkpoint, the pages. */
  feedPullAll: (from?: SyncCheckpoint | null, limit?: number) => Promise<{ documents: Map<string, FeedChangeState>; checkpoint: SyncCheckpoint; pages: FeedPullResponse[] }>;
};

/** The latest state of one document seen through protocol 2. */
export type FeedChangeState = { collection: CollectionName; seq: number; document: SyncDocument };

export const feedKey = (collection: CollectionName, id: string) => `${collection}/${id}`;

export function apiFor(server: Pick<SyncServer, 'url'>, token = ''): Api {
  const request = async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResult<T>> => {
    const init: RequestInit = {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    };
    const response = await fetch(server.url + path, init);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      // keep text
    }
    return { status: response.status, body: parsed as T, text };
  };
  const pull = (collection: CollectionName, checkpoint: SyncCheckpoint | null = null, limit = 100) =>
    request<PullResponse>('GET', `/api/sync/${collection}/pull?checkpoint=${encodeURIComponent(formatCheckpoint(checkpoint))}&limit=${limit}`);
  return {
    token,
    request,
    pull,
    push: (collection, rows) => request<SyncDocument[]>('POST', `/api/sync/${collection}/push`, rows),
    feedPull: (checkpoint = null, limit = 500, collections) => request<FeedPullResponse>('GET', feedPullPath(checkpoint, limit, collections)),
    feedPush: (rows) => request<FeedPushResponse>('POST', FEED_PUSH_PATH, { rows }),
    feedPullAll: async (from = null, limit = 500) => {
      const documents = new Map<string, FeedChangeState>();
      const pages: FeedPullResponse[] = [];
      let checkpoint = from;
      for (let page = 1; page <= 1000; page += 1) {
        const result = await request<FeedPullResponse>('GET', feedPullPath(checkpoint, limit));
        if (result.status !== 200) throw new Error(`feed pull failed: ${result.status} ${result.text}`);
        pages.push(result.body);
        for (const change of result.body.changes) documents.set(feedKey(change.collection, change.document.id), change);
        checkpoint = result.body.checkpoint;
        if (!result.body.more) return { documents, checkpoint, pages };
      }
      throw new Error('feedPullAll did not finish');
    },
    pullAll: async (collection, from = null) => {
      const byId = new Map<string, SyncDocument>();
      let checkpoint = from;
      for (let pages = 1; pages <= 1000; pages += 1) {
        const result = await pull(collection, checkpoint, 200);
        if (result.status !== 200) throw new Error(`pull ${collection} failed: ${result.status} ${result.text}`);
        for (const doc of result.body.documents) byId.set(doc.id, doc);
        checkpoint = result.body.checkpoint;
        if (result.body.documents.length === 0) return { documents: [...byId.values()], checkpoint, pages };
      }
      throw new Error('pullAll did not finish');
    },
  };
}

export type SeededUser = { api: Api; email: string; id: string; token: string };

export async function seedUser(server: SyncServer, email: string, options: { teams?: string[]; role?: UserRole; password?: string } = {}): Promise<SeededUser> {
  for (const team of options.teams ?? []) {
    const existing = await server.admin.listTeams();
    if (!existing.some((candidate) => candidate.name === team)) await server.admin.addTeam(team);
  }
  const user = await server.admin.addUser({
    email,
    name: email.split('@')[0] ?? email,
    role: options.role ?? 'manager',
    teams: options.teams ?? [],
    ...(options.password ? { password: options.password } : {}),
  });
  const session = await server.admin.issueToken(email);
  return { api: apiFor(server, session.token), email, id: user.id, token: session.token };
}

export type StreamClient = SseStreamClient<SyncStreamEvent>;

export async function openStream(server: Pick<SyncServer, 'url'>, token: string): Promise<StreamClient> {
  return openSseStream(`${server.url}/api/sync/stream`, token, parseSyncStreamEvent, (events) => JSON.stringify(events.map((event) => event.type)));
}

/** All documents carried by the `change` events received so far for `collection`. */
export function streamedDocuments(stream: StreamClient, collection: CollectionName): SyncDocument[] {
  return stream.events.flatMap((event) => (event.type === 'change' && event.collection === collection ? event.documents : []));
}

export type FeedStreamClient = SseStreamClient<FeedStreamEvent>;

function parseFeedStreamEvent(event: string, data: string): FeedStreamEvent | null {
  let payload: unknown;
  try {
    payload = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof payload !== 'object' || payload === null) return null;
  if (event === 'resync') return { type: 'resync' };
  if (event === 'closed') return { type: 'closed', reason: (payload as { reason: 'unauthorized' | 'shutdown' | 'overloaded' }).reason };
  if (event === 'changes') return { type: 'changes', ...(payload as Omit<Extract<FeedStreamEvent, { type: 'changes' }>, 'type'>) };
  return null;
}

/** A protocol-2 stream (`GET /api/sync/stream?protocol=2`). */
export async function openFeedStream(server: Pick<SyncServer, 'url'>, token: string): Promise<FeedStreamClient> {
  return openSseStream(server.url + FEED_STREAM_PATH, token, (message) => parseFeedStreamEvent(message.event, message.data));
}

/** Every change carried by the protocol-2 `changes` events received so far. */
export function streamedChanges(stream: FeedStreamClient): { collection: CollectionName; seq: number; document: SyncDocument }[] {
  return stream.events.flatMap((event) => (event.type === 'changes' ? event.changes : []));
}
