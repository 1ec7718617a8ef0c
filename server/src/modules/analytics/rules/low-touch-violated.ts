import type { AnomalyRule } from '../rule.js';

/** 无感监管 / 无事不扰: a planned on-site inspection of a low-touch enterprise or a no-disturb item. */
export const lowTouchViolated: AnomalyRule = {
  id: 'low-touch-violated',
  subjectType: 'inspection',
  severity: 'medium',
  describe: () => '对无感监管名单企业或无事不扰清单事项开展无触发的计划检查',
  async *findings(source, { start, end }) {
    const rows = source.stream<{ id: string; agency_id: string; credit_code: string; low_touch: number | string; items: string | null }>(
      `SELECT id, agency_id, credit_code, low_touch, items
       FROM (
         SELECT i.id, i.agency_id, i.credit_code, e.low_touch,
           (SELECT GROUP_CONCAT(ii.item_id ORDER BY ii.position SEPARATOR ',')
            FROM inspection_items ii JOIN items it ON it.id = ii.item_id
            WHERE ii.inspection_id = i.id AND it.no_disturb = 1) AS items
         FROM inspections i
         JOIN enterprises e ON e.credit_code = i.credit_code
         WHERE i.started_at >= ? AND i.started_at < ? AND i.trigger_type = 'planned'
       ) t
       WHERE low_touch = 1 OR items IS NOT NULL`,
      [start, end],
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
