/**
 * One page of protocol 2's pull (`GET /api/sync/pull`): the user's single feed across every
 * collection (or the requested ones), after the checkpoint, in seq order.
 *
 * `reset` when the checkpoint does not belong to this feed — another epoch (the database was
 * recreated) or a seq ahead of the head (a database restored from a backup) — and the page then
 * starts from the beginning. `more` when rows follow this page; `head` is the feed counter of
 * the snapshot the page was read from.
 */
import type { CollectionName } from '../../src-shared/domain/types';
import type { SyncCheckpoint } from '../../src-shared/sync/checkpoint';
import type { FeedPullResponse } from '../../src-shared/sync/protocol';
import type { Queryable } from '../storage/db';
import type { FeedViewer } from '../storage/docStore';
import { feedChanges, readFeedAll } from '../storage/feedQueries';

export async function pullFeed(
  q: Queryable,
  epoch: string,
  viewer: FeedViewer,
  checkpoint: SyncCheckpoint | null,
  limit: number,
  collections: readonly CollectionName[] | null,
): Promise<FeedPullResponse> {
  const foreign = checkpoint !== null && checkpoint.epoch !== epoch;
  const afterSeq = checkpoint && !foreign ? checkpoint.seq : 0;
  // One row more than asked tells whether more follow.
  const { head, pages } = await readFeedAll(q, [{ viewer, afterSeq }], limit + 1, collections);
  const page = pages[0] ?? { after: afterSeq, ahead: false, rows: [] };
  const more = page.rows.length > limit;
  const rows = more ? page.rows.slice(0, limit) : page.rows;
  const last = rows.at(-1);
  return {
    changes: feedChanges(rows),
    checkpoint: { epoch, seq: last ? last.seq : page.after },
    more,
    head,
    reset: foreign || page.ahead,
  };
}
