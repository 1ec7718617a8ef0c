import type { OffsiteRequestView } from '@mashang/shared';
import { askLines, checkAsks, checkReading, draftAsks, enterpriseStatusLine, evidenceLine, formMode, missingCount, modeRequest, offsiteTokenFromParams } from './offsite';

const evidence = (position: number, round: number, text: string | null = null) => ({
  id: `${position}-${round}`, position, round, kind: text ? ('reading' as const) : ('photo' as const), text, fileName: text ? null : 'kitchen.jpg',
  contentType: text ? null : 'image/jpeg', sizeBytes: text ? null : 2_500_000, sha256: null, uploadedAt: '2026-12-01T02:00:00.000Z',
});

const view = (overrides: Partial<OffsiteRequestView> = {}): OffsiteRequestView => ({
  id: 'R1', planId: 'P1', planCode: 'JH20261208-ABCDEF', agencyName: '市市场监督管理局', creditCode: '91410202MA0000011X', enterpriseName: '清风茶馆',
  status: 'asked', round: 2, note: '照片不清楚', requestedAt: '2026-12-01T01:00:00.000Z', answeredAt: null, decidedAt: null, convertReason: null,
  asks: [
    { position: 0, itemId: 'I1', itemName: '食品经营许可检查', kind: 'photo', ask: '后厨照片' },
    { position: 1, itemId: 'I2', itemName: '冷链检查', kind: 'reading', ask: '冷藏温度' },
  ],
  evidence: [evidence(0, 1), evidence(0, 2), evidence(1, 1, '4℃')],
  ...overrides,
});

describe('off-site check pages', () => {
  it('reads the token from the link and nothing else', () => {
    expect(offsiteTokenFromParams({ t: 'AbCdEfGhIjKlMnOpQrStUv' })).toBe('AbCdEfGhIjKlMnOpQrStUv');
    expect(offsiteTokenFromParams({ t: 'short' })).toBeNull();
    expect(offsiteTokenFromParams({})).toBeNull();
  });

  it('puts each ask with what was sent this round, and counts what is missing', () => {
    const lines = askLines(view());
    expect(lines.map((l) => [l.sent.length, l.earlier.length])).toEqual([[1, 1], [0, 1]]);
    expect(missingCount(view())).toBe(1);
    expect(missingCount(view({ round: 1 }))).toBe(0);
  });

  it('names a file with its size and a reading as typed', () => {
    expect(evidenceLine(evidence(0, 1))).toBe('kitchen.jpg（2.4 MB）');
    expect(evidenceLine(evidence(1, 1, '4℃'))).toBe('4℃');
  });

  it('tells the enterprise where it stands, with the officer\'s note when asked again', () => {
    expect(enterpriseStatusLine(view())).toBe('执法部门要求补充材料：照片不清楚');
    expect(enterpriseStatusLine(view({ status: 'accepted' }))).toContain('审核通过');
  });

  it('checks readings and asks before they are sent', () => {
    expect(checkReading('  ')).toEqual({ problem: '请填写读数或说明' });
    expect(checkReading(' 4℃ ')).toEqual({ text: '4℃' });
    expect(checkAsks([])).toEqual({ problem: '至少要求一项材料' });
    expect(checkAsks([{ itemId: 'I1', kind: 'photo', ask: ' 照 ' }])).toEqual({ problem: '第1项：请写明要什么材料（至少2个字）' });
    expect(draftAsks([{ id: 'I1', name: '消防设施检查' }])).toEqual([{ itemId: 'I1', itemName: '消防设施检查', kind: 'photo', ask: '消防设施检查相关现场照片' }]);
  });

  it('files a 无感监管 enterprise\'s routine plan off-site unless the officer chose, and sends the reason only when asked for', () => {
    expect(formMode(null, 'planned', true)).toBe('offsite');
    expect(formMode('onsite', 'planned', true)).toBe('onsite');
    expect(formMode(null, 'complaint', true)).toBe('onsite');
    expect(modeRequest('onsite', ' 设备老化 ', 'planned', true)).toEqual({ mode: 'onsite', modeReason: '设备老化' });
    expect(modeRequest('onsite', '设备老化', 'planned', false)).toEqual({ mode: 'onsite' });
  });
});
