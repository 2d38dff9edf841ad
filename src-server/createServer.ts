/**
 * Starts a sync server: opens storage (PostgreSQL when `databaseUrl` is set, else embedded
 * PGlite in `dataDir`), runs migrations, subscribes to the change feed and listens on HTTP.
 * Used by `npm run server` (src-server/main.ts), the integration tests and the bench.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { CollectionName } from '../src-shared/domain/types';
import { TOKEN_TTL_MS } from '../src-shared/sync/protocol';
import { createAdminService, type AdminService } from './admin/adminService';
import { createApiTokenService, type ApiTokenService } from './api/apiTokens';
import { DEFAULT_API_OPTIONS, registeredApiRoutes, type ApiOptions, type RegisteredRoute } from './api/registerApi';
import { createWebhookDeliverer, type WebhookDeliverer } from './webhooks/deliverer';
import { createWebhookService, type WebhookService } from './webhooks/subscriptions';
import type { PasswordHashOptions } from './auth/passwords';
import { buildApp, DEFAULT_APP_OPTIONS, type RateLimit } from './http/buildApp';
import type { ServerContext } from './serverContext';
import { lockDataDir } from './storage/dataDirLock';
import { openDb, type Backend, type Db } from './storage/db';
import { runMigrations } from './storage/runMigrations';
import { createChangeBus } from './sync/changeBus';
import { createStreamHub } from './sync/streamHub';
import { createFeedStreamHub } from './sync/feedStreamHub';
import type { ValidatedPushRow } from './sync/validatePushBody';
import { applyPush, type PushHooks, type PushOutcome, type PushViewer } from './sync/pushService';
import { applyFeedPush, type FeedPushOutcome } from './sync/feedPushService';
import type { ValidatedFeedRow } from './sync/validateFeedPushBody';

export type CreateServerOptions = {
  /** Embedded storage directory (default ./data/server) when no databaseUrl is given. */
  dataDir?: string;
  /** PostgreSQL connection string; wins over dataDir. */
  databaseUrl?: string;
  /** An open PGlite to use instead of dataDir (tests share one per file); not closed by close(). */
  pglite?: PGlite;
  /** PostgreSQL schema for the tables (default public); tests isolate with a fresh one. */
  schema?: string;
  /** Default 0: any free port. */
  port?: number;
  host?: string;
  /** Structured JSON logs (pino); default false. */
  logger?: boolean;
  /** Clock for sessions, timestamps and webhook delivery and retries (tests inject one and move it instead of sleeping). */
  now?: () => Date;
  passwordHashing?: PasswordHashOptions;
  tokenTtlMs?: number;
  loginRateLimit?: RateLimit;
  requestRateLimit?: RateLimit;
  pushBodyLimitBytes?: number;
  /** Interval of SSE keep-alive comments and token re-checks of open streams (default 15 s). */
  streamHeartbeatMs?: number;
  trustProxy?: boolean;
  corsOrigin?: boolean | string[];
  /** Integration API limits (`/api/v1`). */
  api?: Partial<ApiOptions>;
  /** How often the webhook outbox is polled (default 1000 ms; 0: never — tests call `webhooks.deliverer.runOnce()`). */
  webhookPollMs?: number;
};

export type SyncServer = {
  url: string;
  port: number;
  backend: Backend;
  epoch: string;
  db: Db;
  admin: AdminService;
  /** Direct access to the push pipeline (tests hold a transaction open with `beforeCommit`). */
  push: (viewer: PushViewer, collection: CollectionName, rows: readonly ValidatedPushRow[], hooks?: PushHooks) => Promise<PushOutcome>;
  /** Direct access to the protocol-2 push pipeline (same hooks). */
  feedPush: (viewer: PushViewer, rows: readonly ValidatedFeedRow[], hooks?: PushHooks) => Promise<FeedPushOutcome>;
  openStreams: () => number;
  /** Integration API tokens (the admin CLI's create-token / list-tokens / revoke-token). */
  apiTokens: ApiTokenService;
  /** Webhook subscriptions and the outbox deliverer. */
  webhooks: { service: WebhookService; deliverer: WebhookDeliverer };
  /** The `/api/v1` routes the HTTP router has (for the OpenAPI consistency test). */
  apiRoutes: () => RegisteredRoute[];
  close: () => Promise<void>;
};

export async function createServer(options: CreateServerOptions = { host: '127.0.0.1' }): Promise<SyncServer> {
  const now = options.now ?? (() => new Date());
  const unlock = !options.databaseUrl && !options.pglite ? lockDataDir(options.dataDir ?? './data/server') : () => undefined;
  let db: Db | null = null;
  try {
    db = await openDb({ databaseUrl: options.databaseUrl, dataDir: options.dataDir, pglite: options.pglite, schema: options.schema });
    await runMigrations(db);
    const epochRows = await db.query<{ value: string }>(`SELECT value FROM meta WHERE key = 'epoch'`);
    const epoch = epochRows[0]?.value ?? '0';
    const openDbRef = db;
    const logErrors: ((error: unknown) => void)[] = [];
    const onError = (error: unknown) => logErrors.forEach((log) => log(error));
    const bus = await createChangeBus(db, onError);
    const hub = createStreamHub({ db, epoch, now, heartbeatMs: options.streamHeartbeatMs ?? 15_000, pageSize: 200, onError });
    const feedHub = createFeedStreamHub({ db, epoch, now, heartbeatMs: options.streamHeartbeatMs ?? 15_000, pageSize: 200, onError });
    const unsubscribe = bus.subscribe((event) => {
      hub.handle(event);
      feedHub.handle(event);
    });
    const ctx: ServerContext = {
      db,
      epoch,
      now,
      passwordHashing: options.passwordHashing ?? {},
      tokenTtlMs: options.tokenTtlMs ?? TOKEN_TTL_MS,
      bus,
      hub,
      feedHub,
    };
    const app = await buildApp(ctx, {
      logger: options.logger ?? false,
      trustProxy: options.trustProxy ?? DEFAULT_APP_OPTIONS.trustProxy,
      loginRateLimit: options.loginRateLimit ?? DEFAULT_APP_OPTIONS.loginRateLimit,
      requestRateLimit: options.requestRateLimit ?? DEFAULT_APP_OPTIONS.requestRateLimit,
      pushBodyLimitBytes: options.pushBodyLimitBytes ?? DEFAULT_APP_OPTIONS.pushBodyLimitBytes,
      corsOrigin: options.corsOrigin ?? DEFAULT_APP_OPTIONS.corsOrigin,
      api: { ...DEFAULT_API_OPTIONS, ...options.api },
    });
    logErrors.push((error) => app.log.error({ err: error }, 'stream error'));
    const deliverer = createWebhookDeliverer({ db, now, onError: (error) => app.log.error({ err: error }, 'webhook delivery failed') });
    deliverer.start(options.webhookPollMs ?? 1000);
    await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
    const host = options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : 'localhost';
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    let closing: Promise<void> | null = null;
    return {
      url,
      port,
      backend: db.backend,
      epoch,
      db,
      admin: createAdminService({ db, now, passwordHashing: ctx.passwordHashing, tokenTtlMs: ctx.tokenTtlMs }),
      push: (viewer, collection, rows, hooks) => applyPush(openDbRef, now, viewer, collection, rows, hooks),
      feedPush: (viewer, rows, hooks) => applyFeedPush(openDbRef, now, viewer, rows, hooks),
      openStreams: () => hub.size() + feedHub.size(),
      apiTokens: createApiTokenService(openDbRef, now),
      webhooks: { service: createWebhookService(openDbRef, now), deliverer },
      apiRoutes: () => registeredApiRoutes(app),
      close: () => {
        closing ??= (async () => {
          await deliverer.stop();
          hub.closeAll('shutdown');
          feedHub.closeAll('shutdown');
          unsubscribe();
          await app.close();
          await bus.close();
          await openDbRef.close();
          unlock();
        })();
        return closing;
      },
    };
  } catch (error) {
    await db?.close().catch(() => undefined);
    unlock();
    throw error;
  }
}
