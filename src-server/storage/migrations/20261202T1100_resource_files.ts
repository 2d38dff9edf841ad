import type { Migration } from './migration';

/**
 * The bytes of resource-library files (up to 25 MB each), stored once per content: the key is
 * the SHA-256 the uploader names and the server checks, so a file is immutable under its key.
 */
export const migration: Migration = {
  id: '20261202T1100_resource_files',
  statements: [
    `CREATE TABLE resource_files (
       sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
       size integer NOT NULL CHECK (size >= 0),
       content bytea NOT NULL,
       uploaded_by text NOT NULL,
       uploaded_at timestamptz NOT NULL
     )`,
  ],
};
