import { Role, unmaskedPurposeProblem, type SessionUser } from '@mashang/shared';
import { forbidden, invalid } from '../../infra/errors/domain-error.js';

/**
 * Who may take phones out in clear: the supervisors (执法监督), who keep the city's registers and run the
 * exchange with other systems. Not the discipline inspectors, who audit those exports and should not
 * make them; not agency admins or officers, who see their own agency's data, phones masked.
 */
export const UNMASKED_EXPORT_ROLES: readonly Role[] = [Role.Supervisor];

/** The stated purpose of an export in clear, trimmed; refused for another role or a purpose that does not do. */
export function unmaskedExportPurpose(user: SessionUser, purpose: string | null | undefined): string {
  if (!UNMASKED_EXPORT_ROLES.includes(user.role)) throw forbidden('只有执法监督部门可以导出完整手机号');
  const problem = unmaskedPurposeProblem(purpose);
  if (problem) throw invalid('purpose', problem);
  return purpose!.trim();
}
