import { ErrorCode } from '@mashang/shared';
import { DomainError } from '../../infra/errors/domain-error.js';

/** A unique key refused the row: for a row carrying the phone's idempotency key, a replayed upload. */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'ER_DUP_ENTRY';
}

/**
 * Runs an insert of a row carrying the phone's idempotency key (unique per user): false when that key
 * is recorded already. Only the failed statement is undone; the caller's transaction goes on.
 */
export async function insertedOnce(insert: () => Promise<unknown>): Promise<boolean> {
  try {
    await insert();
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/** The answer to a replayed upload, which the offline queue reports as a duplicate. */
export const alreadyRecorded = (what: string) => new DomainError(ErrorCode.AlreadyRecorded, `${what}已经上传过，没有重复记录`);
