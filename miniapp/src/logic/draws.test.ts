import { webcrypto } from 'node:crypto';
import { createHash, createHmac } from 'node:crypto';
import { DRAW_ALGORITHM, finalSeed, runDraw, canonicalInputs, type DrawInputs, type DrawView } from '@mashang/shared';
import { drawIdFromParams, outcomeLines, proportionsText, verifyInBrowser, webCryptoHashing } from './draws';

const node = {
  sha256Hex: async (t: string) => createHash('sha256').update(t, 'utf8').digest('hex'),
  hmac: async (k: string, m: string) => createHmac('sha256', Buffer.from(k, 'hex')).update(m, 'utf8').digest(),
};

async function publishedDraw(): Promise<DrawView> {
  const inputs: DrawInputs = {
    algorithm: DRAW_ALGORITHM,
    population: Array.from({ length: 30 }, (_, i) => ({ creditCode: `91410200MA${String(i).padStart(7, '0')}X`, grade: (['A', 'B', 'C', 'D'] as const)[i % 4] })),
    proportions: { A: 0.03, B: 0.05, C: 0.2, D: 1 }, officers: ['O1', 'O2', 'O3'], recusals: [],
  };
  const seed = 'ab'.repeat(32);
  const result = await runDraw(node, await finalSeed(node, seed, '开奖 1 2 3'), inputs);
  return {
    id: '0190b7f0-0000-7000-8000-000000000000', agencyId: 'A1', agencyName: '市场监管局', name: '抽查', items: [], industries: [], regionPrefixes: [],
    periodFrom: '2027-01-01', periodTo: '2027-03-31', status: 'drawn', algorithm: DRAW_ALGORITHM, commitment: await node.sha256Hex(seed),
    committedAt: '2026-12-01T00:00:00Z', inputs: canonicalInputs(inputs), publicEntropy: '开奖 1 2 3', seed, result, drawnAt: '2026-12-02T00:00:00Z',
    outcomes: [
      { creditCode: 'X1', enterpriseName: '甲店', planId: 'P1', refusal: null, result: 'pass' },
      { creditCode: 'X2', enterpriseName: '乙店', planId: null, refusal: '信用分级频次', result: null },
    ],
  };
}

describe('public draws page logic', () => {
  it('verifies a published draw on WebCrypto exactly as the server does on node:crypto', async () => {
    const draw = await publishedDraw();
    const check = await verifyInBrowser(draw, webCryptoHashing(webcrypto.subtle as SubtleCrypto));
    expect(check.ok).toBe(true);
    const tampered = await verifyInBrowser({ ...draw, publicEntropy: '开奖 1 2 4' }, webCryptoHashing(webcrypto.subtle as SubtleCrypto));
    expect(tampered.ok).toBe(false);
    expect(tampered.lines[2]).toContain('不同');
  });

  it('says where it cannot check, and what a draw is in words', async () => {
    const draw = await publishedDraw();
    expect((await verifyInBrowser(draw, null)).lines[0]).toContain('verify-draw');
    expect(proportionsText(draw)).toBe('D级 100%，C级 20%，B级 5%，A级 3%');
    expect(outcomeLines(draw).map((l) => l.state)).toEqual(['已检查：合格', '未列入计划：信用分级频次']);
    expect(drawIdFromParams({ id: draw.id })).toBe(draw.id);
    expect(drawIdFromParams({ id: '../x' })).toBeNull();
  });
});
