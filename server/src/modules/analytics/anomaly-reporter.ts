import { ANOMALY_RULE_SET, ANOMALY_RULE_TITLES, ANOMALY_RULES, type AgencyActivity, type AnomalyRuleId } from '@mashang/shared';
import type { DataSource } from 'typeorm';
import { compareIds } from './compare-ids.js';
import { raiseFlags } from '../supervision/flags.js';
import type { AnomalyRule, RowSource, RuleContext, RuleFinding } from './rule.js';
import { RULE_SET_V1_DEFAULTS, type AnomalyThresholds } from './rule-config.js';
import { rowSource } from './row-source.js';
import { RULES } from './rules/index.js';
import { isScanRule, readScan, type RuleFindingOf, type ScanRule } from './shared-scan.js';
import { reportWindow } from './shanghai-days.js';

export interface ReportProgress {
  percent: number;
  /** The rule being computed, or `summary` / `flags`. */
  step: string;
}

export interface ReportOutcome {
  asOf: string;
  findings: number;
  raised: number;
}

export interface ReportSummary {
  byRule: Record<AnomalyRuleId, number>;
  byAgency: Record<string, AgencyActivity>;
}

export { compareIds };

/** Who raises the flagged cases of the report, whoever asked for the run. */
export const REPORT_ACTOR = 'system:nightly-report';

const INSERT_BATCH = 1000;
const FLAG_BATCH = 500;
const DELETE_BATCH = 10_000;
/** Steps computed at once: the database answers each query on one core; two keep a two-core server busy. */
const PARALLEL_STEPS = 2;
/** Share of the progress bar the rules take; the summary and the flagged cases share the rest. */
const RULES_PERCENT = 85;

/**
 * Computes the anomaly report as of a date, stores it (run row + findings) and turns findings not
 * raised before into flagged cases. The nightly job and the CLI both run exactly this.
 */
export class AnomalyReporter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly thresholds: AnomalyThresholds = RULE_SET_V1_DEFAULTS,
    private readonly rules: readonly AnomalyRule[] = RULES,
  ) {}

  /** Records that a run of `asOf` waits in the queue, unless that date's report is already complete. */
  async markQueued(asOf: string, requestedBy: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO anomaly_runs (as_of, rule_set, status, progress, current_rule, attempts, error, requested_by, queued_at)
       VALUES (?, ?, 'queued', 0, NULL, 0, NULL, ?, ?)
       ON DUPLICATE KEY UPDATE status = IF(status = 'completed', status, 'queued'), requested_by = IF(status = 'completed', requested_by, VALUES(requested_by)),
         queued_at = IF(status = 'completed', queued_at, VALUES(queued_at))`,
      [asOf, ANOMALY_RULE_SET, requestedBy, new Date()],
    );
  }

  async isCompleted(asOf: string): Promise<boolean> {
    const [row]: { status: string }[] = await this.dataSource.query('SELECT status FROM anomaly_runs WHERE as_of = ?', [asOf]);
    return row?.status === 'completed';
  }

  /**
   * One attempt. A failure is stored on the run (queued again when `willRetry`, else failed) and
   * rethrown, so the queue retries it and nobody mistakes a missing report for a quiet night.
   */
  async run(asOf: string, requestedBy: string, { onProgress, willRetry = false }: { onProgress?: (p: ReportProgress) => void; willRetry?: boolean } = {}): Promise<ReportOutcome> {
    const startedAt = new Date();
    await this.dataSource.query(
      `INSERT INTO anomaly_runs (as_of, rule_set, status, progress, current_rule, attempts, error, requested_by, queued_at, started_at, finished_at)
       VALUES (?, ?, 'running', 0, NULL, 1, NULL, ?, ?, ?, NULL)
       ON DUPLICATE KEY UPDATE status = 'running', progress = 0, current_rule = NULL, attempts = attempts + 1, started_at = VALUES(started_at),
         finished_at = NULL, rule_set = VALUES(rule_set)`,
      [asOf, ANOMALY_RULE_SET, requestedBy, startedAt, startedAt],
    );
    let failedRule: string | null = null;
    const progress = async (percent: number, step: string) => {
      await this.dataSource.query('UPDATE anomaly_runs SET progress = ?, current_rule = ? WHERE as_of = ?', [Math.floor(percent), step, asOf]);
      onProgress?.({ percent: Math.floor(percent), step });
    };
    try {
      const window = reportWindow(asOf, this.thresholds.windowDays);
      const context: RuleContext = { asOf, start: window.start, end: window.end, thresholds: this.thresholds };
      await this.clear(asOf);
      const source = rowSource(this.dataSource);
      let started = 0;
      await runSteps(reportSteps(this.rules), async (step) => {
        // Rules sharing a scan are computed together: each is announced as the scan starts.
        for (const rule of step.rules) await progress((started++ / this.rules.length) * RULES_PERCENT, rule.id);
        try {
          await this.store(asOf, step.findings(source, context));
        } catch (error) {
          // Steps run side by side: the rule last announced need not be the one that failed.
          failedRule ??= step.rules[0].id;
          throw error;
        }
      });
      await progress(RULES_PERCENT, 'summary');
      const summary = await this.summarise(asOf, context);
      const findings = Object.values(summary.byRule).reduce((a, b) => a + b, 0);
      const raised = await this.raise(asOf, findings, (done) => progress(RULES_PERCENT + 2 + (done / Math.max(findings, 1)) * (99 - RULES_PERCENT - 2), 'flags'));
      const finishedAt = new Date();
      await this.dataSource.query(
        `UPDATE anomaly_runs SET status = 'completed', progress = 100, current_rule = NULL, error = NULL, finished_at = ?, generated_at = ?,
           summary = ?, finding_count = ?, raised_count = ? WHERE as_of = ?`,
        [finishedAt, finishedAt, JSON.stringify(summary), findings, raised, asOf],
      );
      onProgress?.({ percent: 100, step: 'done' });
      return { asOf, findings, raised };
    } catch (error) {
      const message = ((error as Error).message ?? String(error)).slice(0, 2000);
      await this.dataSource.query(
        'UPDATE anomaly_runs SET status = ?, error = ?, finished_at = ?, current_rule = COALESCE(?, current_rule) WHERE as_of = ?',
        [willRetry ? 'queued' : 'failed', message, new Date(), failedRule, asOf],
      );
      throw error;
    }
  }

  /** A re-run replaces the date's findings; deleted in slices so no transaction grows huge. */
  private async clear(asOf: string): Promise<void> {
    for (;;) {
      const result: { affectedRows: number } = await this.dataSource.query('DELETE FROM anomaly_findings WHERE as_of = ? LIMIT ?', [asOf, DELETE_BATCH]);
      if (result.affectedRows < DELETE_BATCH) return;
    }
  }

  private async store(asOf: string, findings: AsyncIterable<RuleFindingOf>): Promise<void> {
    let batch: unknown[][] = [];
    const flush = async () => {
      if (!batch.length) return;
      // A subject found twice (officer-overlap through several officers) keeps its first finding.
      await this.dataSource.query(
        `INSERT INTO anomaly_findings (as_of, rule, rule_order, subject_type, subject_id, dedupe_key, agency_id, credit_code, officer_id, inspection_id,
           severity, evidence, explanation) VALUES ? ON DUPLICATE KEY UPDATE id = id`,
        [batch],
      );
      batch = [];
    };
    for await (const { rule, finding: f } of findings) {
      batch.push([
        asOf, rule.id, this.rules.indexOf(rule), rule.subjectType, f.subjectId, `anomaly:${rule.id}:${rule.subjectType}:${f.subjectId}`, f.agencyId,
        f.creditCode ?? null, f.officerId ?? null, f.inspectionId ?? null, f.severity, JSON.stringify(f.evidence), f.explanation.slice(0, 300),
      ]);
      if (batch.length >= INSERT_BATCH) await flush();
    }
    await flush();
  }

  /** Counts per rule, and per agency: inspections started, cases filed (coercive ones) and findings. */
  private async summarise(asOf: string, { start, end }: RuleContext): Promise<ReportSummary> {
    const byRule = Object.fromEntries(ANOMALY_RULES.map((r) => [r, 0])) as Record<AnomalyRuleId, number>;
    for (const r of await this.dataSource.query('SELECT rule, COUNT(*) AS n FROM anomaly_findings WHERE as_of = ? GROUP BY rule', [asOf])) {
      byRule[r.rule as AnomalyRuleId] = Number(r.n);
    }
    const byAgency: Record<string, AgencyActivity> = {};
    for (const a of await this.dataSource.query('SELECT id FROM agencies ORDER BY id')) byAgency[a.id] = { inspections: 0, cases: 0, coercive: 0, findings: 0 };
    const add = (id: string, values: Partial<AgencyActivity>) => {
      byAgency[id] ??= { inspections: 0, cases: 0, coercive: 0, findings: 0 };
      Object.assign(byAgency[id], values);
    };
    // From the (agency, start) index alone: through the start index every row would cost a look-up for its agency.
    for (const r of await this.dataSource.query(
      'SELECT agency_id, COUNT(*) AS n FROM inspections FORCE INDEX (idx_inspections_agency_start) WHERE started_at >= ? AND started_at < ? GROUP BY agency_id',
      [start, end],
    )) {
      add(r.agency_id, { inspections: Number(r.n) });
    }
    for (const r of await this.dataSource.query(
      'SELECT agency_id, COUNT(*) AS n, SUM(coercive) AS coercive FROM cases WHERE filed_at >= ? AND filed_at < ? GROUP BY agency_id',
      [start, end],
    )) {
      add(r.agency_id, { cases: Number(r.n), coercive: Number(r.coercive) });
    }
    for (const r of await this.dataSource.query('SELECT agency_id, COUNT(*) AS n FROM anomaly_findings WHERE as_of = ? AND agency_id IS NOT NULL GROUP BY agency_id', [asOf])) {
      add(r.agency_id, { findings: Number(r.n) });
    }
    const sorted = Object.fromEntries(Object.keys(byAgency).sort(compareIds).map((id) => [id, byAgency[id]]));
    return { byRule, byAgency: sorted };
  }

  /**
   * Raises the findings whose dedupe key has no flagged case yet, in batches, and links every finding
   * to its case. In the report's order (rule, then subject), not the order of storing, which steps
   * running side by side interleave: an inspection's trail gets its flags in rule order.
   */
  private async raise(asOf: string, total: number, onBatch: (done: number) => Promise<void>): Promise<number> {
    let raised = 0;
    let order = -1;
    let subject = '';
    let done = 0;
    for (;;) {
      const rows: FindingForFlag[] = await this.dataSource.query(
        `SELECT id, rule, rule_order, subject_type, subject_id, dedupe_key, agency_id, credit_code, officer_id, inspection_id, severity, evidence, explanation
         FROM anomaly_findings WHERE as_of = ? AND (rule_order > ? OR (rule_order = ? AND subject_id > ?))
         ORDER BY rule_order, subject_id LIMIT ?`,
        [asOf, order, order, subject, FLAG_BATCH],
      );
      if (!rows.length) return raised;
      order = Number(rows[rows.length - 1].rule_order);
      subject = rows[rows.length - 1].subject_id;
      done += rows.length;
      raised += await this.dataSource.transaction(async (manager) => {
        const cases = await raiseFlags(manager, rows.map((r) => ({
          dedupeKey: r.dedupe_key,
          source: 'anomaly',
          rule: r.rule,
          subjectType: r.subject_type,
          subjectId: r.subject_id,
          agencyId: r.agency_id,
          creditCode: r.credit_code,
          officerId: r.officer_id,
          inspectionId: r.inspection_id,
          severity: r.severity as 'low' | 'medium' | 'high',
          title: `${ANOMALY_RULE_TITLES[r.rule as AnomalyRuleId]}：${r.explanation}`,
          evidence: { report: asOf, rule: r.rule, subject: { type: r.subject_type, id: r.subject_id }, ...JSON.parse(r.evidence) },
          actor: REPORT_ACTOR,
        })));
        const links = rows.map((r) => [r.id, cases.get(r.dedupe_key)!.id]);
        await manager.query(
          `UPDATE anomaly_findings SET flagged_case_id = CASE id ${links.map(() => 'WHEN ? THEN ?').join(' ')} END WHERE id IN (?)`,
          [...links.flat(), rows.map((r) => r.id)],
        );
        return [...cases.values()].filter((c) => c.created).length;
      });
      await onBatch(Math.min(done, total));
    }
  }
}

interface ReportStep {
  /** One rule, or consecutive rules that read one shared scan. */
  rules: AnomalyRule[];
  findings(source: RowSource, context: RuleContext): AsyncIterable<RuleFindingOf>;
}

/**
 * Runs the steps PARALLEL_STEPS at a time, the shared scans first: they are the longest passes, and
 * the other steps then run beside them instead of after them. After a failure no step starts; the
 * first failure is thrown once the running steps have ended.
 */
async function runSteps(steps: ReportStep[], run: (step: ReportStep) => Promise<void>): Promise<void> {
  const queue = [...steps.filter((s) => isScanRule(s.rules[0])), ...steps.filter((s) => !isScanRule(s.rules[0]))];
  const failures: unknown[] = [];
  const lane = async () => {
    for (let step = queue.shift(); step && !failures.length; step = queue.shift()) {
      try {
        await run(step);
      } catch (error) {
        failures.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_STEPS }, lane));
  if (failures.length) throw failures[0];
}

/** The rules in order, those reading the same shared scan together so the scan is read once. */
function reportSteps(rules: readonly AnomalyRule[]): ReportStep[] {
  const steps: ReportStep[] = [];
  for (const rule of rules) {
    const previous = steps[steps.length - 1]?.rules[0];
    if (isScanRule(rule) && previous && isScanRule(previous) && previous.scan === rule.scan) {
      steps[steps.length - 1].rules.push(rule);
      continue;
    }
    const step: ReportStep = {
      rules: [rule],
      findings: (source, context) =>
        isScanRule(rule) ? readScan(rule.scan, step.rules as ScanRule<unknown>[], source, context) : tagged(rule, rule.findings(source, context)),
    };
    steps.push(step);
  }
  return steps;
}

async function* tagged(rule: AnomalyRule, findings: AsyncIterable<RuleFinding>): AsyncIterable<RuleFindingOf> {
  for await (const finding of findings) yield { rule, finding };
}

interface FindingForFlag {
  id: string;
  rule: string;
  rule_order: number;
  subject_type: string;
  subject_id: string;
  dedupe_key: string;
  agency_id: string | null;
  credit_code: string | null;
  officer_id: string | null;
  inspection_id: string | null;
  severity: string;
  evidence: string;
  explanation: string;
}
