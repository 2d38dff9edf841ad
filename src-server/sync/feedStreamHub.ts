/**
 * Open protocol-2 streams (`GET /api/sync/stream?protocol=2`). The connection handling is
 * protocol 1's (`streamHub.ts`): `resync` first, heartbeat pings, token re-checks (a dead token
 * gets `closed: unauthorized`, a changed role `closed: shutdown`), `closed: shutdown` on server
 * stop, a reader more than 16 MiB behind is dropped. What differs is the feed: ONE cursor per
 * connection across every collection, and `changes` events
 * `{changes, from, checkpoint}` carrying every change the user may see with
 * `from < seq ≤ checkpoint.seq` (at most `pageSize` changes each).
 *
 * Each connection keeps two positions:
 * - `cursor`: how far its feed has been read (rows after it are unread);
 * - `told`: the position the client was last told of — the previous event's `checkpoint.seq`,
 *   or the head at the last `resync`. Nothing the user may see lies in (told, cursor], so the
 *   next event's `from` is `told`, and the events of a connection form a gapless chain
 *   (`from` of one = `checkpoint.seq` of the one before).
 * A commit wakes every connection; one statement (`readFeedAll`) reads the next page of every
 * waiting connection, and it also reads the feed head of its snapshot: a page shorter than
 * `pageSize` means the connection has read everything up to that head.
 */
import type { ServerResponse } from 'node:http';
import type { FeedStreamEvent } from '../../src-shared/sync/protocol';
import { readFeedHead } from '../storage/changeFeed';
import { feedChanges, readFeedAll, type FeedRead } from '../storage/feedQueries';
import { liveSessionHashes, type Viewer } from '../storage/userStore';
import type { StreamHub, StreamHubOptions } from './streamHub';

type Connection = {
  viewer: Viewer;
  res: ServerResponse;
  cursor: number;
  told: number;
  /** Commits this connection has not read yet. */
  dirty: boolean;
  /** Full pages sent in a row (a reader this far behind is told to resync). */
  pages: number;
  /** False until the opening `resync` is sent. */
  ready: boolean;
  closed: boolean;
};

const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
const MAX_PAGES_PER_FLUSH = 20;

export function createFeedStreamHub(options: StreamHubOptions): StreamHub {
  const { db, epoch } = options;
  const connections = new Set<Connection>();
  let heartbeat: NodeJS.Timeout | null = null;

  const write = (conn: Connection, text: string) => {
    if (conn.closed) return;
    conn.res.write(text);
    if (conn.res.writableLength > MAX_BUFFERED_BYTES) close(conn, 'overloaded');
  };

  const serialise = (event: FeedStreamEvent) => {
    const { type, ...data } = event;
    return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
  };

  const stopHeartbeatWhenIdle = () => {
    if (connections.size === 0 && heartbeat) {
      clearInterval(heartbeat);
      heartbeat = null;
    }
  };

  const close = (conn: Connection, reason: 'unauthorized' | 'shutdown' | 'overloaded') => {
    if (conn.closed) return;
    if (reason !== 'overloaded') write(conn, serialise({ type: 'closed', reason }));
    conn.closed = true;
    connections.delete(conn);
    conn.res.end();
    stopHeartbeatWhenIdle();
  };

  const resync = async (conn: Connection) => {
    const head = await readFeedHead(db);
    conn.cursor = head;
    conn.told = head;
    conn.pages = 0;
    write(conn, serialise({ type: 'resync' }));
  };

  /** Reads the next page of every connection in `conns` (one statement) and sends it. */
  const flush = async (conns: Connection[]) => {
    let read: FeedRead;
    try {
      read = await readFeedAll(
        db,
        conns.map((conn) => ({ viewer: conn.viewer, afterSeq: conn.cursor })),
        options.pageSize,
      );
    } catch (error) {
      options.onError(error);
      for (const conn of conns) if (!conn.closed) resync(conn).catch(options.onError);
      return;
    }
    const shared = new Map<string, string>();
    conns.forEach((conn, index) => {
      const page = read.pages[index];
      if (conn.closed || !page) return;
      if (page.ahead) {
        // The feed is behind this connection (database restored under it): start over.
        resync(conn).catch(options.onError);
        return;
      }
      const full = page.rows.length >= options.pageSize;
      const last = page.rows.at(-1);
      // A short page read everything up to the head of the statement's snapshot.
      const through = full ? (last?.seq ?? conn.cursor) : Math.max(conn.cursor, read.head, last?.seq ?? 0);
      if (last) {
        // A document row reads the same for everyone who may see it; a revocation is per user.
        const key = `${conn.told}>${through}:${page.rows.map((row) => (row.revoked ? `r${row.seq}:${conn.viewer.id}` : row.seq)).join(',')}`;
        let text = shared.get(key);
        if (text === undefined) {
          text = serialise({ type: 'changes', changes: feedChanges(page.rows), from: conn.told, checkpoint: { epoch, seq: through } });
          shared.set(key, text);
        }
        write(conn, text);
        conn.told = through;
      }
      conn.cursor = through;
      if (!full) {
        conn.pages = 0;
        return;
      }
      conn.pages += 1;
      if (conn.pages < MAX_PAGES_PER_FLUSH) conn.dirty = true;
      else resync(conn).catch(options.onError);
    });
  };

  /** Sends every ready connection what it has not read yet; one pump at a time, a commit during it is picked up after. */
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
        const waiting: Connection[] = [];
        for (const conn of connections) {
          if (!conn.ready || conn.closed || !conn.dirty) continue;
          conn.dirty = false;
          waiting.push(conn);
        }
        if (waiting.length > 0) {
          await flush(waiting);
          pumpAgain = true;
        }
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
      const conn: Connection = { viewer, res, cursor: 0, told: 0, dirty: false, pages: 0, ready: false, closed: false };
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
      if (conn.dirty) await pump();
    },
    handle: (event) => {
      if (event.t === 'sessions') {
        revalidate().catch(options.onError);
        return;
      }
      for (const conn of connections) {
        if (event.t === 'gap') resync(conn).catch(options.onError);
        else conn.dirty = true;
      }
      if (event.t === 'feed') void pump();
    },
    closeAll: (reason) => {
      for (const conn of [...connections]) close(conn, reason);
    },
    size: () => connections.size,
  };
}
