import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { Tx } from '../../infra/database/tx.js';
import { timeOrderedUuid } from '../../infra/ids/time-ordered-uuid.js';
import { FlaggedCaseRepository, FlagRaiser, type RaisedCase } from '../flags/index.js';
import { TrailRepository } from '../trail/index.js';
import { AnomalyFindingRepository, FINDING_ID_DIGITS } from './anomaly-finding.repository.js';

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

/** Raises the report's stored findings as flagged cases. */
@Injectable()
export class FindingFlags {
  constructor(
    @Inject(AnomalyFindingRepository) private readonly findings: AnomalyFindingRepository,
    @Inject(FlaggedCaseRepository) private readonly cases: FlaggedCaseRepository,
    @Inject(FlagRaiser) private readonly raiser: FlagRaiser,
  ) {}

  /** Outside Nest (the CLI, benchmarks): the same parts on one data source. */
  static on(dataSource: DataSource): FindingFlags {
    const cases = new FlaggedCaseRepository(dataSource);
    return new FindingFlags(new AnomalyFindingRepository(dataSource), cases, new FlagRaiser(cases, new TrailRepository(dataSource)));
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
}
