import type { Db } from './db';
import { ALL_MIGRATIONS } from './migrations/allMigrations';
import type { Migration } from './migrations/migration';

const ID_PATTERN = /^\d{8}T\d{4}_[a-z0-9_]+$/;

/**
 * Applies the missing migrations in id (timestamp) order, each in its own transaction. A
 * transaction-scoped advisory lock per schema makes concurrent server starts safe.
 */
export async function runMigrations(db: Db, migrations: readonly Migration[] = ALL_MIGRATIONS): Promise<string[]> {
  const sorted = [...migrations].sort((a, b) => a.id.localeCompare(b.id));
  for (const migration of sorted) {
    if (!ID_PATTERN.test(migration.id)) throw new Error(`migration id must look like 20261125T2300_name: ${migration.id}`);
  }
  await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':migrations'))`);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  });
  const applied: string[] = [];
  for (const migration of sorted) {
    const done = await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':migrations'))`);
      const existing = await tx.query(`SELECT id FROM schema_migrations WHERE id = $1`, [migration.id]);
      if (existing.length > 0) return false;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query(`INSERT INTO schema_migrations (id) VALUES ($1)`, [migration.id]);
      return true;
    });
    if (done) applied.push(migration.id);
  }
  return applied;
}
