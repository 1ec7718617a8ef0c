import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { userActor, type DocumentKind, type OnsiteDocumentView, type SessionUser } from '@mashang/shared';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import { Transactions } from '../../../infra/database/tx.js';
import { invalid, notFound } from '../../../infra/errors/domain-error.js';
import { TrailRepository } from '../../trail/index.js';
import { alreadyRecorded } from '../client-key.js';
import { DocumentRepository } from '../document.repository.js';
import type { DocumentMetaDto } from '../dto/onsite.dto.js';
import { OfficerPlans } from '../officer-plan.js';
import { kindAccepts } from './document-rules.js';
import { DOCUMENT_STORAGE, type DocumentStorage } from './document-storage.js';
import type { IncomingFile } from './multipart-file.js';
import { receiveUpload } from './receive-upload.js';
import { documentView } from './document-view.js';

/**
 * Stores one document: streamed to a temporary file while it is measured and hashed, refused when too
 * large, of another type than PDF/JPEG/PNG, or not what the phone says it sent; then kept in storage
 * and recorded with the trail entry in one transaction.
 */
@Injectable()
export class UploadDocument {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    @Inject(OfficerPlans) private readonly officerPlans: OfficerPlans,
    @Inject(DocumentRepository) private readonly documents: DocumentRepository,
    @Inject(TrailRepository) private readonly trail: TrailRepository,
  ) {}

  async upload(user: SessionUser, planId: string, meta: DocumentMetaDto, file: IncomingFile | undefined, now = new Date()): Promise<OnsiteDocumentView> {
    // A replayed upload is answered as already recorded before any rule is checked again (the state has moved on since).
    if (await this.documents.hasKey(user.id, meta.clientKey)) throw alreadyRecorded('文书');
    // Refused before a byte is stored when the officer may not add to this inspection (checked again under the lock).
    await this.officerPlans.planOfOfficer(user, planId, { open: false });
    if (!file) throw invalid('file', '没有收到文件');
    const id = randomUUID();
    const temp = join(tmpdir(), `mashang-upload-${id}`);
    let storageKey: string | null = null;
    try {
      const { size, sha256, type } = await receiveUpload(file, this.config.onsite.documentMaxBytes, temp);
      if (!kindAccepts(meta.kind as DocumentKind, type.contentType)) throw invalid('kind', '现场照片须为 JPG 或 PNG 图片');
      if (meta.sha256 && meta.sha256 !== sha256) throw invalid('sha256', '文件校验和不一致（上传不完整），请重新上传');
      const key = `documents/${planId}/${id}.${type.extension}`;
      storageKey = key;
      await this.storage.put(key, temp, type.contentType);
      const fileName = file.fileName.slice(0, 255) || `${meta.kind}.${type.extension}`;
      const document = {
        id, kind: meta.kind as DocumentKind, title: meta.title.trim(), docNo: meta.docNo?.trim() || null, fileName, contentType: type.contentType,
        sizeBytes: size, sha256, uploadedAt: now,
      };
      await this.transactions.run(async (tx) => {
        const plan = await this.officerPlans.planOfOfficer(user, planId, { open: false }, tx);
        if (!(await this.documents.insertOnce(plan.id, { ...document, storageKey: key, uploadedBy: user.id, clientKey: meta.clientKey }, tx))) throw alreadyRecorded('文书');
        await this.trail.append({
          inspectionId: plan.id, kind: 'document', actor: userActor(user),
          detail: { documentId: id, kind: meta.kind, title: document.title, docNo: document.docNo, fileName, sizeBytes: size, sha256 }, at: now,
        }, tx);
      }, 'READ COMMITTED');
    } catch (error) {
      if (storageKey) await this.storage.remove(storageKey).catch(() => undefined);
      throw error;
    } finally {
      await rm(temp, { force: true });
    }
    const recorded = await this.documents.find(id);
    if (!recorded) throw notFound('文书');
    return documentView(recorded);
  }
}
