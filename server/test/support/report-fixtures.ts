/**
 * Small hand-built datasets for the report's rules, written straight into a real database (the
 * importer's checks skipped), and a runner of one rule as of a date.
 */
import type { DataSource } from 'typeorm';
import type { AnomalyRule, RuleFinding } from '../../src/modules/analytics/rule.js';
import { RULE_SET_DEFAULTS } from '../../src/modules/analytics/rule-config.js';
import { rowSource } from '../../src/modules/analytics/row-source.js';
import { reportWindow } from '../../src/modules/analytics/shanghai-days.js';
import { addInspectionItem, addInspectionOfficer } from './fixtures.js';

export const D = '2026-11-20';

/** An 18-character stand-in credit code (direct inserts skip the importer's check digit). */
export const code = (n: number) => `91410000MA${String(n).padStart(8, '0')}`;
export const at = (text: string) => new Date(text);

export interface InspectionSpec {
  id: string;
  credit: string;
  agency?: string;
  trigger?: string;
  start: string;
  /** Default: an hour after the start. */
  finish?: string;
  coded?: boolean;
  codedAt?: string | null;
  joint?: string | null;
  officers?: string[];
  items?: string[];
}

export interface CaseSpec {
  id: string;
  credit: string;
  agency?: string;
  cause?: string;
  level?: string;
  fine?: number;
  status?: string;
  filed: string;
  decided?: string | null;
  revoked?: string | null;
  changes?: { from: string; to: string; at: string }[];
  extendedDays?: number;
}

/** The datasets of one test file, in its database: emptied before each test, with three agencies. */
export function reportFixtures(ds: () => DataSource) {
  const run = async (rule: AnomalyRule, asOf = D, thresholds = RULE_SET_DEFAULTS): Promise<RuleFinding[]> => {
    const { start, end } = reportWindow(asOf, thresholds.windowDays);
    const out: RuleFinding[] = [];
    for await (const f of rule.findings(rowSource(ds()), { asOf, start, end, thresholds })) out.push(f);
    return out;
  };
  return {
    run,
    subjects: async (rule: AnomalyRule, asOf = D): Promise<string[]> => (await run(rule, asOf)).map((f) => f.subjectId).sort(),

    async reset(): Promise<void> {
      for (const table of ['ratings', 'case_officers', 'cases', 'inspection_items', 'inspection_officers', 'inspections', 'items', 'officers', 'enterprises', 'agencies']) {
        await ds().query(`DELETE FROM ${table}`);
      }
      await ds().query("INSERT INTO agencies (id, name, kind, region) VALUES ('A1', '市场监管局', 'market', '410202'), ('A2', '消防救援支队', 'fire', '410203'), ('A3', '生态环境局', 'ecology', '410204')");
    },

    async enterprise(n: number, grade = 'B', lowTouch = false, region = '410202'): Promise<string> {
      await ds().query('INSERT INTO enterprises (credit_code, name, industry, region, credit_grade, low_touch) VALUES (?, ?, ?, ?, ?, ?)', [
        code(n), `企业${n}`, 'catering', region, grade, lowTouch ? 1 : 0,
      ]);
      return code(n);
    },

    async officers(agencyId: string, ids: string[], certExpires: string | null = null): Promise<void> {
      for (const id of ids) await ds().query('INSERT INTO officers (id, agency_id, name, cert_no, cert_expires) VALUES (?, ?, ?, ?, ?)', [id, agencyId, id, `C-${id}`, certExpires]);
    },

    async inspection(s: InspectionSpec): Promise<void> {
      const start = at(s.start);
      const finish = s.finish ? at(s.finish) : new Date(start.getTime() + 3_600_000);
      await ds().query(
        'INSERT INTO inspections (id, agency_id, credit_code, trigger_type, joint_id, started_at, finished_at, coded, coded_at, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [s.id, s.agency ?? 'A1', s.credit, s.trigger ?? 'planned', s.joint ?? null, start, finish, s.coded === false ? 0 : 1, s.codedAt ? at(s.codedAt) : null, 'pass'],
      );
      for (const [i, o] of (s.officers ?? []).entries()) await addInspectionOfficer(ds(), s.id, o, i);
      for (const [i, item] of (s.items ?? []).entries()) await addInspectionItem(ds(), s.id, item, i);
    },

    async kase(c: CaseSpec): Promise<void> {
      await ds().query(
        `INSERT INTO cases (id, agency_id, credit_code, inspection_id, cause, discretion_level, fine, status, filed_at, decided_at, closed_at, revoked_at, cause_changes, extended_days, coercive)
         VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, 0)`,
        [
          c.id, c.agency ?? 'A1', c.credit, c.cause ?? 'FSL-126', c.level ?? 'general', c.fine ?? 100_000,
          c.status ?? (c.revoked ? 'revoked' : c.decided ? 'decided' : 'filed'), at(c.filed), c.decided ? at(c.decided) : null, c.revoked ? at(c.revoked) : null,
          // As the importer stores them: UTC instants.
          c.changes?.length ? JSON.stringify(c.changes.map((x) => ({ from: x.from, to: x.to, at: at(x.at).toISOString() }))) : null,
          c.extendedDays ?? 0,
        ],
      );
    },
  };
}
