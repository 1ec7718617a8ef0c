import { addDays, shanghaiDate } from '@mashang/shared';
import { isoShanghai, shanghaiDayStart } from '../shanghai-days.js';
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
    /** Each dated certificate's expiry and the first instant it no longer covers (the next Shanghai midnight): one number compared per visit. */
    let expiries: Map<string, { certExpires: string; lapsedFromMs: number }> | null = null;
    // An inspection with several expired officers is found once, through the first of them.
    const found = new Set<string>();
    const judge = (r: OfficerVisitRow) => {
      const expiry = expiries!.get(r.officer_id);
      const startedMs = r.started_at.getTime();
      if (expiry === undefined || startedMs < startMs || startedMs < expiry.lapsedFromMs || found.has(r.id)) return undefined;
      found.add(r.id);
      const { certExpires } = expiry;
      return [{
        subjectId: r.id,
        agencyId: r.agency_id,
        creditCode: r.credit_code,
        officerId: r.officer_id,
        inspectionId: r.id,
        severity: 'high' as const,
        evidence: { officerId: r.officer_id, certExpires, startedAt: isoShanghai(r.started_at) },
        explanation: `执法人员${r.officer_id}的执法证有效期至${certExpires}，于${shanghaiDate(r.started_at)}仍参加检查（无证执法）`,
      }];
    };
    return {
      read(r) {
        if (expiries) return judge(r);
        return source.query<{ id: string; cert_expires: string }>('SELECT id, cert_expires FROM officers WHERE cert_expires IS NOT NULL', []).then((rows) => {
          expiries = new Map(rows.map((o) => [o.id, { certExpires: o.cert_expires, lapsedFromMs: shanghaiDayStart(addDays(o.cert_expires, 1)).getTime() }]));
          return judge(r);
        });
      },
      async *finish() {},
    };
  },
});
