import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../src-server/auth/passwords';
import { bearerToken, generateToken, hashToken, isWellFormedToken } from '../../../src-server/auth/tokens';
import { ALL_MIGRATIONS } from '../../../src-server/storage/migrations/allMigrations';
import { toSafeInteger } from '../../../src-server/storage/db';

describe('tokens', () => {
  it('are 256-bit base64url strings whose hash is stored', () => {
    const token = generateToken();
    expect(isWellFormedToken(token)).toBe(true);
    expect(generateToken()).not.toBe(token);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
    expect(bearerToken(`Bearer ${token}`)).toBe(token);
    expect(bearerToken(`bearer ${token}`)).toBe(token);
    expect(bearerToken(token)).toBeNull();
    expect(bearerToken('Bearer short')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
    expect(bearerToken([`Bearer ${token}`])).toBeNull();
  });
});

describe('passwords', () => {
  const fast = { memoryCost: 1024, timeCost: 1 };
  it('hash with argon2id and verify', async () => {
    const hash = await hashPassword('correct horse', fast);
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse')).toBe(true);
    expect(await verifyPassword(hash, 'wrong horse')).toBe(false);
    expect(await verifyPassword(null, 'correct horse', fast)).toBe(false);
    expect(await verifyPassword('garbage', 'x')).toBe(false);
    await expect(hashPassword('short', fast)).rejects.toThrow(/at least/);
  });
});

describe('storage helpers', () => {
  it('normalise bigint columns to safe integers', () => {
    expect(toSafeInteger(12n)).toBe(12);
    expect(toSafeInteger('42')).toBe(42);
    expect(toSafeInteger(7)).toBe(7);
    expect(() => toSafeInteger(2n ** 60n)).toThrow(/out of range/);
  });
  it('name migrations by timestamp, in order, uniquely', () => {
    const ids = ALL_MIGRATIONS.map((migration) => migration.id);
    expect(ids.every((id) => /^\d{8}T\d{4}_[a-z0-9_]+$/.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
