// A penalty case as the server shows it, for the logic tests (not shipped: only tests import it).
import type { PenaltyCaseView } from '@mashang/shared';

export const BENCHMARK = {
  factors: [
    { id: 'first-offence', label: '初次违法', points: -2 },
    { id: 'illegal-gains', label: '有违法所得', points: 3 },
    { id: 'harm', label: '造成危害后果', points: 4 },
  ],
  bands: [
    { level: 'light' as const, minPoints: -100 },
    { level: 'general' as const, minPoints: 0 },
    { level: 'severe' as const, minPoints: 5 },
  ],
  ranges: {
    light: { min: 500_000, max: 1_000_000 },
    general: { min: 1_000_000, max: 3_000_000 },
    severe: { min: 3_000_000, max: 10_000_000 },
  },
};

export function caseView(patch: Partial<PenaltyCaseView> = {}): PenaltyCaseView {
  return {
    id: 'AJ-20261206-0A1B2C3D', stage: 'filed', origin: 'inspection', agencyId: 'A1', agencyName: '市市场监督管理局',
    creditCode: '91440300708461136T', enterpriseName: '老王副食店', inspectionId: 'INS-1', flaggedCaseId: null,
    cause: 'FSL-126', causeName: '未按规定建立并遵守进货查验记录制度', facts: '未查验进货票据', legalBasis: '《中华人民共和国食品安全法》第一百二十六条',
    officers: [{ id: 'O1', name: '张伟' }, { id: 'O1b', name: '王芳' }],
    factors: BENCHMARK.factors.map((f) => ({ ...f, ticked: false })), bands: BENCHMARK.bands, ranges: BENCHMARK.ranges,
    points: null, level: null, range: null, proposedFine: null, outsideRangeReason: null,
    filedAt: '2026-12-06T02:00:00.000Z', notifiedAt: null, statementUntil: null, hearingUntil: null, hearingRequestedAt: null, hearingHeldAt: null,
    decidedAt: null, fine: null, measures: [], major: false, closedAt: null, revokedAt: null, causeChanges: [],
    coerciveMeasures: [], reviews: [], submissions: [], codeUrl: null, codeQrSvg: null, actions: ['notice', 'change-cause', 'coerce', 'revoke'],
    ...patch,
  };
}

/** Noticed on 2026-12-06 10:00 Shanghai with 有违法所得 (3 points, 一般) and 15,000 元; the statement period ends 2026-12-09 24:00. */
export function noticedView(patch: Partial<PenaltyCaseView> = {}): PenaltyCaseView {
  return caseView({
    stage: 'notified', notifiedAt: '2026-12-06T02:00:00.000Z', statementUntil: '2026-12-09T16:00:00.000Z',
    factors: BENCHMARK.factors.map((f) => ({ ...f, ticked: f.id === 'illegal-gains' })),
    points: 3, level: 'general', range: BENCHMARK.ranges.general, proposedFine: 1_500_000, codeUrl: 'https://example.cn/p/abc',
    actions: ['decide', 'change-cause', 'coerce', 'revoke'],
    ...patch,
  });
}
