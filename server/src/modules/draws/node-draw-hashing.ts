import { createHash, createHmac } from 'node:crypto';
import type { DrawHashing } from '@mashang/shared';

/** The draw's hashing on node:crypto (a browser verifies with WebCrypto, the same functions). */
export const NODE_DRAW_HASHING: DrawHashing = {
  sha256Hex: async (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
  hmac: async (keyHex, message) => createHmac('sha256', Buffer.from(keyHex, 'hex')).update(message, 'utf8').digest(),
};

/** A draw's seed: derived from the server's secret and the draw's nonce, so the database alone cannot reveal it early. */
export function drawSeed(serverSecret: string, drawId: string, nonce: string): string {
  const key = createHmac('sha256', serverSecret).update('random-draw').digest();
  return createHmac('sha256', key).update(`${drawId}:${nonce}`).digest('hex');
}
