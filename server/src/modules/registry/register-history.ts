import { maskPhone } from '@mashang/shared';
import type { RegisterName } from './register-history.entity.js';

/** The fields of each register whose changes the history records. */
export const REGISTER_FIELDS = {
  agency: ['name', 'kind', 'region', 'planApproval'],
  officer: ['agencyId', 'name', 'certNo', 'phone', 'certExpires', 'active'],
  item: ['agencyId', 'name', 'basis', 'noDisturb', 'industries', 'commonViolations', 'complianceGuide'],
  enterprise: ['name', 'industry', 'region', 'phone', 'creditGrade', 'lowTouch'],
} as const satisfies Record<RegisterName, readonly string[]>;

export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

/** The fields whose values differ between two versions of a register entry (phones compared in clear, kept masked). */
export function diffFields(before: Record<string, unknown> | null, after: Record<string, unknown>, fields: readonly string[]): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of fields) {
    const from = before ? (before[field] ?? null) : null;
    const to = after[field] ?? null;
    if (from === to) continue;
    changes[field] = field === 'phone' ? { from: maskPhone(from as string | null), to: maskPhone(to as string | null) } : { from, to };
  }
  return changes;
}

export interface HistoryEvent {
  register: RegisterName;
  subjectId: string;
  action: 'create' | 'update';
  changes: FieldChanges;
}
