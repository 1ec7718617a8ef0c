import { Inject, Injectable, Logger } from '@nestjs/common';
import { addDays, daysBetween, ErrorCode, finalSeed, Role, runDraw, type DrawInputs, type DrawView, type SessionUser } from '@mashang/shared';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import type { AppConfig } from '../../infra/config/config.js';
import { Transactions } from '../../infra/database/tx.js';
import { DomainError, forbidden, notFound } from '../../infra/errors/domain-error.js';
import { FilePlan } from '../plans/index.js';
import { DrawViews } from './draw-views.js';
import { drawSeed, NODE_DRAW_HASHING } from './node-draw-hashing.js';
import { RandomDrawRepository } from './random-draw.repository.js';

/**
 * Step two: the draw runs on the committed seed joined with the public entropy, its result and the
 * seed are published, and each drawn inspection is filed as a plan (spread over the period's days;
 * plans merge like any other), or the filing rule that refused it is kept with the draw.
 */
@Injectable()
export class RunDraw {
  private readonly logger = new Logger(RunDraw.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(RandomDrawRepository) private readonly draws: RandomDrawRepository,
    @Inject(FilePlan) private readonly filing: FilePlan,
    @Inject(DrawViews) private readonly views: DrawViews,
  ) {}

  async run(user: SessionUser, id: string, publicEntropy: string, now = new Date()): Promise<DrawView> {
    const drawn = await this.transactions.run(async (tx) => {
      const draw = await this.draws.lock(id, tx);
      if (!draw) throw notFound('随机抽查');
      if (user.role !== Role.Supervisor && draw.agencyId !== user.agencyId) throw forbidden('只能抽取本部门的随机抽查');
      if (draw.status !== 'committed') throw new DomainError(ErrorCode.Conflict, '该随机抽查已经抽取');
      const seed = drawSeed(this.config.jwtSecret, id, draw.nonce);
      // A changed server secret would give another seed than the one committed to: refuse rather than publish a result nobody can verify.
      if ((await NODE_DRAW_HASHING.sha256Hex(seed)) !== draw.commitment) throw new DomainError(ErrorCode.Conflict, '种子与公布的承诺值不符（服务器密钥已更换），该抽查无法抽取');
      const inputs: DrawInputs = JSON.parse(draw.inputs);
      const result = await runDraw(NODE_DRAW_HASHING, await finalSeed(NODE_DRAW_HASHING, seed, publicEntropy), inputs);
      await this.draws.recordDraw(id, { publicEntropy, seed, result: JSON.stringify(result), at: now }, tx);
      return { draw, result };
    });

    const { draw, result } = drawn;
    const days = daysBetween(draw.periodFrom, draw.periodTo) + 1;
    // A draw a supervisor organised files its plans for the agency it named; the plans' history
    // still names the supervisor who ran it.
    const filer: SessionUser = user.role === Role.Supervisor ? { ...user, role: Role.AgencyAdmin, agencyId: draw.agencyId, officerId: null } : user;
    const outcomes: { creditCode: string; planId: string | null; refusal: string | null }[] = [];
    for (const [i, inspection] of result.inspections.entries()) {
      try {
        const plan = await this.filing.file(filer, {
          creditCode: inspection.creditCode, date: addDays(draw.periodFrom, i % days), trigger: 'planned',
          officerIds: inspection.officerIds, itemIds: draw.scope.itemIds, reason: `双随机抽查：${draw.name}`,
        }, now);
        outcomes.push({ creditCode: inspection.creditCode, planId: plan.id, refusal: null });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        outcomes.push({ creditCode: inspection.creditCode, planId: null, refusal: error.message.slice(0, 500) });
      }
    }
    for (const creditCode of result.unpaired) outcomes.push({ creditCode, planId: null, refusal: '回避后可抽取的执法人员不足两人，须另行指派' });
    await this.transactions.run((tx) => this.draws.insertPlans(id, outcomes, tx));
    this.logger.log(`draw ${id}: ${outcomes.filter((o) => o.planId).length} plans filed, ${outcomes.filter((o) => !o.planId).length} not`);
    return this.views.one(id);
  }
}
