/**
 * How many local changes of a collection the server has not acknowledged yet, derived from the
 * state RxDB's replication keeps in IndexedDB, so it is right after a restart too:
 * - the upstream checkpoint marks how far RxDB has pushed through the collection's changes; it
 *   only advances after the server answered a push;
 * - for every document changed since that checkpoint, the replication's meta instance holds the
 *   "assumed master state" (what the server acknowledged last); a document is pending when its
 *   local state differs from it (or the server never acknowledged any state of it).
 * Documents written by the replication itself (pulled from the server) equal their assumed
 * master state and are not counted. Reads only; never writes replication state.
 */
import {
  getAssumedMasterState,
  getChangedDocumentsSince,
  getComposedPrimaryKeyOfDocumentData,
  type RxStorageInstanceReplicationState,
} from 'rxdb';
import { isSameDocument } from '../../src-shared/sync/documentEquality';

const PAGE_SIZE = 500;

type AnyDoc = Record<string, unknown>;

export async function countUnacknowledgedChanges(state: RxStorageInstanceReplicationState<AnyDoc>): Promise<number> {
  const { forkInstance, metaInstance } = state.input;
  const checkpointId = getComposedPrimaryKeyOfDocumentData(metaInstance.schema, { isCheckpoint: '1', itemId: 'up' } as never);
  const [checkpointDoc] = await metaInstance.findDocumentsById([checkpointId], false);
  let checkpoint: unknown = checkpointDoc?.checkpointData;
  let pending = 0;
  for (;;) {
    const page = await getChangedDocumentsSince(forkInstance, PAGE_SIZE, checkpoint as never);
    if (page.documents.length === 0) break;
    const ids = page.documents.map((doc) => String(doc[state.primaryPath as string]));
    const assumed = await getAssumedMasterState(state, ids);
    for (const doc of page.documents) {
      const acknowledged = assumed[String(doc[state.primaryPath as string])];
      if (!acknowledged || !isSameDocument(acknowledged.docData as AnyDoc, doc as AnyDoc)) pending += 1;
    }
    if (page.documents.length < PAGE_SIZE) break;
    checkpoint = page.checkpoint;
  }
  return pending;
}
