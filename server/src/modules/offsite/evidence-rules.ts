import type { EvidenceKind, OffsiteStatus } from '@mashang/shared';
import { acceptsEvidence } from '@mashang/shared';

/** Longest reading (a number with its unit, or a short statement) the enterprise types. */
export const READING_MAX = 200;

/** A photo is an image; a document may also be a scanned PDF. Readings are typed, never files. */
export function fileKindAccepts(kind: EvidenceKind, contentType: string): boolean {
  if (kind === 'photo') return contentType.startsWith('image/');
  return kind === 'document';
}

/** The asks (by position) without anything sent in this round. */
export function unansweredAsks(positions: number[], evidence: { position: number; round: number }[], round: number): number[] {
  const answered = new Set(evidence.filter((e) => e.round === round).map((e) => e.position));
  return positions.filter((p) => !answered.has(p));
}

/** Why the enterprise may not add to the request now, or null when it may. */
export function closedReason(status: OffsiteStatus): string | null {
  if (acceptsEvidence(status)) return null;
  return status === 'accepted' ? '该非现场检查已审核通过，不能再提交材料' : '该非现场检查已转为现场检查，不能再提交材料';
}
