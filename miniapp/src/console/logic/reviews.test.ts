import type { ReviewRequestView } from '@mashang/shared';
import { decisionRequest, inspectionResultLabel, reviewActor, reviewEventLabel, reviewHeadline, reviewStatusLabel } from './reviews';

const REVIEW: ReviewRequestView = {
  id: 'RV1', inspectionId: 'R1', creditCode: '9141020002W4HE406T', enterpriseName: '老王烩面馆', agencyId: 'A3', agencyName: '祥符分局',
  inspectedByAgencyId: 'A1', inspectedByAgencyName: '市场监管局', inspectionStartedAt: '2026-11-04T01:30:00.000Z', inspectionResult: 'pass',
  reason: '后厨问题未记录', status: 'pending', requestedAt: '2026-11-20T02:00:00.000Z', events: [],
};

describe('review requests on the console', () => {
  it('reads in Chinese: the headline, statuses, steps, results and who', () => {
    expect(reviewHeadline(REVIEW)).toBe('祥符分局 对 市场监管局 2026-11-04 09:30 的检查结果（合格）申请异议复查');
    expect(reviewHeadline({ ...REVIEW, agencyName: null, inspectionStartedAt: null })).toBe('部门 A3 对 市场监管局的检查结果（合格）申请异议复查');
    expect(reviewStatusLabel('rejected')).toBe('不予受理：维持原结果');
    expect(reviewStatusLabel('odd')).toBe('状态未知');
    expect(reviewEventLabel('requested')).toBe('申请异议复查');
    expect(reviewEventLabel('accepted')).toBe('决定：受理，重新复查');
    expect(inspectionResultLabel('rectify')).toBe('责令整改');
    expect(inspectionResultLabel(null)).toBe('—');
    expect(reviewActor('user:9:supervisor')).toBe('supervisor');
  });

  it('asks for a choice and a reason before deciding', () => {
    expect(decisionRequest('', '理由充分')).toEqual({ error: '请选择受理（重新复查）或不予受理（维持原结果）' });
    expect(decisionRequest('reject', ' 否 ')).toEqual({ error: '请写明决定理由（至少2个字）' });
    expect(decisionRequest('reject', ' 原检查记录完整 ')).toEqual({ request: { accept: false, note: '原检查记录完整' } });
    expect(decisionRequest('accept', '照片显示问题')).toEqual({ request: { accept: true, note: '照片显示问题' } });
  });
});
