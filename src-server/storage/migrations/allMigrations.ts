import type { Migration } from './migration';
import { migration as init } from './20261125T2300_init';
import { migration as apiWebhooks } from './20261202T0300_api_webhooks';
import { migration as webhookScheduled } from './20261202T0400_webhook_scheduled';
import { migration as resourceFiles } from './20261202T1100_resource_files';

/** Every migration, oldest first. Add new files here; never edit an applied one. */
export const ALL_MIGRATIONS: readonly Migration[] = [init, apiWebhooks, webhookScheduled, resourceFiles];
