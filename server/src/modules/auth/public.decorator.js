import { SetMetadata } from '@nestjs/common';
export const IS_PUBLIC = 'auth:public';
/** Reachable without a session (login, health, pages an enterprise opens from an SMS). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
