import type { AnomalyRule, RowSource, RuleContext, RuleFinding } from './rule.js';

/**
 * One ordered query that several rules read: the report reads it once for all of them, each rule
 * through its own reader. Its rows cover what every reader needs; a reader skips what it does not.
 */
export interface SharedScan<Row> {
  /**
   * Streams a row per inspection or per officer visit (millions): such passes take turns (runSteps).
   * A pass over far fewer rows, whose time is the database's, runs beside one.
   */
  longPass: boolean;
  /** The rows in order, a batch at a time. */
  batches(source: RowSource, context: RuleContext): AsyncIterable<Row[]>;
}

/** One rule's reading of a shared scan in one run. */
export interface ScanReader<Row> {
  /** The findings a row completes, if any; a promise when the reader looks something up first. */
  read(row: Row): Iterable<RuleFinding> | Promise<Iterable<RuleFinding> | undefined> | undefined;
  /** The findings known once every row has been read. */
  finish(): AsyncIterable<RuleFinding>;
}

/** A rule computed from a shared scan. Run alone it reads the scan for itself. */
export interface ScanRule<Row = never> extends AnomalyRule {
  scan: SharedScan<Row>;
  reader(source: RowSource, context: RuleContext): ScanReader<Row>;
}

/** Something besides the rules that reads a shared scan's rows as they go by: the summary's counts. */
export interface ScanTally<Row> {
  scan: SharedScan<Row>;
  read(row: Row): void;
}

export interface RuleFindingOf {
  rule: AnomalyRule;
  finding: RuleFinding;
}

export function scanRule<Row>(rule: Omit<ScanRule<Row>, 'findings'>): ScanRule<Row> {
  const complete: ScanRule<Row> = {
    ...rule,
    async *findings(source, context) {
      for await (const { finding } of readScan(rule.scan, [complete], source, context)) yield finding;
    },
  };
  return complete;
}

export function isScanRule(rule: AnomalyRule): rule is ScanRule<unknown> {
  return 'scan' in rule;
}

/**
 * Reads the scan once, handing every row to each rule's reader and each tally; each finding comes with
 * its rule. A batch goes to one reader after another (each reader sees the rows in order), so the time
 * each rule's own work takes is measured per batch, not per row, into `ruleMs` when given.
 */
export async function* readScan<Row>(
  scan: SharedScan<Row>,
  rules: readonly ScanRule<Row>[],
  source: RowSource,
  context: RuleContext,
  tallies: readonly ScanTally<Row>[] = [],
  ruleMs?: Map<string, number>,
): AsyncIterable<RuleFindingOf> {
  const readers = rules.map((rule) => ({ rule, reader: rule.reader(source, context) }));
  const spent = (rule: AnomalyRule, ms: number) => ruleMs?.set(rule.id, (ruleMs.get(rule.id) ?? 0) + ms);
  for await (const rows of scan.batches(source, context)) {
    for (const tally of tallies) for (const row of rows) tally.read(row);
    for (const { rule, reader } of readers) {
      const started = performance.now();
      const found: RuleFinding[] = [];
      for (const row of rows) {
        let some = reader.read(row);
        if (some instanceof Promise) some = await some;
        if (some) for (const finding of some) found.push(finding);
      }
      spent(rule, performance.now() - started);
      for (const finding of found) yield { rule, finding };
    }
  }
  for (const { rule, reader } of readers) {
    const findings = reader.finish()[Symbol.asyncIterator]();
    for (;;) {
      const started = performance.now();
      const next = await findings.next();
      spent(rule, performance.now() - started);
      if (next.done) break;
      yield { rule, finding: next.value };
    }
  }
}
