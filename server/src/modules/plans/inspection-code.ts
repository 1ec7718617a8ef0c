import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const RANDOM_BYTES = 9;
const MAC_BYTES = 6;

/** The signing key of inspection codes, derived from the server's secret. */
export function codeSigningKey(serverSecret: string): Buffer {
  return createHmac('sha256', serverSecret).update('inspection-code').digest();
}

/**
 * A new inspection-code token: 72 random bits and a 48-bit signature, 20 URL-safe characters.
 * It names nothing: who and what it stands for is looked up, so the QR holds no personal data.
 */
export function newCodeToken(key: Buffer): string {
  const random = randomBytes(RANDOM_BYTES);
  return Buffer.concat([random, sign(key, random)]).toString('base64url');
}

/** Whether a token was issued with this key (forged or mistyped tokens are refused before any look-up). */
export function isAuthenticToken(key: Buffer, token: string): boolean {
  if (!/^[A-Za-z0-9_-]{20}$/.test(token)) return false;
  const raw = Buffer.from(token, 'base64url');
  if (raw.length !== RANDOM_BYTES + MAC_BYTES) return false;
  return timingSafeEqual(raw.subarray(RANDOM_BYTES), sign(key, raw.subarray(0, RANDOM_BYTES)));
}

function sign(key: Buffer, random: Buffer): Buffer {
  return createHmac('sha256', key).update(random).digest().subarray(0, MAC_BYTES);
}
