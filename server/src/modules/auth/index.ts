/**
 * auth/ — sign-in (password, WeChat; throttled), revocable sessions, accounts (password, deactivation),
 * roles, and the agency scope of each user; the sessions of signed-in enterprises (the enterprise's port,
 * whose sign-in itself lives in port/) and the guard that keeps the two kinds of token apart.
 * Owns: users, user_sessions, enterprise_sessions.
 */
export { AuthModule } from './auth.module.js';
export { UserRepository } from './user.repository.js';
export { OfficerAccounts } from './account/officer-accounts.js';
export { agencyScope, assertSameAgency } from './scope.js';
export { CurrentUser } from './current-user.decorator.js';
export { Public } from './public.decorator.js';
export { Roles } from './roles.decorator.js';
export { CurrentEnterprise, EnterpriseOnly, type SignedInEnterprise } from './enterprise.decorator.js';
export { EnterpriseSessions } from './sessions/enterprise-sessions.js';
export { WechatClient } from './wechat.client.js';
