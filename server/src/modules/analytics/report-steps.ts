import type { AnomalyRule, RowSource, RuleContext, RuleFinding } from './rule.js';
import { isScanRule, readScan, type RuleFindingOf, type ScanRule, type ScanTally, type SharedScan } from './shared-scan.js';

/** Steps computed at once: the database answers each query on one core; two keep a two-core server busy. */
const PARALLEL_STEPS = 2;

export interface ReportStep {
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
export async function runSteps(steps: { longPass: boolean; run: () => Promise<void> }[]): Promise<void> {
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
 * The rules in order, those reading the same shared scan together (wherever they stand in the set) so
 * the scan is read once, with the tallies that read it too (a tally whose scan no rule reads gets a
 * step of its own). The time each scan rule's own work takes goes into `ruleMs`.
 */
export function reportSteps(rules: readonly AnomalyRule[], tallies: readonly ScanTally<unknown>[], ruleMs?: Map<string, number>): ReportStep[] {
  const steps: ReportStep[] = [];
  const scanStep = (scan: SharedScan<unknown>, first: AnomalyRule[]): ReportStep => {
    const step: ReportStep = {
      rules: first,
      scan,
      tallies: [],
      findings: (source, context) => readScan(scan, step.rules as ScanRule<unknown>[], source, context, step.tallies, ruleMs),
    };
    return step;
  };
  for (const rule of rules) {
    const sharing = isScanRule(rule) ? steps.find((s) => s.scan === rule.scan) : undefined;
    if (sharing) {
      sharing.rules.push(rule);
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
