/**
 * Reading the sync change stream (Server-Sent Events) for clients that read it with `fetch`
 * (needed to send the Authorization header; browsers' EventSource cannot). The SSE framing is
 * eventsource-parser's (spec-compliant: CRLF split across chunks, a leading byte-order mark,
 * comments, multi-line data); this module only turns its messages into typed sync events.
 * Feed `push` decoded text chunks as they arrive; it calls `onMessage` per complete event.
 */
import { createParser } from 'eventsource-parser';
import { isSyncCheckpoint } from './checkpoint';
import { isCollectionName, type FeedChange, type FeedStreamEvent, type SyncDocument, type SyncStreamEvent } from './protocol';

export type SseMessage = { event: string; data: string; id?: string };

export type SseParser = {
  push: (chunk: string) => void;
};

export function createSseParser(onMessage: (message: SseMessage) => void): SseParser {
  const parser = createParser({
    onEvent: (event) => onMessage({ event: event.event ?? 'message', data: event.data, ...(event.id !== undefined ? { id: event.id } : {}) }),
  });
  return { push: (chunk) => parser.feed(chunk) };
}

/**
 * The parts both protocols' streams share: the JSON body of an event, `resync` and `closed`.
 * Returns the body for the protocol's own events, or the typed shared event, or null.
 */
function readStreamMessage(message: SseMessage): { shared: { type: 'resync' } | { type: 'closed'; reason: 'unauthorized' | 'shutdown' | 'overloaded' } } | { body: Record<string, unknown> } | null {
  let payload: unknown;
  try {
    payload = JSON.parse(message.data);
  } catch {
    return null;
  }
  if (typeof payload !== 'object' || payload === null) return null;
  const body = payload as Record<string, unknown>;
  if (message.event === 'resync') return { shared: { type: 'resync' } };
  if (message.event === 'closed') return { shared: { type: 'closed', reason: body.reason === 'shutdown' || body.reason === 'overloaded' ? body.reason : 'unauthorized' } };
  return { body };
}

/** Turns an SSE message of the protocol-1 stream into a typed event; null for anything unexpected. */
export function parseSyncStreamEvent(message: SseMessage): SyncStreamEvent | null {
  const read = readStreamMessage(message);
  if (!read) return null;
  if ('shared' in read) return read.shared;
  const { body } = read;
  if (message.event === 'change') {
    if (!isCollectionName(body.collection) || !Array.isArray(body.documents) || !isSyncCheckpoint(body.checkpoint)) return null;
    return { type: 'change', collection: body.collection, documents: body.documents as SyncDocument[], checkpoint: body.checkpoint };
  }
  return null;
}

function isFeedChange(value: unknown): value is FeedChange {
  if (typeof value !== 'object' || value === null) return false;
  const change = value as Record<string, unknown>;
  const document = change.document as Record<string, unknown> | null | undefined;
  return (
    isCollectionName(change.collection) &&
    typeof change.seq === 'number' &&
    Number.isSafeInteger(change.seq) &&
    change.seq > 0 &&
    typeof document === 'object' &&
    document !== null &&
    typeof document.id === 'string'
  );
}

/** True when `value` is a list of well-formed feed changes (pull pages and stream events). */
export function isFeedChangeList(value: unknown): value is FeedChange[] {
  return Array.isArray(value) && value.every(isFeedChange);
}

/** Turns an SSE message of the protocol-2 stream into a typed event; null for anything unexpected. */
export function parseFeedStreamEvent(message: SseMessage): FeedStreamEvent | null {
  const read = readStreamMessage(message);
  if (!read) return null;
  if ('shared' in read) return read.shared;
  const { body } = read;
  if (message.event === 'changes') {
    if (!isFeedChangeList(body.changes) || !isSyncCheckpoint(body.checkpoint) || typeof body.from !== 'number' || !Number.isSafeInteger(body.from) || body.from < 0) return null;
    return { type: 'changes', changes: body.changes, from: body.from, checkpoint: body.checkpoint };
  }
  return null;
}
