import { Inject, Injectable } from '@nestjs/common';
import QRCode from 'qrcode';
import {
  DISCRETION_LEVELS, Role, type CoerciveMeasureKind, type DecisionMeasure, type DiscretionLevel, type LegalReviewVerdict, type MajorDecisionReason,
  type Page, type PartySubmissionKind, type PenaltyCaseListItem, type PenaltyCaseView, type PenaltyStage, type SessionUser,
} from '@mashang/shared';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import { notFound } from '../../../infra/errors/domain-error.js';
import { agencyScope, assertSameAgency, UserRepository } from '../../auth/index.js';
import { AgencyRepository, EnterpriseRepository, OfficerRepository } from '../../registry/index.js';
import { CaseMeasuresRepository, type StoredLegalReview } from '../case-measures.repository.js';
import { CaseProcedureRepository } from '../case-procedure.repository.js';
import { DiscretionBenchmarkRepository } from '../discretion/discretion-benchmark.repository.js';
import { penaltyCaseActions } from '../rules/penalty-actions.js';
import { supervisionCodeKey, supervisionCodeUrl } from '../supervision-code/supervision-code-token.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What officers and desks read of penalty cases: one case in full, the list, the legal review queue. */
@Injectable()
export class PenaltyCaseViews {
  private readonly codeKey: Buffer;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CaseProcedureRepository) private readonly cases: CaseProcedureRepository,
    @Inject(CaseMeasuresRepository) private readonly measures: CaseMeasuresRepository,
    @Inject(DiscretionBenchmarkRepository) private readonly benchmarks: DiscretionBenchmarkRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(EnterpriseRepository) private readonly enterprises: EnterpriseRepository,
    @Inject(OfficerRepository) private readonly officers: OfficerRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
  ) {
    this.codeKey = supervisionCodeKey(config.jwtSecret);
  }

  /** The supervision code's public link for a case. */
  codeUrl(caseId: string): string {
    return supervisionCodeUrl(this.config.publicBaseUrl, this.codeKey, caseId);
  }

  async detail(user: SessionUser, id: string): Promise<PenaltyCaseView> {
    const c = await this.cases.find(id);
    if (!c) throw notFound('案件');
    assertSameAgency(user, c.agencyId);
    const [officerIds, benchmark, coercive, reviews, submissions] = await Promise.all([
      this.cases.officersOf(id), this.benchmarks.find(c.cause), this.measures.measuresOf(id), this.measures.reviewsOf(id), this.cases.submissionsOf(id),
    ]);
    const [agencyNames, enterpriseNames, officerNames, reviewerNames] = await Promise.all([
      this.agencies.namesOf([c.agencyId]), this.enterprises.namesOf([c.creditCode]), this.officers.namesOf(officerIds),
      this.users.displayNames(reviews.map((r) => r.reviewerId).filter((r): r is number => r !== null)),
    ]);
    const ticked = new Set(c.factors);
    const noticed = c.notifiedAt !== null;
    const actsForAgency = (user.role === Role.Officer || user.role === Role.AgencyAdmin) && user.agencyId === c.agencyId;
    return {
      id: c.id, stage: c.stage, origin: c.origin as PenaltyCaseView['origin'], agencyId: c.agencyId, agencyName: agencyNames.get(c.agencyId) ?? c.agencyId,
      creditCode: c.creditCode, enterpriseName: enterpriseNames.get(c.creditCode) ?? c.creditCode, inspectionId: c.inspectionId,
      flaggedCaseId: c.flaggedCaseId, cause: c.cause, causeName: benchmark?.name ?? c.cause, facts: c.facts, legalBasis: c.legalBasis,
      officers: officerIds.map((o) => ({ id: o, name: officerNames.get(o) ?? o })),
      factors: (benchmark?.factors ?? []).map((f) => ({ ...f, ticked: ticked.has(f.id) })), bands: benchmark?.bands ?? [], ranges: benchmark?.ranges ?? null,
      points: c.points, level: noticed && isDiscretionLevel(c.discretionLevel) ? c.discretionLevel : null,
      range: c.rangeMin !== null && c.rangeMax !== null ? { min: c.rangeMin, max: c.rangeMax } : null,
      proposedFine: c.proposedFine, outsideRangeReason: c.outsideRangeReason, filedAt: c.filedAt.toISOString(), notifiedAt: iso(c.notifiedAt),
      statementUntil: iso(c.statementUntil), hearingUntil: iso(c.hearingUntil), hearingRequestedAt: iso(c.hearingRequestedAt),
      hearingHeldAt: iso(c.hearingHeldAt), decidedAt: iso(c.decidedAt),
      fine: c.stage === 'decided' || c.stage === 'closed' ? c.fine : c.decisionFine, measures: c.measures as DecisionMeasure[], major: c.major,
      closedAt: iso(c.closedAt), revokedAt: iso(c.revokedAt), causeChanges: c.causeChanges,
      coerciveMeasures: coercive.map((m) => ({
        id: m.id, kind: m.kind as CoerciveMeasureKind, items: m.items, documentNo: m.documentNo, startedAt: m.startedAt.toISOString(), dueAt: m.dueAt.toISOString(),
        extended: m.extendedAt !== null, extensionReason: m.extensionReason, releasedAt: iso(m.releasedAt), releaseReason: m.releaseReason,
      })),
      reviews: reviews.map((r) => reviewView(r, reviewerNames)),
      submissions: submissions.map((s) => ({ id: s.id, kind: s.kind as PartySubmissionKind, text: s.text, at: s.at.toISOString(), flaggedCaseId: s.flaggedCaseId, upheld: s.upheld })),
      codeUrl: c.codeHash ? this.codeUrl(c.id) : null,
      codeQrSvg: c.codeHash ? await QRCode.toString(this.codeUrl(c.id), { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }) : null,
      actions: penaltyCaseActions(c.stage, actsForAgency),
    };
  }

  async list(user: SessionUser, stage: PenaltyStage | null, page: number, pageSize: number): Promise<Page<PenaltyCaseListItem>> {
    const { total, rows } = await this.cases.page({ agencyId: agencyScope(user), stage }, page, pageSize);
    const [agencyNames, enterpriseNames, benchmarks] = await Promise.all([
      this.agencies.namesOf(rows.map((r) => r.agencyId)), this.enterprises.namesOf(rows.map((r) => r.creditCode)), this.benchmarks.findMany(rows.map((r) => r.cause)),
    ]);
    const items = rows.map((r): PenaltyCaseListItem => {
      const running = r.stage === 'notified' ? [r.statementUntil, r.hearingUntil] : [];
      const deadlines = [...running, r.reviewDue, r.coerciveDue].filter((d): d is Date => d !== null).map((d) => new Date(d).getTime());
      return {
        id: r.id, stage: r.stage, agencyId: r.agencyId, agencyName: agencyNames.get(r.agencyId) ?? r.agencyId, enterpriseName: enterpriseNames.get(r.creditCode) ?? r.creditCode,
        causeName: benchmarks.get(r.cause)?.name ?? r.cause, filedAt: new Date(r.filedAt).toISOString(),
        nextDeadline: deadlines.length ? new Date(Math.min(...deadlines)).toISOString() : null, openObjections: Number(r.openObjections),
      };
    });
    return { items, total, page, pageSize };
  }
}

export function reviewView(r: StoredLegalReview, reviewerNames: Map<string, string>) {
  return {
    id: r.id, caseId: r.caseId, reasons: r.reasons as MajorDecisionReason[], fine: r.fine, measures: r.measures as DecisionMeasure[],
    requestedAt: r.requestedAt.toISOString(), dueAt: r.dueAt.toISOString(), verdict: r.verdict as LegalReviewVerdict | null, opinion: r.opinion,
    reviewer: r.reviewerId === null ? null : reviewerNames.get(String(r.reviewerId)) ?? null, decidedAt: iso(r.decidedAt),
  };
}

export const isDiscretionLevel = (v: string): v is DiscretionLevel => (DISCRETION_LEVELS as readonly string[]).includes(v);
