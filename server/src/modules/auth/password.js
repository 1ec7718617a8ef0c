import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
const scrypt = promisify(scryptCallback);
const KEY_LENGTH = 32;
/** scrypt with a per-password salt, stored as `scrypt$<salt>$<hash>` (base64url). */
export async function hashPassword(password) {
    const salt = randomBytes(16);
    const hash = await scrypt(password, salt, KEY_LENGTH);
    return `scrypt$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}
export async function verifyPassword(password, stored) {
    const [scheme, salt, hash] = stored.split('$');
    if (scheme !== 'scrypt' || !salt || !hash)
        return false;
    const expected = Buffer.from(hash, 'base64url');
    const actual = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length);
    return timingSafeEqual(actual, expected);
}
