import { DISCRETION_LEVELS, DISCRETION_LEVEL_LABELS, type DiscretionLevel } from '@mashang/shared';
import { isoShanghai, shanghaiDayNumber } from '../shanghai-days.js';
import { scanRule } from '../shared-scan.js';
import { causeAsOf } from './cause-changes.js';
import { decidedCases, type DecidedCaseRow } from './decided-cases.js';

interface EarlierCase {
  id: string;
  cause: string;
  level: number;
  decidedAt: Date;
  day: number;
}

/** light < general < severe; a level the format does not know is not compared. */
const severity = (level: string) => DISCRETION_LEVELS.indexOf(level as DiscretionLevel);

/**
 * 人情案 signal: a case decided in the window more lightly than an earlier case of the same enterprise
 * and the same cause (as of D), decided at most `repeatOffenceDays` natural days before it (any agency).
 * The decided-cases pass gives each enterprise's decisions in order (then id), so "earlier" is "read
 * before", and only the enterprise's last year of decisions is held.
 */
export const repeatOffenceLighter = scanRule<DecidedCaseRow>({
  id: 'repeat-offence-lighter',
  subjectType: 'case',
  severity: 'medium',
  describe: (t) => `窗口内作出决定的案件，同一企业${t.repeatOffenceDays}个自然日内曾因同一案由被处罚，本次裁量等级却更轻（再犯从轻）`,
  scan: decidedCases,
  reader(_source, { start, end, thresholds }) {
    const startMs = start.getTime();
    let enterprise: string | null = null;
    let earlier: EarlierCase[] = [];
    return {
      read(c) {
        if (c.credit_code !== enterprise) {
          enterprise = c.credit_code;
          earlier = [];
        }
        const day = shanghaiDayNumber(c.decided_at);
        const current: EarlierCase = { id: c.id, cause: causeAsOf(c.cause, c.cause_changes, end), level: severity(c.discretion_level), decidedAt: c.decided_at, day };
        earlier = earlier.filter((e) => day - e.day <= thresholds.repeatOffenceDays);
        const inWindow = c.decided_at.getTime() >= startMs;
        // The most recent earlier decision of the same cause that was heavier.
        const heavier = inWindow && current.level >= 0
          ? earlier.filter((e) => e.cause === current.cause && e.level > current.level).at(-1)
          : undefined;
        earlier.push(current);
        if (!heavier) return undefined;
        const levelNow = c.discretion_level as DiscretionLevel;
        const levelBefore = DISCRETION_LEVELS[heavier.level];
        return [{
          subjectId: c.id,
          agencyId: c.agency_id,
          creditCode: c.credit_code,
          inspectionId: c.inspection_id,
          severity: 'medium' as const,
          evidence: {
            cause: current.cause, earlierCase: heavier.id, earlierDecidedAt: isoShanghai(heavier.decidedAt), decidedAt: isoShanghai(c.decided_at),
            daysApart: day - heavier.day, earlierLevel: levelBefore, level: levelNow,
          },
          explanation: `同一企业${day - heavier.day}天前因同一案由（${current.cause}）被${DISCRETION_LEVEL_LABELS[levelBefore]}处罚（案件${heavier.id}），本次再犯却${DISCRETION_LEVEL_LABELS[levelNow]}处罚`,
        }];
      },
      async *finish() {},
    };
  },
});
