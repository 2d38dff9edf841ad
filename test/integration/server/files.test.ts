import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_RESOURCE_FILE_BYTES } from '../../../src-shared/domain/types';
import type { SyncServer } from '../../../src-server/createServer';
import type { SyncDocument } from '../../../src-shared/sync/protocol';
import { feedRow, insertRow, mdfDoc, partnerDoc, resourceDoc, updateRow } from './support/docFactories';
import { BACKENDS, useTestEnv } from './support/testBackends';
import { seedUser, type SeededUser } from './support/syncClient';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function upload(server: SyncServer, user: SeededUser, sha: string, body: Uint8Array) {
  const response = await fetch(`${server.url}/api/files/${sha}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/octet-stream' },
    body,
  });
  return { status: response.status, body: (await response.json()) as { error?: string; message?: string; stored?: boolean; size?: number } };
}

async function download(server: SyncServer, user: SeededUser, sha: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/api/files/${sha}`, { headers: { authorization: `Bearer ${user.token}`, ...headers } });
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}

describe.each(BACKENDS)('resource files (%s)', (backend) => {
  const env = useTestEnv(backend);
  const content = new TextEncoder().encode('%PDF-1.4 partner datasheet v2\n'.repeat(1000));
  const sha = sha256(content);

  it('stores an admin upload once by its hash and gives the same bytes back, cacheable forever', async () => {
    const server = await env.start();
    const lead = await seedUser(server, 'lead@north.example', { role: 'admin', teams: ['north'] });
    expect(await upload(server, lead, sha, content)).toEqual({ status: 201, body: { sha256: sha, size: content.byteLength, stored: true } });
    expect(await upload(server, lead, sha, content)).toMatchObject({ status: 200, body: { stored: false } });

    const got = await download(server, lead, sha);
    expect(got.status).toBe(200);
    expect(sha256(got.bytes)).toBe(sha);
    expect(got.headers.get('etag')).toBe(`"${sha}"`);
    expect(got.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect((await download(server, lead, sha, { 'if-none-match': `"${sha}"` })).status).toBe(304);
  });

  it('refuses bytes whose hash is not the one in the path, and a path that is not a hash', async () => {
    const server = await env.start();
    const lead = await seedUser(server, 'lead@north.example', { role: 'admin', teams: ['north'] });
    const wrong = 'f'.repeat(64);
    const refused = await upload(server, lead, wrong, content);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe(`the file's SHA-256 is ${sha}, not ${wrong} as the path says: the upload was damaged or names another file`);
    expect((await download(server, lead, wrong)).status).toBe(404);
    const notHash = await upload(server, lead, 'datasheet.pdf', content);
    expect(notHash).toMatchObject({ status: 400, body: { message: 'the file path must end with the SHA-256 of the file: 64 lowercase hex digits' } });
  });

  it('refuses a file above 25 MB with 413 and says why', async () => {
    const server = await env.start();
    const lead = await seedUser(server, 'lead@north.example', { role: 'admin', teams: ['north'] });
    const big = new Uint8Array(MAX_RESOURCE_FILE_BYTES + 1);
    const refused = await upload(server, lead, sha256(big), big);
    expect(refused.status).toBe(413);
    expect(refused.body).toMatchObject({ error: 'payload_too_large', message: 'the file is larger than 25.0 MB, the most the resource library stores (this one is 25.0 MB)' });
  });

  it('every user reads a file while a program resource references it, nobody once none does', async () => {
    const server = await env.start();
    const lead = await seedUser(server, 'lead@north.example', { role: 'admin', teams: ['north'] });
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    const sam = await seedUser(server, 'sam@south.example', { teams: ['south'] });

    expect((await upload(server, lead, sha, content)).status).toBe(201);
    // Stored but not referenced yet: no manager reads it.
    expect((await download(server, ann, sha)).status).toBe(404);

    const pushed = await lead.api.push('resources', [insertRow(resourceDoc('sheet', { sha256: sha, size: content.byteLength }))]);
    expect(pushed.status).toBe(200);
    expect((await ann.api.pullAll('resources')).documents.map((doc) => doc.id)).toEqual(['sheet']);
    const annGot = await download(server, ann, sha);
    expect(annGot.status).toBe(200);
    expect(sha256(annGot.bytes)).toBe(sha);

    // A program lead's library is for everyone: another team sees the resource and reads its file.
    expect((await sam.api.pullAll('resources')).documents.map((doc) => doc.id)).toEqual(['sheet']);
    expect((await download(server, sam, sha)).status).toBe(200);

    // Once no resource a manager can see references the file, they cannot read it (nor tell it exists).
    const sheet = (await lead.api.pullAll('resources')).documents[0] as SyncDocument;
    expect((await lead.api.push('resources', [updateRow(sheet, { _deleted: true })])).status).toBe(200);
    const samGot = await download(server, sam, sha);
    expect(samGot.status).toBe(404);
    expect(new TextDecoder().decode(samGot.bytes)).toContain(`no file ${sha} in a resource or MDF claim you can see`);

    // Managers read the library; they do not write it.
    const managerPush = await ann.api.push('resources', [insertRow(resourceDoc('rogue', { sha256: sha, size: 1 }))]);
    expect(managerPush.status).toBe(403);
    expect(managerPush.text).toContain('not allowed');
    expect((await fetch(`${server.url}/api/files/${sha}`)).status).toBe(401);
  });

  it('lets a manager upload the proof of an MDF claim; whoever sees the claim’s partner reads it, another team gets 404', async () => {
    const server = await env.start();
    const ann = await seedUser(server, 'ann@north.example', { teams: ['north'] });
    const bob = await seedUser(server, 'bob@north.example', { teams: ['north'] });
    const sam = await seedUser(server, 'sam@south.example', { teams: ['south'] });
    const proof = new TextEncoder().encode('%PDF-1.4 webinar attendee list\n');
    const proofSha = sha256(proof);

    expect(await upload(server, ann, proofSha, proof)).toEqual({ status: 201, body: { sha256: proofSha, size: proof.byteLength, stored: true } });
    // Uploaded but referenced by no claim yet: not even the uploader reads it back.
    expect((await download(server, ann, proofSha)).status).toBe(404);

    const pushed = await ann.api.feedPush([feedRow('partners', partnerDoc('p1', { ownerEmail: 'ann@north.example' })), feedRow('mdf', mdfDoc('m1', 'p1', {}, proofSha))]);
    expect(pushed.status).toBe(200);
    const bobGot = await download(server, bob, proofSha);
    expect(bobGot.status).toBe(200);
    expect(sha256(bobGot.bytes)).toBe(proofSha);

    const samGot = await download(server, sam, proofSha);
    expect(samGot.status).toBe(404);
    expect(new TextDecoder().decode(samGot.bytes)).toContain(`no file ${proofSha} in a resource or MDF claim you can see`);

    // The size and hash checks hold for managers too.
    const wrong = 'e'.repeat(64);
    expect((await upload(server, sam, wrong, proof)).body.message).toBe(`the file's SHA-256 is ${proofSha}, not ${wrong} as the path says: the upload was damaged or names another file`);
  });
});
