import {
  DOCUMENT_KINDS,
  FINDING_OUTCOMES,
  INSPECTION_RESULT_LABELS,
  type DocumentKind,
  type FindingOutcome,
  type InspectionResult,
} from './onsite.js';
import { VIOLATION_COLOURS, type ViolationColour } from './violation-colours.js';
import { DISCRETION_LEVEL_LABELS, type DiscretionLevel } from './penalty-cases.js';
import {
  COERCIVE_MEASURE_KIND_LABELS, LEGAL_REVIEW_VERDICT_LABELS, PARTY_SUBMISSION_KIND_LABELS,
  type CoerciveMeasureKind, type LegalReviewVerdict, type PartySubmissionKind,
} from './penalty-workflow.js';

/** Fen as yuan with two decimals at most, for lines people read. */
function yuan(fen: unknown): string {
  const n = Number(fen);
  return Number.isFinite(n) ? String(Math.round(n) / 100) : '';
}

/** What an inspection's trail (全过程留痕) records, each step with its Chinese label. */
export type TrailKind =
  | 'filed' | 'merged' | 'moved' | 'cancelled' | 'coded' | 'alone' | 'approved' | 'returned'
  | 'checked-in' | 'finding' | 'document' | 'finished'
  | 'invited' | 'rated' | 'flagged' | 'code-overdue'
  | 'case-filed' | 'case-noticed' | 'review-requested' | 'review-decided' | 'case-decided' | 'case-closed' | 'case-revoked'
  | 'cause-changed' | 'coercive-started' | 'coercive-extended' | 'coercive-released' | 'party-submission' | 'code-sent'
  | 'benchmark-changed' | 'accompanied' | 'colour-list-changed' | 'rectification-checked'
  | 'offsite-requested' | 'offsite-answered' | 'offsite-asked-again' | 'offsite-accepted' | 'offsite-converted'
  | 'campaign-drafted' | 'campaign-edited' | 'campaign-submitted' | 'campaign-approved' | 'campaign-returned' | 'campaign-published';

export const TRAIL_KINDS: readonly { value: TrailKind; label: string }[] = [
  { value: 'filed', label: '报备' },
  { value: 'merged', label: '合并' },
  { value: 'moved', label: '改期' },
  { value: 'cancelled', label: '取消' },
  { value: 'coded', label: '生成检查码' },
  { value: 'alone', label: '单独检查' },
  { value: 'approved', label: '计划审批通过' },
  { value: 'returned', label: '计划退回' },
  { value: 'checked-in', label: '入企' },
  { value: 'finding', label: '检查结果' },
  { value: 'document', label: '上传文书' },
  { value: 'finished', label: '结束检查' },
  { value: 'accompanied', label: '陪同执法' },
  { value: 'rectification-checked', label: '整改复查' },
  { value: 'invited', label: '短信邀评' },
  { value: 'rated', label: '企业评价' },
  { value: 'flagged', label: '监督立案' },
  { value: 'code-overdue', label: '逾期未补码' },
  // a penalty case's own chain (and `case-filed` on the inspection that found the violation)
  { value: 'case-filed', label: '立案' },
  { value: 'case-noticed', label: '行政处罚告知' },
  { value: 'review-requested', label: '提请法制审核' },
  { value: 'review-decided', label: '法制审核' },
  { value: 'case-decided', label: '作出处罚决定' },
  { value: 'case-closed', label: '结案' },
  { value: 'case-revoked', label: '撤销立案' },
  { value: 'cause-changed', label: '变更案由' },
  { value: 'coercive-started', label: '采取强制措施' },
  { value: 'coercive-extended', label: '延长强制措施' },
  { value: 'coercive-released', label: '解除强制措施' },
  { value: 'party-submission', label: '当事人陈述申辩/听证/异议' },
  { value: 'code-sent', label: '短信送达监督码' },
  // Not an inspection's step: a clause's discretion benchmark has a chain of its own (`benchmark:<clause>`).
  { value: 'benchmark-changed', label: '修改裁量基准' },
  // Nor this: an agency's 三色清单 has a chain of its own (`colours:<agencyId>`).
  { value: 'colour-list-changed', label: '修改三色清单' },
  // 非现场检查: evidence asked of the enterprise instead of a visit
  { value: 'offsite-requested', label: '非现场检查：请企业提交材料' },
  { value: 'offsite-answered', label: '非现场检查：企业提交材料' },
  { value: 'offsite-asked-again', label: '非现场检查：要求补充材料' },
  { value: 'offsite-accepted', label: '非现场检查：审核通过' },
  { value: 'offsite-converted', label: '非现场检查转为现场检查' },
  // A special campaign's (专项检查) chain of its own (`campaign:<id>`).
  { value: 'campaign-drafted', label: '拟定专项检查' },
  { value: 'campaign-edited', label: '修改专项检查' },
  { value: 'campaign-submitted', label: '提交审批' },
  { value: 'campaign-approved', label: '审批通过' },
  { value: 'campaign-returned', label: '审批退回' },
  { value: 'campaign-published', label: '公布专项检查' },
];

export function isTrailKind(kind: string): kind is TrailKind {
  return TRAIL_KINDS.some((k) => k.value === kind);
}

export function trailKindLabel(kind: string): string {
  return TRAIL_KINDS.find((k) => k.value === kind)?.label ?? kind;
}

export function outcomeLabel(outcome: FindingOutcome): string {
  return FINDING_OUTCOMES.find((choice) => choice.value === outcome)?.label ?? outcome;
}

export function resultLabel(result: InspectionResult): string {
  return INSPECTION_RESULT_LABELS[result];
}

export function documentKindLabel(kind: DocumentKind): string {
  return DOCUMENT_KINDS.find((choice) => choice.value === kind)?.label ?? kind;
}

/**
 * Who reads a trail line: `officer`, the agencies and desks (what the entry says, notes and reasons
 * included), or `public`, the enterprise by its inspection code (no words anyone typed — a plan's
 * reason may name who complained — only the register's names, labels, dates and numbers).
 */
export type TrailAudience = 'officer' | 'public';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** What every reader is told of a rating on the trail: the entry proves it by a digest, its content is the supervisors'. */
const RATED_LINE = '评价内容仅执法监督、纪检监察部门可见';

/** One line of what a trail entry says, in Chinese; '' when its step's label says it all. */
export function trailDetailLine(entry: { kind: string; detail: Record<string, unknown> }, audience: TrailAudience = 'officer'): string {
  const detail = entry.detail;
  const typed = audience === 'officer';
  switch (entry.kind) {
    case 'checked-in': {
      const offline = detail.offline ? '离线记录，联网后补传' : '';
      if (!typed) return offline;
      return `扫码入企 ${text(detail.creditCode)}${offline ? `（${offline}）` : ''}`;
    }
    case 'finding': {
      const outcome = outcomeLabel(text(detail.outcome) as FindingOutcome);
      const by = detail.rectifyBy ? `，整改期限 ${text(detail.rectifyBy)}` : '';
      const colour = VIOLATION_COLOURS[text(detail.colour) as ViolationColour];
      return `${text(detail.item)}：${outcome}${colour ? `（${colour.label}）` : ''}${by}${typed && detail.note ? `（${text(detail.note)}）` : ''}`;
    }
    case 'document': {
      const kind = documentKindLabel(text(detail.kind) as DocumentKind);
      const docNo = detail.docNo ? `（${text(detail.docNo)}）` : '';
      return typed ? `${kind}：${text(detail.title)}${docNo}` : `${kind}${docNo}`;
    }
    case 'accompanied':
      return detail.name ? `${text(detail.agencyName)} ${text(detail.name)}` : '';
    case 'rectification-checked':
      return `${text(detail.item)}：${detail.rectified ? '已按期整改' : '逾期未整改'}${typed && detail.note ? `（${text(detail.note)}）` : ''}`;
    case 'finished':
      if (detail.kind && !detail.result) return `${text(detail.kindLabel)}结束`;
      return detail.result ? `检查结果：${resultLabel(detail.result as InspectionResult)}` : '';
    case 'rated':
      return RATED_LINE;
    case 'case-filed':
      return `案号 ${text(detail.caseId)}${typed && detail.cause ? `，案由 ${text(detail.cause)}` : ''}`;
    case 'case-noticed':
    case 'case-decided':
    case 'review-requested':
      return detail.fine !== undefined ? `罚款 ${yuan(detail.fine)} 元${detail.level ? `（${DISCRETION_LEVEL_LABELS[detail.level as DiscretionLevel] ?? ''}）` : ''}` : '';
    case 'review-decided':
      return `${LEGAL_REVIEW_VERDICT_LABELS[detail.verdict as LegalReviewVerdict] ?? ''}${typed && detail.opinion ? `：${text(detail.opinion)}` : ''}`;
    case 'cause-changed':
      return `${text(detail.from)} → ${text(detail.to)}${typed && detail.reason ? `（${text(detail.reason)}）` : ''}`;
    case 'coercive-started':
      return `${COERCIVE_MEASURE_KIND_LABELS[detail.kind as CoerciveMeasureKind] ?? ''} ${text(detail.documentNo)}`;
    case 'party-submission': {
      // What the party wrote stays with the submission (the entry holds its digest): every reader gets the kind.
      const kind = PARTY_SUBMISSION_KIND_LABELS[text(detail.kind) as PartySubmissionKind] ?? '';
      return typed && kind && detail.kind === 'objection' ? `${kind}（已转执法监督部门）` : kind;
    }
    case 'code-sent':
      return typed && detail.phone ? `监督码短信已发送至 ${text(detail.phone)}` : '';
    default:
      return typed ? text(detail.reason) || text(detail.note) : '';
  }
}
