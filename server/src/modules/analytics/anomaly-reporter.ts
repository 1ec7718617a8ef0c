import { ANOMALY_RULE_SET, ANOMALY_RULES, SYSTEM_ACTORS, type AgencyActivity, type AnomalyRuleId } from '@mashang/shared';
import type { DataSource } from 'typeorm';
import { Transactions } from '../../infra/database/tx.js';
import { FlaggedCaseRepository, FlagRaiser } from '../flags/index.js';
import { TrailRepository } from '../trail/index.js';
import { AnomalyFindingRepository } from './anomaly-finding.repository.js';
import { AnomalyRunRepository } from './anomaly-run.repository.js';
import { compareIds } from './compare-ids.js';
import { FindingFlags } from './finding-flags.js';
import { reportSteps, runSteps } from './report-steps.js';
import type { AnomalyRule, RowSource, RuleContext } from './rule.js';
import { RULE_SET_DEFAULTS, type AnomalyThresholds } from './rule-config.js';
import { rowSource } from './row-source.js';
import { RULES } from './rules/index.js';
import { agencyCaseActivity } from './rules/agency-activity.js';
import { inspectionsStartedByAgency } from './rules/enterprise-sequences.js';
import type { RuleFindingOf } from './shared-scan.js';
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
  /** Each rule's own time once its step ends: a rule alone, its step's; a rule in a shared scan, its reader's work (the scan's reading is the step's). */
  onRuleDone?: (rule: string, ms: number) => void;
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

/** Who raises the flagged cases of the report, whoever asked for the run. */
export const REPORT_ACTOR = SYSTEM_ACTORS.nightlyReport;

const INSERT_BATCH = 1000;
const DELETE_BATCH = 10_000;
/** Share of the progress bar the rules take; the summary and the flagged cases share the rest. */
const RULES_PERCENT = 85;

/** What a report run works with: its tables, the raising of its findings, and a row source for the rules. */
export interface ReportParts {
  runs: AnomalyRunRepository;
  findings: AnomalyFindingRepository;
  findingFlags: FindingFlags;
  source: RowSource;
}

/**
 * Computes the anomaly report as of a date, stores it (run row + findings) and turns findings not
 * raised before into flagged cases. The nightly job and the CLI both run exactly this.
 */
export class AnomalyReporter {
  constructor(
    private readonly parts: ReportParts,
    private readonly thresholds: AnomalyThresholds = RULE_SET_DEFAULTS,
    private readonly rules: readonly AnomalyRule[] = RULES,
  ) {}

  /** The reporter on one data source, for the app, the CLI, benchmarks and tests. */
  static on(dataSource: DataSource, thresholds?: AnomalyThresholds, rules?: readonly AnomalyRule[]): AnomalyReporter {
    const findings = new AnomalyFindingRepository(dataSource);
    const cases = new FlaggedCaseRepository(dataSource);
    const findingFlags = new FindingFlags(findings, cases, new FlagRaiser(cases, new TrailRepository(dataSource)), new Transactions(dataSource));
    return new AnomalyReporter({ runs: new AnomalyRunRepository(dataSource), findings, findingFlags, source: rowSource(dataSource) }, thresholds, rules);
  }

  /** Records that a run of `asOf` waits in the queue, unless that date's report is already complete. */
  markQueued(asOf: string, requestedBy: string): Promise<void> {
    return this.parts.runs.markQueued(asOf, ANOMALY_RULE_SET, requestedBy, new Date());
  }

  async isCompleted(asOf: string): Promise<boolean> {
    return (await this.parts.runs.get(asOf))?.status === 'completed';
  }

  /**
   * One attempt. A failure is stored on the run (queued again when `willRetry`, else failed) and
   * rethrown, so the queue retries it and nobody mistakes a missing report for a quiet night.
   */
  async run(asOf: string, requestedBy: string, { onProgress, onStepDone, onRuleDone, willRetry = false }: RunOptions = {}): Promise<ReportOutcome> {
    const { runs, source } = this.parts;
    await runs.begin(asOf, ANOMALY_RULE_SET, requestedBy, new Date());
    let failedRule: string | null = null;
    const progress = async (percent: number, step: string) => {
      await runs.progress(asOf, Math.floor(percent), step);
      onProgress?.({ percent: Math.floor(percent), step });
    };
    try {
      const window = reportWindow(asOf, this.thresholds.windowDays);
      const context: RuleContext = { asOf, start: window.start, end: window.end, thresholds: this.thresholds };
      await this.clear(asOf);
      let started = 0;
      let activity: Record<string, AgencyActivity> = {};
      const inspectionsByAgency = new Map<string, number>();
      const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
        const stepStarted = Date.now();
        const result = await work();
        onStepDone?.(name, Date.now() - stepStarted);
        return result;
      };
      const ruleMs = new Map<string, number>();
      const ruleSteps = reportSteps(this.rules, [inspectionsStartedByAgency(context, inspectionsByAgency)], ruleMs).map((step) => ({
        longPass: step.scan?.longPass ?? false,
        run: () => timed(step.rules.map((r) => r.id).join('+') || 'tallies', async () => {
          const stepStarted = Date.now();
          // Rules sharing a scan are computed together: each is announced as the scan starts.
          for (const rule of step.rules) await progress((started++ / this.rules.length) * RULES_PERCENT, rule.id);
          try {
            await this.store(asOf, step.findings(source, context));
          } catch (error) {
            // Steps run side by side: the rule last announced need not be the one that failed.
            failedRule ??= step.rules[0]?.id ?? null;
            throw error;
          }
          for (const rule of step.rules) onRuleDone?.(rule.id, step.scan ? Math.round(ruleMs.get(rule.id) ?? 0) : Date.now() - stepStarted);
        }),
      }));
      // The agencies' cases need no finding: they are counted beside the rules (their inspections, in the enterprise pass).
      const activityStep = { longPass: false, run: async () => void (activity = await timed('cases by agency', () => agencyCaseActivity(source, context))) };
      await runSteps([...ruleSteps, activityStep]);
      for (const [agencyId, inspections] of inspectionsByAgency) addActivity(activity, agencyId, { inspections });
      await progress(RULES_PERCENT, 'summary');
      const summary = await timed('summary', () => this.summarise(asOf, activity));
      const findings = Object.values(summary.byRule).reduce((a, b) => a + b, 0);
      const raised = await timed('flags', () => this.parts.findingFlags.raiseAll(asOf, this.rules.length, findings, REPORT_ACTOR,
        (done) => progress(RULES_PERCENT + 2 + (done / Math.max(findings, 1)) * (99 - RULES_PERCENT - 2), 'flags')));
      await runs.complete(asOf, { at: new Date(), summary: JSON.stringify(summary), findings, raised });
      onProgress?.({ percent: 100, step: 'done' });
      return { asOf, findings, raised };
    } catch (error) {
      const message = ((error as Error).message ?? String(error)).slice(0, 2000);
      await runs.fail(asOf, { requeue: willRetry, message, at: new Date(), rule: failedRule });
      throw error;
    }
  }

  /** A re-run replaces the date's findings; deleted in slices so no transaction grows huge. */
  private async clear(asOf: string): Promise<void> {
    while ((await this.parts.findings.deleteSome(asOf, DELETE_BATCH)) >= DELETE_BATCH);
  }

  private async store(asOf: string, findings: AsyncIterable<RuleFindingOf>): Promise<void> {
    let batch: unknown[][] = [];
    for await (const { rule, finding: f } of findings) {
      batch.push([
        asOf, rule.id, this.rules.indexOf(rule), rule.subjectType, f.subjectId, `anomaly:${rule.id}:${rule.subjectType}:${f.subjectId}`, f.agencyId,
        f.creditCode ?? null, f.officerId ?? null, f.inspectionId ?? null, f.severity, JSON.stringify(f.evidence), f.explanation.slice(0, 300),
      ]);
      if (batch.length >= INSERT_BATCH) {
        await this.parts.findings.insertMany(batch);
        batch = [];
      }
    }
    await this.parts.findings.insertMany(batch);
  }

  /** Counts per rule, and per agency: its activity and its findings. */
  private async summarise(asOf: string, byAgency: Record<string, AgencyActivity>): Promise<ReportSummary> {
    const byRule = Object.fromEntries(ANOMALY_RULES.map((r) => [r, 0])) as Record<AnomalyRuleId, number>;
    for (const [rule, n] of await this.parts.findings.countByRule(asOf, null)) byRule[rule as AnomalyRuleId] = n;
    for (const [agencyId, n] of await this.parts.findings.countByAgency(asOf)) addActivity(byAgency, agencyId, { findings: n });
    const sorted = Object.fromEntries(Object.keys(byAgency).sort(compareIds).map((id) => [id, byAgency[id]]));
    return { byRule, byAgency: sorted };
  }
}

function addActivity(byAgency: Record<string, AgencyActivity>, agencyId: string, values: Partial<AgencyActivity>): void {
  byAgency[agencyId] ??= { inspections: 0, cases: 0, coercive: 0, findings: 0 };
  Object.assign(byAgency[agencyId], values);
}
