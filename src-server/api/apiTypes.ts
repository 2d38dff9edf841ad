/** The integration API's route table types and its error. */
import type { ApiScope } from '../../src-shared/api/scopes';
import type { ServerContext } from '../serverContext';
import type { PushViewer } from '../sync/pushService';
import type { WebhookService } from '../webhooks/subscriptions';
import type { ApiToken } from './apiTokens';

export type JsonSchema = Record<string, unknown>;

/**
 * Who calls: an API token, or (routes of a session scope, see apiAccess.ts) an admin's sync
 * session — then `token` is null. `name` is for the log; `author` goes into `updatedBy`.
 */
export type ApiActor = { token: ApiToken | null; name: string; viewer: PushViewer; author: string };

/** The API token of a call; the routes whose scope a session never holds may rely on it. */
export function actorToken(actor: ApiActor): ApiToken {
  if (!actor.token) throw new ApiFailure(403, 'forbidden', 'this route needs an API token (Authorization: Bearer pdk_…)');
  return actor.token;
}

export type ApiCall = {
  actor: ApiActor;
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  body: unknown;
  /** The `Idempotency-Key` header, when given. */
  idempotencyKey: string | null;
};

export type ApiAnswer = { status: number; body: unknown };

export type ApiDeps = { ctx: ServerContext; webhooks: WebhookService };

export type ApiRoute = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Fastify path, e.g. `/api/v1/deals/:externalId`. */
  url: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** The scope a token needs; null: no token needed. */
  scope: ApiScope | null;
  params?: JsonSchema;
  querystring?: JsonSchema;
  body?: JsonSchema;
  bodyContentType?: 'application/json' | 'application/x-ndjson';
  /** Accepts an `Idempotency-Key` header (a replay returns the first answer). */
  idempotent?: boolean;
  responses: Record<number, { description: string; schema?: JsonSchema }>;
  /** Error statuses this route answers besides the common ones (401, 403, 429). */
  errors: readonly number[];
  handler: (deps: ApiDeps, call: ApiCall) => Promise<ApiAnswer>;
};

/** A client mistake answered as `{error, message, …}` with `status`. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
