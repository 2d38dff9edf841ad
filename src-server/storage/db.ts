/**
 * One SQL dialect over two drivers: PostgreSQL through `pg` when a database URL is given, else
 * embedded PGlite in a data directory (or an injected PGlite instance, used by tests). This is
 * the only place that knows the drivers apart; in particular it normalises bigint columns
 * (PGlite: number or BigInt, pg: string) to JS numbers.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export type Row = Record<string, unknown>;

export type Queryable = {
  query: <T extends Row = Row>(sql: string, params?: readonly unknown[]) => Promise<T[]>;
};

export type Backend = 'pglite' | 'postgres';

export type Db = Queryable & {
  backend: Backend;
  /** The PostgreSQL schema holding the tables ('public' unless isolated, e.g. per test). */
  schema: string;
  transaction: <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>;
  /** Calls `onPayload` for every NOTIFY on `channel`; `onGap` when notifications may have been lost. */
  listen: (channel: string, onPayload: (payload: string) => void, onGap: () => void) => Promise<() => Promise<void>>;
  close: () => Promise<void>;
};

export type OpenDbOptions = {
  databaseUrl?: string;
  /** PGlite data directory (the database lives in `<dataDir>/pgdata`). */
  dataDir?: string;
  /** An already open PGlite; not closed by `close()`. */
  pglite?: PGlite;
  schema?: string;
  poolSize?: number;
};

const SCHEMA_PATTERN = /^[a-z_][a-z0-9_]{0,47}$/;
const INT8_OID = 20;

/** The single bigint normalisation: every int8 value becomes a safe JS integer. */
export function toSafeInteger(value: unknown): number {
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(number)) throw new Error(`integer out of range: ${String(value)}`);
  return number;
}

function normaliseRow(row: Row): Row {
  for (const key of Object.keys(row)) {
    if (typeof row[key] === 'bigint') row[key] = toSafeInteger(row[key]);
  }
  return row;
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export async function openDb(options: OpenDbOptions): Promise<Db> {
  const schema = options.schema ?? 'public';
  if (!SCHEMA_PATTERN.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  if (options.databaseUrl) return openPostgres(options.databaseUrl, schema, options.poolSize ?? 10);
  if (options.pglite) return openPglite(options.pglite, schema, false);
  const dataDir = options.dataDir ?? './data/server';
  const pgDir = path.resolve(dataDir, 'pgdata');
  mkdirSync(pgDir, { recursive: true });
  const pglite = await PGlite.create(pgDir);
  return openPglite(pglite, schema, true);
}

async function openPglite(pglite: PGlite, schema: string, owned: boolean): Promise<Db> {
  const wrap = (runner: { query: PGlite['query'] }): Queryable => ({
    query: async <T extends Row>(sql: string, params?: readonly unknown[]) => {
      const result = await runner.query<T>(sql, params ? [...params] : undefined);
      return result.rows.map((row) => normaliseRow(row) as T);
    },
  });
  await pglite.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  await pglite.query(`SET search_path TO ${quoteIdent(schema)}`);
  const base = wrap(pglite);
  return {
    backend: 'pglite',
    schema,
    query: base.query,
    transaction: (fn) => pglite.transaction((tx) => fn(wrap(tx))),
    listen: async (channel, onPayload) => {
      const unlisten = await pglite.listen(channel, onPayload);
      return async () => {
        if (!pglite.closed) await unlisten();
      };
    },
    close: async () => {
      if (owned && !pglite.closed) await pglite.close();
    },
  };
}

async function openPostgres(databaseUrl: string, schema: string, poolSize: number): Promise<Db> {
  const types = {
    getTypeParser: ((oid: number, format?: string) =>
      oid === INT8_OID ? (value: string) => toSafeInteger(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
  };
  const clientConfig: pg.ClientConfig = {
    connectionString: databaseUrl,
    types,
    options: `-c search_path=${schema}`,
  };
  const pool = new pg.Pool({ ...clientConfig, max: poolSize, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection must not crash the process.
  pool.on('error', () => undefined);
  const wrap = (runner: pg.Pool | pg.PoolClient): Queryable => ({
    query: async <T extends Row>(sql: string, params?: readonly unknown[]) => {
      const result = await runner.query(sql, params ? [...params] : undefined);
      return result.rows as T[];
    },
  });
  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  const base = wrap(pool);
  const listeners = new Set<() => Promise<void>>();
  return {
    backend: 'postgres',
    schema,
    query: base.query,
    transaction: async (fn) => {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    listen: async (channel, onPayload, onGap) => {
      const stop = await listenPostgres(clientConfig, channel, onPayload, onGap);
      listeners.add(stop);
      return async () => {
        listeners.delete(stop);
        await stop();
      };
    },
    close: async () => {
      await Promise.all([...listeners].map((stop) => stop()));
      await pool.end();
    },
  };
}

/**
 * LISTEN on a dedicated connection; reconnects (every second, for as long as the listener is
 * open) when the connection drops, and reports the gap so subscribers can re-pull.
 */
async function listenPostgres(
  config: pg.ClientConfig,
  channel: string,
  onPayload: (payload: string) => void,
  onGap: () => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const next = new pg.Client(config);
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
    });
    const onBroken = () => {
      next.removeAllListeners('error');
      next.on('error', () => undefined);
      if (client === next) client = null;
      void next.end().catch(() => undefined);
      if (!stopped) schedule();
    };
    next.on('error', onBroken);
    next.on('end', () => {
      if (client === next && !stopped) onBroken();
    });
    await next.connect();
    await next.query(`LISTEN ${quoteIdent(channel)}`);
    client = next;
  };

  const schedule = () => {
    if (retry || stopped) return;
    retry = setTimeout(() => {
      retry = null;
      connect().then(onGap, () => schedule());
    }, 1000);
  };

  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const current = client;
    client = null;
    if (current) await current.end().catch(() => undefined);
  };
}
