import { notFound } from '../../../infra/errors/domain-error.js';
import { agencyScope } from '../../auth/index.js';
import type { SessionUser } from '@mashang/shared';
import type { StoredRequest } from '../offsite-request.repository.js';

/** An agency reads and decides its own requests (overseers read all); another's answers 404. */
export function ownRequest(user: SessionUser, request: StoredRequest | null): StoredRequest {
  const scope = agencyScope(user);
  if (!request || (scope !== null && request.agencyId !== scope)) throw notFound('非现场检查请求');
  return request;
}
