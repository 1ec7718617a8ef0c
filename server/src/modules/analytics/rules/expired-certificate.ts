import { shanghaiDate } from '@mashang/shared';
import { isoShanghai } from '../shanghai-days.js';
import { scanRule } from '../shared-scan.js';
import { officerVisits, type OfficerVisitRow } from './officer-visits.js';

/**
 * 无证执法: an inspection in the window one of whose officers' certificates had expired before the day
 * it started (a certificate is valid through its `certExpires` day). Read in the officer pass: each
 * officer's visits go by together, and the few certificates with a date are looked up once.
 */
export const expiredCertificate = scanRule<OfficerVisitRow>({
  id: 'expired-certificate',
  subjectType: 'inspection',
  severity: 'high',
  describe: () => '窗口内的检查中，有执法人员的执法证有效期已在检查当日之前届满（无证执法）',
  scan: officerVisits,
  reader(source, { start }) {
    const startMs = start.getTime();
    let expiries: Map<string, string> | null = null;
    // An inspection with several expired officers is found once, through the first of them.
    const found = new Set<string>();
    const judge = (r: OfficerVisitRow, certExpires: string | undefined) => {
      if (certExpires === undefined || r.started_at.getTime() < startMs || found.has(r.id)) return undefined;
      const startDay = shanghaiDate(r.started_at);
      if (startDay <= certExpires) return undefined;
      found.add(r.id);
      return [{
        subjectId: r.id,
        agencyId: r.agency_id,
        creditCode: r.credit_code,
        officerId: r.officer_id,
        inspectionId: r.id,
        severity: 'high' as const,
        evidence: { officerId: r.officer_id, certExpires, startedAt: isoShanghai(r.started_at) },
        explanation: `执法人员${r.officer_id}的执法证有效期至${certExpires}，于${startDay}仍参加检查（无证执法）`,
      }];
    };
    return {
      read(r) {
        if (expiries) return judge(r, expiries.get(r.officer_id));
        return source.query<{ id: string; cert_expires: string }>('SELECT id, cert_expires FROM officers WHERE cert_expires IS NOT NULL', []).then((rows) => {
          expiries = new Map(rows.map((o) => [o.id, o.cert_expires]));
          return judge(r, expiries.get(r.officer_id));
        });
      },
      async *finish() {},
    };
  },
});
