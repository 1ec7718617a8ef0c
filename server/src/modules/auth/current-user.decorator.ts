import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { SessionUser } from '@mashang/shared';

export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): SessionUser => context.switchToHttp().getRequest().user,
);

/** The id of the session the caller's token belongs to (set by the guard). */
export const CurrentSessionId = createParamDecorator(
  (_: unknown, context: ExecutionContext): string => context.switchToHttp().getRequest().sessionId,
);
