import { addDays, Role, shanghaiDate, type CaseListQuery, type SessionUser } from '@mashang/shared';
import { forbidden } from '../../../infra/errors/domain-error.js';
import type { QueueFilter } from '../../flags/index.js';
import { OPEN_CASE_GRACE_DAYS } from '../case-workflow.js';

/** A credit code being typed: letters and digits only, upper case. */
const CREDIT_CODE_PREFIX = /^[0-9A-HJ-NPQRTUWXY]{4,18}$/;

/** Midnight at the start of a Shanghai calendar day, as an instant. */
const shanghaiMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`);

/**
 * The list's filters, the enterprise search aside (it needs the register). An agency admin is held to
 * its own agency whatever it asks for; ages count Shanghai calendar days.
 */
export function queueFilter(user: SessionUser, query: CaseListQuery, now: Date): QueueFilter {
  const filter: QueueFilter = {};
  const today = shanghaiDate(now);
  if (user.role === Role.AgencyAdmin) {
    if (!user.agencyId) throw forbidden('账号未关联执法部门');
    if (query.agencyId && query.agencyId !== user.agencyId) throw forbidden('不能访问其他部门的数据');
    filter.agencyId = user.agencyId;
  } else if (query.agencyId) filter.agencyId = query.agencyId;
  if (query.source) filter.source = query.source;
  if (query.status) filter.status = query.status;
  if (query.overdue) filter.overdue = { today, openSince: shanghaiMidnight(addDays(today, -OPEN_CASE_GRACE_DAYS)) };
  if (query.minAgeDays !== undefined) filter.raisedBefore = shanghaiMidnight(addDays(today, 1 - query.minAgeDays));
  if (query.maxAgeDays !== undefined) filter.raisedFrom = shanghaiMidnight(addDays(today, -query.maxAgeDays));
  return filter;
}

/** What `q` searches: the start of a credit code being typed (and names that look like it), or an enterprise name. */
export function enterpriseSearch(q: string | undefined): { codePrefix: string; text: string } | { name: string } | null {
  const text = q?.trim();
  if (!text) return null;
  const code = text.toUpperCase();
  return CREDIT_CODE_PREFIX.test(code) ? { codePrefix: code, text } : { name: text };
}
