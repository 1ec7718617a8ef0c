import type { JointScenarioView } from '@mashang/shared';
import {
  addIndustry,
  agencyChoices,
  agencyNamesText,
  createRequest,
  draftOf,
  emptyScenarioDraft,
  hasErrors,
  newScenarioId,
  parseIndustries,
  scenarioServerErrors,
  unknownIndustries,
  updateRequest,
  validateScenario,
} from './scenarios';

const SCENARIO: JointScenarioView = { id: 'catering', name: '餐饮店联合检查', industries: ['餐饮服务', '食品销售'], agencyIds: ['A1', 'A2'], active: true };

describe('joint-supervision scenario form', () => {
  it('reads industries however they are separated, each once', () => {
    expect(parseIndustries(' 餐饮服务、食品销售，住宿\n餐饮服务; 批发零售 ')).toEqual(['餐饮服务', '食品销售', '住宿', '批发零售']);
    expect(parseIndustries(' 、 ')).toEqual([]);
    expect(addIndustry('餐饮服务', '住宿')).toBe('餐饮服务、住宿');
    expect(addIndustry('餐饮服务、住宿', '住宿')).toBe('餐饮服务、住宿');
  });

  it('asks for a name, an industry and at least two agencies', () => {
    expect(validateScenario(emptyScenarioDraft())).toEqual({ name: '请填写场景名称', industries: '请至少填写一个行业', agencyIds: '联合检查至少需要2个执法部门' });
    expect(validateScenario({ ...draftOf(SCENARIO), industriesText: '长'.repeat(65) }).industries).toBe('每个行业不能超过64个字');
    expect(hasErrors(validateScenario(draftOf(SCENARIO)))).toBe(false);
  });

  it('creates with a generated id and saves only what changed', () => {
    expect(newScenarioId(1_766_300_000_000, 0.5)).toMatch(/^scn-[0-9a-z]+$/);
    expect(newScenarioId(1, 0)).not.toBe(newScenarioId(1, 0.9));
    expect(createRequest({ ...emptyScenarioDraft(), name: ' 餐饮 ', industriesText: '餐饮服务', agencyIds: ['A1', 'A2'] }, 'scn-1')).toEqual({
      id: 'scn-1', name: '餐饮', industries: ['餐饮服务'], agencyIds: ['A1', 'A2'],
    });
    expect(updateRequest(SCENARIO, draftOf(SCENARIO))).toEqual({});
    expect(updateRequest(SCENARIO, { ...draftOf(SCENARIO), industriesText: '餐饮服务', active: false })).toEqual({ industries: ['餐饮服务'], active: false });
  });

  it('places the server field errors, replacing English ones', () => {
    expect(scenarioServerErrors([{ field: 'agencyIds', reason: '执法部门不存在：NOPE' }, { field: 'industries.0', reason: 'each must be an industry without commas' }])).toEqual({
      agencyIds: '执法部门不存在：NOPE', industries: '行业填写不正确（不能含逗号，每个不超过64个字）',
    });
  });

  it('warns of industries no registered enterprise has, names agencies, lists ticked agencies first', () => {
    const known = [{ industry: '餐饮服务', enterprises: 40 }];
    expect(unknownIndustries({ ...draftOf(SCENARIO), industriesText: '餐饮服务、餐饮' }, known)).toEqual(['餐饮']);
    expect(unknownIndustries(draftOf(SCENARIO), [])).toEqual([]);
    expect(agencyNamesText(['A1', 'X'], new Map([['A1', '市场监管局']]))).toBe('市场监管局、部门 X');
    const agencies = [{ id: 'A1', name: '市场监管局' }, { id: 'A2', name: '消防救援支队' }, { id: 'A3', name: '生态环境局' }];
    expect(agencyChoices(agencies, ['A3'], '').map((a) => a.id)).toEqual(['A3', 'A1', 'A2']);
    expect(agencyChoices(agencies, ['A3'], '消防').map((a) => a.id)).toEqual(['A3', 'A2']);
  });
});
