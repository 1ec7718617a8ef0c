import { actorUserId } from './actor.js';
import { trailDetailLine, trailKindLabel } from './trail.js';

const entry = (kind: string, detail: Record<string, unknown>) => ({ kind, detail });

describe('trail lines', () => {
  it('tells the officer everything an entry says', () => {
    expect(trailDetailLine(entry('finding', { item: '食品经营许可检查', outcome: 'rectify', rectifyBy: '2026-12-01', note: '地面油污' })))
      .toBe('食品经营许可检查：责令整改，整改期限 2026-12-01（地面油污）');
    expect(trailDetailLine(entry('document', { kind: 'record', title: '现场检查笔录', docNo: '汴市监〔2026〕1号' }))).toBe('检查记录：现场检查笔录（汴市监〔2026〕1号）');
    expect(trailDetailLine(entry('filed', { reason: '群众投诉：张三反映后厨卫生' }))).toBe('群众投诉：张三反映后厨卫生');
  });

  it('tells the enterprise only the register\'s names, labels, dates and numbers: nothing anyone typed', () => {
    expect(trailDetailLine(entry('finding', { item: '食品经营许可检查', outcome: 'rectify', rectifyBy: '2026-12-01', note: '地面油污' }), 'public'))
      .toBe('食品经营许可检查：责令整改，整改期限 2026-12-01');
    expect(trailDetailLine(entry('document', { kind: 'record', title: '现场检查笔录', docNo: '汴市监〔2026〕1号' }), 'public')).toBe('检查记录（汴市监〔2026〕1号）');
    expect(trailDetailLine(entry('checked-in', { creditCode: '92410202MA0000011X', offline: true, location: { latitude: 34.8 } }), 'public')).toBe('离线记录，联网后补传');
    expect(trailDetailLine(entry('checked-in', { creditCode: '92410202MA0000011X' }), 'public')).toBe('');
    expect(trailDetailLine(entry('finished', { result: 'case' }), 'public')).toBe('检查结果：立案');
    expect(trailDetailLine(entry('filed', { reason: '群众投诉：张三反映后厨卫生' }), 'public')).toBe('');
    expect(trailDetailLine(entry('cancelled', { reason: '内部调整' }), 'public')).toBe('');
    expect(trailDetailLine(entry('flagged', { caseId: 'c1', title: '企业差评' }), 'public')).toBe('');
  });

  it('tells every reader of a rating only that its content is the supervisors\'', () => {
    const old = entry('rated', { agencyId: 'A1', language: 1, verdict: 'disapprove', comment: '态度差', note: '态度差' });
    for (const audience of ['officer', 'public'] as const) {
      expect(trailDetailLine(old, audience)).toBe('评价内容仅执法监督、纪检监察部门可见');
      expect(trailDetailLine(entry('rated', { agencyId: 'A1', ratingDigest: 'ab'.repeat(32) }), audience)).toBe('评价内容仅执法监督、纪检监察部门可见');
    }
  });

  it('tells every reader of a party\'s submission its kind, never what the party wrote', () => {
    const objection = entry('party-submission', { submissionId: 's1', kind: 'objection', textDigest: 'ab'.repeat(32), flaggedCaseId: 'f1', text: '罚款太重，张三 13612345678' });
    expect(trailDetailLine(objection, 'public')).toBe('对裁量有异议');
    expect(trailDetailLine(objection)).toBe('对裁量有异议（已转执法监督部门）');
    expect(trailDetailLine(entry('party-submission', { kind: 'statement', text: '我们已经整改' }), 'public')).toBe('陈述申辩');
    expect(trailDetailLine(entry('party-submission', { kind: 'hearing' }))).toBe('申请听证');
    expect(trailDetailLine(entry('code-sent', { phone: '136****5678', provider: 'aliyun' }))).toBe('监督码短信已发送至 136****5678');
    expect(trailDetailLine(entry('code-sent', { phone: '136****5678' }), 'public')).toBe('');
    expect(trailKindLabel('party-submission')).toBe('当事人陈述申辩/听证/异议');
  });

  it('names every step in Chinese', () => {
    expect(trailKindLabel('checked-in')).toBe('入企');
    expect(trailKindLabel('something-new')).toBe('something-new');
  });

  it('reads a user id out of an actor', () => {
    expect(actorUserId('user:12:officer1')).toBe(12);
    expect(actorUserId('enterprise')).toBeNull();
    expect(actorUserId('system:sms')).toBeNull();
  });
});
