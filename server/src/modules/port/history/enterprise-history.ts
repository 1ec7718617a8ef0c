import { Inject, Injectable } from '@nestjs/common';
import {
  actorUserId,
  CASE_CONCLUSION_LABELS,
  CASE_STATUS_LABELS,
  INSPECTION_RESULT_LABELS,
  PENALTY_CASE_STATUS_LABELS,
  PENALTY_STAGE_LABELS,
  PLAN_TRIGGER_LABELS,
  RATING_VERDICT_LABELS,
  VIOLATION_COLOURS,
  type EnterpriseInspectionView,
  type EnterprisePenaltyCaseView,
  type EnterpriseTrailView,
  type InspectionResult,
  type Page,
  type PlanTrigger,
} from '@mashang/shared';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import { notFound } from '../../../infra/errors/domain-error.js';
import { UserRepository, type SignedInEnterprise } from '../../auth/index.js';
import { EnterpriseCaseRepository, supervisionCodeKey, supervisionCodeToken } from '../../cases/index.js';
import { ratingDedupeKey, RatingRepository } from '../../evaluation/index.js';
import { FlaggedCaseQueueRepository } from '../../flags/index.js';
import { InspectionRepository } from '../../inspections/index.js';
import { FindingRepository, publicTrail } from '../../onsite/index.js';
import { AccompanyingNames } from '../../plans/index.js';
import { AgencyRepository, ItemRepository, OfficerRepository } from '../../registry/index.js';
import { TrailRepository } from '../../trail/index.js';

/** Cases shown at most: an enterprise has few, and the list is not paged. */
const CASES_SHOWN = 100;
const label = <K extends string>(labels: Record<K, string>, key: string): string => labels[key as K] ?? '';

/**
 * 企业端: the enterprise's own history, scoped to the session's credit code and nothing else — every
 * inspection of it (agencies, dates, officers by name, items, results), each one's trail in plain Chinese
 * as the enterprise may read it, what became of its own ratings, and its penalty cases with their
 * supervision codes.
 */
@Injectable()
export class EnterpriseHistory {
  private readonly codeKey: Buffer;

  constructor(
    @Inject(InspectionRepository) private readonly inspections: InspectionRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(OfficerRepository) private readonly officers: OfficerRepository,
    @Inject(ItemRepository) private readonly items: ItemRepository,
    @Inject(RatingRepository) private readonly ratings: RatingRepository,
    @Inject(FlaggedCaseQueueRepository) private readonly flagged: FlaggedCaseQueueRepository,
    @Inject(TrailRepository) private readonly trail: TrailRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(EnterpriseCaseRepository) private readonly cases: EnterpriseCaseRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AccompanyingNames) private readonly accompanying: AccompanyingNames,
    @Inject(FindingRepository) private readonly findings: FindingRepository,
  ) {
    this.codeKey = supervisionCodeKey(config.jwtSecret);
  }

  async inspectionsOf(enterprise: SignedInEnterprise, page: number, pageSize: number): Promise<Page<EnterpriseInspectionView>> {
    const { total, rows } = await this.inspections.pageOfEnterprise(enterprise.creditCode, page, pageSize);
    const ids = rows.map((r) => r.id);
    // A record's id is its agency's plan's: who accompanied it (陪同执法) is kept on the plan.
    const [officerRows, itemRows, verdicts, accompanying] = await Promise.all([
      this.inspections.officersOf(ids), this.inspections.itemsOf(ids), this.ratings.verdictsOf(ids), this.accompanying.of(ids),
    ]);
    const [agencyNames, officers, items, cases, findings] = await Promise.all([
      this.agencies.namesOf(rows.map((r) => r.agencyId)),
      this.officers.byIds([...new Set(officerRows.map((o) => o.officerId))]),
      this.items.byIds([...new Set(itemRows.map((i) => i.itemId))]),
      this.flagged.byDedupeKeys(verdicts.map((v) => ratingDedupeKey(v.inspectionId, v.agencyId))),
      // An inspection recorded here has its findings under the same id (imported records have none).
      this.findings.latestOfPlans(ids),
    ]);
    const officerById = new Map(officers.map((o) => [o.id, o]));
    const itemById = new Map(items.map((i) => [i.id, i]));
    const caseByKey = new Map(cases.map((c) => [c.dedupeKey, c]));
    const views = rows.map((r): EnterpriseInspectionView => {
      const verdict = verdicts.find((v) => v.inspectionId === r.id && v.agencyId === r.agencyId);
      const flaggedCase = verdict ? caseByKey.get(ratingDedupeKey(r.id, r.agencyId)) : undefined;
      return {
        id: r.id,
        agencyName: agencyNames.get(r.agencyId) ?? '执法部门',
        triggerLabel: label<PlanTrigger>(PLAN_TRIGGER_LABELS, r.trigger),
        joint: r.jointId !== null,
        startedAt: r.startedAt.toISOString(),
        finishedAt: r.finishedAt.toISOString(),
        resultLabel: label<InspectionResult>(INSPECTION_RESULT_LABELS, r.result),
        officers: officerRows.filter((o) => o.inspectionId === r.id).flatMap((o) => {
          const officer = officerById.get(o.officerId);
          return officer ? [{ name: officer.name, certNo: officer.certNo }] : [];
        }),
        items: itemRows.filter((i) => i.inspectionId === r.id).flatMap((i) => {
          const item = itemById.get(i.itemId);
          const colour = findings.get(r.id)?.get(i.itemId)?.colour;
          const coloured = colour
            ? { colour, colourLabel: VIOLATION_COLOURS[colour].label, advice: VIOLATION_COLOURS[colour].enterprise, rectifyBy: findings.get(r.id)!.get(i.itemId)!.rectifyBy }
            : {};
          return item ? [{ name: item.name, basis: item.basis, ...coloured }] : [];
        }),
        rating: {
          rated: Boolean(verdict),
          verdictLabel: verdict ? RATING_VERDICT_LABELS[verdict.verdict] : null,
          ratedAt: verdict?.ratedAt.toISOString() ?? null,
          outcome: flaggedCase
            ? { statusLabel: CASE_STATUS_LABELS[flaggedCase.status], conclusionLabel: flaggedCase.conclusion ? CASE_CONCLUSION_LABELS[flaggedCase.conclusion] : null, updatedAt: flaggedCase.updatedAt.toISOString() }
            : null,
        },
        ...(accompanying.has(r.id) ? { accompanying: accompanying.get(r.id)!.map((a) => ({ name: a.name, agencyName: a.agencyName })) } : {}),
      };
    });
    return { items: views, total, page, pageSize };
  }

  /** One of its inspection records' trail, in Chinese for the enterprise; another enterprise's is not found. */
  async trailOf(enterprise: SignedInEnterprise, inspectionId: string): Promise<EnterpriseTrailView> {
    const record = await this.inspections.byId(inspectionId);
    if (!record || record.creditCode !== enterprise.creditCode) throw notFound('检查记录');
    const entries = await this.trail.entries(inspectionId);
    const userIds = [...new Set(entries.map((e) => actorUserId(e.actor)).filter((id): id is number => id !== null))];
    const users = await this.users.staffOf(userIds);
    const officerIds = [...new Set([...users.values()].map((u) => u.officerId).filter((id): id is string => id !== null))];
    const agencyIds = [...new Set([record.agencyId, ...[...users.values()].map((u) => u.agencyId).filter((id): id is string => id !== null)])];
    const [officers, agencyNames] = await Promise.all([this.officers.byIds(officerIds), this.agencies.namesOf(agencyIds)]);
    const agencyName = agencyNames.get(record.agencyId) ?? '执法部门';
    const view = publicTrail(
      [{ agencyName, entries }],
      { users, officers: new Map(officers.map((o) => [o.id, { name: o.name, certNo: o.certNo }])), agencyNames },
      new Date(),
    );
    return { agencyName, steps: view.agencies[0].steps };
  }

  async penaltyCasesOf(enterprise: SignedInEnterprise): Promise<EnterprisePenaltyCaseView[]> {
    const rows = await this.cases.ofEnterprise(enterprise.creditCode, CASES_SHOWN);
    const names = await this.agencies.namesOf(rows.map((r) => r.agencyId));
    const base = this.config.publicBaseUrl.replace(/\/$/, '');
    return rows.map((r) => ({
      id: r.id,
      agencyName: names.get(r.agencyId) ?? '执法部门',
      cause: r.causeName ?? r.cause,
      stageLabel: r.stage ? PENALTY_STAGE_LABELS[r.stage] : PENALTY_CASE_STATUS_LABELS[r.status] ?? '',
      filedAt: r.filedAt.toISOString(),
      decidedAt: r.decidedAt?.toISOString() ?? null,
      fine: r.fine,
      statementUntil: r.statementUntil?.toISOString() ?? null,
      hearingUntil: r.hearingUntil?.toISOString() ?? null,
      supervisionCodeUrl: r.coded ? `${base}/p/${supervisionCodeToken(this.codeKey, r.id)}` : null,
    }));
  }
}
