import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Tx } from '../../infra/database/tx.js';
import { TrailRepository } from '../trail/index.js';
import type { FlagSource } from './flagged-case.entity.js';
import { FlaggedCaseRepository } from './flagged-case.repository.js';

export interface RaiseFlag {
  dedupeKey: string;
  source: FlagSource;
  rule?: string | null;
  subjectType: string;
  subjectId: string;
  agencyId?: string | null;
  creditCode?: string | null;
  officerId?: string | null;
  inspectionId?: string | null;
  severity: 'low' | 'medium' | 'high';
  title: string;
  evidence: Record<string, unknown>;
  /** Who or what raised it: `system:nightly-report`, `enterprise`, `user:<id>:<name>`. */
  actor: string;
  /** YYYY-MM-DD (Asia/Shanghai) by which it must be answered (a complaint's); none by default. */
  deadline?: string | null;
}

/** A case just created, as its `raised` event and its inspection's trail entry describe it. */
export interface RaisedCase {
  id: string;
  source: FlagSource;
  rule: string | null;
  title: string;
  inspectionId: string | null;
  actor: string;
}

/** Raises flagged cases for supervision (执法监督), for every module that finds something to look at. */
@Injectable()
export class FlagRaiser {
  constructor(
    @Inject(FlaggedCaseRepository) private readonly cases: FlaggedCaseRepository,
    @Inject(TrailRepository) private readonly trail: TrailRepository,
  ) {}

  /**
   * Raises cases inside the caller's transaction, once per dedupe key for ever: an existing key changes
   * nothing and answers its case. Each new case gets a `raised` event and a `flagged` entry on its
   * inspection's trail — a handful of statements for any number of cases. Answers, per dedupe key, the
   * case and whether this call created it.
   */
  async raise(flags: RaiseFlag[], at: Date, tx: Tx): Promise<Map<string, { id: string; created: boolean }>> {
    const answer = new Map<string, { id: string; created: boolean }>();
    const unique = [...new Map(flags.map((f) => [f.dedupeKey, f])).values()];
    if (!unique.length) return answer;

    for (const [key, id] of await this.cases.idsByDedupeKey(unique.map((f) => f.dedupeKey), tx)) answer.set(key, { id, created: false });
    const fresh = unique.filter((f) => !answer.has(f.dedupeKey)).map((flag) => ({ flag, id: randomUUID() }));
    if (!fresh.length) return answer;

    await this.cases.insert(fresh.map(({ flag: f, id }) => ({
      id, dedupeKey: f.dedupeKey, source: f.source, rule: f.rule ?? null, subjectType: f.subjectType, subjectId: f.subjectId,
      agencyId: f.agencyId ?? null, creditCode: f.creditCode ?? null, officerId: f.officerId ?? null, inspectionId: f.inspectionId ?? null,
      severity: f.severity, title: f.title, evidence: JSON.stringify(f.evidence), deadline: f.deadline ?? null, at,
    })), tx);
    // A key raised concurrently by someone else kept their case: ours was not created.
    const storedId = await this.cases.idsByDedupeKey(fresh.map((f) => f.flag.dedupeKey), tx);
    const created = fresh.filter(({ flag, id }) => storedId.get(flag.dedupeKey) === id);
    for (const { flag } of fresh) answer.set(flag.dedupeKey, { id: storedId.get(flag.dedupeKey)!, created: false });
    if (!created.length) return answer;
    for (const { flag, id } of created) answer.set(flag.dedupeKey, { id, created: true });

    await this.recordRaised(created.map(({ flag: f, id }) => ({ id, source: f.source, rule: f.rule ?? null, title: f.title, inspectionId: f.inspectionId ?? null, actor: f.actor })), at, tx);
    return answer;
  }

  /** One flagged case, as `raise` raises them. */
  async raiseOne(flag: RaiseFlag, at: Date, tx: Tx): Promise<{ id: string; created: boolean }> {
    return (await this.raise([flag], at, tx)).get(flag.dedupeKey)!;
  }

  /**
   * What follows the creation of cases, in the caller's transaction: each case's `raised` event, and a
   * `flagged` entry on its inspection's trail, appended in the order given.
   */
  async recordRaised(cases: RaisedCase[], at: Date, tx: Tx): Promise<void> {
    if (!cases.length) return;
    await this.cases.insertEvents(cases.map((c) => ({ caseId: c.id, kind: 'raised', actor: c.actor, detail: { source: c.source, rule: c.rule, title: c.title }, at })), tx);
    const trailed = cases.filter((c) => c.inspectionId);
    if (trailed.length) {
      await this.trail.appendMany(trailed.map((c) => ({ inspectionId: c.inspectionId!, kind: 'flagged', actor: c.actor, detail: { caseId: c.id, source: c.source, rule: c.rule, title: c.title }, at })), tx);
    }
  }
}
