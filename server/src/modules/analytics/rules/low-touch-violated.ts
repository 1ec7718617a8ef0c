import type { AnomalyRule } from '../rule.js';

/** 无感监管 / 无事不扰: a planned on-site inspection of a low-touch enterprise or a no-disturb item. */
export const lowTouchViolated: AnomalyRule = {
  id: 'low-touch-violated',
  subjectType: 'inspection',
  severity: 'medium',
  describe: () => '对无感监管名单企业或无事不扰清单事项开展无触发的计划检查',
  async *findings(source, { start, end }) {
    // Driven from the two short lists (low-touch enterprises, no-disturb items) rather than from
    // every planned inspection: candidates first (STRAIGHT_JOIN keeps that order), then one look-up
    // per candidate.
    const rows = source.stream<{ id: string; agency_id: string; credit_code: string; low_touch: number | string; items: string | null }>(
      `SELECT i.id, i.agency_id, i.credit_code, MAX(c.low_touch) AS low_touch,
         GROUP_CONCAT(c.item_id ORDER BY c.position SEPARATOR ',') AS items
       FROM (
         SELECT i.id AS inspection_id, 1 AS low_touch, NULL AS item_id, NULL AS position
         FROM enterprises e JOIN inspections i ON i.credit_code = e.credit_code
         WHERE e.low_touch = 1 AND i.started_at >= ? AND i.started_at < ?
         UNION ALL
         SELECT ii.inspection_id, 0, ii.item_id, ii.position
         FROM items it JOIN inspection_items ii ON ii.item_id = it.id
         WHERE it.no_disturb = 1
       ) c
       STRAIGHT_JOIN inspections i ON i.id = c.inspection_id
       WHERE i.started_at >= ? AND i.started_at < ? AND i.trigger_type = 'planned'
       GROUP BY i.id, i.agency_id, i.credit_code`,
      [start, end, start, end],
    );
    for await (const r of rows) {
      const lowTouch = Number(r.low_touch) === 1;
      const items = r.items ? r.items.split(',') : [];
      yield {
        subjectId: r.id,
        agencyId: r.agency_id,
        creditCode: r.credit_code,
        inspectionId: r.id,
        severity: 'medium',
        evidence: { lowTouch, noDisturbItems: items },
        explanation: lowTouch && items.length
          ? '对无感监管企业计划检查，且检查了无事不扰事项'
          : lowTouch ? '对无感监管名单企业开展计划检查' : `计划检查了无事不扰清单事项（${items.join('、')}）`,
      };
    }
  },
};
