import { Inject, Injectable } from '@nestjs/common';
import { classViolation, type ColourClassing } from '@mashang/shared';
import type { Tx } from '../../../infra/database/tx.js';
import { ViolationColourRepository } from '../../registry/index.js';
import { FindingRepository } from '../finding.repository.js';

/** 三色: what a violation of each item by the enterprise would be classed as now, per its agency's list. */
@Injectable()
export class ViolationClassing {
  constructor(
    @Inject(ViolationColourRepository) private readonly colours: ViolationColourRepository,
    @Inject(FindingRepository) private readonly findings: FindingRepository,
  ) {}

  /** By item id; `currentPlanIds` are the inspection's own plans, whose findings are not earlier offences. */
  async proposals(creditCode: string, itemIds: string[], currentPlanIds: string[], tx?: Tx): Promise<Map<string, ColourClassing>> {
    if (!itemIds.length) return new Map();
    // In a transaction the two reads share its connection, one after the other; outside, they run together.
    const [rules, prior] = tx
      ? [await this.colours.rulesOf(itemIds, tx), await this.findings.priorViolations(creditCode, itemIds, currentPlanIds, tx)]
      : await Promise.all([this.colours.rulesOf(itemIds), this.findings.priorViolations(creditCode, itemIds, currentPlanIds)]);
    return new Map(itemIds.map((id) => [id, classViolation(rules.get(id) ?? null, prior.get(id) ?? 0)]));
  }
}
