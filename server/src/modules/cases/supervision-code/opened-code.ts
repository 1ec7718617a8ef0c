import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@mashang/shared';
import type { Tx } from '../../../infra/database/tx.js';
import { DomainError } from '../../../infra/errors/domain-error.js';
import { SupervisionCodeAttempts } from './supervision-code-attempts.js';
import { supervisionCodeHash, SUPERVISION_CODE_PATTERN } from './supervision-code-token.js';
import { SupervisionCodeRepository, type CodedCase } from './supervision-code.repository.js';

/** One answer for a malformed, forged or unknown code: it says nothing about what exists. */
export function invalidCode(): DomainError {
  return new DomainError(ErrorCode.CodeInvalid, '监督码无效：不是本系统发出的监督码，或链接不完整。请按行政处罚告知书上的二维码或短信里的链接原样打开。');
}

/** What a supervision code opens: the address's tries checked first, the token's shape before any database access. */
@Injectable()
export class OpenedCode {
  constructor(
    @Inject(SupervisionCodeAttempts) private readonly attempts: SupervisionCodeAttempts,
    @Inject(SupervisionCodeRepository) private readonly codes: SupervisionCodeRepository,
  ) {}

  /** Refuses an address out of tries, and a token of the wrong shape; answers the look-up hash. */
  async precheck(token: string, ip: string): Promise<string> {
    await this.attempts.check(ip);
    // A token of the wrong shape never reaches the database, so it costs the address no try.
    if (!SUPERVISION_CODE_PATTERN.test(token)) throw invalidCode();
    return supervisionCodeHash(token);
  }

  /** The case of a prechecked code (locked for the caller's transaction when asked), or the one refusal. */
  async open(codeHash: string, ip: string, tx?: Tx, lock = false): Promise<CodedCase> {
    const coded = await this.codes.byCodeHash(codeHash, tx, lock);
    if (coded) return coded;
    await this.attempts.fail(ip);
    throw invalidCode();
  }
}
