import type { SessionUser } from '@mashang/shared';
import type { User } from './user.entity.js';

/** Who a token speaks for: the user's id, name, role and agency. */
export function toSessionUser(user: User): SessionUser {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    displayName: user.displayName,
    agencyId: user.agencyId,
    officerId: user.officerId,
  };
}
