import type { CollectionName } from '../../src-shared/domain/types';
import type { SyncCheckpoint } from '../../src-shared/sync/checkpoint';
import type { PullResponse } from '../../src-shared/sync/protocol';
import type { Queryable } from '../storage/db';
import { feedDocuments, readFeedPage, type FeedViewer } from '../storage/docStore';

/**
 * One page of a user's change feed for a collection. A checkpoint from another epoch (the
 * server database was recreated) restarts from the beginning. The returned checkpoint is the
 * seq of the last row returned (unchanged when nothing was returned).
 */
export async function pullChanges(
  q: Queryable,
  epoch: string,
  viewer: FeedViewer,
  collection: CollectionName,
  checkpoint: SyncCheckpoint | null,
  limit: number,
): Promise<PullResponse> {
  const after = checkpoint && checkpoint.epoch === epoch ? checkpoint.seq : 0;
  const rows = await readFeedPage(q, viewer, collection, after, limit);
  const last = rows.at(-1);
  return { documents: feedDocuments(rows), checkpoint: { epoch, seq: last ? last.seq : after } };
}
