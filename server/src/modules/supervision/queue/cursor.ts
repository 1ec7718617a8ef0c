import type { CaseSort } from '@mashang/shared';
import { invalid } from '../../../infra/errors/domain-error.js';

/** The opaque `nextCursor`: the sort key and id of the last case shown. */
export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

/** A cursor as the page it continues: after a deadline (YYYY-MM-DD) or a raising instant, and an id. */
export function decodeCursor(cursor: string, sort: CaseSort): { key: string; id: string } {
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const keyOk = sort === 'deadline' ? /^\d{4}-\d{2}-\d{2}$/.test(key) : typeof key === 'string' && !Number.isNaN(Date.parse(key));
    if (keyOk && typeof id === 'string' && id.length <= 36) return { key, id };
  } catch {
    /* refused below */
  }
  throw invalid('cursor', '翻页标记无效，请从第一页重新查询');
}
