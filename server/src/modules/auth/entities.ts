import { EnterpriseSessionRow } from './sessions/enterprise-session.entity.js';
import { UserSession } from './sessions/user-session.entity.js';
import { User } from './user.entity.js';

export const AUTH_ENTITIES = [User, UserSession, EnterpriseSessionRow];
