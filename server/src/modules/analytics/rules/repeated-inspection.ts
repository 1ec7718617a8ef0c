import { shanghaiDayNumber } from '../shanghai-days.js';
import { instant, type AnomalyRule } from '../rule.js';

const DAY_MS = 86_400_000;

/** 重复检查: a planned inspection soon after the same agency's previous one of the same enterprise. */
export const repeatedInspection: AnomalyRule = {
  id: 'repeated-inspection',
  subjectType: 'inspection',
  severity: 'medium',
  describe: (t) => `同一部门在${t.repeatedDays}个自然日内对同一企业再次开展计划检查（前次检查可为任何类型）`,
  async *findings(source, { start, end, thresholds }) {
    // The previous inspection of the same agency and enterprise is the previous row in (startedAt,
    // id) order; it can lie up to repeatedDays before the window. One pass over the enterprise-
    // sequence index, already in that order (a window function would sort every row first), keeping
    // each enterprise's latest inspection per agency.
    const rows = source.stream<{ credit_code: string; agency_id: string; id: string; trigger_type: string; started_at: Date }>(
      `SELECT credit_code, agency_id, id, trigger_type, started_at
       FROM inspections FORCE INDEX (idx_inspections_enterprise_sequence)
       WHERE started_at >= ? AND started_at < ?
       ORDER BY credit_code, started_at, id`,
      [new Date(start.getTime() - thresholds.repeatedDays * DAY_MS), end],
    );
    let enterprise: string | null = null;
    const latest = new Map<string, { id: string; day: number }>();
    for await (const r of rows) {
      if (r.credit_code !== enterprise) {
        enterprise = r.credit_code;
        latest.clear();
      }
      const startedAt = instant(r.started_at)!;
      const day = shanghaiDayNumber(startedAt);
      const previous = latest.get(r.agency_id);
      latest.set(r.agency_id, { id: r.id, day });
      if (!previous || r.trigger_type !== 'planned' || startedAt < start || day - previous.day > thresholds.repeatedDays) continue;
      const daysApart = day - previous.day;
      yield {
        subjectId: r.id,
        agencyId: r.agency_id,
        creditCode: r.credit_code,
        inspectionId: r.id,
        severity: 'medium',
        evidence: { previous: previous.id, daysApart },
        explanation: `同一部门${thresholds.repeatedDays}日内对同一企业重复计划检查（相隔${daysApart}天，前次检查${previous.id}）`,
      };
    }
  },
};
