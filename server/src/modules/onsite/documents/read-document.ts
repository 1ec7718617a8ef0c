import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import type { SessionUser } from '@mashang/shared';
import { notFound } from '../../../infra/errors/domain-error.js';
import { agencyScope } from '../../auth/index.js';
import { PlanProgressRepository } from '../../plans/index.js';
import { DocumentRepository } from '../document.repository.js';
import { DOCUMENT_STORAGE, type DocumentStorage } from './document-storage.js';

/** A document's file, for its agency's users and those who oversee every agency. */
@Injectable()
export class ReadDocument {
  constructor(
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    @Inject(DocumentRepository) private readonly documents: DocumentRepository,
    @Inject(PlanProgressRepository) private readonly plans: PlanProgressRepository,
  ) {}

  async read(user: SessionUser, documentId: string): Promise<{ stream: Readable; contentType: string; fileName: string; sizeBytes: number }> {
    const file = await this.documents.fileOf(documentId);
    const agencyId = file ? await this.plans.agencyOf(file.planId) : null;
    const scope = agencyScope(user);
    if (!file || !agencyId || (scope !== null && scope !== agencyId)) throw notFound('文书');
    return { stream: await this.storage.read(file.storageKey), contentType: file.contentType, fileName: file.fileName, sizeBytes: file.sizeBytes };
  }
}
