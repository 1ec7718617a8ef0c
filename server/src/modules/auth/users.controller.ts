import { Body, Controller, Inject, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Role, type SessionUser, type UserAccount } from '@mashang/shared';
import { UserActivation } from './account/user-activation.js';
import { CurrentUser } from './current-user.decorator.js';
import { SetUserActiveDto, UserIdParamDto } from './dto/account.dto.js';
import { Roles } from './roles.decorator.js';

/** Accounts, as supervisors manage them. */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(@Inject(UserActivation) private readonly activation: UserActivation) {}

  /** Deactivates (every session ends at once) or reactivates an account. */
  @Roles(Role.Supervisor)
  @Patch(':id')
  setActive(@CurrentUser() user: SessionUser, @Param() params: UserIdParamDto, @Body() body: SetUserActiveDto): Promise<UserAccount> {
    return this.activation.setActive(user, Number(params.id), body.active);
  }
}
