import { agencyKindLabel, registerActorText, registerChangeText, registerValueText } from './registers.js';

describe('register vocabulary', () => {
  it('reads values as people do', () => {
    expect(registerValueText('active', false)).toBe('停用');
    expect(registerValueText('noDisturb', true)).toBe('在名单内');
    expect(registerValueText('creditGrade', 'D')).toBe('D级（高风险）');
    expect(registerValueText('kind', 'fire')).toBe('消防救援');
    expect(agencyKindLabel('port')).toBe('其他（port）');
    expect(registerValueText('certExpires', null)).toBe('未填');
    expect(registerValueText('agencyId', 'A1', new Map([['A1', '市场监管局']]))).toBe('市场监管局');
    expect(registerChangeText('creditGrade', { from: 'C', to: 'A' })).toBe('信用等级：C级 → A级（守信）');
    expect(registerChangeText('basis', { from: null, to: '食品安全法第八十七条' })).toBe('法律依据：未填 → 食品安全法第八十七条');
  });

  it('names who changed an entry', () => {
    expect(registerActorText('user:3:admin1')).toBe('admin1');
    expect(registerActorText('import:/data/2026-11')).toBe('数据导入');
    expect(registerActorText('cli')).toBe('命令行');
  });
});
