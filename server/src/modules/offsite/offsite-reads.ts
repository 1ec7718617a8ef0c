import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import type { OffsiteRequestView, OffsiteStatus, OfficerOffsiteRequestView, SessionUser } from '@mashang/shared';
import { notFound } from '../../infra/errors/domain-error.js';
import { agencyScope } from '../auth/index.js';
import { DOCUMENT_STORAGE, type DocumentStorage } from '../onsite/index.js';
import { EnterpriseRequest, type Answerer } from './answering/enterprise-request.js';
import { ownRequest } from './deciding/own-request.js';
import { OffsiteRequestRepository } from './offsite-request.repository.js';
import { OffsiteViews } from './offsite-views.js';

const LIST_LIMIT = 100;

/** Reading requests: the officer's agency's, the enterprise's own (by link or signed in), and the files sent. */
@Injectable()
export class OffsiteReads {
  constructor(
    @Inject(OffsiteRequestRepository) private readonly requests: OffsiteRequestRepository,
    @Inject(OffsiteViews) private readonly views: OffsiteViews,
    @Inject(EnterpriseRequest) private readonly enterprise: EnterpriseRequest,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  async list(user: SessionUser, status?: OffsiteStatus): Promise<OfficerOffsiteRequestView[]> {
    const rows = await this.requests.listOf({ agencyId: agencyScope(user), statuses: status ? [status] : undefined }, LIST_LIMIT);
    return Promise.all(rows.map((r) => this.views.officerView(r)));
  }

  async get(user: SessionUser, id: string): Promise<OfficerOffsiteRequestView> {
    return this.views.officerView(ownRequest(user, await this.requests.find(id)));
  }

  async ofPlan(user: SessionUser, planId: string): Promise<OfficerOffsiteRequestView | null> {
    const request = await this.requests.ofPlan(planId);
    if (!request) return null;
    return this.views.officerView(ownRequest(user, request));
  }

  async forEnterprise(by: Answerer): Promise<OffsiteRequestView> {
    return this.views.view(await this.enterprise.find(by));
  }

  async ofEnterprise(creditCode: string): Promise<OffsiteRequestView[]> {
    const rows = await this.requests.listOf({ agencyId: null, creditCode }, LIST_LIMIT);
    return Promise.all(rows.map((r) => this.views.view(r)));
  }

  async file(user: SessionUser, requestId: string, evidenceId: string): Promise<{ stream: Readable; contentType: string; fileName: string; sizeBytes: number }> {
    const request = ownRequest(user, await this.requests.find(requestId));
    const evidence = (await this.requests.evidenceOf(request.id)).find((e) => e.id === evidenceId);
    if (!evidence?.storageKey) throw notFound('材料');
    return { stream: await this.storage.read(evidence.storageKey), contentType: evidence.contentType!, fileName: evidence.fileName!, sizeBytes: evidence.sizeBytes! };
  }
}
