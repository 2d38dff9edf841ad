/** Messages between the test (laptop.ts) and a simulated laptop (laptopWorker.ts). */
import type { SyncTiming } from '../../../../src-renderer/sync/syncConnection';
import type { SyncStatus } from '../../../../src-renderer/sync/syncTypes';
import type { CollectionName } from '../../../../src-shared/domain/types';
import type { SyncUser } from '../../../../src-shared/sync/protocol';

export type LaptopConfig = {
  name: string;
  serverUrl: string;
  token: string;
  user: SyncUser;
  timing: Partial<SyncTiming>;
};

/** Finer network trouble than offline: the change stream cut alone (slow requests are staged with barriers, `hold`/`release`). */
export type NetworkConditions = { streamBlocked: boolean };

export type RequestCounts = { pull: number; push: number; stream: number };

/**
 * A one-shot barrier on the laptop's network: the next push or pull request is held before it
 * leaves (`*-request`), or its answer after the server gave it (`*-response`), until the test
 * releases it. Races are staged with these, never with sleeps.
 */
export type BarrierKind = 'push-request' | 'push-response' | 'pull-request' | 'pull-response';

type Doc = Record<string, unknown>;

export type LaptopRequest =
  | { op: 'open' }
  | { op: 'insert'; collection: CollectionName; doc: Doc }
  | { op: 'edit'; collection: CollectionName; id: string; changes: Doc }
  | { op: 'remove'; collection: CollectionName; id: string }
  | { op: 'docs'; collection: CollectionName }
  | { op: 'doc'; collection: CollectionName; id: string }
  | { op: 'waitForDoc'; collection: CollectionName; id: string; expected: Doc | 'deleted'; timeoutMs: number }
  | { op: 'status' }
  | { op: 'waitForStatus'; expected: Partial<SyncStatus>; timeoutMs: number }
  | { op: 'goOffline' }
  | { op: 'goOnline' }
  | { op: 'restart' }
  | { op: 'signIn'; token: string; user: SyncUser }
  | { op: 'counters' }
  | { op: 'inspect'; collection: CollectionName; id: string }
  | { op: 'network'; conditions: Partial<NetworkConditions> }
  | { op: 'watch'; collection: CollectionName; id: string }
  | { op: 'watched' }
  | { op: 'hold'; kind: BarrierKind }
  | { op: 'held'; kind: BarrierKind; timeoutMs: number }
  | { op: 'release'; kind: BarrierKind }
  | { op: 'close' };

export type LaptopResponse = { seq: number; ok: true; value: unknown } | { seq: number; ok: false; error: string };

export type EditResult = { found: boolean; before?: Doc; after?: Doc };
export type RemoveResult = { found: boolean; before?: Doc | null };
export type Counters = { requests: RequestCounts; unauthorizedCalls: number; firstSyncProgress: number[] };
