import type { AnomalyRule, RowSource, RuleContext, RuleFinding } from './rule.js';

/**
 * One ordered query that several rules read: the report reads it once for all of them, each rule
 * through its own reader. Its rows cover what every reader needs; a reader skips what it does not.
 */
export interface SharedScan<Row> {
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

/** Reads the scan once, handing every row to each rule's reader and each tally; each finding comes with its rule. */
export async function* readScan<Row>(
  scan: SharedScan<Row>,
  rules: readonly ScanRule<Row>[],
  source: RowSource,
  context: RuleContext,
  tallies: readonly ScanTally<Row>[] = [],
): AsyncIterable<RuleFindingOf> {
  const readers = rules.map((rule) => ({ rule, reader: rule.reader(source, context) }));
  for await (const rows of scan.batches(source, context)) {
    for (const row of rows) {
      for (const tally of tallies) tally.read(row);
      for (const { rule, reader } of readers) {
        let found = reader.read(row);
        if (found instanceof Promise) found = await found;
        if (found) for (const finding of found) yield { rule, finding };
      }
    }
  }
  for (const { rule, reader } of readers) for await (const finding of reader.finish()) yield { rule, finding };
}
