import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, userActor, type DocumentKind, type OnsiteDocumentView, type SessionUser } from '@mashang/shared';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import { Transactions } from '../../../infra/database/tx.js';
import { DomainError, invalid, notFound } from '../../../infra/errors/domain-error.js';
import { TrailRepository } from '../../trail/index.js';
import { alreadyRecorded } from '../client-key.js';
import { DocumentRepository } from '../document.repository.js';
import type { DocumentMetaDto } from '../dto/onsite.dto.js';
import { OfficerPlans } from '../officer-plan.js';
import { kindAccepts, sniffDocumentType, SNIFF_BYTES } from './document-rules.js';
import { DOCUMENT_STORAGE, type DocumentStorage } from './document-storage.js';
import { malformedUpload, type IncomingFile } from './multipart-file.js';
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
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        hash.update(chunk);
        if (head.length < SNIFF_BYTES) head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
        done(null, chunk);
      },
    });
    let stored = false;
    let type: { contentType: string; extension: string } | null = null;
    const storageKey = () => `documents/${planId}/${id}.${type!.extension}`;
    const limitMb = Math.round(this.config.onsite.documentMaxBytes / 1024 / 1024);
    const tooLarge = () => new DomainError(ErrorCode.PayloadTooLarge, `文件超过 ${limitMb} MB，请压缩或分开上传`);
    const sink = createWriteStream(temp);
    // The side that broke first: the upload (cut short, not well-formed: the client's) or the temporary file (the server's).
    let broke: 'upload' | 'disk' | null = file.stream.errored ? 'upload' : null;
    file.stream.once('error', () => (broke ??= 'upload'));
    sink.once('error', () => (broke ??= 'disk'));
    try {
      await pipeline(file.stream, measure, sink).catch((error: { code?: string }) => {
        if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
        throw broke === 'upload' ? malformedUpload() : error;
      });
      if (file.stream.truncated || size > this.config.onsite.documentMaxBytes) throw tooLarge();
      if (size === 0) throw invalid('file', '文件是空的');
      type = sniffDocumentType(head);
      if (!type) throw new DomainError(ErrorCode.UnsupportedMediaType, '只能上传 PDF、JPG 或 PNG 文件');
      if (!kindAccepts(meta.kind as DocumentKind, type.contentType)) throw invalid('kind', '现场照片须为 JPG 或 PNG 图片');
      const sha256 = hash.digest('hex');
      if (meta.sha256 && meta.sha256 !== sha256) throw invalid('sha256', '文件校验和不一致（上传不完整），请重新上传');
      await this.storage.put(storageKey(), temp, type.contentType);
      stored = true;
      const fileName = file.fileName.slice(0, 255) || `${meta.kind}.${type.extension}`;
      const document = {
        id, kind: meta.kind as DocumentKind, title: meta.title.trim(), docNo: meta.docNo?.trim() || null, fileName, contentType: type.contentType,
        sizeBytes: size, sha256, uploadedAt: now,
      };
      await this.transactions.run(async (tx) => {
        const plan = await this.officerPlans.planOfOfficer(user, planId, { open: false }, tx);
        if (!(await this.documents.insertOnce(plan.id, { ...document, storageKey: storageKey(), uploadedBy: user.id, clientKey: meta.clientKey }, tx))) throw alreadyRecorded('文书');
        await this.trail.append({
          inspectionId: plan.id, kind: 'document', actor: userActor(user),
          detail: { documentId: id, kind: meta.kind, title: document.title, docNo: document.docNo, fileName, sizeBytes: size, sha256 }, at: now,
        }, tx);
      }, 'READ COMMITTED');
    } catch (error) {
      if (stored) await this.storage.remove(storageKey()).catch(() => undefined);
      throw error;
    } finally {
      await rm(temp, { force: true });
    }
    const recorded = await this.documents.find(id);
    if (!recorded) throw notFound('文书');
    return documentView(recorded);
  }
}
