/** Login sessions: random bearer tokens stored only as SHA-256 hashes, expiring, revocable. */
import type { Db, Queryable } from '../storage/db';
import { feedChannel, notify } from '../storage/changeFeed';
import { findLiveSession, insertSession, revokeSession, type Viewer } from '../storage/userStore';
import { generateToken, hashToken, isWellFormedToken } from './tokens';

export async function createSession(q: Queryable, userId: string, now: Date, ttlMs: number): Promise<{ token: string; expiresAt: string }> {
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + ttlMs);
  await insertSession(q, hashToken(token), userId, now, expiresAt);
  return { token, expiresAt: expiresAt.toISOString() };
}

export async function authenticateToken(q: Queryable, token: string | null, now: Date): Promise<Viewer | null> {
  if (!token || !isWellFormedToken(token)) return null;
  return findLiveSession(q, hashToken(token), now);
}

/** Revokes one session and tells every server process to re-check its open streams. */
export async function endSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await revokeSession(tx, tokenHash, now);
    await notify(tx, feedChannel(db), { t: 'sessions' });
  });
}
