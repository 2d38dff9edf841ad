import type { Migration } from './migration';

/**
 * The integration API and webhooks.
 * - `api_tokens`: API tokens (not user sessions), stored as the SHA-256 of the token; each acts
 *   through its own service user (`user_id`, disabled for login) so the sync access rules apply
 *   to it unchanged: a token bound to a team is a manager in that team, one bound to all an admin.
 * - `api_idempotency`: the first answer to each `Idempotency-Key` of a token (a replay returns it).
 * - `webhook_subscriptions`: URL, events and signing secret.
 * - `webhook_events`: the durable outbox, written in the same transaction as the change.
 * - `webhook_deliveries`: one per event and subscription: status, attempts, next attempt, lease
 *   (claimed with FOR UPDATE SKIP LOCKED so several server processes deliver each once).
 * - `webhook_attempts`: the delivery log (status code or error of every attempt).
 */
export const migration: Migration = {
  id: '20261202T0300_api_webhooks',
  statements: [
    `CREATE TABLE api_tokens (
      id text PRIMARY KEY,
      name text NOT NULL UNIQUE,
      token_hash text NOT NULL UNIQUE,
      scopes text[] NOT NULL,
      team_id text REFERENCES teams (id),
      user_id text NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL,
      revoked_at timestamptz,
      last_used_at timestamptz
    )`,
    `CREATE TABLE api_idempotency (
      token_id text NOT NULL REFERENCES api_tokens (id),
      key text NOT NULL,
      request_hash text NOT NULL,
      status integer NOT NULL,
      body jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (token_id, key)
    )`,
    `CREATE TABLE webhook_subscriptions (
      id text PRIMARY KEY,
      url text NOT NULL,
      events text[] NOT NULL,
      secret text NOT NULL,
      created_at timestamptz NOT NULL,
      removed_at timestamptz
    )`,
    `CREATE TABLE webhook_events (
      id text PRIMARY KEY,
      type text NOT NULL,
      payload jsonb NOT NULL,
      created_at timestamptz NOT NULL
    )`,
    `CREATE TABLE webhook_deliveries (
      id text PRIMARY KEY,
      event_id text NOT NULL REFERENCES webhook_events (id),
      subscription_id text NOT NULL REFERENCES webhook_subscriptions (id),
      status text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL,
      lease_until timestamptz,
      last_status integer,
      last_error text,
      delivered_at timestamptz,
      created_at timestamptz NOT NULL
    )`,
    `CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`,
    `CREATE TABLE webhook_attempts (
      delivery_id text NOT NULL REFERENCES webhook_deliveries (id),
      attempt integer NOT NULL,
      at timestamptz NOT NULL,
      status_code integer,
      error text,
      PRIMARY KEY (delivery_id, attempt)
    )`,
  ],
};
