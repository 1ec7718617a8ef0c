import { ROLE_LABELS, type Role } from '@mashang/shared';

/** The Chinese name of a role; a role this build does not know yet is shown as such, not as blank. */
export function roleLabel(role: string): string {
  return Object.prototype.hasOwnProperty.call(ROLE_LABELS, role)
    ? ROLE_LABELS[role as Role]
    : `未知角色（${role}）`;
}

/** Roles that work at a desk: on H5 they land in the supervision console (执法监督) instead of the officer home. */
export function isDeskRole(role: Role | string): boolean {
  return role === 'supervisor' || role === 'discipline' || role === 'agency-admin';
}
