/**
 * `npm run server`: the sync server. Environment: DATABASE_URL (PostgreSQL; else embedded PGlite
 * in DATA_DIR, default ./data/server), PORT (8787), HOST (0.0.0.0), TRUST_PROXY (1 behind a load
 * balancer), LOG_LEVEL (info).
 */
import { createServer } from './createServer';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid PORT: ${process.env.PORT}`);
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = process.env.DATA_DIR || './data/server';
  // Opening the store and applying migrations takes a while (about 30 s the first time on
  // embedded PGlite): say so before it starts, so a silent terminal is not taken for a hang.
  console.log(
    databaseUrl
      ? 'Partner Desk sync server starting: connecting to PostgreSQL (DATABASE_URL) and applying migrations…'
      : `Partner Desk sync server starting: opening embedded PGlite in ${dataDir} and applying migrations (the first start takes about 30 s)…`,
  );
  const server = await createServer({
    databaseUrl,
    dataDir,
    port,
    host: process.env.HOST || '0.0.0.0',
    logger: true,
    trustProxy: process.env.TRUST_PROXY === '1',
  });
  const storage = databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${dataDir}`;
  console.log(`Partner Desk sync server listening on ${server.url} (storage: ${storage})`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
