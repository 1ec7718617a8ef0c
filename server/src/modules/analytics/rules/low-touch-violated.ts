import { inspectionSubject, type AnomalyRule, type RuleFinding } from '../rule.js';

interface Violation {
  id: string;
  agency_id: string;
  credit_code: string;
  low_touch: number | string;
  items: string | null;
}

/** 无感监管 / 无事不扰: a planned on-site inspection of a low-touch enterprise or a no-disturb item. */
export const lowTouchViolated: AnomalyRule = {
  id: 'low-touch-violated',
  subjectType: 'inspection',
  severity: 'medium',
  describe: () => '对无感监管名单企业或无事不扰清单事项开展无触发的计划检查',
  async *findings(source, { start, end }) {
    // Driven from the two short lists (low-touch enterprises, no-disturb items) rather than from
    // every planned inspection, in two disjoint parts so each inspection is found once. Only the
    // inspections found name their no-disturb items.
    const noDisturbItems = `(SELECT GROUP_CONCAT(ii.item_id ORDER BY ii.position SEPARATOR ',')
       FROM inspection_items ii JOIN items it ON it.id = ii.item_id WHERE ii.inspection_id = i.id AND it.no_disturb = 1)`;
    // An off-site check (非现场检查, accepted here) came to no premises: not what the lists keep away.
    // Probed by the request's unique plan index, for the few rows found only.
    const onSite = "NOT EXISTS (SELECT 1 FROM offsite_requests o WHERE o.plan_id = i.id AND o.status = 'accepted')";
    // Low-touch enterprises' inspections, from the enterprise-sequence index alone.
    const lowTouch = source.stream<Violation>(
      `SELECT i.id, i.agency_id, i.credit_code, 1 AS low_touch, ${noDisturbItems} AS items
       FROM enterprises e STRAIGHT_JOIN inspections i FORCE INDEX (idx_inspections_enterprise_sequence) ON i.credit_code = e.credit_code
       WHERE e.low_touch = 1 AND i.started_at >= ? AND i.started_at < ? AND i.trigger_type = 'planned' AND ${onSite}`,
      [start, end],
    );
    for await (const r of lowTouch) yield finding(r);
    // Other planned inspections of a no-disturb item in the window: item rows carry their inspection's
    // trigger and start, so one index range per no-disturb item finds them, whatever the history's length.
    const noDisturb = source.stream<Violation>(
      `SELECT i.id, i.agency_id, i.credit_code, 0 AS low_touch, ${noDisturbItems} AS items
       FROM (SELECT DISTINCT ii.inspection_id FROM items it JOIN inspection_items ii FORCE INDEX (idx_inspection_items_window) ON ii.item_id = it.id
             WHERE it.no_disturb = 1 AND ii.trigger_type = 'planned' AND ii.started_at >= ? AND ii.started_at < ?) c
       JOIN inspections i ON i.id = c.inspection_id
       WHERE NOT EXISTS (SELECT 1 FROM enterprises e WHERE e.credit_code = i.credit_code AND e.low_touch = 1) AND ${onSite}`,
      [start, end],
    );
    for await (const r of noDisturb) yield finding(r);
  },
};

function finding(r: Violation): RuleFinding {
  const lowTouch = Number(r.low_touch) === 1;
  const items = r.items ? r.items.split(',') : [];
  return {
    ...inspectionSubject(r),
    severity: 'medium',
    evidence: { lowTouch, noDisturbItems: items },
    explanation: lowTouch && items.length
      ? '对无感监管企业计划检查，且检查了无事不扰事项'
      : lowTouch ? '对无感监管名单企业开展计划检查' : `计划检查了无事不扰清单事项（${items.join('、')}）`,
  };
}
