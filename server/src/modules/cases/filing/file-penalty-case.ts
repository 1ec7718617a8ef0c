import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, normaliseCreditCode, shanghaiDate, userActor, type PenaltyCaseView, type RuleRefusal, type SessionUser } from '@mashang/shared';
import { Transactions } from '../../../infra/database/tx.js';
import { DomainError, forbidden, invalid, notFound } from '../../../infra/errors/domain-error.js';
import { FlaggedCaseRepository } from '../../flags/index.js';
import { InspectionRepository } from '../../inspections/index.js';
import { EnterpriseRepository, OfficerRepository } from '../../registry/index.js';
import { CaseProcedureRepository } from '../case-procedure.repository.js';
import { CaseTrail } from '../case-trail.js';
import { DiscretionBenchmarkRepository } from '../discretion/discretion-benchmark.repository.js';
import type { FilePenaltyCaseDto } from '../dto/penalty-case.dto.js';
import { PenaltyCaseViews } from '../view/penalty-case-views.js';

/** 案号: the filing day and 32 random bits, unique and not guessable from its neighbours. */
function newCaseId(at: Date): string {
  return `AJ-${shanghaiDate(at).replaceAll('-', '')}-${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** 立案: from an inspection whose result is a case, or from a complaint; two certified officers of the agency at least. */
@Injectable()
export class FilePenaltyCase {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(CaseProcedureRepository) private readonly cases: CaseProcedureRepository,
    @Inject(DiscretionBenchmarkRepository) private readonly benchmarks: DiscretionBenchmarkRepository,
    @Inject(InspectionRepository) private readonly inspections: InspectionRepository,
    @Inject(FlaggedCaseRepository) private readonly flagged: FlaggedCaseRepository,
    @Inject(OfficerRepository) private readonly officers: OfficerRepository,
    @Inject(EnterpriseRepository) private readonly enterprises: EnterpriseRepository,
    @Inject(CaseTrail) private readonly trail: CaseTrail,
    @Inject(PenaltyCaseViews) private readonly views: PenaltyCaseViews,
  ) {}

  async file(user: SessionUser, input: FilePenaltyCaseDto, now = new Date()): Promise<PenaltyCaseView> {
    const agencyId = user.agencyId;
    if (!agencyId) throw forbidden('账号未关联执法部门');
    if (!!input.inspectionId === !!input.flaggedCaseId) throw invalid('inspectionId', '立案须来自一次检查或一件投诉举报（二选一）');
    const id = newCaseId(now);
    const actor = userActor(user);
    await this.transactions.run(async (tx) => {
      const origin = input.inspectionId
        ? await this.fromInspection(input.inspectionId, agencyId)
        : await this.fromComplaint(input.flaggedCaseId!, input.creditCode, agencyId);
      const benchmark = await this.benchmarks.find(input.cause, tx);
      if (!benchmark) throw invalid('cause', '没有该违法条款的裁量基准');
      if (!(await this.enterprises.namesOf([origin.creditCode], tx)).size) throw invalid('creditCode', '企业不在名录中');
      await this.checkOfficers(input.officerIds, agencyId, now);
      await this.cases.insertFiled({
        id, agencyId, creditCode: origin.creditCode, inspectionId: input.inspectionId ?? null, cause: input.cause, officerIds: input.officerIds,
        origin: input.inspectionId ? 'inspection' : 'complaint', flaggedCaseId: input.flaggedCaseId ?? null, facts: input.facts.trim(),
        legalBasis: benchmark.legalBasis, filedBy: user.id, at: now,
      }, tx);
      const detail = { caseId: id, cause: input.cause, officerIds: input.officerIds, origin: input.inspectionId ? 'inspection' : 'complaint' };
      await this.trail.record(id, 'case-filed', actor, detail, now, tx);
      if (input.inspectionId) await this.trail.recordOnInspection(input.inspectionId, 'case-filed', actor, { caseId: id, cause: input.cause }, now, tx);
    }, 'READ COMMITTED');
    return this.views.detail(user, id);
  }

  private async fromInspection(inspectionId: string, agencyId: string): Promise<{ creditCode: string }> {
    const inspection = await this.inspections.byId(inspectionId);
    if (!inspection) throw notFound('检查记录');
    if (inspection.agencyId !== agencyId) throw forbidden('只能就本部门的检查立案');
    if (inspection.result !== 'case') throw new DomainError(ErrorCode.Conflict, '该检查未发现违法行为（检查结果不是“立案”）');
    return { creditCode: inspection.creditCode };
  }

  private async fromComplaint(flaggedCaseId: string, creditCode: string | undefined, agencyId: string): Promise<{ creditCode: string }> {
    const complaint = await this.flagged.originOf(flaggedCaseId);
    if (!complaint) throw notFound('投诉举报');
    if (complaint.source !== 'complaint') throw invalid('flaggedCaseId', '只能就投诉举报立案');
    if (complaint.agencyId && complaint.agencyId !== agencyId) throw forbidden('该投诉举报不属于本部门');
    const code = complaint.creditCode ?? (creditCode ? normaliseCreditCode(creditCode) : null);
    if (!code) throw invalid('creditCode', '投诉未指明企业，请填写统一社会信用代码');
    return { creditCode: code };
  }

  /** 执法人员不少于两人, each of the agency, on duty and holding a certificate valid today. */
  private async checkOfficers(ids: string[], agencyId: string, now: Date): Promise<void> {
    const found = await this.officers.byIds(ids);
    const byId = new Map(found.map((o) => [o.id, o]));
    const unknown = ids.filter((id) => byId.get(id)?.agencyId !== agencyId);
    if (unknown.length) throw invalid('officerIds', `不是本部门的执法人员：${unknown.join('、')}`);
    const offDuty = found.filter((o) => o.active === false);
    if (offDuty.length) throw invalid('officerIds', `已停用（不在岗）：${offDuty.map((o) => o.name).join('、')}`);
    const today = shanghaiDate(now);
    const lapsed = found.filter((o) => !o.certExpires || o.certExpires < today);
    if (lapsed.length) {
      const refusal: RuleRefusal = { rule: 'certificate-invalid', message: `执法证无效或已过期：${lapsed.map((o) => o.name).join('、')}`, remedy: '由持有有效执法证的人员办理' };
      throw new DomainError(ErrorCode.RuleRefused, `不能立案：${refusal.message}`, undefined, [refusal]);
    }
  }
}
