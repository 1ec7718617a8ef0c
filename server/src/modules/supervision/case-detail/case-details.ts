import { Inject, Injectable } from '@nestjs/common';
import { Role, seesAllAgencies, shanghaiDate, type CaseDetail, type CaseEventView, type InspectionSummary, type RatingView, type SessionUser } from '@mashang/shared';
import { forbidden, notFound } from '../../../infra/errors/domain-error.js';
import { UserRepository } from '../../auth/index.js';
import { CaseRepository } from '../../cases/index.js';
import { RatingRepository } from '../../evaluation/index.js';
import { FlaggedCaseQueueRepository } from '../../flags/index.js';
import { InspectionRepository } from '../../inspections/index.js';
import { DocumentRepository, documentView } from '../../onsite/index.js';
import { AgencyRepository } from '../../registry/index.js';
import { disclosedDetail, TrailRepository } from '../../trail/index.js';
import { CaseAttachmentRepository } from '../case-attachment.repository.js';
import { evidenceFor, eventsFor, listedFor, ratingWithheld, sourcesHiddenFrom } from '../case-disclosure.js';
import { CaseNames } from '../case-names.js';
import { listItem, parseJson, stateOf } from '../case-view.js';
import { allowedActions, maySee, SUBSTANCE_PASSED_ON } from '../case-workflow.js';
import { CreditRecordRepository } from '../credit-record.repository.js';

/** Earlier cases on the same enterprise or officer shown with a case. */
const RELATED_SHOWN = 20;
/** Inspections named by a case's evidence shown with it. */
const EVIDENCE_INSPECTIONS_SHOWN = 50;

/** 执法监督: one case with its log, its inspection's trail, documents and ratings, the evidence's records, related cases — as its reader may see them. */
@Injectable()
export class CaseDetails {
  constructor(
    @Inject(FlaggedCaseQueueRepository) private readonly queue: FlaggedCaseQueueRepository,
    @Inject(CaseNames) private readonly names: CaseNames,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(InspectionRepository) private readonly inspections: InspectionRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(TrailRepository) private readonly trail: TrailRepository,
    @Inject(RatingRepository) private readonly ratings: RatingRepository,
    @Inject(DocumentRepository) private readonly documents: DocumentRepository,
    @Inject(CaseRepository) private readonly penaltyCases: CaseRepository,
    @Inject(CaseAttachmentRepository) private readonly attachments: CaseAttachmentRepository,
    @Inject(CreditRecordRepository) private readonly credit: CreditRecordRepository,
  ) {}

  /**
   * Everything on the case this reader may see: supervisors and discipline all of it; an agency admin
   * no individual rating, and of a rating's case nothing that names who rated (case-disclosure.ts).
   */
  async get(user: SessionUser, id: string, now = new Date()): Promise<CaseDetail> {
    const row = await this.queue.byId(id);
    if (!row) throw notFound('监督案件');
    if (!maySee(user, row.agencyId)) throw forbidden('不能访问其他部门的数据');
    const evidence = parseJson(row.evidence);
    const withheld = ratingWithheld(user, row.source);
    const overseer = seesAllAgencies(user.role);
    // The inspection names the enterprise: the rated agency gets its date only.
    const inspectionId = withheld ? null : row.inspectionId;
    const evidenceInspections = withheld ? [] : idsUnder(evidence, /^inspectionIds?$/).filter((i) => i !== inspectionId);
    const hidden = sourcesHiddenFrom(user);

    const [events, inspection, trail, documents, ratings, evidenceRecords, cases, related, attachments, credit] = await Promise.all([
      this.events(id),
      row.inspectionId ? this.inspectionSummaries([row.inspectionId]) : [],
      inspectionId ? this.trail.entries(inspectionId) : [],
      inspectionId ? this.documents.ofPlan(inspectionId).then((stored) => stored.map(documentView)) : null,
      // Individual ratings are for supervisors and discipline only.
      inspectionId && overseer ? this.ratingViews(inspectionId) : [],
      this.inspectionSummaries(evidenceInspections.slice(0, EVIDENCE_INSPECTIONS_SHOWN)),
      withheld ? [] : this.penaltyCases.summaries(idsUnder(evidence, /^caseIds?$/)),
      // Within what the reader may see.
      withheld ? [] : this.queue.related(id, row, row.createdAt, user.role === Role.AgencyAdmin ? user.agencyId : null, RELATED_SHOWN, ...(hidden.length ? [hidden] : [])),
      this.attachments.ofCase(id),
      row.creditCode && !withheld ? this.credit.ofEnterprise(row.creditCode) : [],
    ]);
    const [namesOf, trailNames] = await Promise.all([this.names.of([row, ...related]), this.users.actorNames(trail.map((t) => t.actor))]);
    const substancePassedOn = events.some((e) => e.kind === SUBSTANCE_PASSED_ON);
    const item = listedFor(user, listItem(row, namesOf(row), now));
    const inspectionDate = inspection[0] ? shanghaiDate(inspection[0].startedAt) : null;

    return {
      case: {
        ...item,
        subjectType: row.subjectType,
        subjectId: withheld ? '' : row.subjectId,
        evidence: evidenceFor(user, row, evidence, { inspectionDate, substancePassedOn }),
      },
      events: eventsFor(user, item, events),
      inspection: withheld ? null : (inspection[0] ?? null),
      trail: trail.map((t) => ({ seq: t.seq, kind: t.kind, actor: t.actor, actorName: trailNames.get(t.actor) ?? null, detail: disclosedDetail(t.kind, parseJson(t.detail), overseer ? 'overseer' : 'agency'), at: t.at.toISOString(), hash: t.hash })),
      documents: withheld ? [] : documents,
      ratings,
      evidenceRecords: {
        inspections: evidenceRecords,
        cases: cases.map((c) => ({ id: c.id, agencyId: c.agencyId, cause: c.cause, status: c.status, filedAt: c.filedAt.toISOString(), fine: c.fine })),
      },
      related: related.map((c) => listedFor(user, listItem(c, namesOf(c), now))),
      attachments: attachments.map((a) => ({ id: a.id, name: a.name, mime: a.mime, size: a.size, sha256: a.sha256, uploadedBy: a.uploadedBy, at: a.at.toISOString() })),
      creditRecords: credit.map((c) => ({ kind: c.kind, caseId: c.caseId, note: c.note, actor: c.actor, at: c.at.toISOString() })),
      allowedActions: allowedActions(stateOf(row, substancePassedOn), user),
      anonymity: withheld ? { substancePassedOn } : null,
    };
  }

  /** The case's log, each user named by its display name. */
  private async events(caseId: string): Promise<CaseEventView[]> {
    const events = await this.queue.events(caseId);
    const names = await this.users.actorNames(events.map((e) => e.actor));
    return events.map((e) => ({
      id: e.id,
      kind: e.kind,
      actor: e.actor,
      actorName: names.get(e.actor) ?? null,
      detail: parseJson(e.detail),
      at: e.at.toISOString(),
    }));
  }

  private async inspectionSummaries(ids: string[]): Promise<InspectionSummary[]> {
    const records = await this.inspections.byIds(ids);
    const names = await this.agencies.namesOf(records.map((r) => r.agencyId));
    return records.map((r) => ({
      id: r.id,
      agencyId: r.agencyId,
      agencyName: names.get(r.agencyId) ?? null,
      creditCode: r.creditCode,
      trigger: r.trigger,
      jointId: r.jointId,
      startedAt: r.startedAt.toISOString(),
      finishedAt: r.finishedAt.toISOString(),
      coded: r.coded,
      result: r.result,
    }));
  }

  private async ratingViews(inspectionId: string): Promise<RatingView[]> {
    const ratings = await this.ratings.ofInspection(inspectionId);
    const names = await this.agencies.namesOf(ratings.map((r) => r.agencyId));
    return ratings.map((r) => ({
      inspectionId: r.inspectionId,
      agencyId: r.agencyId,
      agencyName: names.get(r.agencyId) ?? null,
      language: r.language,
      procedure: r.procedure,
      manner: r.manner,
      fairness: r.fairness,
      verdict: r.verdict,
      flags: r.flags,
      comment: r.comment,
      ratedAt: r.ratedAt.toISOString(),
    }));
  }
}

/** String ids under top-level evidence keys such as `inspectionIds` or `caseId`. */
function idsUnder(evidence: Record<string, unknown>, key: RegExp): string[] {
  const ids = Object.entries(evidence)
    .filter(([k]) => key.test(k))
    .flatMap(([, v]) => (Array.isArray(v) ? v : [v]))
    .filter((v): v is string => typeof v === 'string' && v.length > 0 && v.length <= 64);
  return [...new Set(ids)];
}
