import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { SessionUser } from '@mashang/shared';

export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): SessionUser => context.switchToHttp().getRequest().user,
);
