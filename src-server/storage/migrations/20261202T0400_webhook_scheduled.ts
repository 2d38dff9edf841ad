import type { Migration } from './migration';

/**
 * Time-based webhook events (`partner.phase_entered`, `task.overdue`) are raised by a periodic
 * scan; `webhook_emitted` holds the key of each one raised, inserted in the transaction that puts
 * it in the outbox, so with several server processes each is raised once.
 */
export const migration: Migration = {
  id: '20261202T0400_webhook_scheduled',
  statements: [`CREATE TABLE webhook_emitted (key text PRIMARY KEY, emitted_at timestamptz NOT NULL)`],
};
