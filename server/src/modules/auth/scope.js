import { seesAllAgencies } from '@mashang/shared';
import { forbidden } from '../../infra/errors/domain-error.js';
/** The agency a user's queries are confined to, or null for roles that oversee every agency. */
export function agencyScope(user) {
    if (seesAllAgencies(user.role))
        return null;
    if (!user.agencyId)
        throw forbidden('账号未关联执法部门');
    return user.agencyId;
}
/** Refuses to touch another agency's records. */
export function assertSameAgency(user, agencyId) {
    const scope = agencyScope(user);
    if (scope !== null && scope !== agencyId)
        throw forbidden('不能访问其他部门的数据');
}
