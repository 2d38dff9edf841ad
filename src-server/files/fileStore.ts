/**
 * File content in the server's database (`resource_files`, bytea), keyed by SHA-256: resource-
 * library files and the proofs of MDF claims. Who may read a file follows the documents that
 * reference it: a manager reads it when they can see at least one (not deleted) resource whose
 * `file.sha256` names it, or an mdf document with a claim whose `proof.sha256` names it.
 */
import type { Queryable } from '../storage/db';
import { partnerDocVisibleSql, programDocVisibleSql } from '../storage/visibilitySql';
import { toSafeInteger } from '../storage/db';
import type { UserRole } from '../../src-shared/sync/protocol';

export type StoredFile = { sha256: string; size: number; content: Uint8Array };

/** Stores the bytes unless the same content is already there (content-addressed: nothing to update). Returns whether it was new. */
export async function saveFile(q: Queryable, file: { sha256: string; content: Uint8Array; uploadedBy: string; now: Date }): Promise<boolean> {
  const rows = await q.query<{ sha256: string }>(
    `INSERT INTO resource_files (sha256, size, content, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (sha256) DO NOTHING RETURNING sha256`,
    [file.sha256, file.content.byteLength, file.content, file.uploadedBy, file.now.toISOString()],
  );
  return rows.length > 0;
}

export async function loadFile(q: Queryable, sha256: string): Promise<StoredFile | null> {
  const rows = await q.query<{ sha256: string; size: unknown; content: Uint8Array }>(`SELECT sha256, size, content FROM resource_files WHERE sha256 = $1`, [sha256]);
  const row = rows[0];
  if (!row) return null;
  // pg gives a Buffer, PGlite a Uint8Array: both are Uint8Arrays.
  return { sha256: row.sha256, size: toSafeInteger(row.size), content: row.content };
}

/**
 * Whether the viewer can see a document that references this file: a resource, by the
 * program-document rule (visibilitySql.ts `programDocVisibleSql`, from accessRules.ts
 * `canSeeProgramDocument`), or an MDF claim's proof, by its partner (`partnerDocVisibleSql`).
 */
export async function canReadFile(q: Queryable, viewer: { id: string; role: UserRole }, sha256: string): Promise<boolean> {
  // Admins manage the library: they read any stored file, referenced yet or not.
  if (viewer.role === 'admin') return true;
  const rows = await q.query(
    `SELECT 1 FROM docs d
      WHERE NOT d.deleted AND (
        (d.collection = 'resources' AND d.data->'file'->>'sha256' = $1 AND ${programDocVisibleSql('$2')})
        OR (d.collection = 'mdf' AND d.data->'claims' @> jsonb_build_array(jsonb_build_object('proof', jsonb_build_object('sha256', $1::text)))
            AND ${partnerDocVisibleSql('$2')}))
      LIMIT 1`,
    [sha256, viewer.id],
  );
  return rows.length > 0;
}
