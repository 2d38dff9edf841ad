import type { SyncServer } from '../../../../src-server/createServer';
import type { PlanItem } from '../../../../src-shared/domain/types';
import { goal, partner } from './appDocs';
import { account, laptop, type Account, type Laptop } from './laptop';

export type SharedGoal = { ann: Account; bob: Account; a: Laptop; b: Laptop };

/**
 * The two-laptop start of the merge and race tests: Ann (laptop a) and Bob (laptop b) on the
 * same team and server, Ann's partner p1 with its goal g1 ("Win 10 deals", metric "deals", plus
 * `fields`) written on a, received on b, and both laptops synced (nothing pending or in flight).
 */
export async function twoLaptopsSharingAGoal(server: SyncServer, fields: Partial<PlanItem> = {}): Promise<SharedGoal> {
  const ann = await account(server, 'ann@north.example');
  const bob = await account(server, 'bob@north.example');
  const a = await laptop('a', ann, server);
  const b = await laptop('b', bob, server);
  await a.insert('partners', partner('p1', ann.email));
  await a.insert('planitems', goal('g1', 'p1', { title: 'Win 10 deals', metric: 'deals', ...fields }));
  await b.waitForDoc('planitems', 'g1', { title: 'Win 10 deals' });
  await Promise.all([a.waitUntilSynced(), b.waitUntilSynced()]);
  return { ann, bob, a, b };
}
