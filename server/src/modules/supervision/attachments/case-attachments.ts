import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, shanghaiDate, userActor, type AttachmentUpload, type AttachmentView, type SessionUser } from '@mashang/shared';
import { Transactions } from '../../../infra/database/tx.js';
import { DomainError, forbidden, invalid, notFound } from '../../../infra/errors/domain-error.js';
import { FlaggedCaseQueueRepository, FlaggedCaseRepository } from '../../flags/index.js';
import { CaseAttachmentRepository } from '../case-attachment.repository.js';
import { refusal, stateOf } from '../case-view.js';
import { decide, maySee } from '../case-workflow.js';
import { lockVisibleCase } from '../workflow/locked-case.js';

/** Largest attachment: JSON bodies are capped at 1 MB and base64 adds a third. */
export const MAX_ATTACHMENT_BYTES = 700 * 1024;

/** Files added to a case (笔录, photos, answers) and reading them back. */
@Injectable()
export class CaseAttachments {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(FlaggedCaseQueueRepository) private readonly queue: FlaggedCaseQueueRepository,
    @Inject(FlaggedCaseRepository) private readonly caseLog: FlaggedCaseRepository,
    @Inject(CaseAttachmentRepository) private readonly attachments: CaseAttachmentRepository,
  ) {}

  /** An attachment is added by whoever may write a note on the case now; it is logged and marks the case changed. */
  async attach(user: SessionUser, id: string, upload: AttachmentUpload, now = new Date()): Promise<AttachmentView> {
    const content = Buffer.from(upload.content, 'base64');
    if (!content.length) throw invalid('content', '附件为空');
    if (content.length > MAX_ATTACHMENT_BYTES) throw new DomainError(ErrorCode.PayloadTooLarge, `附件不能超过 ${MAX_ATTACHMENT_BYTES / 1024} KB`, [{ field: 'content', reason: 'too large' }]);
    const attachment = {
      id: randomUUID(),
      caseId: id,
      name: upload.name.trim().replace(/[\\/]/g, '_'),
      mime: upload.mime,
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      uploadedBy: userActor(user),
      at: now,
    };
    await this.transactions.run(async (tx) => {
      const row = await lockVisibleCase(this.queue, user, id, tx);
      const decision = decide(stateOf(row), user, 'note', { note: attachment.name }, shanghaiDate(now));
      if (!decision.ok) throw refusal(decision);
      await this.attachments.insert({ ...attachment, content }, tx);
      const { id: attachmentId, name, mime, size, sha256 } = attachment;
      await this.caseLog.insertEvents([{ caseId: id, kind: 'attachment', actor: attachment.uploadedBy, detail: { attachmentId, name, mime, size, sha256 }, at: now }], tx);
      await this.queue.touch(id, now, tx);
    });
    const { name, mime, size, sha256, uploadedBy } = attachment;
    return { id: attachment.id, name, mime, size, sha256, uploadedBy, at: now.toISOString() };
  }

  async file(user: SessionUser, id: string, attachmentId: string): Promise<{ name: string; mime: string; content: Buffer }> {
    const file = await this.attachments.file(id, attachmentId);
    const owner = file && (await this.queue.agencyOf(id));
    if (!file || !owner) throw notFound('附件');
    if (!maySee(user, owner.agencyId)) throw forbidden('不能访问其他部门的数据');
    return file;
  }
}
