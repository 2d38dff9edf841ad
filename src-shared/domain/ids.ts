import { format } from 'date-fns';
import type { IsoDate, IsoTimestamp } from './types';

/** A random document id (UUID v4); Web Crypto is global in Node 20, Electron and browsers. */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * The calendar date in the machine's local time zone: a manager in Sydney at 8 am works on
 * "today" there, even though it is still yesterday in UTC.
 */
export function todayIso(now: Date = new Date()): IsoDate {
  return format(now, 'yyyy-MM-dd');
}

/** The current instant as an ISO-8601 UTC timestamp, as stored in `createdAt`/`updatedAt`. */
export function nowIso(): IsoTimestamp {
  return new Date().toISOString();
}
