import { Inject, Injectable } from '@nestjs/common';
import type { Tx } from '../../../infra/database/tx.js';
import type { JobName, JobPayloads } from '../../../infra/queues/queues.js';
import type { InspectionRecord } from '@mashang/shared';
import { InspectionRepository } from '../../inspections/index.js';
import { InspectionCodeRepository, PlanProgressRepository, PlanRepository } from '../../plans/index.js';
import { FindingRepository } from '../finding.repository.js';
import { inspectionResult } from '../onsite-rules.js';

/**
 * When no agency of an inspection is still at work: its records in the exchange format, one per agency
 * with its officers and items, and the event to publish. Runs in the finishing transaction, after the
 * lead plan's row is locked, so exactly one of the agencies' finishes sees the inspection complete.
 */
@Injectable()
export class CompleteInspection {
  constructor(
    @Inject(PlanProgressRepository) private readonly progress: PlanProgressRepository,
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(InspectionCodeRepository) private readonly codes: InspectionCodeRepository,
    @Inject(FindingRepository) private readonly findings: FindingRepository,
    @Inject(InspectionRepository) private readonly inspections: InspectionRepository,
  ) {}

  async complete(leadPlanId: string, creditCode: string, tx: Tx): Promise<JobPayloads[JobName.InspectionFinished] | null> {
    const members = await this.progress.lockActiveMembers(leadPlanId, tx);
    if (members.some((m) => !m.finishedAt || !m.checkedInAt)) return null;
    const codedAt = await this.codes.firstIssuedAt(leadPlanId, tx);
    const jointId = members.length > 1 ? leadPlanId : null;
    const ids = members.map((m) => m.id);
    const officers = await this.plans.officersOf(ids, tx);
    const items = await this.plans.itemsOf(ids, tx);
    const records: InspectionRecord[] = [];
    for (const member of members) {
      const startedAt = member.checkedInAt!;
      const findings = await this.findings.latestOf(member.id, tx);
      records.push({
        id: member.id, agencyId: member.agencyId, creditCode, trigger: member.trigger, jointId, startedAt, finishedAt: member.finishedAt!,
        coded: codedAt !== null && codedAt <= startedAt, codedAt, result: inspectionResult([...findings.values()].map((f) => f.outcome)),
        officerIds: officers.filter((o) => o.planId === member.id).map((o) => o.memberId),
        itemIds: items.filter((i) => i.planId === member.id).map((i) => i.memberId),
      });
    }
    await this.inspections.insertFinished(records, tx);
    const finishedAt = new Date(Math.max(...members.map((m) => m.finishedAt!.getTime())));
    return { groupId: leadPlanId, creditCode, inspectionIds: members.map((m) => m.id), finishedAt: finishedAt.toISOString() };
  }
}
