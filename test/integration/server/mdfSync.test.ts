/** The mdf collection syncs like every partner-owned collection: it follows its partner's visibility. */
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../../src-shared/sync/protocol';
import { feedRow, mdfDoc, partnerDoc } from './support/docFactories';
import { BACKENDS, useTestEnv } from './support/testBackends';
import { feedKey, seedUser } from './support/syncClient';

describe.each(BACKENDS)('mdf sync (%s)', (backend) => {
  const env = useTestEnv(backend);

  it('a manager who sees the partner pushes and pulls its MDF requests; one who does not gets 403 and sees none', async () => {
    const server = await env.start();
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    const bob = await seedUser(server, 'bob@north.example', { teams: ['north'] });
    const sam = await seedUser(server, 'sam@south.example', { teams: ['south'] });
    const request = mdfDoc('m1', 'p1');
    const pushed = await ann.api.feedPush([feedRow('partners', partnerDoc('p1', { ownerEmail: 'ann@north.example' })), feedRow('mdf', request)]);
    expect(pushed.status).toBe(200);
    expect(pushed.body.results.map((result) => result.status)).toEqual(['accepted', 'accepted']);

    // A teammate pulls it; the other team does not see it.
    expect((await bob.api.feedPullAll()).documents.get(feedKey('mdf', 'm1'))?.document).toEqual(request);
    expect((await sam.api.feedPullAll()).documents.has(feedKey('mdf', 'm1'))).toBe(false);
    expect((await ann.api.pullAll('mdf')).documents.map((doc) => doc.id)).toEqual(['m1']);

    const refused = await sam.api.feedPush([feedRow('mdf', mdfDoc('m-sam', 'p1'))]);
    expect(refused.status).toBe(403);
    expect((refused.body as unknown as ApiError).error).toBe('forbidden');
    expect(await server.db.query(`SELECT id FROM docs WHERE id = 'm-sam'`)).toEqual([]);
  });
});
