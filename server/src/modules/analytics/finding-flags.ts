import { Inject, Injectable } from '@nestjs/common';
import { Transactions, type Tx } from '../../infra/database/tx.js';
import { timeOrderedUuid } from '../../infra/ids/time-ordered-uuid.js';
import { FlaggedCaseRepository, FlagRaiser, type RaisedCase } from '../flags/index.js';
import { AnomalyFindingRepository, FINDING_ID_DIGITS } from './anomaly-finding.repository.js';

const FLAG_BATCH = 500;
/** Batches of flagged cases in flight at once: with one, a core idles while the other waits on the database. */
const FLAG_LANES = 2;

/**
 * The cases raised by one report run are named `<run prefix><finding id>`: a UUID version 7 whose
 * last group is the finding's id. The prefix is new for each run and finding ids are never reused,
 * so the database builds each case's id itself, and the run knows it in advance: a case found
 * under the expected id is one this run created, not one an earlier report raised.
 */
export class FindingCaseIds {
  readonly prefix: string;

  constructor(at: Date) {
    this.prefix = timeOrderedUuid(at.getTime()).slice(0, -FINDING_ID_DIGITS);
  }

  of(findingId: string | number): string {
    return this.prefix + Number(findingId).toString(16).padStart(FINDING_ID_DIGITS, '0');
  }
}

/** Raises the report's stored findings as flagged cases, and links each finding to its case. */
@Injectable()
export class FindingFlags {
  constructor(
    @Inject(AnomalyFindingRepository) private readonly findings: AnomalyFindingRepository,
    @Inject(FlaggedCaseRepository) private readonly cases: FlaggedCaseRepository,
    @Inject(FlagRaiser) private readonly raiser: FlagRaiser,
    @Inject(Transactions) private readonly transactions: Transactions,
  ) {}

  /**
   * Raises the findings whose dedupe key has no flagged case yet, in batches, then links every finding
   * to its case. Two lanes share the work, split by inspection (or subject when there is none), so
   * each inspection's flags are raised by one lane in the report's order (rule, then subject) — not
   * in the order of storing, which steps running side by side interleave: an inspection's trail gets
   * its flags in rule order. Answers the cases created.
   */
  async raiseAll(asOf: string, rules: number, total: number, actor: string, onBatch: (done: number) => Promise<void>): Promise<number> {
    const at = new Date();
    const ids = new FindingCaseIds(at);
    let raised = 0;
    let done = 0;
    let stopped = false;
    const lane = async (index: number) => {
      let after = { ruleOrder: -1, subjectId: '' };
      while (!stopped) {
        const rows = await this.findings.laneAfter(asOf, { index, of: FLAG_LANES }, after, FLAG_BATCH);
        if (!rows.length) return;
        after = { ruleOrder: Number(rows[rows.length - 1].rule_order), subjectId: rows[rows.length - 1].subject_id };
        // Read after the await: the other lane adds to it meanwhile.
        const created = await this.raiseBatch(asOf, rows.map((r) => r.id), ids, actor, at);
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
    // One statement per rule, not one per batch.
    for (let order = 0; order < rules; order++) await this.findings.linkToCases(asOf, order, (column) => this.cases.caseIdOfDedupeKey(column));
    return raised;
  }

  /**
   * Raises a batch of stored findings, in the caller's transaction, each dedupe key once for ever (a
   * key raised before keeps its case). The cases are built in the database from the finding rows, so
   * the batch sends ids, not each case's columns: parsing those values cost the database more than
   * writing the rows. `findingIds` come in the report's order: events and trail entries follow it.
   * Answers the cases created.
   */
  async raise(asOf: string, findingIds: string[], ids: FindingCaseIds, actor: string, at: Date, tx: Tx): Promise<RaisedCase[]> {
    if (!findingIds.length) return [];
    await this.cases.insertSelected(this.findings.flaggedCaseSelect(ids.prefix, asOf, at, findingIds), tx);
    const expected = findingIds.map((id) => ids.of(id));
    const byId = new Map((await this.cases.raisedByIds(expected, tx)).map((c) => [c.id, c]));
    const created = expected.filter((id) => byId.has(id)).map((id): RaisedCase => {
      const c = byId.get(id)!;
      return { id, source: 'anomaly', rule: c.rule, title: c.title, inspectionId: c.inspection_id, actor };
    });
    await this.raiser.recordRaised(created, at, tx);
    return created;
  }

  /**
   * One batch's flagged cases, their events and trail entries in one transaction; READ COMMITTED so the
   * lanes' trail look-ups take no gap locks. A batch rolled back by a lock conflict is raised again
   * (Transactions runs it again): cases it had raised are gone with it.
   */
  private raiseBatch(asOf: string, findingIds: string[], ids: FindingCaseIds, actor: string, at: Date): Promise<number> {
    return this.transactions.run(async (tx) => (await this.raise(asOf, findingIds, ids, actor, at, tx)).length, 'READ COMMITTED');
  }
}
