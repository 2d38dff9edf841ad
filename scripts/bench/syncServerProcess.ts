/**
 * The sync server of the sync benchmark, in a process of its own (as in production: the server
 * does not share an event loop with the clients measuring it). Started by syncBench.ts with
 * `fork`; storage is embedded PGlite in `BENCH_SYNC_DATA_DIR`, or PostgreSQL when
 * `BENCH_SYNC_DATABASE_URL` is set (in a fresh schema `BENCH_SYNC_SCHEMA`).
 *
 * Messages from the parent: `{ type: 'setup', streamUsers }` → creates team "bench", the
 * portfolio owner (with a password, to sign in through the app) and `streamUsers` more members,
 * and answers with the URL and a token per user; `{ type: 'stop' }` → closes and exits.
 * Production defaults everywhere (argon2id cost, rate limits, limits), except the SSE heartbeat.
 */
import { createServer } from '../../src-server/createServer';

export type SyncServerSetup = { type: 'setup'; streamUsers: number; owner: { email: string; name: string; password: string } };
export type SyncServerReady = { type: 'ready'; url: string; backend: string; ownerToken: string; streamTokens: string[] };
export type SyncServerFailed = { type: 'failed'; message: string };
export type SyncServerMessage = SyncServerReady | SyncServerFailed | { type: 'listening' } | { type: 'stopped' };

const send = (message: SyncServerMessage) => process.send?.(message);

async function main(): Promise<void> {
  const server = await createServer({
    host: '127.0.0.1',
    port: 0,
    logger: false,
    ...(process.env.BENCH_SYNC_DATABASE_URL
      ? { databaseUrl: process.env.BENCH_SYNC_DATABASE_URL, schema: process.env.BENCH_SYNC_SCHEMA ?? 'public' }
      : { dataDir: process.env.BENCH_SYNC_DATA_DIR ?? './data/bench-server' }),
  });
  process.on('message', (message: SyncServerSetup | { type: 'stop' }) => {
    if (message.type === 'stop') {
      void server.close().then(() => {
        send({ type: 'stopped' });
        process.exit(0);
      });
      return;
    }
    void (async () => {
      await server.admin.addTeam('bench');
      await server.admin.addUser({ ...message.owner, role: 'manager', teams: ['bench'] });
      const ownerToken = (await server.admin.issueToken(message.owner.email)).token;
      const streamTokens: string[] = [];
      for (let i = 0; i < message.streamUsers; i += 1) {
        const email = `reader${i}@bench.example`;
        await server.admin.addUser({ email, name: `Reader ${i}`, role: 'manager', teams: ['bench'] });
        streamTokens.push((await server.admin.issueToken(email)).token);
      }
      send({ type: 'ready', url: server.url, backend: server.backend, ownerToken, streamTokens });
    })().catch((error: unknown) => send({ type: 'failed', message: error instanceof Error ? error.stack ?? error.message : String(error) }));
  });
  send({ type: 'listening' });
}

main().catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? error.stack ?? error.message : String(error) });
  process.exit(1);
});
