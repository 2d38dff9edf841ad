/**
 * An incremental Server-Sent Events parser for clients that read `GET /api/sync/stream` with
 * `fetch` (needed to send the Authorization header; Node 20 and browsers' EventSource cannot).
 * Feed it decoded text chunks as they arrive; it calls `onMessage` per complete event.
 */
import { isSyncCheckpoint } from './checkpoint';
import { isCollectionName, type SyncDocument, type SyncStreamEvent } from './protocol';

export type SseMessage = { event: string; data: string; id?: string };

export type SseParser = {
  push: (chunk: string) => void;
};

/** Lines longer than this are dropped (protects the client from a runaway stream). */
const MAX_BUFFER_CHARS = 64 * 1024 * 1024;

export function createSseParser(onMessage: (message: SseMessage) => void): SseParser {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let id: string | undefined;

  const dispatch = () => {
    if (data.length > 0) onMessage({ event: event || 'message', data: data.join('\n'), ...(id !== undefined ? { id } : {}) });
    event = '';
    data = [];
  };

  const handleLine = (line: string) => {
    if (line === '') {
      dispatch();
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id') id = value;
  };

  return {
    push(chunk: string) {
      buffer += chunk;
      if (buffer.length > MAX_BUFFER_CHARS) buffer = '';
      let start = 0;
      for (let i = 0; i < buffer.length; i += 1) {
        const char = buffer[i];
        if (char !== '\n' && char !== '\r') continue;
        handleLine(buffer.slice(start, i));
        if (char === '\r' && buffer[i + 1] === '\n') i += 1;
        start = i + 1;
      }
      buffer = buffer.slice(start);
    },
  };
}

/** Turns an SSE message of the sync stream into a typed event; null for anything unexpected. */
export function parseSyncStreamEvent(message: SseMessage): SyncStreamEvent | null {
  let payload: unknown;
  try {
    payload = JSON.parse(message.data);
  } catch {
    return null;
  }
  if (typeof payload !== 'object' || payload === null) return null;
  const body = payload as Record<string, unknown>;
  if (message.event === 'resync') return { type: 'resync' };
  if (message.event === 'closed') {
    const reason = body.reason === 'shutdown' || body.reason === 'overloaded' ? body.reason : 'unauthorized';
    return { type: 'closed', reason };
  }
  if (message.event === 'change') {
    if (!isCollectionName(body.collection) || !Array.isArray(body.documents) || !isSyncCheckpoint(body.checkpoint)) return null;
    return { type: 'change', collection: body.collection, documents: body.documents as SyncDocument[], checkpoint: body.checkpoint };
  }
  return null;
}
