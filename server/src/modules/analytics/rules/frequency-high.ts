import type { RuleFinding } from '../rule.js';
import { scanRule } from '../shared-scan.js';
import { enterpriseSequences, type EnterpriseSequenceRow } from './enterprise-sequences.js';

/** Enterprise-agency pairs over the smallest cap judged per grade look-up. */
const JUDGE_BATCH = 500;

interface Pair {
  creditCode: string;
  agencyId: string;
  /** The pair's planned inspections in the window, in (startedAt, id) order. */
  ids: string[];
}

/** 检查频次超限: more planned inspections of one enterprise by one agency than its credit grade allows. */
export const frequencyHigh = scanRule<EnterpriseSequenceRow>({
  id: 'frequency-high',
  subjectType: 'enterprise-agency',
  severity: 'medium',
  describe: (t) =>
    `同一部门对同一企业的年度计划检查次数超过信用等级上限（A ${t.frequencyCaps.A ?? '不限'}次，B ${t.frequencyCaps.B ?? '不限'}次，C ${t.frequencyCaps.C ?? '不限'}次，D ${t.frequencyCaps.D ?? '不限'}）`,
  scan: enterpriseSequences,
  reader(source, { start, thresholds }) {
    // Each enterprise's planned inspections in the window per agency, counted as its rows go by; only
    // pairs over the smallest cap wait for their enterprise's grade, looked up a batch at a time.
    const startMs = start.getTime();
    const caps = thresholds.frequencyCaps;
    const smallestCap = Math.min(...Object.values(caps).filter((c): c is number => c !== null));
    let enterprise: string | null = null;
    let planned = new Map<string, string[]>();
    let waiting: Pair[] = [];
    const close = () => {
      for (const [agencyId, ids] of planned) if (ids.length > smallestCap) waiting.push({ creditCode: enterprise!, agencyId, ids });
      planned = new Map();
    };
    const judge = async (): Promise<RuleFinding[]> => {
      const pairs = waiting;
      waiting = [];
      const grades = new Map(
        (await source.query<{ credit_code: string; credit_grade: string }>('SELECT credit_code, credit_grade FROM enterprises WHERE credit_code IN (?)', [
          [...new Set(pairs.map((p) => p.creditCode))],
        ])).map((e) => [e.credit_code, e.credit_grade]),
      );
      const found: RuleFinding[] = [];
      for (const { creditCode, agencyId, ids } of pairs) {
        const grade = grades.get(creditCode);
        const cap = grade === undefined ? null : caps[grade as keyof typeof caps];
        if (cap === null || cap === undefined || !(ids.length > cap)) continue;
        const n = ids.length;
        found.push({
          subjectId: `${creditCode}:${agencyId}`,
          agencyId,
          creditCode,
          severity: n > 2 * cap ? 'high' : 'medium',
          // The first hundred are proof enough and keep the evidence a bounded size.
          evidence: { creditGrade: grade, planned: n, cap, inspections: ids.slice(0, 100) },
          explanation: `信用等级${grade}企业一年内被同一部门计划检查${n}次，超过上限${cap}次`,
        });
      }
      return found;
    };
    // The look-up of one batch runs while the pass reads on; its findings are taken when the next
    // batch is due (by then answered), so the pass never waits on it. Handled at once, awaited later.
    let pending: Promise<RuleFinding[]> | null = null;
    const lookUp = (): Promise<RuleFinding[]> | undefined => {
      const previous = pending;
      pending = judge();
      pending.catch(() => undefined);
      return previous ?? undefined;
    };
    return {
      read(r) {
        if (r.credit_code !== enterprise) {
          if (enterprise !== null) close();
          enterprise = r.credit_code;
        }
        if (r.trigger_type === 'planned' && r.started_at.getTime() >= startMs) {
          const ids = planned.get(r.agency_id);
          if (ids) ids.push(r.id);
          else planned.set(r.agency_id, [r.id]);
        }
        return waiting.length >= JUDGE_BATCH ? lookUp() : undefined;
      },
      async *finish() {
        if (enterprise !== null) close();
        if (pending) yield* await pending;
        if (waiting.length) yield* await judge();
      },
    };
  },
});
