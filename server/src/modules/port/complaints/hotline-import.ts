import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ErrorCode, userActor, type FieldError, type HotlineImportResult, type SessionUser } from '@mashang/shared';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import { DomainError } from '../../../infra/errors/domain-error.js';
import { InspectionRepository } from '../../inspections/index.js';
import { EnterpriseRepository } from '../../registry/index.js';
import { EnterprisePhones } from '../contacts/enterprise-phones.js';
import { ComplaintRepository } from '../complaint.repository.js';
import { EnterpriseContactRepository } from '../enterprise-contact.repository.js';
import { ComplaintFiling } from './complaint-filing.js';
import { parseHotlineLines, type ParsedTicket } from './hotline-lines.js';
import { hotlineWorkbookLines, XLSX } from './hotline-workbook.js';

/** The body's bytes, refused past `limit`. */
async function readBytes(body: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new DomainError(ErrorCode.PayloadTooLarge, `工单文件不能超过 ${Math.floor(limit / 1024)} KB，请分批导入`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * 12345 hotline tickets, imported by supervisors in JSON Lines or as the hotline's Excel export (a
 * header row naming the columns, a ticket a row): every line is checked first (its form,
 * the enterprise on the register, a named inspection being that enterprise's); any problem and nothing is
 * imported, each named by line. Tickets imported before (by number) are left as they are; the rest are
 * filed as complaints, each with its flagged case, in one transaction.
 */
@Injectable()
export class HotlineImport {
  private readonly logger = new Logger('HotlineImport');

  constructor(
    @Inject(ComplaintFiling) private readonly filing: ComplaintFiling,
    @Inject(ComplaintRepository) private readonly complaints: ComplaintRepository,
    @Inject(EnterpriseRepository) private readonly enterprises: EnterpriseRepository,
    @Inject(InspectionRepository) private readonly inspections: InspectionRepository,
    @Inject(EnterpriseContactRepository) private readonly contacts: EnterpriseContactRepository,
    @Inject(EnterprisePhones) private readonly phones: EnterprisePhones,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async import(user: SessionUser, body: unknown, contentType: string | undefined): Promise<HotlineImportResult> {
    if (!body || typeof (body as Readable).pipe !== 'function') {
      throw new DomainError(ErrorCode.UnsupportedMediaType, '请以 JSON Lines（application/x-ndjson，每行一条）或 Excel（.xlsx）上传工单');
    }
    const bytes = await readBytes(body as Readable, this.config.bodyLimit);
    const text = contentType?.startsWith(XLSX) ? await hotlineWorkbookLines(bytes) : bytes.toString('utf8');
    const { tickets, problems } = parseHotlineLines(text, new Date());
    problems.push(...(await this.registerProblems(tickets)));
    if (problems.length) {
      problems.sort((a, b) => lineOf(a) - lineOf(b));
      throw new DomainError(ErrorCode.ValidationFailed, `工单有误，未导入任何工单：${problems.slice(0, 3).map((p) => `${p.field}：${p.reason}`).join('；')}${problems.length > 3 ? ` 等${problems.length}处` : ''}`, problems);
    }
    const before = await this.complaints.ticketsImported(tickets.map((t) => t.ticketNo));
    const fresh = tickets.filter((t) => !before.has(t.ticketNo));
    const registers = await this.registerIndexes(fresh);
    const indexOf = new Map(fresh.map((t) => [t.ticketNo, this.phones.index(t.phone)]));
    const contacts = await this.contacts.contactsAmong(fresh.map((t) => ({ creditCode: t.creditCode, phoneIndex: indexOf.get(t.ticketNo)! })));
    const actor = userActor(user);
    const filed = await this.filing.file(fresh.map((t) => {
      const phoneIndex = indexOf.get(t.ticketNo)!;
      return {
        channel: 'hotline' as const, ticketNo: t.ticketNo, creditCode: t.creditCode, phoneCipher: this.phones.cipher.encrypt(t.phone)!, phoneIndex,
        contactRegistered: registers.get(t.creditCode) === phoneIndex || contacts.has(`${t.creditCode}:${phoneIndex}`),
        content: t.content, inspectionId: t.inspectionId ?? null, receivedAt: t.received, actor,
      };
    }), null);
    if (filed.length) this.logger.log(`${filed.length} hotline ticket(s) imported by ${actor}, ${before.size} imported before`);
    const caseOf = new Map([...before, ...filed.map((c) => [c.ticketNo!, c.flaggedCaseId] as const)]);
    return { imported: filed.length, alreadyImported: tickets.length - fresh.length, cases: tickets.map((t) => ({ ticketNo: t.ticketNo, caseId: caseOf.get(t.ticketNo)! })) };
  }

  /** Tickets naming an enterprise not on the register, or an inspection of another enterprise. */
  private async registerProblems(tickets: ParsedTicket[]): Promise<FieldError[]> {
    const known = await this.enterprises.byCodes(tickets.map((t) => t.creditCode));
    const records = new Map((await this.inspections.byIds([...new Set(tickets.flatMap((t) => (t.inspectionId ? [t.inspectionId] : [])))])).map((r) => [r.id, r]));
    return tickets.flatMap((t) => [
      ...(known.has(t.creditCode) ? [] : [{ field: `第${t.line}行：creditCode`, reason: '企业名录中没有这个统一社会信用代码' }]),
      ...(t.inspectionId && records.get(t.inspectionId)?.creditCode !== t.creditCode ? [{ field: `第${t.line}行：inspectionId`, reason: '不是该企业的检查记录' }] : []),
    ]);
  }

  /** The blind index of each ticket's enterprise's register phone. */
  private async registerIndexes(tickets: ParsedTicket[]): Promise<Map<string, string | null>> {
    const enterprises = await this.enterprises.byCodes(tickets.map((t) => t.creditCode));
    return new Map([...enterprises].map(([code, e]) => [code, this.phones.cipher.index(this.phones.cipher.decrypt(e.phoneCipher))]));
  }
}

const lineOf = (problem: FieldError) => Number(/^第(\d+)行/.exec(problem.field)?.[1] ?? 0);
