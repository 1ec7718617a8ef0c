import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ENTERPRISE_ACTOR, ErrorCode, type PartySubmissionKind, type PartySubmissionResponse } from '@mashang/shared';
import { Transactions } from '../../../infra/database/tx.js';
import { DomainError } from '../../../infra/errors/domain-error.js';
import { FlagRaiser } from '../../flags/index.js';
import { TrailRepository } from '../../trail/index.js';
import { DiscretionBenchmarkRepository } from '../discretion/discretion-benchmark.repository.js';
import { windowOf } from './code-view.js';
import { objectionFlag } from './objection-flag.js';
import { OpenedCode } from './opened-code.js';
import { submissionDigest } from './party-submission-digest.js';
import { submissionRefusal, submissionText } from './party-submission-rules.js';
import { SupervisionCodeRepository } from './supervision-code.repository.js';

/**
 * POST /api/penalty-codes/:token/submissions — the party's statement and defence (陈述申辩), hearing
 * request (听证) or objection to the discretion (异议). One transaction: the submission, the hearing
 * mark on the procedure, the objection's flagged case for the supervisor, and the entry on the case's
 * own trail; a refusal writes nothing.
 */
@Injectable()
export class PartySubmissions {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(OpenedCode) private readonly opened: OpenedCode,
    @Inject(SupervisionCodeRepository) private readonly codes: SupervisionCodeRepository,
    @Inject(DiscretionBenchmarkRepository) private readonly benchmarks: DiscretionBenchmarkRepository,
    @Inject(FlagRaiser) private readonly flags: FlagRaiser,
    @Inject(TrailRepository) private readonly trail: TrailRepository,
  ) {}

  async submit(token: string, body: { kind: PartySubmissionKind; text: string }, ip: string, now = new Date()): Promise<PartySubmissionResponse> {
    const codeHash = await this.opened.precheck(token, ip);
    const checked = submissionText(body.kind, body.text);
    if ('problem' in checked) throw new DomainError(ErrorCode.ValidationFailed, checked.problem, [{ field: 'text', reason: checked.problem }]);
    const { text } = checked;
    // READ COMMITTED: the trail's locking read of its tail then takes no gap lock (see TrailRepository.append).
    return this.transactions.run(async (tx) => {
      // The procedure's row, locked: concurrent submissions on one case are judged one after another.
      const coded = await this.opened.open(codeHash, ip, tx, true);
      const refusal = submissionRefusal(body.kind, windowOf(coded, await this.codes.submissionsOf(coded.caseId, tx)), now);
      if (refusal) throw new DomainError(ErrorCode.Conflict, refusal);

      const id = randomUUID();
      if (body.kind === 'hearing' && !(await this.codes.markHearingRequested(coded.caseId, now, tx))) {
        throw new DomainError(ErrorCode.Conflict, '您已申请过听证，办案机关将通知听证的时间和地点。');
      }
      let flaggedCaseId: string | null = null;
      if (body.kind === 'objection') {
        const benchmark = await this.benchmarks.find(coded.cause, tx);
        flaggedCaseId = (await this.flags.raiseOne(objectionFlag(coded, benchmark, { id, text }), now, tx)).id;
      }
      const submission = { id, caseId: coded.caseId, kind: body.kind, text, at: now, flaggedCaseId };
      await this.codes.insertSubmission(submission, tx);
      await this.trail.append({
        inspectionId: coded.caseId,
        kind: 'party-submission',
        actor: ENTERPRISE_ACTOR,
        detail: { submissionId: id, kind: body.kind, digest: submissionDigest(submission), ...(flaggedCaseId ? { flaggedCaseId } : {}) },
        at: now,
      }, tx);
      return { id, kind: body.kind, at: now.toISOString() };
    }, 'READ COMMITTED');
  }
}
