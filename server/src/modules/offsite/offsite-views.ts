import { Inject, Injectable } from '@nestjs/common';
import { offsiteActions, type OffsiteEvidenceView, type OffsiteRequestView, type OfficerOffsiteRequestView } from '@mashang/shared';
import type { Tx } from '../../infra/database/tx.js';
import { PlanRepository } from '../plans/index.js';
import { AgencyRepository, EnterpriseRepository, ItemRepository } from '../registry/index.js';
import { OffsiteRequestRepository, type StoredEvidence, type StoredRequest } from './offsite-request.repository.js';

export function evidenceView(e: StoredEvidence): OffsiteEvidenceView {
  return {
    id: e.id, position: e.position, round: e.round, kind: e.kind, text: e.reading, fileName: e.fileName, contentType: e.contentType,
    sizeBytes: e.sizeBytes, sha256: e.sha256, uploadedAt: e.uploadedAt.toISOString(),
  };
}

/** A request as the enterprise and the officer read it: names from the registers, never ids of people or phones. */
@Injectable()
export class OffsiteViews {
  constructor(
    @Inject(OffsiteRequestRepository) private readonly requests: OffsiteRequestRepository,
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(EnterpriseRepository) private readonly enterprises: EnterpriseRepository,
    @Inject(ItemRepository) private readonly items: ItemRepository,
  ) {}

  async view(request: StoredRequest, tx?: Tx): Promise<OffsiteRequestView> {
    const [plan, agencies, enterprises, asks, evidence] = await Promise.all([
      this.plans.byId(request.planId, tx),
      this.agencies.namesOf([request.agencyId], tx),
      this.enterprises.namesOf([request.creditCode], tx),
      this.requests.asksOf(request.id, tx),
      this.requests.evidenceOf(request.id, tx),
    ]);
    const nameOf = new Map((await this.items.byIds([...new Set(asks.map((a) => a.itemId))], tx)).map((item) => [item.id, item.name]));
    return {
      id: request.id, planId: request.planId, planCode: plan?.code ?? '', agencyName: agencies.get(request.agencyId) ?? '', creditCode: request.creditCode,
      enterpriseName: enterprises.get(request.creditCode) ?? '', status: request.status, round: request.round, note: request.note,
      asks: asks.map((a) => ({ ...a, itemName: nameOf.get(a.itemId) ?? a.itemId })),
      evidence: evidence.map(evidenceView),
      requestedAt: request.requestedAt.toISOString(), answeredAt: request.answeredAt?.toISOString() ?? null, decidedAt: request.decidedAt?.toISOString() ?? null,
      convertReason: request.convertReason,
    };
  }

  async officerView(request: StoredRequest, tx?: Tx): Promise<OfficerOffsiteRequestView> {
    return { ...(await this.view(request, tx)), actions: offsiteActions(request.status) };
  }
}
