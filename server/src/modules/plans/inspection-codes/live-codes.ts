import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, shanghaiDate } from '@mashang/shared';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import { DomainError } from '../../../infra/errors/domain-error.js';
import { InspectionCodeRepository } from '../inspection-code.repository.js';
import { codeSigningKey, isAuthenticToken } from '../inspection-code.js';

/** A code in force: the inspection it names (by its lead plan) and until when it holds. */
export interface LiveCode {
  leadPlanId: string;
  expiresAt: Date;
}

/**
 * The 检查码 a scanned token names, while it is in force: everything the enterprise reads by a code
 * (who is at the door, the inspection's trail) goes through here, so a forged, cancelled or expired
 * code opens nothing.
 */
@Injectable()
export class LiveCodes {
  private readonly key: Buffer;

  constructor(
    @Inject(InspectionCodeRepository) private readonly codes: InspectionCodeRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = codeSigningKey(config.jwtSecret);
  }

  /** Forged and unknown codes are refused (404), cancelled and expired ones too (410), in plain words. */
  async open(token: string, now = new Date()): Promise<LiveCode> {
    if (!isAuthenticToken(this.key, token)) throw invalidCode();
    const code = await this.codes.byToken(token);
    if (!code) throw invalidCode();
    if (code.revokedAt) throw codeCancelled();
    if (code.expiresAt <= now) {
      throw new DomainError(ErrorCode.CodeExpired, `检查码已过期（有效期至 ${shanghaiDate(new Date(code.expiresAt.getTime() - 1))}）。过期后不得凭此码入企检查。`);
    }
    return { leadPlanId: code.leadPlanId, expiresAt: code.expiresAt };
  }
}

function codeCancelled(): DomainError {
  return new DomainError(ErrorCode.CodeCancelled, '这次检查已取消，检查码作废。如有人持此码上门检查，请拒绝并向司法局反映。');
}

function invalidCode(): DomainError {
  return new DomainError(ErrorCode.CodeInvalid, '检查码无效：不是本系统签发的检查码。请核实来人身份，可拒绝检查并向司法局反映。');
}
