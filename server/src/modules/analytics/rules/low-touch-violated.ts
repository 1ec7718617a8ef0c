import { inspectionSubject, type AnomalyRule, type RowSource, type RuleFinding } from '../rule.js';

/** Candidates looked up per query: a bounded IN list, in id order. */
const LOOKUP_BATCH = 1000;

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
    // Low-touch enterprises' inspections, from the enterprise-sequence index alone.
    const lowTouch = source.stream<Violation>(
      `SELECT i.id, i.agency_id, i.credit_code, 1 AS low_touch, ${noDisturbItems} AS items
       FROM enterprises e STRAIGHT_JOIN inspections i FORCE INDEX (idx_inspections_enterprise_sequence) ON i.credit_code = e.credit_code
       WHERE e.low_touch = 1 AND i.started_at >= ? AND i.started_at < ? AND i.trigger_type = 'planned'`,
      [start, end],
    );
    for await (const r of lowTouch) yield finding(r);
    // Other inspections of a no-disturb item: the candidates in id order, looked up a batch at a time,
    // so the look-ups sweep the inspections' pages in order instead of landing on random ones.
    const candidates = source.stream<{ inspection_id: string }>(
      `SELECT ii.inspection_id FROM items it JOIN inspection_items ii ON ii.item_id = it.id
       WHERE it.no_disturb = 1 ORDER BY ii.inspection_id`,
      [],
    );
    let batch: string[] = [];
    for await (const { inspection_id: id } of candidates) {
      // An inspection of several no-disturb items comes once per item, the copies together.
      if (batch[batch.length - 1] === id) continue;
      batch.push(id);
      if (batch.length >= LOOKUP_BATCH) {
        yield* lookUp(source, batch);
        batch = [];
      }
    }
    if (batch.length) yield* lookUp(source, batch);

    async function* lookUp(rows: RowSource, ids: string[]): AsyncIterable<RuleFinding> {
      const found = await rows.query<Violation>(
        `SELECT i.id, i.agency_id, i.credit_code, 0 AS low_touch, ${noDisturbItems} AS items
         FROM inspections i
         WHERE i.id IN (?) AND i.started_at >= ? AND i.started_at < ? AND i.trigger_type = 'planned'
           AND NOT EXISTS (SELECT 1 FROM enterprises e WHERE e.credit_code = i.credit_code AND e.low_touch = 1)`,
        [ids, start, end],
      );
      for (const r of found) yield finding(r);
    }
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
