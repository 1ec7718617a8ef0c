import { Inject, Injectable } from '@nestjs/common';
import { shanghaiDate, type CheckInResult, type SessionUser } from '@mashang/shared';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import type { CheckInDto } from '../dto/onsite.dto.js';
import { eventTime } from '../event-time.js';
import { requireOfficer } from '../officer-plan.js';
import { CheckInAlone } from './check-in-alone.js';
import type { CheckinAttempt } from './check-in-matching.js';
import { CheckInTogether } from './check-in-together.js';

/**
 * Scan in: matches the enterprise to the officer's plan of the day and records the arrival. An
 * emergency's late-code deadline job is recorded in the job outbox with the check-in itself.
 */
@Injectable()
export class CheckIn {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CheckInTogether) private readonly together: CheckInTogether,
    @Inject(CheckInAlone) private readonly alone: CheckInAlone,
  ) {}

  async checkIn(user: SessionUser, input: CheckInDto, now = new Date()): Promise<CheckInResult> {
    const officerId = requireOfficer(user);
    const at = eventTime(input.at, now, this.config.onsite.offlineMaxAgeHours);
    const attempt: CheckinAttempt = { user, officerId, input, at, day: shanghaiDate(at), now };
    // Most check-ins are admitted together; one the batch does not admit is judged alone, so a refusal names its own reason.
    const { plan, dueAt } = (await this.together.submit(attempt)) ?? (await this.alone.checkIn(attempt));
    const codeDueAt = plan.codeDueAt ?? dueAt;
    return {
      id: plan.planId, planCode: plan.planCode, creditCode: input.creditCode, enterpriseName: plan.enterpriseName, trigger: plan.trigger,
      coded: plan.code !== null, checkedInAt: (plan.checkedInAt ?? at).toISOString(), codeDueAt: codeDueAt ? codeDueAt.toISOString() : null,
    };
  }
}
