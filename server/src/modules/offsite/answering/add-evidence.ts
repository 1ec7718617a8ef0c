import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { EVIDENCE_KIND_LABELS, type OffsiteEvidenceView } from '@mashang/shared';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import { Transactions, type Tx } from '../../../infra/database/tx.js';
import { invalid } from '../../../infra/errors/domain-error.js';
import { DOCUMENT_STORAGE, receiveUpload, type DocumentStorage, type IncomingFile } from '../../onsite/index.js';
import { fileKindAccepts } from '../evidence-rules.js';
import { OffsiteRequestRepository, type StoredEvidence, type StoredRequest } from '../offsite-request.repository.js';
import { evidenceView } from '../offsite-views.js';
import { EnterpriseRequest, type Answerer } from './enterprise-request.js';

/**
 * The enterprise's evidence for one ask: a photo or document streamed to a temporary file while it is
 * measured and hashed (refused when too large, of another type than JPEG/PNG/PDF by its bytes, or not
 * what the ask wants), then kept in the document storage; or a typed reading. Refused, nothing is kept.
 */
@Injectable()
export class AddEvidence {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    @Inject(OffsiteRequestRepository) private readonly requests: OffsiteRequestRepository,
    @Inject(EnterpriseRequest) private readonly enterprise: EnterpriseRequest,
  ) {}

  async reading(by: Answerer, position: number, text: string, now = new Date()): Promise<OffsiteEvidenceView> {
    const trimmed = text.trim();
    if (!trimmed) throw invalid('text', '请填写读数或说明');
    const evidence = await this.transactions.run(async (tx) => {
      const request = await this.enterprise.lockOpen(by, tx);
      await this.askOf(request, position, 'reading', tx);
      const row: StoredEvidence = {
        id: randomUUID(), position, round: request.round, kind: 'reading', reading: trimmed, fileName: null, contentType: null, sizeBytes: null, sha256: null, storageKey: null, uploadedAt: now,
      };
      await this.requests.addEvidence(request.id, row, tx);
      return row;
    }, 'READ COMMITTED');
    return evidenceView(evidence);
  }

  async file(by: Answerer, position: number, file: IncomingFile | undefined, now = new Date()): Promise<OffsiteEvidenceView> {
    // Refused before a byte is stored when the request is closed, not the enterprise's, or the ask wants no file.
    const request = await this.transactions.run(async (tx) => {
      const open = await this.enterprise.lockOpen(by, tx);
      await this.askOf(open, position, null, tx);
      return open;
    }, 'READ COMMITTED');
    const ask = (await this.requests.asksOf(request.id)).find((a) => a.position === position)!;
    if (ask.kind === 'reading') throw invalid('position', '该项要求填写读数或说明，不是上传文件');
    if (!file) throw invalid('file', '没有收到文件');
    const id = randomUUID();
    const temp = join(tmpdir(), `mashang-offsite-${id}`);
    let storageKey: string | null = null;
    try {
      const { size, sha256, type } = await receiveUpload(file, this.config.onsite.documentMaxBytes, temp);
      if (!fileKindAccepts(ask.kind, type.contentType)) throw invalid('file', `该项要求上传${EVIDENCE_KIND_LABELS[ask.kind]}，须为 JPG 或 PNG 图片`);
      storageKey = `offsite/${request.id}/${id}.${type.extension}`;
      await this.storage.put(storageKey, temp, type.contentType);
      const row: StoredEvidence = {
        id, position, round: request.round, kind: ask.kind, reading: null, fileName: file.fileName.slice(0, 255) || `${ask.kind}.${type.extension}`,
        contentType: type.contentType, sizeBytes: size, sha256, storageKey, uploadedAt: now,
      };
      // Judged again under the lock: the officer may have decided while the file came in.
      await this.transactions.run(async (tx) => {
        const open = await this.enterprise.lockOpen(by, tx);
        await this.requests.addEvidence(open.id, { ...row, round: open.round }, tx);
      }, 'READ COMMITTED');
      return evidenceView(row);
    } catch (error) {
      if (storageKey) await this.storage.remove(storageKey).catch(() => undefined);
      throw error;
    } finally {
      await rm(temp, { force: true });
    }
  }

  /** The ask at `position`; with `kind`, refused unless it asks for that kind. */
  private async askOf(request: StoredRequest, position: number, kind: 'reading' | null, tx: Tx) {
    const ask = (await this.requests.asksOf(request.id, tx)).find((a) => a.position === position);
    if (!ask) throw invalid('position', '没有这一项');
    if (kind === 'reading' && ask.kind !== 'reading') throw invalid('position', `该项要求上传${EVIDENCE_KIND_LABELS[ask.kind]}`);
    return ask;
  }
}
