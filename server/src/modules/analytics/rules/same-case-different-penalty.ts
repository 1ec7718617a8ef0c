import { median } from '../stats.js';
import { num } from '../rule.js';
import { scanRule } from '../shared-scan.js';
import { causeAsOf } from './cause-changes.js';
import { decidedCases, type DecidedCaseRow } from './decided-cases.js';

/** Whether |value| > share × base, exactly: `share` is read as the decimal it prints as, as SQL would. */
export function exceedsShare(value: number, share: number, base: number): boolean {
  const [digits, exponent = '0'] = String(share).split('e');
  const [whole, fraction = ''] = digits.split('.');
  const places = fraction.length - Number(exponent);
  const numerator = BigInt(whole + fraction) * 10n ** BigInt(Math.max(0, -places));
  const denominator = 10n ** BigInt(Math.max(0, places));
  const magnitude = BigInt(Math.abs(value));
  return magnitude * denominator > numerator * BigInt(base);
}

/** 同案不同罚: a fine far from the median of the cases decided in the window for the same clause and level. */
export const sameCaseDifferentPenalty = scanRule<DecidedCaseRow>({
  id: 'same-case-different-penalty',
  subjectType: 'case',
  severity: 'medium',
  describe: (t) =>
    `窗口内作出决定、案由与裁量等级相同的案件（至少${t.penaltyGroupMin}件）中，罚款偏离中位数超过中位数的${Math.round(t.penaltyDeviation * 100)}%`,
  scan: decidedCases,
  reader(source, { start, end, thresholds }) {
    // The decided-cases pass gathers each group's fines (a number per case decided in the window);
    // then a plain range read of the window's decisions judges each case against its group's median.
    // A case is grouped by the cause it had on D (causeAsOf). Fines are integers (fen), so twice the
    // median is one, and |fine − median| > deviation × median is compared exactly as |2·fine − 2m| > deviation × 2m.
    const startMs = start.getTime();
    const groupOf = (cause: string, level: string) => `${cause}\u0000${level}`;
    const fines = new Map<string, number[]>();
    return {
      read(c) {
        if (c.decided_at.getTime() < startMs) return undefined;
        const group = groupOf(causeAsOf(c.cause, c.cause_changes, end), c.discretion_level);
        let list = fines.get(group);
        if (!list) fines.set(group, (list = []));
        list.push(num(c.fine));
        return undefined;
      },
      async *finish() {
        const medians = new Map<string, { size: number; twice: number }>();
        for (const [group, list] of fines) {
          if (list.length < thresholds.penaltyGroupMin) continue;
          medians.set(group, { size: list.length, twice: median(list.sort((a, b) => a - b)) * 2 });
        }
        fines.clear();
        if (!medians.size) return;
        const decided = source.stream<Omit<DecidedCaseRow, 'decided_at' | 'region'>>(
          `SELECT c.id, c.agency_id, c.credit_code, c.inspection_id, c.cause, c.cause_changes, c.discretion_level, c.fine
           FROM cases c WHERE c.decided_at >= ? AND c.decided_at < ? AND NOT (c.status = 'revoked' AND c.revoked_at < ?)`,
          [start, end, end],
        );
        for await (const c of decided) {
          const cause = causeAsOf(c.cause, c.cause_changes, end);
          const group = medians.get(groupOf(cause, c.discretion_level));
          const fine = num(c.fine);
          if (!group || !exceedsShare(2 * fine - group.twice, thresholds.penaltyDeviation, group.twice)) continue;
          const middle = group.twice / 2;
          const deviation = middle === 0 ? null : Math.round(((fine - middle) / middle) * 1000) / 1000;
          yield {
            subjectId: c.id,
            agencyId: c.agency_id,
            creditCode: c.credit_code,
            inspectionId: c.inspection_id,
            severity: deviation !== null && Math.abs(deviation) > 1 ? 'high' : 'medium',
            evidence: { cause, discretionLevel: c.discretion_level, fine, median: middle, groupSize: group.size, deviation },
            explanation: `同案由（${cause}）同裁量等级罚款${fine / 100}元，偏离${group.size}件同类案件中位数${middle / 100}元${deviation === null ? '' : `${Math.round(Math.abs(deviation) * 100)}%`}`,
          };
        }
      },
    };
  },
});
