import type { PlanTrigger } from './api.js';

/** 现场检查 or 非现场监管: how a plan's items are checked. */
export const CHECK_MODES = ['onsite', 'offsite'] as const;
export type CheckMode = (typeof CHECK_MODES)[number];
export const CHECK_MODE_LABELS: Record<CheckMode, string> = { onsite: '现场检查', offsite: '非现场检查' };

/** What the enterprise is asked to send for an item. */
export const EVIDENCE_KINDS = ['photo', 'document', 'reading'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = { photo: '照片', document: '文件', reading: '读数或说明' };

/**
 * Where an off-site request stands: asked (the enterprise has to answer; also after 再次补充), answered
 * (the officer has to decide), accepted (the check finished), converted (turned into an on-site plan).
 */
export const OFFSITE_STATUSES = ['asked', 'answered', 'accepted', 'converted'] as const;
export type OffsiteStatus = (typeof OFFSITE_STATUSES)[number];
export const OFFSITE_STATUS_LABELS: Record<OffsiteStatus, string> = {
  asked: '待企业提交',
  answered: '待审核',
  accepted: '已通过',
  converted: '已转现场检查',
};

/** Routine triggers: the ones a 无感监管 enterprise is checked off-site for by default. */
const ROUTINE_TRIGGERS: readonly PlanTrigger[] = ['planned'];

/**
 * 无感监管: an enterprise on the list is checked off-site unless something triggered the check; any
 * other is visited as before.
 */
export function defaultCheckMode(trigger: PlanTrigger, lowTouch: boolean): CheckMode {
  return lowTouch && ROUTINE_TRIGGERS.includes(trigger) ? 'offsite' : 'onsite';
}

/** Whether choosing `mode` against the default needs the officer's written reason (on site at a 无感监管 enterprise without a trigger). */
export function modeNeedsReason(mode: CheckMode, trigger: PlanTrigger, lowTouch: boolean): boolean {
  return mode === 'onsite' && defaultCheckMode(trigger, lowTouch) === 'offsite';
}

/** The enterprise may add evidence only while the request waits for it or for the officer (before a decision). */
export function acceptsEvidence(status: OffsiteStatus): boolean {
  return status === 'asked' || status === 'answered';
}

/** What the officer may do next with a request. */
export interface OffsiteActions {
  accept: boolean;
  askAgain: boolean;
  convert: boolean;
}

export function offsiteActions(status: OffsiteStatus): OffsiteActions {
  return { accept: status === 'answered', askAgain: status === 'answered', convert: status === 'asked' || status === 'answered' };
}

/** An item asked for: which inspection item and what evidence. */
export interface OffsiteAsk {
  itemId: string;
  kind: EvidenceKind;
  /** What exactly is asked, e.g. 冷库温度记录表（近7天）. */
  ask: string;
}

export interface OffsiteEvidenceView {
  id: string;
  /** Index of the ask answered. */
  position: number;
  round: number;
  kind: EvidenceKind;
  /** A reading's text; null for a file. */
  text: string | null;
  fileName: string | null;
  contentType: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  uploadedAt: string;
}

export interface OffsiteRequestView {
  id: string;
  planId: string;
  planCode: string;
  agencyName: string;
  creditCode: string;
  enterpriseName: string;
  status: OffsiteStatus;
  /** 1, then one more each time the officer asks again. */
  round: number;
  /** The officer's note when asking again (null the first time). */
  note: string | null;
  asks: (OffsiteAsk & { position: number; itemName: string })[];
  evidence: OffsiteEvidenceView[];
  requestedAt: string;
  answeredAt: string | null;
  decidedAt: string | null;
  /** Why it was turned into an on-site plan. */
  convertReason: string | null;
}

/** The officer's view adds what may be done next. */
export interface OfficerOffsiteRequestView extends OffsiteRequestView {
  actions: OffsiteActions;
}

/** Off-site checks among the finished checks of an agency in a month (Asia/Shanghai). */
export interface OffsiteShareRow {
  agencyId: string;
  agencyName: string;
  /** YYYY-MM */
  month: string;
  total: number;
  offsite: number;
  /** offsite / total, 0 when there were none. */
  share: number;
}

/** The share as a fraction with 3 decimals (0 when there were no checks). */
export function offsiteShare(offsite: number, total: number): number {
  return total > 0 ? Math.round((offsite / total) * 1000) / 1000 : 0;
}
