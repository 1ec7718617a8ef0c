import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { appendTrail } from '../inspections/trail.js';
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
 * Raises a flagged case inside the caller's transaction, once per dedupe key for ever: a second raise
 * of the same key changes nothing and answers the existing case. The inspection's trail records it.
 */
export async function raiseFlag(manager: EntityManager, flag: RaiseFlag, at = new Date()): Promise<{ id: string; created: boolean }> {
  const id = randomUUID();
  const result: { affectedRows: number } = await manager.query(
    `INSERT INTO flagged_cases (id, dedupe_key, source, rule, subject_type, subject_id, agency_id, credit_code, officer_id, inspection_id,
       severity, title, evidence, status, conclusion, assignee_id, deadline, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', NULL, NULL, NULL, ?, ?)
     ON DUPLICATE KEY UPDATE dedupe_key = dedupe_key`,
    [id, flag.dedupeKey, flag.source, flag.rule ?? null, flag.subjectType, flag.subjectId, flag.agencyId ?? null, flag.creditCode ?? null,
      flag.officerId ?? null, flag.inspectionId ?? null, flag.severity, flag.title.slice(0, 300), JSON.stringify(flag.evidence), at, at],
  );
  if (result.affectedRows === 0) {
    const [existing]: { id: string }[] = await manager.query('SELECT id FROM flagged_cases WHERE dedupe_key = ?', [flag.dedupeKey]);
    return { id: existing.id, created: false };
  }
  await manager.query('INSERT INTO flagged_case_events (case_id, kind, actor, detail, at) VALUES (?, ?, ?, ?, ?)', [
    id, 'raised', flag.actor, JSON.stringify({ source: flag.source, rule: flag.rule ?? null, title: flag.title }), at,
  ]);
  if (flag.inspectionId) await appendTrail(manager, flag.inspectionId, 'flagged', flag.actor, { caseId: id, source: flag.source, rule: flag.rule ?? null, title: flag.title }, at);
  return { id, created: true };
}
