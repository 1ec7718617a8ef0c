import { ANOMALY_RULE_SET, ANOMALY_RULES, type AgencyActivity, type AnomalyRuleId } from '@mashang/shared';
import type { DataSource } from 'typeorm';
import { retryOnLockConflict } from '../../infra/database/lock-conflicts.js';
import { compareIds } from './compare-ids.js';
import { FindingCaseIds, FindingFlags } from './finding-flags.js';
import type { AnomalyRule, RowSource, RuleContext, RuleFinding } from './rule.js';
import { RULE_SET_V1_DEFAULTS, type AnomalyThresholds } from './rule-config.js';
import { rowSource } from './row-source.js';
import { RULES } from './rules/index.js';
import { inspectionsStartedByAgency } from './rules/enterprise-sequences.js';
import { isScanRule, readScan, type RuleFindingOf, type ScanRule, type ScanTally, type SharedScan } from './shared-scan.js';
import { reportWindow } from './shanghai-days.js';

export interface ReportProgress {
  percent: number;
  /** The rule being computed, or `summary` / `flags`. */
  step: string;
}

export interface RunOptions {
  onProgress?: (p: ReportProgress) => void;
  /** Each step's wall time once it ends (a step is one rule, rules sharing a scan, or the summary's parts). */
  onStepDone?: (step: string, ms: number) => void;
  /** This attempt is retried if it fails: a failure leaves the run queued, not failed. */
  willRetry?: boolean;
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
/** Batches of flagged cases in flight at once: with one, a core idles while the other waits on the database. */
const FLAG_LANES = 2;
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
  private readonly findingFlags: FindingFlags;

  constructor(
    private readonly dataSource: DataSource,
    private readonly thresholds: AnomalyThresholds = RULE_SET_V1_DEFAULTS,
    private readonly rules: readonly AnomalyRule[] = RULES,
  ) {
    this.findingFlags = FindingFlags.on(dataSource);
  }

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
  async run(asOf: string, requestedBy: string, { onProgress, onStepDone, willRetry = false }: RunOptions = {}): Promise<ReportOutcome> {
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
      let activity: Record<string, AgencyActivity> = {};
      const inspectionsByAgency = new Map<string, number>();
      const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
        const stepStarted = Date.now();
        const result = await work();
        onStepDone?.(name, Date.now() - stepStarted);
        return result;
      };
      const ruleSteps = reportSteps(this.rules, [inspectionsStartedByAgency(context, inspectionsByAgency)]).map((step) => ({
        longPass: step.scan !== null,
        run: () => timed(step.rules.map((r) => r.id).join('+') || 'tallies', async () => {
          // Rules sharing a scan are computed together: each is announced as the scan starts.
          for (const rule of step.rules) await progress((started++ / this.rules.length) * RULES_PERCENT, rule.id);
          try {
            await this.store(asOf, step.findings(source, context));
          } catch (error) {
            // Steps run side by side: the rule last announced need not be the one that failed.
            failedRule ??= step.rules[0]?.id ?? null;
            throw error;
          }
        }),
      }));
      // The agencies' cases need no finding: they are counted beside the rules (their inspections, in the enterprise pass).
      const activityStep = { longPass: false, run: async () => void (activity = await timed('cases by agency', () => this.agencyActivity(context))) };
      await runSteps([...ruleSteps, activityStep]);
      for (const [agencyId, inspections] of inspectionsByAgency) addActivity(activity, agencyId, { inspections });
      await progress(RULES_PERCENT, 'summary');
      const summary = await timed('summary', () => this.summarise(asOf, activity));
      const findings = Object.values(summary.byRule).reduce((a, b) => a + b, 0);
      const raised = await timed('flags', () =>
        this.raise(asOf, findings, (done) => progress(RULES_PERCENT + 2 + (done / Math.max(findings, 1)) * (99 - RULES_PERCENT - 2), 'flags')));
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

  /** Every agency, with the cases it filed (coercive ones) in the window; inspections and findings are added after the rules. */
  private async agencyActivity({ start, end }: RuleContext): Promise<Record<string, AgencyActivity>> {
    const byAgency: Record<string, AgencyActivity> = {};
    for (const a of await this.dataSource.query('SELECT id FROM agencies ORDER BY id')) byAgency[a.id] = { inspections: 0, cases: 0, coercive: 0, findings: 0 };
    for (const r of await this.dataSource.query(
      'SELECT agency_id, COUNT(*) AS n, SUM(coercive) AS coercive FROM cases WHERE filed_at >= ? AND filed_at < ? GROUP BY agency_id',
      [start, end],
    )) {
      addActivity(byAgency, r.agency_id, { cases: Number(r.n), coercive: Number(r.coercive) });
    }
    return byAgency;
  }

  /** Counts per rule, and per agency: its activity and its findings. */
  private async summarise(asOf: string, byAgency: Record<string, AgencyActivity>): Promise<ReportSummary> {
    const byRule = Object.fromEntries(ANOMALY_RULES.map((r) => [r, 0])) as Record<AnomalyRuleId, number>;
    for (const r of await this.dataSource.query('SELECT rule, COUNT(*) AS n FROM anomaly_findings WHERE as_of = ? GROUP BY rule', [asOf])) {
      byRule[r.rule as AnomalyRuleId] = Number(r.n);
    }
    for (const r of await this.dataSource.query('SELECT agency_id, COUNT(*) AS n FROM anomaly_findings WHERE as_of = ? AND agency_id IS NOT NULL GROUP BY agency_id', [asOf])) {
      addActivity(byAgency, r.agency_id, { findings: Number(r.n) });
    }
    const sorted = Object.fromEntries(Object.keys(byAgency).sort(compareIds).map((id) => [id, byAgency[id]]));
    return { byRule, byAgency: sorted };
  }

  /**
   * Raises the findings whose dedupe key has no flagged case yet, in batches, then links every finding
   * to its case. Two lanes share the work, split by inspection (or subject when there is none), so
   * each inspection's flags are raised by one lane in the report's order (rule, then subject) — not
   * in the order of storing, which steps running side by side interleave: an inspection's trail gets
   * its flags in rule order.
   */
  private async raise(asOf: string, total: number, onBatch: (done: number) => Promise<void>): Promise<number> {
    const at = new Date();
    const ids = new FindingCaseIds(at);
    let raised = 0;
    let done = 0;
    let stopped = false;
    const lane = async (index: number) => {
      let order = -1;
      let subject = '';
      while (!stopped) {
        const rows: { id: string; rule_order: number; subject_id: string }[] = await this.dataSource.query(
          `SELECT id, rule_order, subject_id FROM anomaly_findings WHERE as_of = ? AND (rule_order > ? OR (rule_order = ? AND subject_id > ?)) AND CRC32(COALESCE(inspection_id, subject_id)) % ? = ?
           ORDER BY rule_order, subject_id LIMIT ?`,
          [asOf, order, order, subject, FLAG_LANES, index, FLAG_BATCH],
        );
        if (!rows.length) return;
        order = Number(rows[rows.length - 1].rule_order);
        subject = rows[rows.length - 1].subject_id;
        // Read after the await: the other lane adds to it meanwhile.
        const created = await this.raiseBatch(asOf, rows.map((r) => r.id), ids, at);
        raised += created;
        done += rows.length;
        await onBatch(Math.min(done, total));
      }
    };
    const outcomes = await Promise.allSettled(Array.from({ length: FLAG_LANES }, (_, index) => lane(index).catch((error) => {
      stopped = true;
      throw error;
    })));
    const failure = outcomes.find((o) => o.status === 'rejected');
    if (failure) throw failure.reason;
    await this.link(asOf);
    return raised;
  }

  /**
   * One batch's flagged cases, their events and trail entries in one transaction; READ COMMITTED so the
   * lanes' trail look-ups take no gap locks. A batch rolled back by a lock conflict is raised again:
   * cases it had raised are gone with it.
   */
  private raiseBatch(asOf: string, findingIds: string[], ids: FindingCaseIds, at: Date): Promise<number> {
    return retryOnLockConflict(() => this.dataSource.transaction('READ COMMITTED', async (manager) =>
      (await this.findingFlags.raise(asOf, findingIds, ids, REPORT_ACTOR, at, manager)).length));
  }

  /** Links every finding to its flagged case, new or raised before: one join per rule, not a statement per batch. */
  private async link(asOf: string): Promise<void> {
    for (let order = 0; order < this.rules.length; order++) {
      await this.dataSource.query(
        `UPDATE anomaly_findings f JOIN flagged_cases c ON c.dedupe_key = f.dedupe_key SET f.flagged_case_id = c.id
         WHERE f.as_of = ? AND f.rule_order = ?`,
        [asOf, order],
      );
    }
  }
}

interface ReportStep {
  /** One rule, or the rules that read one shared scan (none when only tallies read it). */
  rules: AnomalyRule[];
  /** The shared scan the step reads, if any. */
  scan: SharedScan<unknown> | null;
  tallies: ScanTally<unknown>[];
  findings(source: RowSource, context: RuleContext): AsyncIterable<RuleFindingOf>;
}

/**
 * Runs the steps PARALLEL_STEPS at a time. The long passes stream millions of rows through this one
 * Node thread, so they take turns: two at once cost Node half as much CPU again (their rows compete
 * for the young generation and the date parser) and leave the database waiting on Node. A lane
 * starts a pass when none runs, and otherwise takes a set-based step, which keeps the database
 * busy and Node idle. After a failure no step starts; the first failure is thrown once the running
 * steps have ended.
 */
async function runSteps(steps: { longPass: boolean; run: () => Promise<void> }[]): Promise<void> {
  const passes = steps.filter((s) => s.longPass);
  const others = steps.filter((s) => !s.longPass);
  const failures: unknown[] = [];
  let passRunning: Promise<void> | null = null;
  const lane = async (): Promise<void> => {
    while (!failures.length) {
      const isPass = !passRunning && passes.length > 0;
      const step = isPass ? passes.shift() : others.shift();
      if (!step) {
        // Only passes are left, and one runs: this lane takes the next when it ends.
        if (!passes.length) return;
        await passRunning;
        continue;
      }
      const running = step.run().catch((error: unknown) => void failures.push(error));
      if (isPass) passRunning = running.finally(() => (passRunning = null));
      await running;
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_STEPS }, lane));
  if (failures.length) throw failures[0];
}

/**
 * The rules in order, those reading the same shared scan together so the scan is read once, with
 * the tallies that read it too (a tally whose scan no rule reads gets a step of its own).
 */
function reportSteps(rules: readonly AnomalyRule[], tallies: readonly ScanTally<unknown>[]): ReportStep[] {
  const steps: ReportStep[] = [];
  const scanStep = (scan: SharedScan<unknown>, first: AnomalyRule[]): ReportStep => {
    const step: ReportStep = {
      rules: first,
      scan,
      tallies: [],
      findings: (source, context) => readScan(scan, step.rules as ScanRule<unknown>[], source, context, step.tallies),
    };
    return step;
  };
  for (const rule of rules) {
    const previous = steps[steps.length - 1];
    if (isScanRule(rule) && previous?.scan === rule.scan) {
      previous.rules.push(rule);
      continue;
    }
    steps.push(isScanRule(rule)
      ? scanStep(rule.scan, [rule])
      : { rules: [rule], scan: null, tallies: [], findings: (source, context) => tagged(rule, rule.findings(source, context)) });
  }
  for (const tally of tallies) {
    let step = steps.find((s) => s.scan === tally.scan);
    if (!step) steps.push((step = scanStep(tally.scan, [])));
    step.tallies.push(tally);
  }
  return steps;
}

async function* tagged(rule: AnomalyRule, findings: AsyncIterable<RuleFinding>): AsyncIterable<RuleFindingOf> {
  for await (const finding of findings) yield { rule, finding };
}

function addActivity(byAgency: Record<string, AgencyActivity>, agencyId: string, values: Partial<AgencyActivity>): void {
  byAgency[agencyId] ??= { inspections: 0, cases: 0, coercive: 0, findings: 0 };
  Object.assign(byAgency[agencyId], values);
}
