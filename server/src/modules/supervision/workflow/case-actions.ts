import { Inject, Injectable } from '@nestjs/common';
import { Role, shanghaiDate, userActor, type CaseActionRequest, type CaseDetail, type SessionUser } from '@mashang/shared';
import { Transactions } from '../../../infra/database/tx.js';
import { invalid } from '../../../infra/errors/domain-error.js';
import { JobOutbox, outboxJob } from '../../outbox/index.js';
import { JobName } from '../../../infra/queues/queues.js';
import { UserRepository } from '../../auth/index.js';
import { FlaggedCaseQueueRepository, FlaggedCaseRepository } from '../../flags/index.js';
import { CaseDetails } from '../case-detail/case-details.js';
import { refusal, stateOf } from '../case-view.js';
import { decide, SUBSTANCE_PASSED_ON } from '../case-workflow.js';
import { CreditRecordRepository } from '../credit-record.repository.js';
import { lockVisibleCase } from './locked-case.js';

/** 执法监督: the workflow's steps on a case, as case-workflow.ts decides them, and who a case can be assigned to. */
@Injectable()
export class CaseActions {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(FlaggedCaseQueueRepository) private readonly queue: FlaggedCaseQueueRepository,
    @Inject(FlaggedCaseRepository) private readonly caseLog: FlaggedCaseRepository,
    @Inject(CreditRecordRepository) private readonly credit: CreditRecordRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(CaseDetails) private readonly details: CaseDetails,
    @Inject(JobOutbox) private readonly outbox: JobOutbox,
  ) {}

  /**
   * One workflow step, checked by case-workflow.ts, applied and logged in one transaction; answers the case
   * as it is then. Concluding a complaint (码上响应) records its outcome SMS to the complainant in the same transaction.
   */
  async act(user: SessionUser, id: string, request: CaseActionRequest, now = new Date()): Promise<CaseDetail> {
    const today = shanghaiDate(now);
    await this.transactions.run(async (tx) => {
      const row = await lockVisibleCase(this.queue, user, id, tx);
      const passedOn = request.action === 'pass-on-substance' && (await this.queue.hasEvent(id, SUBSTANCE_PASSED_ON, tx));
      const decision = decide(stateOf(row, passedOn), user, request.action, request, today);
      if (!decision.ok) throw refusal(decision);
      let assigneeId = row.assigneeId;
      if (request.action === 'assign') {
        assigneeId = request.assigneeId ?? user.id;
        if (!(await this.users.isActiveOfRole(assigneeId, Role.Supervisor, tx))) throw invalid('assigneeId', '只能分派给在岗的执法监督人员');
      } else if (request.action === 'investigate' && assigneeId === null) assigneeId = user.id;
      await this.queue.applyStep(id, { status: decision.to, conclusion: decision.conclusion ?? row.conclusion, deadline: decision.deadline, assigneeId, at: now }, tx);
      const detail = {
        action: request.action,
        from: row.status,
        to: decision.to,
        ...(request.note?.trim() ? { note: request.note.trim() } : {}),
        ...(decision.deadline !== row.deadline ? { deadline: decision.deadline } : {}),
        ...(decision.conclusion ? { conclusion: decision.conclusion } : {}),
        ...(request.action === 'assign' ? { assigneeId } : {}),
        ...(request.outcome ? { outcome: request.outcome } : {}),
      };
      await this.caseLog.insertEvents([{ caseId: id, kind: decision.event, actor: userActor(user), detail, at: now }], tx);
      if (decision.conclusion === 'fabricated') {
        await this.credit.insert({ creditCode: row.creditCode!, kind: 'fabricated-complaint', caseId: id, note: request.note!.trim().slice(0, 1000), actor: userActor(user), at: now }, tx);
      }
      // A concluded complaint's outcome SMS is recorded with the conclusion (the job outbox), so neither
      // waits on Redis nor is lost between the commit and the queue; its job id is the case's.
      if (row.source === 'complaint' && decision.to === 'closed') await this.outbox.add([outboxJob(JobName.ComplaintOutcomeSms, { caseId: id })], tx);
    });
    return this.details.get(user, id, now);
  }

  /** Supervisors a case can be assigned to. */
  async assignees(): Promise<{ id: number; displayName: string }[]> {
    const rows = await this.users.activeOfRole(Role.Supervisor);
    return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
  }
}
