import { createHash, createHmac } from 'node:crypto';

/** The key supervision codes are derived with, from the server's secret. */
export function supervisionCodeKey(serverSecret: string): Buffer {
  return createHmac('sha256', serverSecret).update('supervision-code').digest();
}

/**
 * A case's supervision code (监督码) token: 128 bits of HMAC over the case id, 22 URL-safe
 * characters. Unguessable and carrying no personal data; derived, so the database holds only its hash.
 */
export function supervisionCodeToken(key: Buffer, caseId: string): string {
  return createHmac('sha256', key).update(`penalty:${caseId}`).digest().subarray(0, 16).toString('base64url');
}

export const SUPERVISION_CODE_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** The stored look-up hash of a token. */
export function supervisionCodeHash(token: string): string {
  return createHash('sha256').update(`penalty-code:${token}`).digest('hex');
}

/** The code's public link (what the notice prints as a QR and the SMS sends). */
export function supervisionCodeUrl(publicBaseUrl: string, key: Buffer, caseId: string): string {
  return `${publicBaseUrl.replace(/\/$/, '')}/p/${supervisionCodeToken(key, caseId)}`;
}
