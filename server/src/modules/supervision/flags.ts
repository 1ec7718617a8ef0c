import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { appendTrailBatch } from '../inspections/trail.js';
import type { FlagSource } from './flagged-case.entity.js';

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
}

/**
 * Raises flagged cases inside the caller's transaction, once per dedupe key for ever: an existing key
 * changes nothing and answers its case. Each new case gets a `raised` event and a `flagged` entry on
 * its inspection's trail — a handful of statements for any number of cases. Answers, per dedupe key,
 * the case and whether this call created it.
 */
export async function raiseFlags(manager: EntityManager, flags: RaiseFlag[], at = new Date()): Promise<Map<string, { id: string; created: boolean }>> {
  const answer = new Map<string, { id: string; created: boolean }>();
  const unique = [...new Map(flags.map((f) => [f.dedupeKey, f])).values()];
  if (!unique.length) return answer;

  const existing: { id: string; dedupe_key: string }[] = await manager.query('SELECT id, dedupe_key FROM flagged_cases WHERE dedupe_key IN (?)', [unique.map((f) => f.dedupeKey)]);
  for (const row of existing) answer.set(row.dedupe_key, { id: row.id, created: false });
  const fresh = unique.filter((f) => !answer.has(f.dedupeKey)).map((flag) => ({ flag, id: randomUUID() }));
  if (!fresh.length) return answer;

  await manager.query(
    `INSERT INTO flagged_cases (id, dedupe_key, source, rule, subject_type, subject_id, agency_id, credit_code, officer_id, inspection_id,
       severity, title, evidence, status, conclusion, assignee_id, deadline, created_at, updated_at)
     VALUES ? ON DUPLICATE KEY UPDATE dedupe_key = dedupe_key`,
    [fresh.map(({ flag: f, id }) => [
      id, f.dedupeKey, f.source, f.rule ?? null, f.subjectType, f.subjectId, f.agencyId ?? null, f.creditCode ?? null, f.officerId ?? null,
      f.inspectionId ?? null, f.severity, f.title.slice(0, 300), JSON.stringify(f.evidence), 'open', null, null, null, at, at,
    ])],
  );
  // A key raised concurrently by someone else kept their case: ours was not created.
  const stored: { id: string; dedupe_key: string }[] = await manager.query('SELECT id, dedupe_key FROM flagged_cases WHERE dedupe_key IN (?)', [fresh.map((f) => f.flag.dedupeKey)]);
  const storedId = new Map(stored.map((r) => [r.dedupe_key, r.id]));
  const created = fresh.filter(({ flag, id }) => storedId.get(flag.dedupeKey) === id);
  for (const { flag } of fresh) answer.set(flag.dedupeKey, { id: storedId.get(flag.dedupeKey)!, created: false });
  if (!created.length) return answer;
  for (const { flag, id } of created) answer.set(flag.dedupeKey, { id, created: true });

  await recordRaised(manager, created.map(({ flag: f, id }) => ({ id, source: f.source, rule: f.rule ?? null, title: f.title, inspectionId: f.inspectionId ?? null, actor: f.actor })), at);
  return answer;
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

/**
 * What follows the creation of cases, in the caller's transaction: each case's `raised` event, and a
 * `flagged` entry on its inspection's trail, appended in the order given.
 */
export async function recordRaised(manager: EntityManager, cases: RaisedCase[], at: Date): Promise<void> {
  if (!cases.length) return;
  await manager.query('INSERT INTO flagged_case_events (case_id, kind, actor, detail, at) VALUES ?', [
    cases.map((c) => [c.id, 'raised', c.actor, JSON.stringify({ source: c.source, rule: c.rule, title: c.title }), at]),
  ]);
  const trailed = cases.filter((c) => c.inspectionId);
  if (trailed.length) {
    await appendTrailBatch(manager, trailed.map((c) => ({ inspectionId: c.inspectionId!, kind: 'flagged', actor: c.actor, detail: { caseId: c.id, source: c.source, rule: c.rule, title: c.title }, at })));
  }
}

/** One flagged case, as raiseFlags raises them. */
export async function raiseFlag(manager: EntityManager, flag: RaiseFlag, at = new Date()): Promise<{ id: string; created: boolean }> {
  return (await raiseFlags(manager, [flag], at)).get(flag.dedupeKey)!;
}
