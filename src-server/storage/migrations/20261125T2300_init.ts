import type { Migration } from './migration';

/**
 * The initial schema.
 * - `docs`: every synced document of every collection (`data` without `_deleted`/RxDB locals),
 *   with the server-assigned change-feed position `seq` (unique; order = commit order), the
 *   partner it belongs to (`partner_id`: itself for partners, `data.partnerId` for children,
 *   null for templates) and its creator (`owner_id`).
 * - `feed_counter`: the single-row counter every change-feed writer locks and advances in its
 *   transaction; this serialises writers so no row can commit after a larger `seq` is visible.
 * - `partner_access`: materialised (partner, non-admin user) visibility pairs.
 * - `revocations`: per-user revocation tombstones (the last state the user could see) served by
 *   pull/stream after the user lost access to a partner.
 */
export const migration: Migration = {
  id: '20261125T2300_init',
  statements: [
    `CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL)`,
    `INSERT INTO meta (key, value) VALUES ('epoch', substr(md5(random()::text || clock_timestamp()::text), 1, 12))`,
    `CREATE TABLE feed_counter (id integer PRIMARY KEY CHECK (id = 1), seq bigint NOT NULL)`,
    `INSERT INTO feed_counter (id, seq) VALUES (1, 0)`,
    `CREATE TABLE teams (
      id text PRIMARY KEY,
      name text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL
    )`,
    `CREATE TABLE users (
      id text PRIMARY KEY,
      email text NOT NULL UNIQUE,
      name text NOT NULL,
      role text NOT NULL CHECK (role IN ('manager', 'admin')),
      password_hash text,
      disabled boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL
    )`,
    `CREATE TABLE team_members (
      team_id text NOT NULL REFERENCES teams (id),
      user_id text NOT NULL REFERENCES users (id),
      position integer NOT NULL,
      PRIMARY KEY (team_id, user_id)
    )`,
    `CREATE INDEX team_members_user ON team_members (user_id, position)`,
    `CREATE TABLE sessions (
      token_hash text PRIMARY KEY,
      user_id text NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz
    )`,
    `CREATE INDEX sessions_user ON sessions (user_id)`,
    `CREATE TABLE docs (
      collection text NOT NULL,
      id text NOT NULL,
      partner_id text,
      owner_id text NOT NULL,
      seq bigint NOT NULL,
      deleted boolean NOT NULL,
      data jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (collection, id)
    )`,
    `CREATE UNIQUE INDEX docs_seq ON docs (seq)`,
    `CREATE INDEX docs_collection_seq ON docs (collection, seq)`,
    `CREATE INDEX docs_partner ON docs (partner_id)`,
    `CREATE TABLE partner_teams (
      partner_id text PRIMARY KEY,
      team_id text NOT NULL REFERENCES teams (id)
    )`,
    `CREATE TABLE partner_access (
      partner_id text NOT NULL,
      user_id text NOT NULL REFERENCES users (id),
      PRIMARY KEY (partner_id, user_id)
    )`,
    `CREATE INDEX partner_access_user ON partner_access (user_id, partner_id)`,
    `CREATE TABLE revocations (
      user_id text NOT NULL REFERENCES users (id),
      collection text NOT NULL,
      doc_id text NOT NULL,
      partner_id text NOT NULL,
      seq bigint NOT NULL,
      snapshot jsonb NOT NULL,
      PRIMARY KEY (user_id, collection, doc_id)
    )`,
    `CREATE INDEX revocations_feed ON revocations (user_id, collection, seq)`,
    `CREATE INDEX revocations_partner ON revocations (partner_id, user_id)`,
  ],
};
