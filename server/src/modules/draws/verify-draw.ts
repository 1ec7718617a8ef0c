import { canonicalInputs, finalSeed, runDraw, type DrawInputs, type DrawView } from '@mashang/shared';
import { NODE_DRAW_HASHING } from './node-draw-hashing.js';

export interface DrawCheck {
  ok: boolean;
  /** What was checked, in order, in Chinese. */
  lines: string[];
}

/**
 * Checks a published draw as anyone would: the seed hashes to the commitment, the inputs are in
 * canonical form, and the algorithm re-run on them gives the published result.
 */
export async function verifyDraw(draw: Pick<DrawView, 'commitment' | 'inputs' | 'seed' | 'publicEntropy' | 'result' | 'status'>): Promise<DrawCheck> {
  const lines: string[] = [];
  if (draw.status !== 'drawn' || !draw.seed || !draw.result || !draw.inputs) return { ok: false, lines: ['尚未抽取：种子和结果在抽取后公开'] };
  const commitmentHolds = (await NODE_DRAW_HASHING.sha256Hex(draw.seed)) === draw.commitment;
  lines.push(`种子的 SHA-256 与抽取前公布的承诺值${commitmentHolds ? '一致' : '不一致'}`);
  const inputs: DrawInputs = JSON.parse(draw.inputs);
  const canonical = canonicalInputs(inputs) === draw.inputs;
  lines.push(`输入数据${canonical ? '为规范格式' : '不是规范格式'}`);
  const again = await runDraw(NODE_DRAW_HASHING, await finalSeed(NODE_DRAW_HASHING, draw.seed, draw.publicEntropy ?? ''), inputs);
  const same = JSON.stringify(again) === JSON.stringify(draw.result);
  lines.push(`按公开算法重新抽取，结果与公布结果${same ? '相同' : '不同'}（${again.inspections.length} 户企业）`);
  return { ok: commitmentHolds && canonical && same, lines };
}
