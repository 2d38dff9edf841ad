/**
 * The OpenAPI 3.1 description of `/api/v1`, built from the route table (the same JSON schemas
 * Fastify validates requests with) and the collection schemas of src-shared.
 */
import { API_SCOPES, API_V1 } from '../../src-shared/api/scopes';
import { acceptsAdminSession, SESSION_SCOPES } from './apiAccess';
import { API_ROUTES, COMPONENT_SCHEMAS } from './apiRoutes';
import type { ApiRoute, JsonSchema } from './apiTypes';

const COMMON_ERRORS: Record<number, string> = {
  400: 'bad request: the message names the field (and record)',
  401: 'missing, malformed or revoked API token (or, for webhook administration, a missing, expired or ended session)',
  403: "the token lacks the scope, the partner is not visible to it, or the session is not an admin's",
  404: 'not found',
  409: 'changed concurrently: send it again',
  413: 'too many records or too large a body',
  415: 'wrong content type',
  422: 'the Idempotency-Key was used before with another request',
  429: 'rate limited: retry later',
};

/** `/api/v1/deals/:externalId` → `/api/v1/deals/{externalId}`. */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function parameters(route: ApiRoute): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.querystring],
  ] as const) {
    const properties = (schema?.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((schema?.required ?? []) as string[]);
    for (const [name, property] of Object.entries(properties)) {
      out.push({ name, in: where, required: where === 'path' || required.has(name), schema: property, ...(property.description ? { description: property.description } : {}) });
    }
  }
  if (route.idempotent) {
    out.push({ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', minLength: 1, maxLength: 200 }, description: 'a replay with the same key answers the first answer' });
  }
  return out;
}

export function buildOpenApi(serverUrl?: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of API_ROUTES) {
    const path = openApiPath(route.url);
    const responses: Record<string, JsonSchema> = {};
    for (const [status, response] of Object.entries(route.responses)) {
      responses[status] = { description: response.description, ...(response.schema ? { content: { 'application/json': { schema: response.schema } } } : {}) };
    }
    const errorStatuses = route.scope === null ? route.errors : [401, 403, 429, ...route.errors];
    for (const status of [...new Set(errorStatuses)].sort()) {
      responses[String(status)] = { description: COMMON_ERRORS[status] ?? 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    }
    const operation: JsonSchema = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      ...(route.scope
        ? { security: [{ bearer: [route.scope] }, ...(acceptsAdminSession(route.scope) ? [{ adminSession: [] }] : [])], 'x-scope': route.scope }
        : { security: [] }),
      parameters: parameters(route),
      ...(route.body ? { requestBody: { required: true, content: { [route.bodyContentType ?? 'application/json']: { schema: route.body } } } } : {}),
      responses,
    };
    (paths[path] ??= {})[route.method.toLowerCase()] = operation;
  }
  paths[`${API_V1}/openapi.json`] = {
    get: { operationId: 'getOpenApi', summary: 'This description', tags: ['meta'], security: [], responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } } },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Partner Desk integration API',
      version: '1.0.0',
      description:
        'Deals from the CRM, completions from the LMS, PSAT responses and partners, written through the same store, access rules and change feed as the laptops\' sync. Authenticate with an API token (`Authorization: Bearer pdk_…`, created with `npm run server:admin -- create-token`). Webhook administration also accepts the sync session of an admin, so the app manages subscriptions for a signed-in program lead.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    paths,
    components: {
      schemas: COMPONENT_SCHEMAS,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: `API token; scopes: ${API_SCOPES.join(', ')}` },
        adminSession: {
          type: 'http',
          scheme: 'bearer',
          description: `the sync session of a user with role admin (the token of POST /api/auth/login, as the app signed in to this server uses it); accepted by the routes of scope ${SESSION_SCOPES.join(', ')} only. A manager's session is answered 403.`,
        },
      },
    },
  };
}
