/**
 * Opaque cursors of paginated `/api/v1` lists: the sort position of the last item a page gave
 * (base64url of JSON). A client only hands `next` back; a cursor it made up or mangled is a 400
 * that says so, never a 500 or a silently wrong page.
 */
import { z } from 'zod';
import { ApiFailure } from './apiTypes';

/** Where a list sorted by (key, id) stopped. */
export type PagePosition = { key: string; id: string };

const positionSchema = z.tuple([z.string().max(1000), z.string().min(1).max(200)]);

export function encodeCursor(position: PagePosition): string {
  return Buffer.from(JSON.stringify([position.key, position.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): PagePosition {
  let raw: unknown = null;
  try {
    raw = /^[A-Za-z0-9_-]+$/.test(cursor) ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : null;
  } catch {
    raw = null;
  }
  const parsed = positionSchema.safeParse(raw);
  if (!parsed.success) throw new ApiFailure(400, 'bad_request', `cursor is not one this API gave: pass the \`next\` of the previous page unchanged (got ${JSON.stringify(cursor.slice(0, 40))})`);
  return { key: parsed.data[0], id: parsed.data[1] };
}

export const comparePositions = (a: PagePosition, b: PagePosition): number => a.key.localeCompare(b.key) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** One page of `items` (any order) sorted by `position`, after `cursor`, with the cursor of the next page (null: the last one). */
export function pageOf<T>(items: readonly T[], position: (item: T) => PagePosition, limit: number, cursor: string | undefined): { page: T[]; next: string | null } {
  const after = cursor === undefined ? null : decodeCursor(cursor);
  const sorted = items
    .map((item) => ({ item, at: position(item) }))
    .filter((entry) => after === null || comparePositions(entry.at, after) > 0)
    .sort((a, b) => comparePositions(a.at, b.at));
  const page = sorted.slice(0, limit);
  const last = page[page.length - 1];
  return { page: page.map((entry) => entry.item), next: sorted.length > limit && last ? encodeCursor(last.at) : null };
}
