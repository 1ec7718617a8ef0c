import { createParamDecorator } from '@nestjs/common';
export const CurrentUser = createParamDecorator((_, context) => context.switchToHttp().getRequest().user);
