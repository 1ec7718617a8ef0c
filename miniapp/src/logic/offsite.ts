import {
  CHECK_MODE_LABELS,
  defaultCheckMode,
  EVIDENCE_KIND_LABELS,
  modeNeedsReason,
  OFFSITE_STATUS_LABELS,
  type CheckMode,
  type EvidenceKind,
  type OffsiteAsk,
  type OffsiteEvidenceView,
  type OffsiteRequestView,
  type OffsiteStatus,
  type PlanTrigger,
} from '@mashang/shared';

/*
 * 非现场检查 in plain TS: the link's token, each ask with what was sent for it this round, whether the
 * enterprise may send it in, the officer's asks drafted from the plan's items, the filing form's mode.
 */

const TOKEN = /^[A-Za-z0-9_-]{22}$/;
export const ASK_MAX = 200;
export const READING_MAX = 200;
export const NOTE_MAX = 500;

/** The link's token (`t`; the server sends /o/<token> there), or null. */
export function offsiteTokenFromParams(params: Partial<Record<string, string | undefined>>): string | null {
  const raw = params.t?.trim() ?? '';
  let token = raw;
  try {
    token = decodeURIComponent(raw);
  } catch {
    // As typed.
  }
  return TOKEN.test(token) ? token : null;
}

export function statusLabel(status: OffsiteStatus): string {
  return OFFSITE_STATUS_LABELS[status];
}

export function kindLabel(kind: EvidenceKind): string {
  return EVIDENCE_KIND_LABELS[kind];
}

export function modeLabel(mode: CheckMode): string {
  return CHECK_MODE_LABELS[mode];
}

export interface AskLine {
  position: number;
  itemName: string;
  kind: EvidenceKind;
  ask: string;
  /** What was sent for it in the current round. */
  sent: OffsiteEvidenceView[];
  /** Sent in earlier rounds (the officer asked again). */
  earlier: OffsiteEvidenceView[];
}

export function askLines(view: OffsiteRequestView): AskLine[] {
  return view.asks.map((ask) => ({
    position: ask.position,
    itemName: ask.itemName,
    kind: ask.kind,
    ask: ask.ask,
    sent: view.evidence.filter((e) => e.position === ask.position && e.round === view.round),
    earlier: view.evidence.filter((e) => e.position === ask.position && e.round < view.round),
  }));
}

/** One line for a piece of evidence: the reading, or the file's name and size. */
export function evidenceLine(evidence: OffsiteEvidenceView): string {
  if (evidence.text !== null) return evidence.text;
  const size = evidence.sizeBytes === null ? '' : `（${evidence.sizeBytes >= 1024 * 1024 ? `${(evidence.sizeBytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(evidence.sizeBytes / 1024))} KB`}）`;
  return `${evidence.fileName ?? kindLabel(evidence.kind)}${size}`;
}

/** Whether the enterprise may still add and send: asked (its turn) or answered (until the officer decides). */
export function enterpriseMayAdd(status: OffsiteStatus): boolean {
  return status === 'asked' || status === 'answered';
}

/** How many asks still have nothing this round (sending is refused until none). */
export function missingCount(view: OffsiteRequestView): number {
  return askLines(view).filter((line) => !line.sent.length).length;
}

/** The line under the title: where the request stands, in the enterprise's words. */
export function enterpriseStatusLine(view: OffsiteRequestView): string {
  switch (view.status) {
    case 'asked':
      return view.round > 1 ? `执法部门要求补充材料：${view.note ?? ''}` : '请逐项上传照片、文件或填写读数，全部完成后点“提交材料”。无需等候上门检查。';
    case 'answered':
      return '材料已提交，等待执法部门审核。审核前仍可补充。';
    case 'accepted':
      return '执法部门已审核通过，本次检查结束。稍后您会收到评价短信。';
    case 'converted':
      return '执法部门决定到现场检查，届时将提前告知。';
  }
}

/** A typed reading, checked before it is sent; a problem in words, or the trimmed text. */
export function checkReading(text: string): { text: string } | { problem: string } {
  const trimmed = text.trim();
  if (!trimmed) return { problem: '请填写读数或说明' };
  if (trimmed.length > READING_MAX) return { problem: `不超过${READING_MAX}个字` };
  return { text: trimmed };
}

/** The officer's first draft: one ask per plan item, a photo of each. */
export function draftAsks(items: readonly { id: string; name: string }[]): (OffsiteAsk & { itemName: string })[] {
  return items.map((item) => ({ itemId: item.id, itemName: item.name, kind: 'photo', ask: `${item.name}相关现场照片` }));
}

/** The asks as sent, or the first problem. */
export function checkAsks(asks: readonly OffsiteAsk[]): { asks: OffsiteAsk[] } | { problem: string } {
  if (!asks.length) return { problem: '至少要求一项材料' };
  const trimmed = asks.map((a) => ({ itemId: a.itemId, kind: a.kind, ask: a.ask.trim() }));
  const short = trimmed.findIndex((a) => a.ask.length < 2);
  if (short >= 0) return { problem: `第${short + 1}项：请写明要什么材料（至少2个字）` };
  const long = trimmed.findIndex((a) => a.ask.length > ASK_MAX);
  if (long >= 0) return { problem: `第${long + 1}项：不超过${ASK_MAX}个字` };
  return { asks: trimmed };
}

/** The filing form's 检查方式: the default for the enterprise and trigger, unless the officer chose. */
export function formMode(chosen: CheckMode | null, trigger: PlanTrigger, lowTouch: boolean): CheckMode {
  return chosen ?? defaultCheckMode(trigger, lowTouch);
}

/** Whether the form asks why (on site at a 无感监管 enterprise without a trigger). */
export function formNeedsModeReason(mode: CheckMode, trigger: PlanTrigger, lowTouch: boolean): boolean {
  return modeNeedsReason(mode, trigger, lowTouch);
}

/** What the filing adds to the plan request. */
export function modeRequest(mode: CheckMode, reason: string, trigger: PlanTrigger, lowTouch: boolean): { mode: CheckMode; modeReason?: string } {
  const why = reason.trim();
  return formNeedsModeReason(mode, trigger, lowTouch) && why ? { mode, modeReason: why } : { mode };
}
