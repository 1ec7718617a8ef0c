import { addDays, SHANGHAI_OFFSET_MS, shanghaiDate } from '@mashang/shared';

export interface NoticePeriods {
  statementUntil: Date;
  /** Null when the fine does not allow a hearing. */
  hearingUntil: Date | null;
}

/** The end (exclusive) of the Shanghai day `days` after the day of `at`: a period of N days ends at midnight. */
export function endOfDayAfter(at: Date, days: number): Date {
  const lastDay = addDays(shanghaiDate(at), days);
  return new Date(Date.parse(`${addDays(lastDay, 1)}T00:00:00Z`) - SHANGHAI_OFFSET_MS);
}

/**
 * The periods a notice opens: the statement and defence always; a hearing request when the proposed
 * fine is at or above the hearing threshold (or the decision would revoke a licence or order closure).
 */
export function noticePeriods(
  notifiedAt: Date,
  proposal: { fine: number; severeMeasure: boolean },
  periods: { statementDays: number; hearingRequestDays: number; hearingMinFine: number },
): NoticePeriods {
  const hearing = proposal.severeMeasure || proposal.fine >= periods.hearingMinFine;
  return {
    statementUntil: endOfDayAfter(notifiedAt, periods.statementDays),
    hearingUntil: hearing ? endOfDayAfter(notifiedAt, periods.hearingRequestDays) : null,
  };
}
