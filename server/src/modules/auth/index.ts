/**
 * auth/ — sign-in (password, WeChat; throttled), revocable sessions, accounts (password, deactivation),
 * roles, and the agency scope of each user.
 * Owns: users, user_sessions.
 */
export { AuthModule } from './auth.module.js';
export { UserRepository } from './user.repository.js';
export { OfficerAccounts } from './account/officer-accounts.js';
export { agencyScope, assertSameAgency } from './scope.js';
export { CurrentUser } from './current-user.decorator.js';
export { Public } from './public.decorator.js';
export { Roles } from './roles.decorator.js';
