import { checkDraw, type DrawCheck, type DrawView } from '@mashang/shared';
import { NODE_DRAW_HASHING } from './node-draw-hashing.js';

/** A published draw checked on node:crypto (the CLI's `verify-draw`); browsers run the same check on WebCrypto. */
export function verifyDraw(draw: Pick<DrawView, 'commitment' | 'inputs' | 'seed' | 'publicEntropy' | 'result' | 'status'>): Promise<DrawCheck> {
  return checkDraw(NODE_DRAW_HASHING, draw);
}
