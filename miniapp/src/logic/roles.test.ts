import { ROLES } from '@mashang/shared';
import { roleLabel } from './roles';

describe('roleLabel', () => {
  it('names every role in Chinese', () => {
    expect(roleLabel('officer')).toBe('执法人员');
    expect(roleLabel('supervisor')).toBe('执法监督（司法局/营商局）');
    for (const role of ROLES) expect(roleLabel(role)).toMatch(/[\u4e00-\u9fff]/);
  });

  it('shows a role this build does not know instead of nothing', () => {
    expect(roleLabel('auditor')).toBe('未知角色（auditor）');
    expect(roleLabel('toString')).toBe('未知角色（toString）');
  });
});
