// 双随机一公开: the random draw of enterprises and of two officers per inspection, reproducible by
// anyone from its published inputs and seed (shared/spec/random-draw.md describes it for other
// implementations). Hashing is passed in, so the server (node:crypto) and a browser (WebCrypto)
// run this same code.
import type { CreditGrade } from './api.js';

export const DRAW_ALGORITHM = 'mashang-draw-v1';

/** SHA-256 and HMAC-SHA-256 over UTF-8 text, as lowercase hex / raw bytes. */
export interface DrawHashing {
  sha256Hex(text: string): Promise<string>;
  hmac(keyHex: string, message: string): Promise<Uint8Array>;
}

/** What a draw is computed from; published with the commitment, before the draw. */
export interface DrawInputs {
  algorithm: typeof DRAW_ALGORITHM;
  /** The enterprises that may be drawn, with their grade at the time of publication. */
  population: { creditCode: string; grade: CreditGrade }[];
  /** Share of each grade to inspect, 0–1 (1: every one). */
  proportions: Record<CreditGrade, number>;
  /** The agency's officers with a certificate valid for the period. */
  officers: string[];
  /** Pairs that may not meet: declared conflicts and recent inspections by the same officer. */
  recusals: { officerId: string; creditCode: string }[];
}

export interface DrawResult {
  /** Drawn enterprises in credit-code order, each with its two officers. */
  inspections: { creditCode: string; grade: CreditGrade; officerIds: [string, string] }[];
  /** Drawn enterprises fewer than two officers may inspect: someone must be assigned by hand. */
  unpaired: string[];
}

const GRADES: CreditGrade[] = ['A', 'B', 'C', 'D'];
const TWO_64 = 2n ** 64n;

/** The seed a draw runs on: the committed seed joined with entropy published after the commitment (may be empty). */
export function finalSeed(hashing: DrawHashing, seedHex: string, publicEntropy: string): Promise<string> {
  return hashing.sha256Hex(`${seedHex}|${publicEntropy}`);
}

/** A proportion in basis points of a hundredth of a percent (proportions carry at most four decimals). */
export const proportionUnits = (proportion: number) => Math.round(proportion * 10_000);

/** How many of n enterprises a proportion draws: n·p rounded half up, in integers (no floating point), never more than n. */
export function drawCount(n: number, proportion: number): number {
  return Math.min(n, Math.floor((n * proportionUnits(proportion) + 5_000) / 10_000));
}

/**
 * A stream of uniform integers: the i-th 64-bit number of stream `label` is the first 8 bytes
 * (big-endian) of HMAC-SHA-256(seed, `${label}:${i}`); a number is taken below `bound` by rejection
 * of the top partial range, so every value is equally likely.
 */
export class DrawStream {
  private counter = 0;

  constructor(private readonly hashing: DrawHashing, private readonly seedHex: string, private readonly label: string) {}

  async below(bound: number): Promise<number> {
    const n = BigInt(bound);
    const limit = TWO_64 - (TWO_64 % n);
    for (;;) {
      const bytes = await this.hashing.hmac(this.seedHex, `${this.label}:${this.counter++}`);
      let value = 0n;
      for (let i = 0; i < 8; i += 1) value = (value << 8n) | BigInt(bytes[i]);
      if (value < limit) return Number(value % n);
    }
  }
}

/** The first k of a Fisher–Yates shuffle of `items` driven by the stream (position i swaps with i + below(n − i)). */
export async function sample<T>(items: readonly T[], k: number, stream: DrawStream): Promise<T[]> {
  const pool = [...items];
  for (let i = 0; i < k; i += 1) {
    const j = i + (await stream.below(pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, k);
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The draw: per grade A, B, C, D, the enterprises of that grade in credit-code order, sampled with
 * stream `grade:<G>`; then per drawn enterprise in credit-code order, two of the officers (in id
 * order) not recused from it, sampled with stream `pair:<credit code>`.
 */
export async function runDraw(hashing: DrawHashing, seedHex: string, inputs: DrawInputs): Promise<DrawResult> {
  const drawn: { creditCode: string; grade: CreditGrade }[] = [];
  for (const grade of GRADES) {
    const ofGrade = inputs.population.filter((e) => e.grade === grade).map((e) => e.creditCode).sort(byCode);
    const k = drawCount(ofGrade.length, inputs.proportions[grade] ?? 0);
    for (const creditCode of await sample(ofGrade, k, new DrawStream(hashing, seedHex, `grade:${grade}`))) drawn.push({ creditCode, grade });
  }
  drawn.sort((a, b) => byCode(a.creditCode, b.creditCode));
  const officers = [...new Set(inputs.officers)].sort(byCode);
  const recused = new Set(inputs.recusals.map((r) => `${r.officerId}\u0000${r.creditCode}`));
  const result: DrawResult = { inspections: [], unpaired: [] };
  for (const e of drawn) {
    const eligible = officers.filter((o) => !recused.has(`${o}\u0000${e.creditCode}`));
    if (eligible.length < 2) {
      result.unpaired.push(e.creditCode);
      continue;
    }
    const [first, second] = await sample(eligible, 2, new DrawStream(hashing, seedHex, `pair:${e.creditCode}`));
    result.inspections.push({ creditCode: e.creditCode, grade: e.grade, officerIds: [first, second] });
  }
  return result;
}

/** The inputs as published and hashed: keys in a fixed order, lists in a fixed order. */
export function canonicalInputs(inputs: DrawInputs): string {
  return JSON.stringify({
    algorithm: inputs.algorithm,
    population: [...inputs.population].sort((a, b) => byCode(a.creditCode, b.creditCode)).map((e) => ({ creditCode: e.creditCode, grade: e.grade })),
    proportions: Object.fromEntries(GRADES.map((g) => [g, inputs.proportions[g] ?? 0])),
    officers: [...new Set(inputs.officers)].sort(byCode),
    recusals: [...inputs.recusals].sort((a, b) => byCode(a.officerId, b.officerId) || byCode(a.creditCode, b.creditCode)).map((r) => ({ officerId: r.officerId, creditCode: r.creditCode })),
  });
}

// ── API: agency admins commit and run draws (/api/draws); anyone reads them (/api/public/draws) ──

/** POST /api/draws */
export interface CommitDrawRequest {
  name: string;
  itemIds: string[];
  /** Empty: every industry. */
  industries: string[];
  /** Division-code prefixes (e.g. `4102`); empty: everywhere. */
  regionPrefixes: string[];
  proportions: Record<CreditGrade, number>;
  /** YYYY-MM-DD (Asia/Shanghai), inclusive. */
  periodFrom: string;
  periodTo: string;
}

export const DRAW_STATUS_LABELS = { committed: '已公布承诺，待抽取', drawn: '已抽取并公开' } as const;
export type DrawStatus = keyof typeof DRAW_STATUS_LABELS;

export interface DrawView {
  id: string;
  agencyId: string;
  agencyName: string;
  name: string;
  items: { id: string; name: string }[];
  industries: string[];
  regionPrefixes: string[];
  periodFrom: string;
  periodTo: string;
  status: DrawStatus;
  algorithm: typeof DRAW_ALGORITHM;
  commitment: string;
  committedAt: string;
  /** Canonical inputs (the text hashed and published); on a single draw only. */
  inputs: string | null;
  publicEntropy: string | null;
  /** Revealed after the draw. */
  seed: string | null;
  result: DrawResult | null;
  drawnAt: string | null;
  /** Each drawn enterprise: its plan (and once finished the inspection's result), or why none was filed. */
  outcomes: { creditCode: string; enterpriseName: string; planId: string | null; refusal: string | null; result: string | null }[];
}

export interface DrawCheck {
  ok: boolean;
  /** What was checked, in order, in Chinese. */
  lines: string[];
}

/**
 * Checks a published draw as anyone would: the seed hashes to the commitment published before the
 * draw, the inputs are in canonical form, and the algorithm re-run on them gives the published result.
 */
export async function checkDraw(hashing: DrawHashing, draw: Pick<DrawView, 'commitment' | 'inputs' | 'seed' | 'publicEntropy' | 'result' | 'status'>): Promise<DrawCheck> {
  if (draw.status !== 'drawn' || !draw.seed || !draw.result || !draw.inputs) return { ok: false, lines: ['尚未抽取：种子和结果在抽取后公开'] };
  const lines: string[] = [];
  const commitmentHolds = (await hashing.sha256Hex(draw.seed)) === draw.commitment;
  lines.push(`种子的 SHA-256 与抽取前公布的承诺值${commitmentHolds ? '一致' : '不一致'}`);
  const inputs: DrawInputs = JSON.parse(draw.inputs);
  const canonical = canonicalInputs(inputs) === draw.inputs;
  lines.push(`输入数据${canonical ? '为规范格式' : '不是规范格式'}`);
  const again = await runDraw(hashing, await finalSeed(hashing, draw.seed, draw.publicEntropy ?? ''), inputs);
  const same = JSON.stringify(again) === JSON.stringify(draw.result);
  lines.push(`按公开算法重新抽取，结果与公布结果${same ? '相同' : '不同'}（${again.inspections.length} 户企业）`);
  return { ok: commitmentHolds && canonical && same, lines };
}
