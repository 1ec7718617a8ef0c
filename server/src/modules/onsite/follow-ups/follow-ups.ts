import { Inject, Injectable } from '@nestjs/common';
import { addDays, ErrorCode, followUpOutcomeText, shanghaiDate, userActor, type FollowUpRequest, type FollowUpView, type SessionUser } from '@mashang/shared';
import { Transactions } from '../../../infra/database/tx.js';
import { DomainError, forbidden, notFound } from '../../../infra/errors/domain-error.js';
import { agencyScope } from '../../auth/index.js';
import { PlanProgressRepository } from '../../plans/index.js';
import { EnterpriseRepository, ItemRepository } from '../../registry/index.js';
import { TrailRepository } from '../../trail/index.js';
import { alreadyRecorded } from '../client-key.js';
import { requireOfficer } from '../officer-plan.js';
import { RectificationCheckRepository } from './rectification-check.repository.js';

/** Shown ahead of the deadline, so the officer can plan the visit. */
const AHEAD_DAYS = 3;
const DUE_LIMIT = 500;

/**
 * 整改复查: a yellow violation's follow-up check is a due item for its agency's officers from a few days
 * before its deadline; the officer records whether it was put right (closed) or not (it goes red: a case).
 */
@Injectable()
export class FollowUps {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(RectificationCheckRepository) private readonly checks: RectificationCheckRepository,
    @Inject(PlanProgressRepository) private readonly plans: PlanProgressRepository,
    @Inject(EnterpriseRepository) private readonly enterprises: EnterpriseRepository,
    @Inject(ItemRepository) private readonly items: ItemRepository,
    @Inject(TrailRepository) private readonly trail: TrailRepository,
  ) {}

  async due(user: SessionUser, now = new Date()): Promise<FollowUpView[]> {
    const scope = agencyScope(user);
    const today = shanghaiDate(now);
    const due = await this.checks.due(addDays(today, AHEAD_DAYS), DUE_LIMIT);
    const agencies = await this.plans.agenciesOf(due.map((d) => d.planId));
    const mine = due.filter((d) => scope === null || agencies.get(d.planId) === scope);
    const [names, items] = await Promise.all([
      this.enterprises.namesOf([...new Set(mine.map((d) => d.creditCode))]),
      this.items.byIds([...new Set(mine.map((d) => d.itemId))]),
    ]);
    const itemName = new Map(items.map((i) => [i.id, i.name]));
    return mine.map((d) => ({
      planId: d.planId, itemId: d.itemId, itemName: itemName.get(d.itemId) ?? '', creditCode: d.creditCode,
      enterpriseName: names.get(d.creditCode) ?? '', rectifyBy: d.rectifyBy, overdue: d.rectifyBy < today,
    }));
  }

  async record(user: SessionUser, input: FollowUpRequest, now = new Date()): Promise<{ rectified: boolean; message: string }> {
    requireOfficer(user);
    const agencyId = (await this.plans.agenciesOf([input.planId])).get(input.planId);
    if (!agencyId) throw notFound('检查');
    if (agencyId !== user.agencyId) throw forbidden('只能复查本部门检查发现的问题');
    await this.transactions.run(async (tx) => {
      if (!(await this.checks.isDue(input.planId, input.itemId, tx))) throw new DomainError(ErrorCode.Conflict, '该事项不是待复查的限期整改（黄色）问题，或已经复查过');
      const note = input.note?.trim() || null;
      const check = { planId: input.planId, itemId: input.itemId, rectified: input.rectified, note, recordedBy: user.id, at: now, clientKey: input.clientKey };
      if (!(await this.checks.insertOnce(check, tx))) throw alreadyRecorded('复查结果');
      const [item] = await this.items.namesOf([input.itemId], tx);
      await this.trail.append({ inspectionId: input.planId, kind: 'rectification-checked', actor: userActor(user), at: now, detail: { itemId: input.itemId, item: item ?? input.itemId, rectified: input.rectified, note } }, tx);
    }, 'READ COMMITTED');
    return { rectified: input.rectified, message: followUpOutcomeText(input.rectified) };
  }
}
