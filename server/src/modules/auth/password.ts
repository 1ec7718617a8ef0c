import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { Injectable } from '@nestjs/common';

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;
const KEY_LENGTH = 32;

/**
 * What a password is checked against when no account has the username: a hash of a random password
 * nobody kept, made like every stored one, so an unknown name costs the same scrypt run as a known one
 * and the answer's timing does not tell which names exist.
 */
export const UNKNOWN_USER_HASH = 'scrypt$kq3JJ2sto_ohDnspf9Q7_Q$JfRKCOhiZeacWUdQ4bItV5X5xze-8bS0LeXgwmrQKc4';

/** scrypt with a per-password salt, stored as `scrypt$<salt>$<hash>` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, KEY_LENGTH);
  return `scrypt$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length);
  return timingSafeEqual(actual, expected);
}

/** Hashing and checking passwords, as a provider: tests replace it to see what is hashed. */
@Injectable()
export class Passwords {
  hash(password: string): Promise<string> {
    return hashPassword(password);
  }

  verify(password: string, stored: string): Promise<boolean> {
    return verifyPassword(password, stored);
  }
}
