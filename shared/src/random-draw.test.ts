import { createHash, createHmac } from 'node:crypto';
import type { CreditGrade } from './api.js';
import { canonicalInputs, drawCount, DRAW_ALGORITHM, finalSeed, runDraw, type DrawHashing, type DrawInputs } from './random-draw.js';

const hashing: DrawHashing = {
  sha256Hex: async (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
  hmac: async (keyHex, message) => createHmac('sha256', Buffer.from(keyHex, 'hex')).update(message, 'utf8').digest(),
};

const code = (i: number) => `91410200MA${String(i).padStart(7, '0')}X`;
const grades: CreditGrade[] = ['A', 'B', 'C', 'D'];

function inputs(size: number, officers = 6, recusals: DrawInputs['recusals'] = []): DrawInputs {
  return {
    algorithm: DRAW_ALGORITHM,
    population: Array.from({ length: size }, (_, i) => ({ creditCode: code(i), grade: grades[i % 4] })),
    proportions: { A: 0.03, B: 0.05, C: 0.2, D: 1 },
    officers: Array.from({ length: officers }, (_, i) => `O${i + 1}`),
    recusals,
  };
}

/** The example in shared/spec/random-draw.md: another implementation must get exactly this. */
const EXAMPLE_SEED = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
const EXAMPLE: DrawInputs = {
  algorithm: DRAW_ALGORITHM,
  population: [
    { creditCode: '91410200MA0000001X', grade: 'A' }, { creditCode: '91410200MA0000002X', grade: 'A' },
    { creditCode: '91410200MA0000003X', grade: 'C' }, { creditCode: '91410200MA0000004X', grade: 'C' },
    { creditCode: '91410200MA0000005X', grade: 'C' }, { creditCode: '91410200MA0000006X', grade: 'D' },
  ],
  proportions: { A: 0.5, B: 0.05, C: 0.34, D: 1 },
  officers: ['O1', 'O2', 'O3'],
  recusals: [{ officerId: 'O1', creditCode: '91410200MA0000006X' }],
};

describe('random draw (双随机)', () => {
  it('reproduces the documented example exactly', async () => {
    const seed = await finalSeed(hashing, EXAMPLE_SEED, '2026-12-07 福彩3D 123');
    const result = await runDraw(hashing, seed, EXAMPLE);
    expect(seed).toBe(EXPECTED_FINAL_SEED);
    expect(result).toEqual(EXPECTED_RESULT);
  });

  it('gives the same result from the same inputs and seed, and another from another seed', async () => {
    const a = await runDraw(hashing, EXAMPLE_SEED, inputs(400));
    expect(await runDraw(hashing, EXAMPLE_SEED, inputs(400))).toEqual(a);
    expect(await runDraw(hashing, 'ff'.repeat(32), inputs(400))).not.toEqual(a);
  });

  it('draws each grade its proportion (every D), and over many draws each enterprise about equally often', async () => {
    const population = inputs(400);
    const counts = new Map<string, number>();
    const rounds = 200;
    for (let r = 0; r < rounds; r += 1) {
      const result = await runDraw(hashing, (await hashing.sha256Hex(`round ${r}`)), population);
      const byGrade = Object.fromEntries(grades.map((g) => [g, result.inspections.filter((i) => i.grade === g).length]));
      expect(byGrade).toEqual({ A: drawCount(100, 0.03), B: drawCount(100, 0.05), C: drawCount(100, 0.2), D: 100 });
      for (const i of result.inspections) counts.set(i.creditCode, (counts.get(i.creditCode) ?? 0) + 1);
    }
    // Grade C: 20 of 100 per round, so each enterprise is drawn 40 times in 200 rounds on average
    // (binomial, sd ≈ 5.7); every one within 5 sd, and the grade's total exact.
    const cCounts = population.population.filter((e) => e.grade === 'C').map((e) => counts.get(e.creditCode) ?? 0);
    expect(cCounts.reduce((a, b) => a + b, 0)).toBe(20 * rounds);
    for (const n of cCounts) expect(Math.abs(n - 40)).toBeLessThan(5 * 5.7);
  });

  it('never pairs a recused officer with the enterprise, and lists enterprises with fewer than two eligible officers', async () => {
    const base = inputs(200, 4);
    const recusals = base.population.flatMap((e, i) => (i % 3 === 0 ? [{ officerId: 'O1', creditCode: e.creditCode }, { officerId: 'O2', creditCode: e.creditCode }] : i % 3 === 1 ? [{ officerId: 'O3', creditCode: e.creditCode }] : []));
    const lonely = base.population[5].creditCode;
    recusals.push(...['O1', 'O2', 'O3'].map((officerId) => ({ officerId, creditCode: lonely })));
    const withRecusals = { ...base, recusals, proportions: { A: 1, B: 1, C: 1, D: 1 } };
    for (let r = 0; r < 20; r += 1) {
      const result = await runDraw(hashing, await hashing.sha256Hex(`r${r}`), withRecusals);
      const banned = new Set(recusals.map((x) => `${x.officerId}|${x.creditCode}`));
      for (const i of result.inspections) {
        expect(i.officerIds[0]).not.toBe(i.officerIds[1]);
        for (const o of i.officerIds) expect(banned.has(`${o}|${i.creditCode}`)).toBe(false);
      }
      expect(result.unpaired).toEqual([lonely]);
    }
  });

  it('publishes the inputs in one canonical form whatever their order', () => {
    const shuffled = { ...EXAMPLE, population: [...EXAMPLE.population].reverse(), officers: ['O3', 'O1', 'O2', 'O1'] };
    expect(canonicalInputs(shuffled)).toBe(canonicalInputs(EXAMPLE));
  });

  it('rounds counts half up and never above the population', () => {
    expect(drawCount(10, 0.05)).toBe(1);
    expect(drawCount(10, 0.04)).toBe(0);
    expect(drawCount(3, 1)).toBe(3);
    expect(drawCount(0, 1)).toBe(0);
    expect(drawCount(50, 0.03)).toBe(2); // 1.5 rounds up
    expect(drawCount(50, 0.0299)).toBe(1);
  });
});

const EXPECTED_FINAL_SEED = 'f076600f526de5eaa94717b20815698063c595eb6e297c2bc4f6d7af923352fe';
const EXPECTED_RESULT = {
  inspections: [
    { creditCode: '91410200MA0000002X', grade: 'A', officerIds: ['O1', 'O3'] },
    { creditCode: '91410200MA0000004X', grade: 'C', officerIds: ['O2', 'O1'] },
    { creditCode: '91410200MA0000006X', grade: 'D', officerIds: ['O2', 'O3'] },
  ],
  unpaired: [],
};
