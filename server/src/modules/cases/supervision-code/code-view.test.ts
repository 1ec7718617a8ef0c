import { unlabelledEvidenceKeys, type DiscretionBenchmark } from '@mashang/shared';
import { codeView, tickedFactorIds } from './code-view.js';
import { objectionDedupeKey, objectionFlag } from './objection-flag.js';
import type { CodedCase } from './supervision-code.repository.js';

const benchmark: DiscretionBenchmark = {
  clause: 'food-safety-34',
  name: '经营超过保质期的食品',
  legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
  factors: [
    { id: 'first-offence', label: '初次违法', points: -2 },
    { id: 'illegal-gains', label: '有违法所得', points: 3 },
    { id: 'harm', label: '造成危害后果', points: 4 },
  ],
  bands: [{ level: 'light', minPoints: -10 }, { level: 'general', minPoints: 1 }, { level: 'severe', minPoints: 5 }],
  ranges: { light: { min: 500_000, max: 1_000_000 }, general: { min: 1_000_000, max: 3_000_000 }, severe: { min: 3_000_000, max: 5_000_000 } },
};

const NOW = new Date('2026-03-03T02:00:00Z');
const coded = (change: Partial<CodedCase> = {}): CodedCase => ({
  caseId: 'C-2026-001', agencyId: 'A1', creditCode: '92410202MA00000000', cause: 'food-safety-34', discretionLevel: 'general', fine: '0',
  stage: 'notified', facts: '货架上有过期牛奶12盒', legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款',
  factors: JSON.stringify(['harm', 'first-offence']), points: 2, proposedFine: '2000000', rangeMin: '1000000', rangeMax: '3000000',
  statementUntil: new Date('2026-03-05T16:00:00Z'), hearingUntil: new Date('2026-03-07T16:00:00Z'), hearingRequestedAt: null, codeHash: 'h'.repeat(64),
  ...change,
});
const names = { agency: '市市场监督管理局', enterprise: '老王烩面馆' };

describe('the supervision code page', () => {
  it('shows the case, the ticked factors in the benchmark\'s order with their points, the level, range and fine, the deadlines and what is open', () => {
    expect(codeView(coded(), benchmark, names, [{ kind: 'statement', at: new Date('2026-03-02T08:00:00Z') }], NOW)).toEqual({
      caseId: 'C-2026-001',
      stage: 'notified',
      agencyName: '市市场监督管理局',
      enterpriseName: '老王烩面馆',
      causeName: '经营超过保质期的食品',
      facts: '货架上有过期牛奶12盒',
      legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款',
      factors: [{ label: '初次违法', points: -2 }, { label: '造成危害后果', points: 4 }],
      points: 2,
      level: 'general',
      range: { min: 1_000_000, max: 3_000_000 },
      proposedFine: 2_000_000,
      decidedFine: null,
      statementUntil: '2026-03-05T16:00:00.000Z',
      hearingUntil: '2026-03-07T16:00:00.000Z',
      open: ['statement', 'hearing', 'objection'],
      submissions: [{ kind: 'statement', at: '2026-03-02T08:00:00.000Z' }],
    });
  });

  it('shows the decided fine once decided, and nothing open once closed', () => {
    expect(codeView(coded({ stage: 'decided', fine: '1500000' }), benchmark, names, [], NOW)).toMatchObject({ decidedFine: 1_500_000, open: ['objection'] });
    expect(codeView(coded({ stage: 'closed', fine: '1500000' }), benchmark, names, [], NOW)).toMatchObject({ decidedFine: 1_500_000, open: [] });
    expect(codeView(coded({ stage: 'revoked' }), benchmark, names, [], NOW)).toMatchObject({ decidedFine: null, open: [] });
  });

  it('reads an unknown stage as closed, and a missing benchmark or notice as nothing rather than failing', () => {
    expect(codeView(coded({ stage: 'archived' }), benchmark, names, [], NOW)).toMatchObject({ stage: 'closed', open: [] });
    const bare = codeView(coded({ discretionLevel: '', factors: null, points: null, proposedFine: null, rangeMin: null, rangeMax: null, legalBasis: '' }), null, names, [], NOW);
    expect(bare).toMatchObject({ causeName: 'food-safety-34', legalBasis: '', factors: [], points: null, level: null, range: null, proposedFine: null });
    expect(tickedFactorIds('not json')).toEqual([]);
    expect(tickedFactorIds('{"a":1}')).toEqual([]);
  });
});

describe('an objection\'s flagged case', () => {
  it('is raised on the penalty case for its agency, medium, once per submission, with evidence that reads in Chinese', () => {
    const flag = objectionFlag(coded(), benchmark, { id: 'S1', text: '初次违法且已下架，应从轻' });
    expect(flag).toMatchObject({
      dedupeKey: objectionDedupeKey('S1'), source: 'objection', subjectType: 'case', subjectId: 'C-2026-001', agencyId: 'A1', creditCode: '92410202MA00000000',
      severity: 'medium', actor: 'enterprise', title: '当事人对案件 C-2026-001（经营超过保质期的食品）的处罚裁量提出异议',
    });
    expect(flag.evidence).toEqual({
      caseId: 'C-2026-001', cause: 'food-safety-34', causeName: '经营超过保质期的食品', legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款',
      factors: ['初次违法（-2分）', '造成危害后果（+4分）'], points: 2, level: 'general', proposedFine: 2_000_000, fineRange: { min: 1_000_000, max: 3_000_000 },
      objection: '初次违法且已下架，应从轻', submissionId: 'S1',
    });
    expect(unlabelledEvidenceKeys(flag.evidence)).toEqual([]);
    expect(objectionFlag(coded({ stage: 'decided', fine: '1500000' }), benchmark, { id: 'S2', text: 'x' }).evidence.fine).toBe(1_500_000);
  });

  it('keeps the title within its column for a long clause name', () => {
    const title = objectionFlag(coded({ caseId: 'C'.repeat(64) }), { ...benchmark, name: '违'.repeat(200) }, { id: 'S1', text: 'x' }).title;
    expect(title.length).toBeLessThanOrEqual(300);
  });
});
