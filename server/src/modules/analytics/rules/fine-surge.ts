import { addDays } from '@mashang/shared';
import { num } from '../rule.js';
import { scanRule } from '../shared-scan.js';
import { shanghaiDayNumber, shanghaiDayStart } from '../shanghai-days.js';
import { decidedCases, type DecidedCaseRow } from './decided-cases.js';

interface Tally {
  recentCases: number;
  recentFines: number;
  earlierFines: number;
}

/**
 * 趋利性执法: over the recent period (the `fineSurgeDays` natural days ending on D), an agency's cases
 * decided as of D number at least `fineSurgeMinCases` and their fines add up to more than
 * `fineSurgeFactor` times the fines of its cases decided (as of D) in the same period one year earlier,
 * which must add up to more than 0. Counted per agency as the decided-cases pass goes by.
 */
export const fineSurge = scanRule<DecidedCaseRow>({
  id: 'fine-surge',
  subjectType: 'agency',
  severity: 'high',
  describe: (t) => `近${t.fineSurgeDays}日作出决定的案件不少于${t.fineSurgeMinCases}件，罚款总额超过一年前同期的${t.fineSurgeFactor}倍（趋利性执法）`,
  scan: decidedCases,
  reader(_source, { asOf, thresholds }) {
    const lastDay = shanghaiDayNumber(shanghaiDayStart(asOf));
    const recentFrom = lastDay - (thresholds.fineSurgeDays - 1);
    const earlierTo = lastDay - thresholds.fineSurgeOffsetDays;
    const earlierFrom = earlierTo - (thresholds.fineSurgeDays - 1);
    const tallies = new Map<string, Tally>();
    const tallyOf = (agencyId: string) => {
      let tally = tallies.get(agencyId);
      if (!tally) tallies.set(agencyId, (tally = { recentCases: 0, recentFines: 0, earlierFines: 0 }));
      return tally;
    };
    return {
      read(c) {
        const day = shanghaiDayNumber(c.decided_at);
        if (day >= recentFrom && day <= lastDay) {
          const tally = tallyOf(c.agency_id);
          tally.recentCases += 1;
          tally.recentFines += num(c.fine);
        } else if (day >= earlierFrom && day <= earlierTo) {
          tallyOf(c.agency_id).earlierFines += num(c.fine);
        }
        return undefined;
      },
      async *finish() {
        const period = (from: number, to: number) => [addDays(asOf, from - lastDay), addDays(asOf, to - lastDay)];
        for (const [agencyId, t] of tallies) {
          if (t.recentCases < thresholds.fineSurgeMinCases || t.earlierFines <= 0 || t.recentFines <= thresholds.fineSurgeFactor * t.earlierFines) continue;
          yield {
            subjectId: agencyId,
            agencyId,
            severity: 'high',
            evidence: {
              recentPeriod: period(recentFrom, lastDay), recentCases: t.recentCases, recentFines: t.recentFines,
              earlierPeriod: period(earlierFrom, earlierTo), earlierFines: t.earlierFines, ratio: Math.round((t.recentFines / t.earlierFines) * 100) / 100,
            },
            explanation: `近${thresholds.fineSurgeDays}日作出决定${t.recentCases}件，罚款${t.recentFines / 100}元，是一年前同期${t.earlierFines / 100}元的${(t.recentFines / t.earlierFines).toFixed(1)}倍`,
          };
        }
      },
    };
  },
});
