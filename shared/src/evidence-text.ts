/**
 * The evidence of flagged cases and anomaly findings as people read it: a Chinese label for every key
 * a case or finding carries, and one line for an evidence object (the console's case page, the
 * findings' Excel export). Stored evidence, the API and the report file keep their keys and values.
 */
import { ANOMALY_RULE_TITLES, ANOMALY_SUBJECT_TYPE_LABELS } from './anomaly.js';
import { PLAN_TRIGGER_LABELS } from './api.js';
import { RATING_DIMENSION_LABELS, RATING_PROBLEM_LABELS, RATING_VERDICT_LABELS } from './evaluation.js';
import { COMPLAINT_CHANNEL_LABELS } from './enterprise-port.js';
import { DISCRETION_LEVEL_LABELS } from './penalty-cases.js';
import { shanghaiDateTime } from './time.js';

/** Writes one value; null when there is nothing to show. */
type Show = (value: unknown) => string | null;

export interface EvidenceField {
  label: string;
  /** The label when the value is a number: `inspections` lists ids in one rule and counts them in another. */
  countLabel?: string;
  /** How the value reads; plain values (texts, numbers, times, lists, labelled objects) when absent. */
  show?: Show;
}

/** Longest list written out in full; a longer one ends with its count. */
export const EVIDENCE_LIST_SHOWN = 10;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const hasField = (key: string) => Object.prototype.hasOwnProperty.call(EVIDENCE_FIELDS, key);
/** At most two decimals, none when whole: 2.5, 3, 0.33. */
const decimal = (n: number) => String(Math.round(n * 100) / 100);

/** Items joined with 、, the first EVIDENCE_LIST_SHOWN of a longer list and its count. */
function list(items: unknown[], item: Show): string | null {
  const shown = items.map(item).filter((text): text is string => Boolean(text));
  if (!shown.length) return null;
  if (shown.length <= EVIDENCE_LIST_SHOWN) return shown.join('、');
  return `${shown.slice(0, EVIDENCE_LIST_SHOWN).join('、')} 等 ${shown.length} 项`;
}

/** Texts as they are (an ISO instant as Shanghai local time), 是/否, numbers, lists, objects by their labels. */
const plain: Show = (value) => {
  if (isEmpty(value)) return null;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return decimal(value);
  if (typeof value === 'string') return ISO_INSTANT.test(value) ? shanghaiDateTime(value) : value;
  if (Array.isArray(value)) return list(value, plain);
  if (isRecord(value)) {
    const parts = fieldTexts(value, '，');
    return parts ? `（${parts}）` : null;
  }
  return String(value);
};

/** A number with its unit, `5 次`. */
const unit = (name: string): Show => (value) => (typeof value === 'number' ? `${decimal(value)} ${name}` : plain(value));
/** An amount in fen, in 元. */
const yuan: Show = (value) => (typeof value === 'number' ? `${(value / 100).toFixed(2)} 元` : plain(value));
/** A share, 0.25 → 25%. */
const percent: Show = (value) => (typeof value === 'number' ? `${Math.round(value * 1000) / 10}%` : plain(value));
/** A signed change, 1.5 → +150%, −0.6 → -60%. */
const change: Show = (value) => (typeof value === 'number' ? `${value > 0 ? '+' : ''}${percent(value)}` : plain(value));
/** Seconds as `3分05秒`. */
const duration: Show = (value) => {
  if (typeof value !== 'number') return plain(value);
  const seconds = Math.max(0, Math.floor(value));
  return `${Math.floor(seconds / 60)}分${String(seconds % 60).padStart(2, '0')}秒`;
};
/** A value of a known vocabulary (or a list of them) by its Chinese label; another value as it is. */
const labelled = (labels: Readonly<Record<string, string>>): Show => {
  const one: Show = (value) => (typeof value === 'string' && Object.prototype.hasOwnProperty.call(labels, value) ? labels[value] : plain(value));
  return (value) => (Array.isArray(value) ? list(value, one) : one(value));
};
/** [from, to] of dates or instants, `2026-01-01 至 2026-01-31`. */
const range: Show = (value) => {
  if (!Array.isArray(value) || value.length !== 2) return plain(value);
  const [from, to] = value.map(plain);
  return from && to ? `${from} 至 ${to}` : from ?? to;
};
/** Changes of cause, `FSL-1 → FSL-2（2026-11-01 10:00）`. */
const causeChanges: Show = (value) => {
  if (!Array.isArray(value)) return plain(value);
  return list(value, (c) => {
    if (!isRecord(c)) return plain(c);
    const at = plain(c.at);
    return `${plain(c.from) ?? ''} → ${plain(c.to) ?? ''}${at ? `（${at}）` : ''}`;
  });
};
/** What a finding is about, `检查 X3`. */
const subject: Show = (value) => {
  if (!isRecord(value)) return plain(value);
  const type = typeof value.type === 'string' ? ANOMALY_SUBJECT_TYPE_LABELS[value.type as keyof typeof ANOMALY_SUBJECT_TYPE_LABELS] : undefined;
  return [type, plain(value.id)].filter(Boolean).join(' ') || null;
};
/** A fine range in fen, `{min, max}` → `5000.00 元 至 10000.00 元`. */
const yuanRange: Show = (value) => {
  if (!isRecord(value) || typeof value.min !== 'number' || typeof value.max !== 'number') return plain(value);
  return `${yuan(value.min)} 至 ${yuan(value.max)}`;
};
const times = unit('次');
const days = unit('天');
const score = unit('分');

/**
 * Every key of the evidence a flagged case or an anomaly finding carries: the twenty rules of the
 * nightly report (and what a finding's case adds: report, rule, subject), poor ratings (and what the
 * rated agency is shown of them), joint scenarios gone alone, late emergency codes, review requests,
 * complaints and hotline tickets, and the record ids a case's page opens.
 */
export const EVIDENCE_FIELDS: Readonly<Record<string, EvidenceField>> = {
  // what a finding's flagged case adds
  report: { label: '研判日期' },
  rule: { label: '研判规则', show: labelled(ANOMALY_RULE_TITLES) },
  subject: { label: '研判对象', show: subject },
  // inspections
  trigger: { label: '检查类型', show: labelled(PLAN_TRIGGER_LABELS) },
  startedAt: { label: '检查开始' },
  finishedAt: { label: '检查结束' },
  seconds: { label: '检查用时', show: duration },
  deadline: { label: '补码期限' },
  codedAt: { label: '补码时间' },
  checkedInAt: { label: '入企时间' },
  codeDueAt: { label: '补码期限' },
  previous: { label: '前次检查' },
  previousAgencyId: { label: '前次检查部门' },
  daysApart: { label: '相隔', show: days },
  inspectionId: { label: '检查' },
  inspectionIds: { label: '检查记录' },
  inspections: { label: '检查记录', countLabel: '参与检查', show: times },
  officers: { label: '登记执法人员', show: unit('人') },
  // enterprises
  creditGrade: { label: '信用等级' },
  planned: { label: '计划检查', show: times },
  cap: { label: '上限', show: times },
  region: { label: '企业所在区划' },
  lastInspection: { label: '最近一次检查' },
  lastInspectedAt: { label: '最近检查时间' },
  lowTouch: { label: '无感监管对象' },
  noDisturbItems: { label: '无事不扰事项' },
  // penalty cases
  caseId: { label: '案件' },
  caseIds: { label: '案件' },
  cause: { label: '案由' },
  changes: { label: '变更案由', show: causeChanges },
  filedAt: { label: '立案时间' },
  decidedAt: { label: '决定时间' },
  revokedAt: { label: '撤销时间' },
  days: { label: '办案用时', show: days },
  limitDays: { label: '办案期限', show: days },
  extendedDays: { label: '批准延长', show: days },
  discretionLevel: { label: '裁量等级', show: labelled(DISCRETION_LEVEL_LABELS) },
  fine: { label: '罚款', show: yuan },
  minFine: { label: '裁量幅度下限', show: yuan },
  maxFine: { label: '裁量幅度上限', show: yuan },
  median: { label: '同类案件罚款中位数', show: yuan },
  groupSize: { label: '同类案件', show: unit('件') },
  deviation: { label: '偏离中位数', show: change },
  earlierCase: { label: '前次案件' },
  earlierDecidedAt: { label: '前次决定时间' },
  earlierLevel: { label: '前次裁量', show: labelled(DISCRETION_LEVEL_LABELS) },
  level: { label: '本次裁量', show: labelled(DISCRETION_LEVEL_LABELS) },
  // a party's objection to a penalty's discretion (监督码)
  causeName: { label: '违法行为' },
  legalBasis: { label: '法律依据' },
  factors: { label: '裁量因素' },
  points: { label: '裁量积分', show: score },
  fineRange: { label: '裁量幅度', show: yuanRange },
  proposedFine: { label: '拟罚款', show: yuan },
  objection: { label: '异议内容' },
  submissionId: { label: '异议记录' },
  agencyRegion: { label: '部门辖区' },
  enterpriseRegion: { label: '企业所在区划' },
  recentPeriod: { label: '统计期间', show: range },
  recentCases: { label: '作出决定', show: unit('件') },
  recentFines: { label: '罚款合计', show: yuan },
  earlierPeriod: { label: '一年前同期', show: range },
  earlierFines: { label: '同期罚款合计', show: yuan },
  ratio: { label: '同比倍数', show: unit('倍') },
  // officers
  officerId: { label: '执法人员' },
  certExpires: { label: '执法证有效期至' },
  agencyOfficers: { label: '本部门执法人员', show: unit('人') },
  q1: { label: '本部门检查量下四分位数', show: times },
  q3: { label: '本部门检查量上四分位数', show: times },
  iqr: { label: '四分位距', show: times },
  threshold: { label: '异常上限', show: times },
  other: { label: '同时段另一检查' },
  otherCreditCode: { label: '另一检查的企业' },
  interval: { label: '本次检查时段', show: range },
  otherInterval: { label: '另一检查时段', show: range },
  // ratings
  ratings: { label: '企业评价', show: unit('条') },
  disapprovals: { label: '不认可', show: unit('条') },
  share: { label: '不认可占比', show: percent },
  latestDisapproved: { label: '最近不认可的检查' },
  inspectionDate: { label: '检查日期' },
  language: { label: RATING_DIMENSION_LABELS.language, show: score },
  procedure: { label: RATING_DIMENSION_LABELS.procedure, show: score },
  manner: { label: RATING_DIMENSION_LABELS.manner, show: score },
  fairness: { label: RATING_DIMENSION_LABELS.fairness, show: score },
  verdict: { label: '评价结论', show: labelled(RATING_VERDICT_LABELS) },
  flags: { label: '企业反映的问题', show: labelled(RATING_PROBLEM_LABELS) },
  problems: { label: '企业反映的问题' },
  comment: { label: '企业意见' },
  reasons: { label: '转交监督的原因' },
  // plans: joint scenarios gone alone, review requests
  planId: { label: '检查计划' },
  planCode: { label: '计划编号' },
  scenario: { label: '综合监管场景' },
  missingAgencyIds: { label: '应联合检查的部门' },
  reason: { label: '理由' },
  reviewId: { label: '复查申请' },
  requestingAgencyId: { label: '申请部门' },
  // complaints (码上响应) and 12345 hotline tickets
  complaintId: { label: '投诉' },
  channel: { label: '来源', show: labelled(COMPLAINT_CHANNEL_LABELS) },
  ticketNo: { label: '热线工单号' },
  receivedAt: { label: '受理时间' },
  content: { label: '反映内容' },
  contactPhone: { label: '联系电话' },
  contactRegistered: { label: '联系电话为企业登记号码或联系人' },
};

/** `label：value` of each labelled key with something to show, in the evidence's order. */
function fieldTexts(evidence: Record<string, unknown>, separator: string): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(evidence)) {
    // A key without a label is left out rather than shown raw; the tests keep every produced key labelled.
    if (!hasField(key)) continue;
    const field = EVIDENCE_FIELDS[key];
    const text = (field.show ?? plain)(value);
    if (!text) continue;
    parts.push(`${typeof value === 'number' && field.countLabel ? field.countLabel : field.label}：${text}`);
  }
  return parts.join(separator);
}

/** The evidence as one Chinese line, e.g. `信用等级：C；计划检查：5 次；上限：3 次；检查记录：X1、X2`; '' when nothing is to show. */
export function evidenceText(evidence: Record<string, unknown>): string {
  return fieldTexts(evidence, '；');
}

/**
 * Keys evidenceText would leave out for want of a label: top-level keys, and the keys of objects
 * written by their labels (`subject.type` when a nested one is not). What tests hold empty.
 */
export function unlabelledEvidenceKeys(evidence: Record<string, unknown>, path = ''): string[] {
  const missing: string[] = [];
  for (const [key, value] of Object.entries(evidence)) {
    if (!hasField(key)) {
      missing.push(`${path}${key}`);
      continue;
    }
    if (EVIDENCE_FIELDS[key].show) continue;
    const nested = Array.isArray(value) ? value.filter(isRecord) : isRecord(value) ? [value] : [];
    for (const object of nested) missing.push(...unlabelledEvidenceKeys(object, `${path}${key}.`));
  }
  return [...new Set(missing)];
}
