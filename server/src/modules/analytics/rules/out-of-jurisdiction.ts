import { isoShanghai } from '../shanghai-days.js';
import { scanRule } from '../shared-scan.js';
import { decidedCases, type DecidedCaseRow } from './decided-cases.js';

/**
 * Whether an agency of `agencyRegion` may act in `region`: an agency whose code ends in 0000 covers its
 * province (the same first two digits), one ending in 00 its prefecture (the same first four), any
 * other its own county only.
 */
export function coversRegion(agencyRegion: string, region: string): boolean {
  if (agencyRegion.endsWith('0000')) return region.slice(0, 2) === agencyRegion.slice(0, 2);
  if (agencyRegion.endsWith('00')) return region.slice(0, 4) === agencyRegion.slice(0, 4);
  return region === agencyRegion;
}

/** 违规异地执法: a case decided in the window against an enterprise outside the deciding agency's jurisdiction. */
export const outOfJurisdiction = scanRule<DecidedCaseRow>({
  id: 'out-of-jurisdiction',
  subjectType: 'case',
  severity: 'high',
  describe: () => '窗口内作出决定的案件，被处罚企业所在地不在作出决定的部门辖区内（省级看省、地市级看地市、县级看本县）',
  scan: decidedCases,
  reader(source, { start }) {
    const startMs = start.getTime();
    let agencyRegions: Map<string, string> | null = null;
    const judge = (c: DecidedCaseRow) => {
      const agencyRegion = agencyRegions!.get(c.agency_id);
      if (c.region === null || agencyRegion === undefined || coversRegion(agencyRegion, c.region)) return undefined;
      return [{
        subjectId: c.id,
        agencyId: c.agency_id,
        creditCode: c.credit_code,
        inspectionId: c.inspection_id,
        severity: 'high' as const,
        evidence: { agencyRegion, enterpriseRegion: c.region, decidedAt: isoShanghai(c.decided_at) },
        explanation: `作出决定的部门辖区为${agencyRegion}，被处罚企业位于${c.region}，不在其辖区内（异地执法）`,
      }];
    };
    return {
      read(c) {
        if (c.decided_at.getTime() < startMs) return undefined;
        if (agencyRegions) return judge(c);
        return source.query<{ id: string; region: string }>('SELECT id, region FROM agencies', []).then((rows) => {
          agencyRegions = new Map(rows.map((a) => [a.id, a.region]));
          return judge(c);
        });
      },
      async *finish() {},
    };
  },
});
