/**
 * Open `GET /api/sync/stream` connections. Each connection keeps a cursor (last seq sent) per
 * collection, starting at the feed head when it opens (and first sends `resync`, so the client
 * pulls everything before that). When the bus reports a commit, the connection reads its user's
 * feed from the cursor with the same query as pull — so it carries exactly what pull would:
 * nothing the user may not see, revocation tombstones included — and sends it as `change`
 * events. Every heartbeat, and whenever sessions were revoked, the tokens of open streams are
 * re-checked; a dead token gets `closed` and the connection ends.
 */
import type { ServerResponse } from 'node:http';
import { COLLECTION_NAMES, type CollectionName } from '../../src-shared/domain/types';
import type { SyncStreamEvent } from '../../src-shared/sync/protocol';
import type { Db } from '../storage/db';
import { readFeedHead } from '../storage/changeFeed';
import { feedDocuments, readFeedPage } from '../storage/docStore';
import { liveSessionHashes, type Viewer } from '../storage/userStore';
import type { BusEvent } from './changeBus';

export type StreamHubOptions = {
  db: Db;
  epoch: string;
  now: () => Date;
  heartbeatMs: number;
  pageSize: number;
  onError: (error: unknown) => void;
};

export type StreamHub = {
  open: (viewer: Viewer, res: ServerResponse) => Promise<void>;
  handle: (event: BusEvent) => void;
  closeAll: (reason: 'shutdown') => void;
  size: () => number;
};

type Connection = {
  viewer: Viewer;
  res: ServerResponse;
  cursors: Map<CollectionName, number>;
  dirty: Set<CollectionName>;
  knownHead: number;
  running: boolean;
  again: boolean;
  closed: boolean;
};

/** A slow reader with more than this unsent is disconnected (it will reconnect and resync). */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
const MAX_PAGES_PER_FLUSH = 20;
const MAX_FLUSH_ROUNDS = 50;

export function createStreamHub(options: StreamHubOptions): StreamHub {
  const { db, epoch } = options;
  const connections = new Set<Connection>();
  let heartbeat: NodeJS.Timeout | null = null;

  const write = (conn: Connection, text: string) => {
    if (conn.closed) return;
    conn.res.write(text);
    if (conn.res.writableLength > MAX_BUFFERED_BYTES) close(conn, 'overloaded');
  };

  const send = (conn: Connection, event: SyncStreamEvent) => {
    const { type, ...data } = event;
    write(conn, `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  const stopHeartbeatWhenIdle = () => {
    if (connections.size === 0 && heartbeat) {
      clearInterval(heartbeat);
      heartbeat = null;
    }
  };

  const close = (conn: Connection, reason: 'unauthorized' | 'shutdown' | 'overloaded') => {
    if (conn.closed) return;
    const { res } = conn;
    if (reason !== 'overloaded') send(conn, { type: 'closed', reason });
    conn.closed = true;
    connections.delete(conn);
    res.end();
    stopHeartbeatWhenIdle();
  };

  const resync = async (conn: Connection) => {
    const head = await readFeedHead(db);
    for (const collection of COLLECTION_NAMES) conn.cursors.set(collection, head);
    conn.knownHead = Math.max(conn.knownHead, head);
    send(conn, { type: 'resync' });
  };

  const flushCollection = async (conn: Connection, collection: CollectionName) => {
    let cursor = conn.cursors.get(collection) ?? 0;
    const head = conn.knownHead;
    for (let page = 0; page < MAX_PAGES_PER_FLUSH; page += 1) {
      const rows = await readFeedPage(db, conn.viewer, collection, cursor, options.pageSize);
      if (conn.closed) return;
      const last = rows.at(-1);
      if (last) {
        cursor = last.seq;
        send(conn, { type: 'change', collection, documents: feedDocuments(rows), checkpoint: { epoch, seq: cursor } });
      }
      if (rows.length < options.pageSize) {
        // Writers are serialised, so the query saw every row up to `head`: safe to skip past it.
        conn.cursors.set(collection, Math.max(cursor, head));
        return;
      }
    }
    conn.cursors.set(collection, cursor);
    await resync(conn);
  };

  const flush = async (conn: Connection) => {
    if (conn.running) {
      conn.again = true;
      return;
    }
    conn.running = true;
    try {
      for (let round = 0; round < MAX_FLUSH_ROUNDS && !conn.closed; round += 1) {
        conn.again = false;
        const collections = [...conn.dirty];
        conn.dirty.clear();
        for (const collection of collections) await flushCollection(conn, collection);
        if (!conn.again && conn.dirty.size === 0) break;
      }
    } catch (error) {
      options.onError(error);
      if (!conn.closed) await resync(conn).catch(options.onError);
    } finally {
      conn.running = false;
    }
  };

  const revalidate = async () => {
    const open = [...connections];
    if (open.length === 0) return;
    const live = await liveSessionHashes(db, [...new Set(open.map((conn) => conn.viewer.tokenHash))], options.now());
    for (const conn of open) if (!live.has(conn.viewer.tokenHash)) close(conn, 'unauthorized');
  };

  const startHeartbeat = () => {
    if (heartbeat) return;
    heartbeat = setInterval(() => {
      for (const conn of connections) write(conn, ': ping\n\n');
      revalidate().catch(options.onError);
    }, options.heartbeatMs);
    heartbeat.unref();
  };

  return {
    open: async (viewer, res) => {
      const conn: Connection = { viewer, res, cursors: new Map(), dirty: new Set(), knownHead: 0, running: false, again: false, closed: false };
      const forget = () => {
        if (conn.closed) return;
        conn.closed = true;
        connections.delete(conn);
        stopHeartbeatWhenIdle();
      };
      res.on('close', forget);
      res.on('error', forget);
      connections.add(conn);
      startHeartbeat();
      write(conn, 'retry: 3000\n\n');
      conn.running = true;
      try {
        await resync(conn);
      } finally {
        conn.running = false;
      }
      if (conn.again || conn.dirty.size > 0) await flush(conn);
    },
    handle: (event) => {
      if (event.t === 'sessions') {
        revalidate().catch(options.onError);
        return;
      }
      for (const conn of connections) {
        if (event.t === 'gap') {
          resync(conn).catch(options.onError);
          continue;
        }
        conn.knownHead = Math.max(conn.knownHead, event.seq);
        for (const collection of event.c) if ((COLLECTION_NAMES as readonly string[]).includes(collection)) conn.dirty.add(collection);
        void flush(conn);
      }
    },
    closeAll: (reason) => {
      for (const conn of [...connections]) close(conn, reason);
    },
    size: () => connections.size,
  };
}
