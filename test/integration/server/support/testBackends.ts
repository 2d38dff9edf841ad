/**
 * Runs integration suites against every available storage backend: embedded PGlite always, and
 * PostgreSQL when DATABASE_URL_TEST is set. One in-memory PGlite per test file (cold start is the
 * expensive part); every test gets a fresh PostgreSQL schema, dropped afterwards, so tests and
 * concurrent runs never collide.
 */
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createServer, type CreateServerOptions, type SyncServer } from '../../../../src-server/createServer';

export type BackendName = 'pglite' | 'postgres';

export const BACKENDS: BackendName[] = process.env.DATABASE_URL_TEST ? ['pglite', 'postgres'] : ['pglite'];

/** Cheap argon2 parameters: hashing cost is not what these tests are about. */
export const FAST_HASHING = { memoryCost: 1024, timeCost: 1 };

export type TestEnv = {
  backend: BackendName;
  /** A fresh schema name; `start` uses the test's schema unless given one. */
  schema: () => string;
  /** Starts a server on 127.0.0.1 in this test's schema (or `options.schema`). */
  start: (options?: Partial<CreateServerOptions>) => Promise<SyncServer>;
};

export function useTestEnv(backend: BackendName): TestEnv {
  let pglite: PGlite | null = null;
  let currentSchema: string | null = null;
  const servers: SyncServer[] = [];
  const schemas = new Set<string>();

  beforeAll(async () => {
    if (backend === 'pglite') pglite = await PGlite.create();
  });

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
    for (const schema of schemas) await dropSchema(schema);
    schemas.clear();
    currentSchema = null;
  });

  afterAll(async () => {
    await pglite?.close();
    pglite = null;
  });

  const dropSchema = async (schema: string) => {
    if (backend === 'pglite') {
      if (pglite && !pglite.closed) await pglite.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      return;
    }
    await dropPostgresSchema(schema);
  };

  const newSchema = () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    schemas.add(schema);
    return schema;
  };

  return {
    backend,
    schema: newSchema,
    start: async (options = {}) => {
      currentSchema ??= newSchema();
      const storage: Partial<CreateServerOptions> =
        options.dataDir !== undefined
          ? {}
          : backend === 'pglite'
            ? { pglite: pglite as PGlite, schema: options.schema ?? currentSchema }
            : { databaseUrl: process.env.DATABASE_URL_TEST, schema: options.schema ?? currentSchema };
      const server = await createServer({
        host: '127.0.0.1',
        port: 0,
        logger: false,
        passwordHashing: FAST_HASHING,
        loginRateLimit: { max: 1000, timeWindowMs: 60_000 },
        requestRateLimit: { max: 100_000, timeWindowMs: 60_000 },
        streamHeartbeatMs: 200,
        ...storage,
        ...options,
      });
      servers.push(server);
      return server;
    },
  };
}

/** Drops a test's schema from the PostgreSQL of `DATABASE_URL_TEST` (what it created is gone with it). */
export async function dropPostgresSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL_TEST });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
