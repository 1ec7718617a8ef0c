/**
 * Plain-Chinese labels of an inspection's trail (全过程留痕) and of what it records: shared by the
 * officer's inspection page and the enterprise's verification page, so it imports nothing else.
 */
import {
  DOCUMENT_KINDS,
  FINDING_OUTCOMES,
  INSPECTION_RESULT_LABELS,
  TRAIL_KINDS,
  type DocumentKind,
  type FindingOutcome,
  type InspectionResult,
  type TrailEntryView,
  actorUsername,
} from '@mashang/shared';

export function outcomeLabel(outcome: FindingOutcome): string {
  return FINDING_OUTCOMES.find((choice) => choice.value === outcome)?.label ?? outcome;
}


export function resultLabel(result: InspectionResult): string {
  return INSPECTION_RESULT_LABELS[result];
}

export function documentKindLabel(kind: DocumentKind): string {
  return DOCUMENT_KINDS.find((choice) => choice.value === kind)?.label ?? kind;
}


export function trailKindLabel(kind: string): string {
  return TRAIL_KINDS.find((k) => k.value === kind)?.label ?? kind;
}

/** Who did it: `user:12:officer1` → officer1; entries the server wrote itself → 系统. */
export function actorLabel(actor: string): string {
  return actorUsername(actor) ?? (actor.startsWith('user:') ? actor : '系统');
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** One line of what a trail entry says, for the kinds an officer sees on site. */
export function trailDetailLine(entry: TrailEntryView): string {
  const detail = entry.detail;
  switch (entry.kind) {
    case 'checked-in':
      return `扫码入企 ${text(detail.creditCode)}${detail.offline ? '（离线记录，联网后补传）' : ''}`;
    case 'finding': {
      const outcome = outcomeLabel(text(detail.outcome) as FindingOutcome);
      const by = detail.rectifyBy ? `，整改期限 ${text(detail.rectifyBy)}` : '';
      return `${text(detail.item)}：${outcome}${by}${detail.note ? `（${text(detail.note)}）` : ''}`;
    }
    case 'document':
      return `${documentKindLabel(text(detail.kind) as DocumentKind)}：${text(detail.title)}${detail.docNo ? `（${text(detail.docNo)}）` : ''}`;
    case 'finished':
      return detail.result ? `检查结果：${resultLabel(detail.result as InspectionResult)}` : '';
    default:
      return text(detail.reason) || text(detail.note);
  }
}
