import { SetMetadata } from '@nestjs/common';
export const ALLOWED_ROLES = 'auth:roles';
/** Only these roles may call the handler (any authenticated role when absent). */
export const Roles = (...roles) => SetMetadata(ALLOWED_ROLES, roles);
