import { SetMetadata } from '@nestjs/common';
import type { Role } from '@mashang/shared';

export const ALLOWED_ROLES = 'auth:roles';
/** Only these roles may call the handler (any authenticated role when absent). */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);
