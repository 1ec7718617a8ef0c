import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@mashang/shared';
import { DomainError, notFound } from '../../../infra/errors/domain-error.js';
import type { Tx } from '../../../infra/database/tx.js';
import { closedReason } from '../evidence-rules.js';
import { OffsiteRequestRepository, type StoredRequest } from '../offsite-request.repository.js';
import { offsiteTokenHash, OFFSITE_TOKEN_PATTERN } from '../offsite-token.js';

/** Who answers a request: the holder of its SMS link, or the signed-in enterprise it was sent to. */
export type Answerer = { token: string } | { creditCode: string; requestId: string };

/**
 * Finds the request the enterprise may answer. Another enterprise's request, a forged link and an
 * unknown id get the same 404, so nothing is learnt of requests sent to others.
 */
@Injectable()
export class EnterpriseRequest {
  constructor(@Inject(OffsiteRequestRepository) private readonly requests: OffsiteRequestRepository) {}

  async find(by: Answerer, tx?: Tx): Promise<StoredRequest> {
    const request = 'token' in by
      ? OFFSITE_TOKEN_PATTERN.test(by.token) ? await this.requests.byTokenHash(offsiteTokenHash(by.token), tx) : null
      : await this.requests.find(by.requestId, tx);
    if (!request || ('creditCode' in by && request.creditCode !== by.creditCode)) throw notFound('非现场检查请求');
    return request;
  }

  /** The request locked for an answer, refused (409) once decided. */
  async lockOpen(by: Answerer, tx: Tx): Promise<StoredRequest> {
    const found = await this.find(by, tx);
    const request = (await this.requests.lock(found.id, tx))!;
    const closed = closedReason(request.status);
    if (closed) throw new DomainError(ErrorCode.Conflict, closed);
    return request;
  }
}
