import { ErrorCode, Role, type SessionUser } from '@mashang/shared';
import type { DomainError } from '../../../infra/errors/domain-error.js';
import { enterpriseSearch, queueFilter } from './queue-filter.js';

const user = (role: Role, agencyId: string | null = null): SessionUser => ({ id: 1, username: 'u', role, displayName: 'u', agencyId, officerId: null });
// 10:00 in Shanghai on 2026-05-10.
const NOW = new Date('2026-05-10T02:00:00Z');
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('not refused');
};

describe('the case list\'s filters', () => {
  it('holds an agency admin to its own agency, and refuses it another\'s or none', () => {
    expect(queueFilter(user(Role.AgencyAdmin, 'A1'), {}, NOW)).toEqual({ agencyId: 'A1' });
    expect(queueFilter(user(Role.AgencyAdmin, 'A1'), { agencyId: 'A1' }, NOW)).toEqual({ agencyId: 'A1' });
    expect(refusal(() => queueFilter(user(Role.AgencyAdmin, 'A1'), { agencyId: 'A2' }, NOW)).code).toBe(ErrorCode.Forbidden);
    expect(refusal(() => queueFilter(user(Role.AgencyAdmin), {}, NOW)).code).toBe(ErrorCode.Forbidden);
    expect(queueFilter(user(Role.Supervisor), { agencyId: 'A2' }, NOW)).toEqual({ agencyId: 'A2' });
    expect(queueFilter(user(Role.Discipline), {}, NOW)).toEqual({});
  });

  it('turns ages and overdue into Shanghai midnights', () => {
    expect(queueFilter(user(Role.Supervisor), { source: 'rating', status: 'active', overdue: true, minAgeDays: 31, maxAgeDays: 90 }, NOW)).toEqual({
      source: 'rating',
      status: 'active',
      // Open without a deadline for more than three days after the day raised.
      overdue: { today: '2026-05-10', openSince: new Date('2026-05-07T00:00:00+08:00') },
      raisedBefore: new Date('2026-04-10T00:00:00+08:00'),
      raisedFrom: new Date('2026-02-09T00:00:00+08:00'),
    });
    expect(queueFilter(user(Role.Supervisor), { overdue: false, minAgeDays: 0 }, NOW)).toEqual({ raisedBefore: new Date('2026-05-11T00:00:00+08:00') });
  });

  it('searches a typed credit code by prefix, anything else by enterprise name', () => {
    expect(enterpriseSearch(' 92410202ma ')).toEqual({ codePrefix: '92410202MA', text: '92410202ma' });
    expect(enterpriseSearch('老王烩面')).toEqual({ name: '老王烩面' });
    expect(enterpriseSearch('924')).toEqual({ name: '924' });
    expect(enterpriseSearch('   ')).toBeNull();
    expect(enterpriseSearch(undefined)).toBeNull();
  });
});
