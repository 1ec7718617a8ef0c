import { createHash, createHmac } from 'node:crypto';
import { normaliseRatingCode, RATING_CODE_ALPHABET, RATING_CODE_LENGTH, RATING_TOKEN_PATTERN } from '@mashang/shared';

/** The key rating links and codes are derived with, from the server's secret. */
export function ratingKey(serverSecret: string): Buffer {
  return createHmac('sha256', serverSecret).update('rating-invite').digest();
}

/**
 * An invite's personal link token: 128 bits of HMAC over its id, 22 URL-safe characters. Derived,
 * not stored, so neither the database nor the queue holds a usable link.
 */
export function linkToken(key: Buffer, inviteId: string): string {
  return createHmac('sha256', key).update(`link:${inviteId}`).digest().subarray(0, 16).toString('base64url');
}

/**
 * An invite's rating code (code mode): 8 characters of the look-alike-free alphabet, from 40 bits of
 * HMAC. `seq` picks another code when one collides with an existing invite's.
 */
export function ratingCode(key: Buffer, inviteId: string, seq: number): string {
  let value = createHmac('sha256', key).update(`code:${inviteId}:${seq}`).digest().readBigUInt64BE(0);
  const base = BigInt(RATING_CODE_ALPHABET.length);
  let code = '';
  for (let i = 0; i < RATING_CODE_LENGTH; i += 1) {
    code += RATING_CODE_ALPHABET[Number(value % base)];
    value /= base;
  }
  return code;
}

export type RatingCredential = { kind: 'link'; token: string } | { kind: 'code'; code: string };

/** What the page sent: a link token, a code as typed, or neither (null). */
export function parseCredential(text: string): RatingCredential | null {
  if (RATING_TOKEN_PATTERN.test(text)) return { kind: 'link', token: text };
  const code = normaliseRatingCode(text);
  return code ? { kind: 'code', code } : null;
}

/** The stored look-up hash of a link token or a code. */
export function credentialHash(credential: RatingCredential): string {
  const text = credential.kind === 'link' ? `link:${credential.token}` : `code:${credential.code}`;
  return createHash('sha256').update(text).digest('hex');
}
