import { checkDraw, DRAW_STATUS_LABELS, INSPECTION_RESULT_LABELS, type DrawCheck, type DrawHashing, type DrawView, type InspectionResult } from '@mashang/shared';
import { shanghaiDateTime } from './dates';

/*
 * The public page of random draws (双随机一公开) in plain TS: what a draw is in words, the grades'
 * proportions in percent, each drawn enterprise's outcome, and the check anyone can run in the
 * browser with WebCrypto (the same algorithm the server ran, from shared/).
 */

const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
const fromHex = (text: string) => new Uint8Array((text.match(/../g) ?? []).map((h) => parseInt(h, 16)));

/** The draw's hashing on WebCrypto; null where the page runs without it (the WeChat mini-program). */
export function webCryptoHashing(subtle: SubtleCrypto | undefined = globalThis.crypto?.subtle): DrawHashing | null {
  if (!subtle) return null;
  const encoder = new TextEncoder();
  return {
    sha256Hex: async (text) => hex(await subtle.digest('SHA-256', encoder.encode(text))),
    hmac: async (keyHex, message) => {
      const key = await subtle.importKey('raw', fromHex(keyHex), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      return new Uint8Array(await subtle.sign('HMAC', key, encoder.encode(message)));
    },
  };
}

export async function verifyInBrowser(draw: DrawView, hashing: DrawHashing | null = webCryptoHashing()): Promise<DrawCheck> {
  if (!hashing) return { ok: false, lines: ['此处无法计算哈希：请在浏览器中打开本页，或用命令 npm run cli -- verify-draw 验证'] };
  return checkDraw(hashing, draw);
}

export const drawStatusText = (draw: DrawView) => DRAW_STATUS_LABELS[draw.status];

/** 'D 100%，C 20%，B 5%，A 3%' from the published inputs (the heaviest grade first). */
export function proportionsText(draw: DrawView): string {
  if (!draw.inputs) return '';
  const proportions = (JSON.parse(draw.inputs) as { proportions: Record<string, number> }).proportions;
  return ['D', 'C', 'B', 'A'].map((g) => `${g}级 ${Math.round((proportions[g] ?? 0) * 10_000) / 100}%`).join('，');
}

export function populationText(draw: DrawView): string {
  if (!draw.inputs) return '';
  const inputs = JSON.parse(draw.inputs) as { population: unknown[]; officers: unknown[]; recusals: unknown[] };
  return `范围内企业 ${inputs.population.length} 户，执法人员 ${inputs.officers.length} 名，回避 ${inputs.recusals.length} 对`;
}

export function periodText(draw: DrawView): string {
  return `${draw.periodFrom} 至 ${draw.periodTo}`;
}

export function whenText(iso: string | null): string {
  return iso ? shanghaiDateTime(iso) : '';
}

/** One line per drawn enterprise: its name and what became of it. */
export function outcomeLines(draw: DrawView): { key: string; name: string; state: string }[] {
  return draw.outcomes.map((o) => ({
    key: o.creditCode,
    name: o.enterpriseName,
    state: o.result ? `已检查：${INSPECTION_RESULT_LABELS[o.result as InspectionResult] ?? '已完成'}` : o.planId ? '已列入检查计划' : `未列入计划：${o.refusal ?? ''}`,
  }));
}

/** The draw id the page was opened with (`id`), or null for the list. */
export function drawIdFromParams(params: Partial<Record<string, string | undefined>>): string | null {
  const id = params.id?.trim();
  return id && /^[0-9a-f-]{36}$/.test(id) ? id : null;
}
