import type { RxReplicationWriteToMasterRow, RxStorageInstanceReplicationState } from 'rxdb';
import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { createDeliveryGate } from '../../../src-renderer/sync/deliveryGate';

type AnyDoc = Record<string, unknown>;
type MetaEvent = { events: { documentData: AnyDoc }[] };

/** The two parts of RxDB's replication state the gate reads: the meta store's changes and the upstream queue. */
function fakeReplication() {
  const meta = new Subject<MetaEvent>();
  let endRound: () => void = () => undefined;
  const state = {
    input: { metaInstance: { changeStream: () => meta.asObservable() } },
    streamQueue: {
      up: new Promise<void>((resolve) => {
        endRound = resolve;
      }),
      down: Promise.resolve(),
    },
  };
  return {
    internal: () => state as unknown as RxStorageInstanceReplicationState<AnyDoc>,
    acknowledge: (doc: AnyDoc) => meta.next({ events: [{ documentData: { isCheckpoint: '0', itemId: String(doc.id), docData: doc } }] }),
    endRound: () => endRound(),
  };
}

const row = (doc: AnyDoc) => ({ newDocumentState: doc, assumedMasterState: undefined }) as unknown as RxReplicationWriteToMasterRow<AnyDoc>;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createDeliveryGate', () => {
  const g1 = { id: 'g1', title: 'Win 12 deals', _deleted: false };

  it('holds server data while a push is open and until RxDB has acknowledged what the server accepted', async () => {
    const replication = fakeReplication();
    const gate = createDeliveryGate({ internal: replication.internal });
    const delivered: string[] = [];
    const close = gate.openPush([row(g1)]);
    gate.whenIdle(() => delivered.push('stream event'));
    await settle();
    expect(delivered).toEqual([]);

    close(new Set(), true);
    await settle();
    expect(delivered, 'delivered before the acknowledgement').toEqual([]);

    replication.acknowledge({ ...g1, title: 'an older state' });
    await settle();
    expect(delivered, 'another state is not the acknowledgement').toEqual([]);

    replication.acknowledge(g1);
    await settle();
    expect(delivered).toEqual(['stream event']);
  });

  it('without an acknowledgement, waits for the upstream round that ran the push, not for a timer', async () => {
    const replication = fakeReplication();
    const gate = createDeliveryGate({ internal: replication.internal, ackTimeoutMs: 60_000 });
    const delivered: string[] = [];
    gate.openPush([row(g1)])(new Set(), true);
    gate.whenIdle(() => delivered.push('stream event'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(delivered).toEqual([]);
    replication.endRound();
    await settle();
    expect(delivered).toEqual(['stream event']);
  });

  it('opens as soon as the handler returns when every row conflicted, and keeps deliveries in the order their requests were sent', async () => {
    const replication = fakeReplication();
    const gate = createDeliveryGate({ internal: replication.internal });
    const delivered: string[] = [];
    const close = gate.openPush([row(g1)]);
    const pullPage = gate.reserve();
    gate.whenIdle(() => delivered.push('stream event'));
    close(new Set(['g1']), true);
    await settle();
    expect(delivered, 'the pull sent first has not answered yet').toEqual([]);
    pullPage(() => delivered.push('pull page'));
    expect(delivered).toEqual(['pull page', 'stream event']);
  });

  it('releases everything when the engine stops', async () => {
    const replication = fakeReplication();
    const gate = createDeliveryGate({ internal: replication.internal });
    const delivered: string[] = [];
    gate.openPush([row(g1)])(new Set(), true);
    gate.whenIdle(() => delivered.push('stream event'));
    gate.close();
    await settle();
    expect(delivered).toEqual(['stream event']);
  });
});
