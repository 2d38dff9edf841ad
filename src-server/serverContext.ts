import type { PasswordHashOptions } from './auth/passwords';
import type { Db } from './storage/db';
import type { ChangeBus } from './sync/changeBus';
import type { StreamHub } from './sync/streamHub';

/** What request handlers and services share. */
export type ServerContext = {
  db: Db;
  /** Identifies this database; part of every checkpoint. */
  epoch: string;
  now: () => Date;
  passwordHashing: PasswordHashOptions;
  tokenTtlMs: number;
  bus: ChangeBus;
  hub: StreamHub;
  /** Protocol-2 streams (`GET /api/sync/stream?protocol=2`). */
  feedHub: StreamHub;
};
