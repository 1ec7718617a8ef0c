import { GENESIS_HASH, type StoredEntry } from '../../trail/index.js';
import { publicActor, publicTrail, type ActingStaff } from './public-trail.js';

const staff: ActingStaff = {
  users: new Map([
    [5, { agencyId: 'A1', officerId: 'O1' }],
    [6, { agencyId: 'A1', officerId: null }],
    [7, { agencyId: null, officerId: null }],
  ]),
  officers: new Map([['O1', { name: '张伟', certNo: '豫C0000001' }]]),
  agencyNames: new Map([['A1', '市市场监督管理局']]),
};

let seq = 0;
const stored = (kind: string, actor: string, detail: Record<string, unknown>): StoredEntry => {
  seq += 1;
  return { inspectionId: 'P1', seq, kind, actor, detail: JSON.stringify(detail), at: new Date(Date.UTC(2026, 4, 10, 1, seq)), prevHash: GENESIS_HASH, hash: 'f'.repeat(64) };
};

describe('the enterprise\'s view of the trail', () => {
  it('names officers by name and certificate number, other staff by their agency, never an account', () => {
    expect(publicActor('user:5:officer1', staff)).toEqual({ name: '张伟', certNo: '豫C0000001' });
    expect(publicActor('user:6:admin1', staff)).toEqual({ name: '市市场监督管理局' });
    expect(publicActor('user:7:supervisor', staff)).toEqual({ name: '执法监督部门' });
    expect(publicActor('user:99:gone', staff)).toEqual({ name: '执法人员' });
    expect(publicActor('enterprise', staff)).toEqual({ name: '企业' });
    expect(publicActor('system:sms', staff)).toEqual({ name: '系统' });
    expect(publicActor('import:2026-05', staff)).toEqual({ name: '系统' });
  });

  it('gives each step in Chinese with what it recorded for the public, and ends with the code\'s validity', () => {
    const view = publicTrail([{
      agencyName: '市市场监督管理局',
      entries: [
        stored('filed', 'user:5:officer1', { reason: '群众投诉：张三反映后厨卫生', officerIds: ['O1'] }),
        stored('checked-in', 'user:5:officer1', { creditCode: '92410202MA0000011X', location: { latitude: 34.8, longitude: 114.3 } }),
        stored('finding', 'user:5:officer1', { itemId: 'I1', item: '食品经营许可检查', outcome: 'pass', note: '内部备注' }),
        stored('rated', 'enterprise', { agencyId: 'A1', language: 1, comment: '态度差' }),
        stored('flagged', 'enterprise', { caseId: 'c-1', source: 'rating', title: '企业差评' }),
      ],
    }], staff, new Date('2026-05-11T16:00:00Z'));

    expect(view).toEqual({
      agencies: [{
        agencyName: '市市场监督管理局',
        steps: [
          { step: '报备', detail: '', by: { name: '张伟', certNo: '豫C0000001' }, at: '2026-05-10T01:01:00.000Z' },
          { step: '入企', detail: '', by: { name: '张伟', certNo: '豫C0000001' }, at: '2026-05-10T01:02:00.000Z' },
          { step: '检查结果', detail: '食品经营许可检查：合格', by: { name: '张伟', certNo: '豫C0000001' }, at: '2026-05-10T01:03:00.000Z' },
          { step: '企业评价', detail: '评价内容仅执法监督、纪检监察部门可见', by: { name: '企业' }, at: '2026-05-10T01:04:00.000Z' },
          { step: '监督立案', detail: '', by: { name: '企业' }, at: '2026-05-10T01:05:00.000Z' },
        ],
      }],
      validUntil: '2026-05-11T16:00:00.000Z',
    });
    for (const internal of ['user:', 'officer1', 'O1', 'c-1', 'P1', 'I1', '张三', '内部备注', '态度差', '92410202MA0000011X', 'fff']) {
      expect(JSON.stringify(view)).not.toContain(internal);
    }
  });
});
