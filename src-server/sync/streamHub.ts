/**
 * Open `GET /api/sync/stream` connections. Each connection keeps a cursor (last seq sent) per
 * collection, starting at the feed head when it opens (and first sends `resync`, so the client
 * pulls everything before that). When the bus reports a commit, every connection reads its
 * user's feed from its cursor with the rules of pull — so it carries exactly what pull would:
 * nothing the user may not see, revocation tombstones included — and sends it as `change`
 * events. One query serves every waiting connection of a collection (`readFeedPages`), and
 * connections that receive the same rows share one serialised event, so a commit costs about
 * the same with 200 open streams as with one. Every heartbeat, and whenever sessions or roles
 * changed, the tokens of open streams are re-checked: a dead token gets `closed: unauthorized`,
 * a user whose role changed gets `closed: shutdown` and reconnects under the new role.
 */
import type { ServerResponse } from 'node:http';
import { COLLECTION_NAMES, type CollectionName } from '../../src-shared/domain/types';
import type { SyncStreamEvent } from '../../src-shared/sync/protocol';
import type { Db } from '../storage/db';
import { readFeedHead } from '../storage/changeFeed';
import { feedDocuments, readFeedPages, type FeedRow } from '../storage/docStore';
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
  /** Collections with commits this connection has not read yet. */
  dirty: Set<CollectionName>;
  /** Full pages sent in a row per collection (a reader this far behind is told to resync). */
  pages: Map<CollectionName, number>;
  knownHead: number;
  /** False until the opening `resync` is sent. */
  ready: boolean;
  closed: boolean;
};

/** A slow reader with more than this unsent is disconnected (it will reconnect and resync). */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
const MAX_PAGES_PER_FLUSH = 20;

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

  /** Reads the next page of `collection` for every connection in `conns` and sends it. */
  const flushCollection = async (collection: CollectionName, conns: Connection[]) => {
    // Writers are serialised: once the query has run, it saw every row up to the head each
    // connection knew of before it started, so the cursor may skip past that head.
    const heads = conns.map((conn) => conn.knownHead);
    let pages: FeedRow[][];
    try {
      pages = await readFeedPages(db, collection, conns.map((conn) => ({ viewer: conn.viewer, afterSeq: conn.cursors.get(collection) ?? 0 })), options.pageSize);
    } catch (error) {
      options.onError(error);
      for (const conn of conns) if (!conn.closed) resync(conn).catch(options.onError);
      return;
    }
    const serialised = new Map<string, string>();
    conns.forEach((conn, index) => {
      const rows = pages[index] ?? [];
      if (conn.closed) return;
      const last = rows.at(-1);
      const previous = conn.cursors.get(collection) ?? 0;
      if (last) {
        // A document row reads the same for everyone who may see it; a revocation is per user.
        const key = rows.map((row) => (row.revoked ? `r${row.seq}:${conn.viewer.id}` : row.seq)).join(',');
        let text = serialised.get(key);
        if (text === undefined) {
          const { type, ...data } = { type: 'change', collection, documents: feedDocuments(rows), checkpoint: { epoch, seq: last.seq } } satisfies SyncStreamEvent;
          text = `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
          serialised.set(key, text);
        }
        write(conn, text);
      }
      if (rows.length < options.pageSize) {
        conn.cursors.set(collection, Math.max(previous, last?.seq ?? 0, heads[index] ?? 0));
        conn.pages.delete(collection);
        return;
      }
      conn.cursors.set(collection, Math.max(previous, last?.seq ?? 0));
      const sent = (conn.pages.get(collection) ?? 0) + 1;
      if (sent < MAX_PAGES_PER_FLUSH) {
        conn.pages.set(collection, sent);
        conn.dirty.add(collection);
      } else {
        conn.pages.delete(collection);
        resync(conn).catch(options.onError);
      }
    });
  };

  /**
   * Sends every ready connection what it has not read yet, one collection at a time, until no
   * connection waits for anything. Only one pump runs; a commit during it is picked up after.
   */
  let pumping = false;
  let pumpAgain = false;
  const pump = async () => {
    if (pumping) {
      pumpAgain = true;
      return;
    }
    pumping = true;
    try {
      do {
        pumpAgain = false;
        const waiting = new Map<CollectionName, Connection[]>();
        for (const conn of connections) {
          if (!conn.ready || conn.closed) continue;
          for (const collection of conn.dirty) waiting.set(collection, [...(waiting.get(collection) ?? []), conn]);
          conn.dirty.clear();
        }
        for (const [collection, conns] of waiting) await flushCollection(collection, conns);
        if (waiting.size > 0) pumpAgain = true;
      } while (pumpAgain);
    } catch (error) {
      options.onError(error);
    } finally {
      pumping = false;
    }
  };

  const revalidate = async () => {
    const open = [...connections];
    if (open.length === 0) return;
    const live = await liveSessionHashes(db, [...new Set(open.map((conn) => conn.viewer.tokenHash))], options.now());
    for (const conn of open) {
      const role = live.get(conn.viewer.tokenHash);
      if (role === undefined) close(conn, 'unauthorized');
      // A new role changes what the user may see: the client reconnects (and resyncs) as it.
      else if (role !== conn.viewer.role) close(conn, 'shutdown');
    }
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
      const conn: Connection = { viewer, res, cursors: new Map(), dirty: new Set(), pages: new Map(), knownHead: 0, ready: false, closed: false };
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
      try {
        await resync(conn);
      } finally {
        conn.ready = true;
      }
      // Commits during the resync left the connection dirty: send what the head missed.
      if (conn.dirty.size > 0) await pump();
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
      }
      if (event.t === 'feed') void pump();
    },
    closeAll: (reason) => {
      for (const conn of [...connections]) close(conn, reason);
    },
    size: () => connections.size,
  };
}
