import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, type SessionUser, type SyncOutcome } from '@mashang/shared';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError, invalid } from '../../../infra/errors/domain-error.js';
import { CheckIn } from '../check-in/check-in.js';
import { CheckInDto, FindingDto, FinishDto, type OfflineActionDto } from '../dto/onsite.dto.js';
import { RecordFinding } from '../findings/record-finding.js';
import { FinishInspection } from '../finish/finish-inspection.js';

/** Replays a phone's offline queue in order; each action stands alone, and one already recorded is reported as a duplicate. */
@Injectable()
export class OfflineSync {
  constructor(
    @Inject(CheckIn) private readonly checkIns: CheckIn,
    @Inject(RecordFinding) private readonly findings: RecordFinding,
    @Inject(FinishInspection) private readonly finishes: FinishInspection,
  ) {}

  async sync(user: SessionUser, actions: OfflineActionDto[], now = new Date()): Promise<SyncOutcome[]> {
    const outcomes: SyncOutcome[] = [];
    for (const action of actions) {
      try {
        const body = { ...action.body, clientKey: action.clientKey };
        if (action.type === 'check-in') await this.checkIns.checkIn(user, await checked(CheckInDto, body), now);
        else {
          if (!action.planId) throw invalid('planId', '缺少检查编号');
          if (action.type === 'finding') await this.findings.record(user, action.planId, await checked(FindingDto, body), now);
          else await this.finishes.finish(user, action.planId, await checked(FinishDto, body), now);
        }
        outcomes.push({ clientKey: action.clientKey, status: 'applied' });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        outcomes.push({ clientKey: action.clientKey, status: error.code === ErrorCode.AlreadyRecorded ? 'duplicate' : 'refused', error: { code: error.code, message: error.message } });
      }
    }
    return outcomes;
  }
}

/** Validates an offline action's body with the same rules as the direct endpoint. */
async function checked<T extends object>(type: new () => T, body: Record<string, unknown>): Promise<T> {
  const instance = plainToInstance(type, body);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) {
    const fields = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((reason) => ({ field: e.property, reason })));
    throw new DomainError(ErrorCode.ValidationFailed, `输入有误：${fields.map((f) => `${f.field} ${f.reason}`).join('；')}`, fields);
  }
  return instance;
}
