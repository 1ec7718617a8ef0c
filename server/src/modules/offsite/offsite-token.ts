import { createHash, createHmac } from 'node:crypto';

/** The key off-site request links are derived with, from the server's secret. */
export function offsiteTokenKey(serverSecret: string): Buffer {
  return createHmac('sha256', serverSecret).update('offsite-request').digest();
}

/**
 * The link's token: 128 bits of HMAC over the request id, 22 URL-safe characters, carrying no personal
 * data. Derived, so the database keeps only its hash and the same link can be sent again.
 */
export function offsiteToken(key: Buffer, requestId: string): string {
  return createHmac('sha256', key).update(`offsite:${requestId}`).digest().subarray(0, 16).toString('base64url');
}

export const OFFSITE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export function offsiteTokenHash(token: string): string {
  return createHash('sha256').update(`offsite-token:${token}`).digest('hex');
}

/** The link the SMS sends (outside /api; it redirects to the enterprise's small page). */
export function offsiteLink(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/$/, '')}/o/${token}`;
}
