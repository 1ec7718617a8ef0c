import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';

export const ENTERPRISE_ONLY = 'auth:enterprise-only';
/**
 * Only a signed-in enterprise may call the handler (the enterprise's port, /api/enterprise/…): officers'
 * and desks' tokens are refused there, as enterprise tokens are everywhere else.
 */
export const EnterpriseOnly = () => SetMetadata(ENTERPRISE_ONLY, true);

/** The enterprise a request speaks for, as the guard found its session. */
export interface SignedInEnterprise {
  creditCode: string;
  sessionId: string;
}

export const CurrentEnterprise = createParamDecorator(
  (_: unknown, context: ExecutionContext): SignedInEnterprise => context.switchToHttp().getRequest().enterprise,
);
