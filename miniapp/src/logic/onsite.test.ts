import type { OnsiteInspectionView, TrailEntryView } from '@mashang/shared';
import { CLIENT_KEY_SHAPE, type QueuedAction } from './offline-queue';
import {
  actorLabel,
  canRecord,
  checkInAction,
  checkInRuleLabel,
  codeDueText,
  directBody,
  documentNetworkNote,
  fileNameOf,
  fileSizeLabel,
  findingAction,
  findingDraftOf,
  findingProblem,
  findingSavedNote,
  finishAction,
  finishState,
  inspectionStatusText,
  itemStates,
  missingItems,
  outcomeHint,
  resultLabel,
  scanCodeHint,
  statusLabel,
  trailDetailLine,
  trailKindLabel,
} from './onsite';

const SHOP = '91440300708461136T';
const NOW = Date.parse('2026-11-22T02:30:00Z');

function inspection(overrides: Partial<OnsiteInspectionView> = {}): OnsiteInspectionView {
  return {
    id: 'P1',
    planCode: 'JH-1',
    leadPlanId: 'P1',
    creditCode: SHOP,
    enterpriseName: '老王烩面馆',
    agencyId: 'A1',
    agencyName: '市市场监督管理局',
    jointAgencies: [],
    inspectionDate: '2026-11-22',
    trigger: 'complaint',
    coded: true,
    status: 'on-site',
    checkedInAt: '2026-11-22T02:00:00.000Z',
    finishedAt: null,
    codeDueAt: null,
    officers: [{ id: 'O1', name: '张伟', certNo: '豫C0000001' }],
    items: [
      { id: 'I1', name: '食品经营许可检查', basis: '《食品安全法》第三十五条', finding: null },
      { id: 'I2', name: '从业人员健康证明检查', basis: '《食品安全法》第四十五条', finding: null },
    ],
    documents: [],
    result: null,
    ...overrides,
  };
}

const queued = (entry: { action: QueuedAction['action']; label: string }, refused = false): QueuedAction =>
  refused ? { ...entry, refused: { code: 'CONFLICT', message: '已结束' } } : entry;

describe('labels', () => {
  it('names statuses, results and every trail kind in Chinese', () => {
    expect(statusLabel('planned')).toBe('待入企');
    expect(statusLabel('finished')).toBe('已结束');
    expect(resultLabel('case')).toBe('立案');
    expect(resultLabel('rectify')).toBe('责令整改');
    const kinds = {
      filed: '报备', merged: '合并', coded: '生成检查码', 'checked-in': '入企', finding: '检查结果', document: '上传文书',
      finished: '结束检查', invited: '短信邀评', rated: '企业评价', flagged: '监督立案', 'code-overdue': '逾期未补码',
      moved: '改期', cancelled: '取消', alone: '单独检查',
    };
    for (const [kind, label] of Object.entries(kinds)) expect(trailKindLabel(kind)).toBe(label);
    expect(trailKindLabel('something-new')).toBe('something-new');
  });

  it('names the check-in rules the server refuses on, and any other as a rule', () => {
    expect(checkInRuleLabel('enterprise-differs')).toBe('企业不一致');
    expect(checkInRuleLabel('code-expired')).toBe('检查码过期');
    expect(checkInRuleLabel('new-rule')).toBe('入企规则');
  });

  it('shows who acted and how big a file is', () => {
    expect(actorLabel('user:12:officer1')).toBe('officer1');
    expect(actorLabel('system:emergency-code')).toBe('系统');
    expect(fileSizeLabel(900)).toBe('900 B');
    expect(fileSizeLabel(2048)).toBe('2.0 KB');
    expect(fileSizeLabel(3.5 * 1024 * 1024)).toBe('3.5 MB');
  });

  it('says what a trail entry recorded', () => {
    const entry = (kind: string, detail: Record<string, unknown>): TrailEntryView => ({ seq: 1, kind, actor: 'user:1:a', at: '', detail, hash: '' });
    expect(trailDetailLine(entry('finding', { item: '食品经营许可检查', outcome: 'rectify', rectifyBy: '2026-12-01', note: '地面油污' })))
      .toBe('食品经营许可检查：责令整改，整改期限 2026-12-01（地面油污）');
    expect(trailDetailLine(entry('checked-in', { creditCode: SHOP, offline: true }))).toBe(`扫码入企 ${SHOP}（离线记录，联网后补传）`);
    expect(trailDetailLine(entry('document', { kind: 'record', title: '现场检查笔录', docNo: '汴市监〔2026〕1号' }))).toBe('检查记录：现场检查笔录（汴市监〔2026〕1号）');
    expect(trailDetailLine(entry('finished', { result: 'case' }))).toBe('检查结果：立案');
    expect(trailDetailLine(entry('filed', { reason: '群众投诉' }))).toBe('群众投诉');
  });
});

describe('what the inspection page says', () => {
  it('marks a check-in still in the queue, and the emergency code deadline before and after', () => {
    expect(inspectionStatusText(inspection({ status: 'planned' }), true)).toBe('入企登记待上传');
    expect(inspectionStatusText(inspection(), false)).toBe('检查中');
    expect(codeDueText(inspection())).toBe('');
    expect(codeDueText(inspection({ codeDueAt: '2026-11-22T10:00:00.000Z', coded: false }))).toBe(
      '紧急检查（先检查后补码）：须在 2026-11-22 18:00 前补报检查码，逾期将转为监督案件',
    );
    expect(codeDueText(inspection({ codeDueAt: '2026-11-22T10:00:00.000Z', coded: true }))).toBe('紧急检查，检查码已补报（期限 2026-11-22 18:00）');
  });

  it('explains each result, a saved finding and why documents need a network', () => {
    expect(outcomeHint('rectify')).toBe('发现问题，限期整改（须写明整改期限）');
    expect(findingSavedNote(false)).toBe('已保存');
    expect(findingSavedNote(true)).toContain('联网后自动上传');
    expect(documentNetworkNote(true)).toBe('文书（检查记录、立案审批表、处罚决定书等）须联网上传，不能离线保存。');
    expect(documentNetworkNote(false)).toContain('现在没有网络');
  });

  it('starts an item\'s form from its result and names chosen files', () => {
    expect(findingDraftOf({ outcome: 'rectify', rectifyBy: '2026-12-01', note: null })).toEqual({ outcome: 'rectify', rectifyBy: '2026-12-01', note: '' });
    expect(findingDraftOf({ outcome: null, rectifyBy: null, note: null })).toEqual({ outcome: null, rectifyBy: '', note: '' });
    expect(fileNameOf('wxfile://tmp/abc/photo.jpg')).toBe('photo.jpg');
    expect(fileNameOf('photo.jpg')).toBe('photo.jpg');
  });
});

describe('scanCodeHint', () => {
  it('counts while typing and names the problem once 18 characters are in', () => {
    expect(scanCodeHint('')).toEqual({ ok: false, text: '' });
    expect(scanCodeHint('9144 0300')).toEqual({ ok: false, text: '已输入 8/18 位' });
    expect(scanCodeHint('91440300708461136U')).toEqual({ ok: false, text: '第18位校验码不正确' });
    expect(scanCodeHint('91440300708461136t')).toEqual({ ok: true, text: '代码有效' });
  });
});

describe('actions', () => {
  it('carries one idempotency key in the action and its body, and the time of the act', () => {
    const { action, label } = checkInAction({ creditCode: SHOP, latitude: 34.8, longitude: 114.3 }, NOW);
    expect(action.clientKey).toMatch(CLIENT_KEY_SHAPE);
    expect(action).toMatchObject({ type: 'check-in', body: { creditCode: SHOP, clientKey: action.clientKey, at: '2026-11-22T02:30:00.000Z', latitude: 34.8 } });
    expect(label).toContain(SHOP);
    expect(directBody(action)).toEqual({ creditCode: SHOP, clientKey: action.clientKey, latitude: 34.8, longitude: 114.3 });
  });

  it('sends a deadline only with 责令整改 and a note only when written', () => {
    const item = { id: 'I1', name: '食品经营许可检查' };
    const pass = findingAction('P1', item, { outcome: 'pass', rectifyBy: '2026-12-01', note: '  ' }, NOW).action;
    expect(pass.body).toEqual({ itemId: 'I1', outcome: 'pass', clientKey: pass.clientKey, at: '2026-11-22T02:30:00.000Z' });
    const rectify = findingAction('P1', item, { outcome: 'rectify', rectifyBy: '2026-12-01', note: ' 地面油污 ' }, NOW);
    expect(rectify.action.body).toMatchObject({ outcome: 'rectify', rectifyBy: '2026-12-01', note: '地面油污' });
    expect(rectify.label).toBe('检查结果 食品经营许可检查：责令整改');
    expect(rectify.action.clientKey).not.toBe(pass.clientKey);
    const finish = finishAction('P1', '老王烩面馆', NOW).action;
    expect(finish).toMatchObject({ type: 'finish', planId: 'P1', body: { clientKey: finish.clientKey } });
  });

  it('checks a finding before it is saved', () => {
    const today = '2026-11-22';
    expect(findingProblem({ outcome: null, rectifyBy: '', note: '' }, today)).toBe('请选择检查结果');
    expect(findingProblem({ outcome: 'rectify', rectifyBy: '', note: '' }, today)).toBe('责令整改须写明整改期限');
    expect(findingProblem({ outcome: 'rectify', rectifyBy: '2026-11-31', note: '' }, today)).toContain('年-月-日');
    expect(findingProblem({ outcome: 'rectify', rectifyBy: '2026-11-21', note: '' }, today)).toBe('整改期限不能早于今天');
    expect(findingProblem({ outcome: 'rectify', rectifyBy: today, note: '' }, today)).toBeNull();
    expect(findingProblem({ outcome: 'violation', rectifyBy: '', note: '' }, today)).toBeNull();
  });
});

describe('items, queued findings and finishing', () => {
  it('lays queued findings over the server’s, the latest per item, refused ones ignored', () => {
    const view = inspection({
      items: [
        { id: 'I1', name: '一', basis: 'b', finding: { outcome: 'pass', rectifyBy: null, note: null, at: '' } },
        { id: 'I2', name: '二', basis: 'b', finding: null },
      ],
    });
    const first = findingAction('P1', { id: 'I2', name: '二' }, { outcome: 'pass', rectifyBy: '', note: '' }, NOW);
    const second = findingAction('P1', { id: 'I2', name: '二' }, { outcome: 'rectify', rectifyBy: '2026-12-01', note: '' }, NOW);
    const refused = findingAction('P1', { id: 'I1', name: '一' }, { outcome: 'violation', rectifyBy: '', note: '' }, NOW);
    const otherPlan = findingAction('P2', { id: 'I1', name: '一' }, { outcome: 'violation', rectifyBy: '', note: '' }, NOW);
    const states = itemStates(view, [queued(first), queued(second), queued(refused, true), queued(otherPlan)]);
    expect(states.map(({ outcome, rectifyBy, pending }) => ({ outcome, rectifyBy, pending }))).toEqual([
      { outcome: 'pass', rectifyBy: null, pending: false },
      { outcome: 'rectify', rectifyBy: '2026-12-01', pending: true },
    ]);
  });

  it('enables 结束检查 only when every item has a result', () => {
    const view = inspection();
    expect(missingItems(itemStates(view, [])).map((state) => state.item.id)).toEqual(['I1', 'I2']);
    expect(finishState(view, [])).toEqual({ enabled: false, reason: '还有2项没有记录结果：食品经营许可检查、从业人员健康证明检查' });
    const one = queued(findingAction('P1', view.items[0], { outcome: 'pass', rectifyBy: '', note: '' }, NOW));
    expect(finishState(view, [one]).enabled).toBe(false);
    const done = inspection({ items: view.items.map((item) => ({ ...item, finding: { outcome: 'pass', rectifyBy: null, note: null, at: '' } })) });
    expect(finishState(done, [])).toEqual({ enabled: true, reason: '' });
    expect(finishState({ ...done, status: 'finished' }, []).enabled).toBe(false);
    expect(finishState(done, [queued(finishAction('P1', 'x', NOW))])).toEqual({ enabled: false, reason: '结束检查已保存，待上传' });
  });

  it('lets findings be recorded after a queued check-in, not before any, not after the finish', () => {
    const planned = inspection({ status: 'planned', checkedInAt: null });
    expect(canRecord(planned, [])).toBe(false);
    expect(finishState(planned, []).reason).toBe('请先扫码入企');
    const checkIn = queued(checkInAction({ creditCode: SHOP }, NOW));
    expect(canRecord(planned, [checkIn])).toBe(true);
    expect(canRecord(planned, [queued(checkInAction({ creditCode: SHOP }, NOW), true)])).toBe(false);
    expect(canRecord(planned, [queued(checkInAction({ creditCode: '91110000802100433B' }, NOW))])).toBe(false);
    expect(canRecord(inspection({ status: 'finished' }), [])).toBe(false);
  });
});
