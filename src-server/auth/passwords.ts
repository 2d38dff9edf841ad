/** Password hashing with argon2id (@node-rs/argon2, prebuilt binaries). */
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from '../validation/untrustedInput';

/** `Algorithm.Argon2id` (a const enum, which verbatimModuleSyntax cannot read at runtime). */
const ARGON2ID = 2 as Algorithm;

export type PasswordHashOptions = {
  /** KiB; default 19456 (OWASP minimum for argon2id). Tests may lower it. */
  memoryCost?: number;
  timeCost?: number;
};

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 1024;

export async function hashPassword(password: string, options: PasswordHashOptions = {}): Promise<string> {
  if (password.length < PASSWORD_MIN_LENGTH) throw new Error(`password must have at least ${PASSWORD_MIN_LENGTH} characters`);
  if (password.length > PASSWORD_MAX_LENGTH) throw new Error(`password must have at most ${PASSWORD_MAX_LENGTH} characters`);
  // Login refuses such passwords (400), so one set here could never be used.
  if (!isStorableText(password)) throw new Error(`password ${UNSTORABLE_TEXT_MESSAGE}`);
  return hash(password, {
    algorithm: ARGON2ID,
    memoryCost: options.memoryCost ?? 19456,
    timeCost: options.timeCost ?? 2,
    parallelism: 1,
  });
}

let dummyHash: Promise<string> | null = null;

/**
 * Verifies a password. With no stored hash (unknown user, no password set) it still runs one
 * verification against a dummy hash so response times do not reveal which emails exist.
 */
export async function verifyPassword(storedHash: string | null, password: string, options: PasswordHashOptions = {}): Promise<boolean> {
  if (password.length > PASSWORD_MAX_LENGTH) return false;
  if (!storedHash) {
    dummyHash ??= hashPassword('dummy-password-for-timing', options);
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
