import { ErrorCode, Role, type SessionUser } from '@mashang/shared';
import { DomainError } from '../../infra/errors/domain-error.js';
import { unmaskedExportPurpose } from './unmasked-access.js';

const user = (role: Role) => ({ id: 1, username: role, role, displayName: role, agencyId: null, officerId: null }) as SessionUser;
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof DomainError ? { code: error.code, fields: error.fields } : error;
  }
  return null;
};

describe('exporting phones in clear', () => {
  it('lets a supervisor with a purpose in Chinese, trimmed', () => {
    expect(unmaskedExportPurpose(user(Role.Supervisor), '  与省平台核对执法人员名单  ')).toBe('与省平台核对执法人员名单');
  });

  it('refuses every other role, whatever the purpose', () => {
    for (const role of [Role.Discipline, Role.AgencyAdmin, Role.Officer]) {
      expect(refusal(() => unmaskedExportPurpose(user(role), '与省平台核对执法人员名单'))).toMatchObject({ code: ErrorCode.Forbidden });
    }
  });

  it('refuses a supervisor without a purpose that does', () => {
    for (const purpose of [undefined, '', '需要', 'for the migration']) {
      expect(refusal(() => unmaskedExportPurpose(user(Role.Supervisor), purpose))).toMatchObject({ code: ErrorCode.ValidationFailed, fields: [{ field: 'purpose' }] });
    }
  });
});
