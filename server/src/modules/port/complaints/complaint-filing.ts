import { Inject, Injectable } from '@nestjs/common';
import {
  addDays,
  CASE_CONCLUSION_LABELS,
  CASE_STATUS_LABELS,
  COMPLAINT_CHANNEL_LABELS,
  ENTERPRISE_ACTOR,
  normaliseCreditCode,
  shanghaiDate,
  type ComplaintView,
} from '@mashang/shared';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import { Transactions, type Tx } from '../../../infra/database/tx.js';
import { invalid, TryLaterError } from '../../../infra/errors/domain-error.js';
import { addressKey } from '../../../infra/http/client-address.js';
import { timeOrderedUuid } from '../../../infra/ids/time-ordered-uuid.js';
import { REDIS } from '../../../infra/redis/redis.module.js';
import type { SignedInEnterprise } from '../../auth/index.js';
import { FlaggedCaseQueueRepository, FlagRaiser, type RaiseFlag } from '../../flags/index.js';
import { InspectionRepository } from '../../inspections/index.js';
import { AgencyRepository, EnterpriseRepository } from '../../registry/index.js';
import { EnterprisePhones } from '../contacts/enterprise-phones.js';
import { ComplaintRepository, type StoredComplaint } from '../complaint.repository.js';
import { waitText } from '../sign-in/code-limits.js';
import { EnterpriseSignIn } from '../sign-in/enterprise-sign-in.js';
import { countInWindows } from '../sign-in/window-counters.js';
import { complaintTitle, PUBLIC_COMPLAINT_LIMITS } from './complaint-limits.js';

/** A complaint about to be filed: everything but what filing decides (id, deadline, case). */
export type NewComplaint = Omit<StoredComplaint, 'id' | 'deadline' | 'flaggedCaseId' | 'outcomeSentAt' | 'agencyId'>;

/** Complaints shown on the enterprise's page at most. */
const COMPLAINTS_SHOWN = 50;

/** The dedupe key of a complaint's flagged case. */
export const complaintDedupeKey = (complaintId: string) => `complaint:${complaintId}`;

/**
 * 码上响应: a complaint from the enterprise's page or the public form (its contact phone verified by an
 * SMS code), or 12345 hotline tickets in bulk, each filed with a flagged case of source `complaint` and a
 * deadline (COMPLAINT_DAYS) in one transaction. A complaint about an inspection names it (its agency is
 * the one whose conduct is in question) and lands on that inspection's trail as `flagged`.
 */
@Injectable()
export class ComplaintFiling {
  constructor(
    @Inject(ComplaintRepository) private readonly complaints: ComplaintRepository,
    @Inject(FlagRaiser) private readonly flags: FlagRaiser,
    @Inject(FlaggedCaseQueueRepository) private readonly flagged: FlaggedCaseQueueRepository,
    @Inject(InspectionRepository) private readonly inspections: InspectionRepository,
    @Inject(EnterpriseRepository) private readonly enterprises: EnterpriseRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(EnterprisePhones) private readonly phones: EnterprisePhones,
    @Inject(EnterpriseSignIn) private readonly signIn: EnterpriseSignIn,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** From its page: the contact phone is the one signed in. */
  async fromPortal(enterprise: SignedInEnterprise, content: string, inspectionId: string | undefined): Promise<ComplaintView> {
    const standing = await this.signIn.standingOf(enterprise);
    const [complaint] = await this.file([{
      channel: 'portal', ticketNo: null, creditCode: enterprise.creditCode, phoneCipher: standing.phoneCipher, phoneIndex: standing.phoneIndex,
      contactRegistered: true, content: content.trim(), inspectionId: inspectionId ?? null, receivedAt: new Date(), actor: ENTERPRISE_ACTOR,
    }], null);
    return (await this.views([complaint]))[0];
  }

  /** The public form's SMS code to the contact phone (any phone: whoever the enterprise asks to follow it up). */
  async requestCode(creditCode: string, phone: string, ip: string) {
    await this.registered(normaliseCreditCode(creditCode));
    return this.signIn.requestCode(creditCode, phone, ip, 'complaint');
  }

  /** From the public form: throttled per address and per enterprise, the contact phone verified by its code. */
  async fromPublicForm(input: { creditCode: string; phone: string; smsCode: string; content: string; inspectionId?: string }, ip: string): Promise<ComplaintView> {
    const creditCode = normaliseCreditCode(input.creditCode);
    await this.registered(creditCode);
    const decision = await countInWindows(this.redis, PUBLIC_COMPLAINT_LIMITS, [`port-complaints:address:${addressKey(ip)}`, `port-complaints:enterprise:${creditCode}`]);
    if (!decision.ok) {
      const who = decision.limit.subject === 'address' ? '本网络提交投诉过于频繁' : '以该企业名义提交的投诉今日已达上限';
      throw new TryLaterError(`${who}，请${waitText(decision.msLeft)}后再试；紧急情况请拨打 12345。`, decision.msLeft / 1000);
    }
    const phoneIndex = await this.signIn.verify('complaint', creditCode, input.phone, input.smsCode, ip);
    const registered = Boolean(await this.phones.standing(creditCode, phoneIndex));
    const [complaint] = await this.file([{
      channel: 'public', ticketNo: null, creditCode, phoneCipher: this.phones.cipher.encrypt(input.phone)!, phoneIndex, contactRegistered: registered,
      content: input.content.trim(), inspectionId: input.inspectionId ?? null, receivedAt: new Date(), actor: ENTERPRISE_ACTOR,
    }], null);
    return (await this.views([complaint]))[0];
  }

  async listOf(enterprise: SignedInEnterprise): Promise<ComplaintView[]> {
    return this.views(await this.complaints.ofEnterprise(enterprise.creditCode, COMPLAINTS_SHOWN));
  }

  /**
   * Files complaints and raises their flagged cases in one transaction (`tx` when the caller has one);
   * a complaint about an inspection of another enterprise is refused, nothing written.
   */
  async file(complaints: NewComplaint[], tx: Tx | null): Promise<StoredComplaint[]> {
    const records = await this.inspections.byIds([...new Set(complaints.flatMap((c) => (c.inspectionId ? [c.inspectionId] : [])))]);
    const recordById = new Map(records.map((r) => [r.id, r]));
    for (const c of complaints) {
      if (c.inspectionId && recordById.get(c.inspectionId)?.creditCode !== c.creditCode) throw invalid('inspectionId', '不是该企业的检查记录');
    }
    const at = new Date();
    const deadline = addDays(shanghaiDate(at), this.config.enterprisePort.complaintDays);
    const stored = complaints.map((c): StoredComplaint => ({
      ...c, id: timeOrderedUuid(at.getTime()), deadline, flaggedCaseId: '', outcomeSentAt: null, agencyId: c.inspectionId ? recordById.get(c.inspectionId)!.agencyId : null,
    }));
    const work = async (t: Tx) => {
      const raised = await this.flags.raise(stored.map((c) => this.flagOf(c)), at, t);
      for (const c of stored) c.flaggedCaseId = raised.get(complaintDedupeKey(c.id))!.id;
      await this.complaints.insertMany(stored, t);
      return stored;
    };
    return tx ? work(tx) : this.transactions.run(work);
  }

  private flagOf(c: StoredComplaint): RaiseFlag {
    return {
      dedupeKey: complaintDedupeKey(c.id),
      source: 'complaint',
      subjectType: c.inspectionId ? 'inspection' : 'enterprise',
      subjectId: c.inspectionId ?? c.creditCode,
      agencyId: c.agencyId,
      creditCode: c.creditCode,
      inspectionId: c.inspectionId,
      severity: 'medium',
      title: complaintTitle(c.channel, c.content, c.ticketNo),
      evidence: {
        complaintId: c.id, channel: c.channel, ...(c.ticketNo ? { ticketNo: c.ticketNo } : {}), receivedAt: c.receivedAt.toISOString(),
        content: c.content, contactPhone: this.phones.cipher.masked(c.phoneCipher), contactRegistered: c.contactRegistered,
        ...(c.inspectionId ? { inspectionId: c.inspectionId } : {}),
      },
      actor: c.actor,
      deadline: c.deadline,
    };
  }

  /** How the enterprise sees its complaints: what it said, about which inspection, and what became of it. */
  async views(complaints: StoredComplaint[]): Promise<ComplaintView[]> {
    const [cases, records] = await Promise.all([
      this.flagged.byDedupeKeys(complaints.map((c) => complaintDedupeKey(c.id))),
      this.inspections.byIds(complaints.flatMap((c) => (c.inspectionId ? [c.inspectionId] : []))),
    ]);
    const names = await this.agencies.namesOf(records.map((r) => r.agencyId));
    const caseByKey = new Map(cases.map((c) => [c.dedupeKey, c]));
    const recordById = new Map(records.map((r) => [r.id, r]));
    return complaints.map((c) => {
      const flaggedCase = caseByKey.get(complaintDedupeKey(c.id));
      const record = c.inspectionId ? recordById.get(c.inspectionId) : undefined;
      return {
        id: c.id,
        channelLabel: COMPLAINT_CHANNEL_LABELS[c.channel],
        receivedAt: c.receivedAt.toISOString(),
        content: c.content,
        inspection: record ? { agencyName: names.get(record.agencyId) ?? '执法部门', startedAt: record.startedAt.toISOString() } : null,
        deadline: c.deadline,
        statusLabel: flaggedCase ? CASE_STATUS_LABELS[flaggedCase.status] : '',
        conclusionLabel: flaggedCase?.conclusion ? CASE_CONCLUSION_LABELS[flaggedCase.conclusion] : null,
        outcomeSentAt: c.outcomeSentAt?.toISOString() ?? null,
      };
    });
  }

  /** A complaint names an enterprise of the register. */
  private async registered(creditCode: string): Promise<void> {
    if (!(await this.enterprises.byCodes([creditCode])).has(creditCode)) throw invalid('creditCode', '企业名录中没有这个统一社会信用代码，请核对营业执照');
  }
}
