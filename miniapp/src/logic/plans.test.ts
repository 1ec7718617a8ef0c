import type { Page, PlanEventView, PlanView } from '@mashang/shared';
import {
  actorLabel,
  agencyNamesOf,
  canFilePlans,
  dateMoved,
  planActions,
  filedSummary,
  halfYearResultLabel,
  inspectionMembers,
  membersLine,
  mergePlanPage,
  planEventLine,
} from './plans';

function plan(overrides: Partial<PlanView> = {}): PlanView {
  return {
    id: 'p-own',
    code: 'JH20261201-7Q3KXW',
    agencyId: 'A001',
    creditCode: '9141020002W4HE406T',
    plannedDate: '2026-12-01',
    trigger: 'planned',
    reason: null,
    status: 'active',
    filedAt: '2026-11-22T01:00:00.000Z',
    officerIds: ['A001-001'],
    itemIds: ['A001-I01'],
    inspection: {
      leadPlanId: 'p-own',
      date: '2026-12-01',
      joint: false,
      members: [{ planId: 'p-own', planCode: 'JH20261201-7Q3KXW', agencyId: 'A001', agencyName: '市场监管局' }],
    },
    approval: null,
    ...overrides,
  };
}

const joint = plan({
  inspection: {
    leadPlanId: 'p-fire',
    date: '2026-11-30',
    joint: true,
    // Not in lead-first order on purpose: the page must not depend on the server's order.
    members: [
      { planId: 'p-own', planCode: 'JH20261201-7Q3KXW', agencyId: 'A001', agencyName: '市场监管局' },
      { planId: 'p-fire', planCode: 'JH20261130-ABCDEF', agencyId: 'A005', agencyName: '消防救援支队' },
      { planId: 'p-eco', planCode: 'JH20261203-GHJKLM', agencyId: 'A009', agencyName: '生态环境局' },
    ],
  },
});

describe('inspectionMembers and membersLine', () => {
  it('puts the leading agency first and marks it', () => {
    expect(inspectionMembers(joint).map((m) => [m.agencyName, m.lead])).toEqual([
      ['消防救援支队', true],
      ['市场监管局', false],
      ['生态环境局', false],
    ]);
    expect(membersLine(joint)).toBe('消防救援支队（牵头）、市场监管局、生态环境局');
  });
});

describe('filedSummary', () => {
  it('names the code and date, and the partners of a joint inspection', () => {
    expect(filedSummary(plan())).toBe('已报备 JH20261201-7Q3KXW，检查日期 2026-12-01。');
    expect(filedSummary(joint)).toBe(
      '已报备 JH20261201-7Q3KXW，检查日期 2026-11-30，与消防救援支队、生态环境局合并为联合检查（消防救援支队牵头）。',
    );
  });

  it('says a plan waits for its head before it merges or gets a code', () => {
    expect(filedSummary(plan({ status: 'awaiting' }))).toBe('已报备 JH20261201-7Q3KXW，检查日期 2026-12-01，待本部门负责人审批；批准后参与合并、生成检查码。');
  });

  it('knows when the joint inspection moved the date', () => {
    expect(dateMoved(plan())).toBe(false);
    expect(dateMoved(joint)).toBe(true);
  });
});

describe('mergePlanPage', () => {
  it('starts over on page 1 and appends later pages without repeats', () => {
    const a = plan({ id: 'a' });
    const b = plan({ id: 'b' });
    const page = (items: PlanView[], n: number): Page<PlanView> => ({ items, page: n, pageSize: 20, total: 40 });
    expect(mergePlanPage([a], page([b], 1))).toEqual([b]);
    expect(mergePlanPage([a, b], page([b, plan({ id: 'c' })], 2)).map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('planEventLine', () => {
  const names = agencyNamesOf(joint);
  const event = (kind: string, detail: Record<string, unknown>): PlanEventView => ({
    kind,
    actor: 'user:3:officer1',
    at: '2026-11-22T01:05:00.000Z',
    detail,
  });

  it('tells a filing', () => {
    expect(
      planEventLine(
        event('filed', { date: '2026-12-01', trigger: 'planned', officerIds: ['a', 'b'], itemIds: ['x'] }),
        'A001',
        names,
      ),
    ).toEqual({
      title: '报备',
      time: '2026-11-22 09:05',
      actor: 'officer1',
      text: '报备计划检查，检查日期 2026-12-01，执法人员 2 名，检查事项 1 项',
    });
    // The server names the user: the name, not the account.
    expect(planEventLine({ ...event('moved', { from: '2026-12-01', to: '2026-12-03' }), actorName: '张伟' }, 'A001', names).actor).toBe('张伟');
  });

  it('tells a merge into a joint inspection with the partners and the lead', () => {
    const line = planEventLine(
      event('merged', {
        leadPlanId: 'p-fire',
        leadAgencyId: 'A005',
        inspectionDate: '2026-11-30',
        agencyIds: ['A005', 'A001', 'A404'],
        why: '同一企业±7个自然日内不同部门的检查计划合并为联合检查（应急优先、先提报优先）',
      }),
      'A001',
      names,
    );
    expect(line.title).toBe('合并');
    expect(line.text).toBe('与消防救援支队、部门 A404合并为联合检查，由消防救援支队牵头，检查日期 2026-11-30');
    expect(line.note).toContain('±7个自然日');
  });

  it('tells a plan left on its own', () => {
    const line = planEventLine(
      event('merged', { leadAgencyId: 'A001', inspectionDate: '2026-12-01', agencyIds: ['A001'], why: '不再与其他部门的计划合并，单独检查' }),
      'A001',
      names,
    );
    expect(line).toMatchObject({ title: '单独检查', text: '不再与其他部门合并，单独检查，检查日期 2026-12-01' });
  });

  it('tells an issued code with its expiry in Shanghai time', () => {
    const line = planEventLine(
      event('coded', { inspectionDate: '2026-12-01', expiresAt: '2026-12-02T16:00:00.000Z', agencyIds: ['A001', 'A005'] }),
      'A001',
      names,
    );
    expect(line.text).toBe('生成联合检查的检查码，检查日期 2026-12-01，有效期至 2026-12-03 00:00');
  });

  it('tells a move, a cancel with its reason, and going alone in a scenario', () => {
    expect(planEventLine(event('moved', { from: '2026-12-01', to: '2026-12-08' }), 'A001', names)).toMatchObject({ title: '改期', text: '报备日期由 2026-12-01 改为 2026-12-08' });
    expect(planEventLine(event('cancelled', { reason: '企业已停业' }), 'A001', names)).toMatchObject({ title: '取消', text: '取消计划', note: '原因：企业已停业' });
    expect(planEventLine(event('alone', { scenario: '餐饮店联合检查', missingAgencyIds: ['A005', 'A404'], reason: '消防本月已检查' }), 'A001', names)).toMatchObject({
      title: '单独检查',
      text: '综合监管场景“餐饮店联合检查”应与消防救援支队、部门 A404联合检查，说明理由后单独检查',
      note: '理由：消防本月已检查',
    });
  });

  it('names an agency outside the inspection from the names the entry carries', () => {
    const alone = { ...event('alone', { scenario: '餐饮店联合检查', missingAgencyIds: ['A404'], reason: '已查' }), agencyNames: { A404: '城市管理局' } };
    expect(planEventLine(alone, 'A001', names).text).toContain('应与城市管理局联合检查');
  });

  it('tells a refused move or code with each rule in Chinese', () => {
    const refusals = [{ rule: 'advance-notice', message: '计划检查须提前7个自然日报备', remedy: '改到 2026-12-08 以后' }];
    expect(planEventLine(event('refused', { moveTo: '2026-12-03', refusals }), 'A001', names)).toMatchObject({
      title: '未通过', text: '改期到 2026-12-03 未通过', note: '提前报备：计划检查须提前7个自然日报备',
    });
    expect(planEventLine(event('refused', { refusals: [{ rule: 'joint-scenario', message: '消防应一同检查' }] }), 'A001', names)).toMatchObject({
      text: '生成检查码未通过', note: '应联未联：消防应一同检查',
    });
  });

  it('tells a filing that waits for approval, and the head\'s decision with its reasons', () => {
    const filed = planEventLine(event('filed', { date: '2026-12-01', trigger: 'planned', officerIds: ['a'], itemIds: ['x'], approval: 'prior' }), 'A001', names);
    expect(filed.text).toBe('报备计划检查，检查日期 2026-12-01，执法人员 1 名，检查事项 1 项，待负责人审批');
    expect(planEventLine(event('returned', { when: 'prior', note: '事项不符' }), 'A001', names)).toMatchObject({ title: '退回', text: '负责人退回，计划不再执行', note: '意见：事项不符' });
    expect(planEventLine(event('approved', { when: 'after', note: null }), 'A001', names)).toMatchObject({ title: '审批通过', text: '负责人事后审批：批准', note: undefined });
  });

  it('shows an unknown kind without its key and survives a detail of the wrong shape', () => {
    expect(planEventLine(event('archived', {}), 'A001', names).text).toBe('其他记录');
    expect(planEventLine(event('refused', { refusals: 'x' }), 'A001', names).note).toBeUndefined();
    expect(planEventLine(event('filed', { officerIds: 'x' }), 'A001', names).text).toContain('执法人员 0 名');
  });
});

describe('planActions', () => {
  it('lets an active plan get its code, move and cancel; a waiting one only be withdrawn; a returned one nothing', () => {
    expect(planActions({ status: 'active' })).toEqual({ code: true, move: true, cancel: true });
    expect(planActions({ status: 'awaiting' })).toEqual({ code: false, move: false, cancel: true });
    expect(planActions({ status: 'returned' })).toEqual({ code: false, move: false, cancel: false });
  });
});

describe('small labels', () => {
  it('names results, actors and who may file', () => {
    expect(halfYearResultLabel('pass')).toBe('检查合格');
    expect(halfYearResultLabel('rectify')).toBe('责令整改');
    expect(halfYearResultLabel('case')).toBe('立案查处');
    expect(halfYearResultLabel('x')).toBe('其他结果（x）');
    expect(actorLabel('user:3:officer1')).toBe('officer1');
    expect(actorLabel('system')).toBe('system');
    expect(canFilePlans('officer')).toBe(true);
    expect(canFilePlans('agency-admin')).toBe(true);
    expect(canFilePlans('supervisor')).toBe(false);
  });
});
