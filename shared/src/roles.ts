/**
 * Who a logged-in user is. Enterprises have no role: they sign in to a session of their own kind
 * (the enterprise's port), which no officer or desk endpoint accepts.
 */
export const Role = {
  Officer: 'officer',
  AgencyAdmin: 'agency-admin',
  Supervisor: 'supervisor',
  Discipline: 'discipline',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES: readonly Role[] = Object.values(Role);

export const ROLE_LABELS: Record<Role, string> = {
  officer: '执法人员',
  'agency-admin': '执法部门管理员',
  supervisor: '执法监督（司法局/营商局）',
  discipline: '纪检监察',
};

/** Roles that see every agency's data; the others are scoped to their own agency. */
export function seesAllAgencies(role: Role): boolean {
  return role === Role.Supervisor || role === Role.Discipline;
}
