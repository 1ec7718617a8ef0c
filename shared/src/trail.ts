/** What an inspection's trail (全过程留痕) records, each step with its Chinese label. */
export type TrailKind =
  | 'filed' | 'merged' | 'moved' | 'cancelled' | 'coded' | 'alone'
  | 'checked-in' | 'finding' | 'document' | 'finished'
  | 'invited' | 'rated' | 'flagged' | 'code-overdue';

export const TRAIL_KINDS: readonly { value: TrailKind; label: string }[] = [
  { value: 'filed', label: '报备' },
  { value: 'merged', label: '合并' },
  { value: 'moved', label: '改期' },
  { value: 'cancelled', label: '取消' },
  { value: 'coded', label: '生成检查码' },
  { value: 'alone', label: '单独检查' },
  { value: 'checked-in', label: '入企' },
  { value: 'finding', label: '检查结果' },
  { value: 'document', label: '上传文书' },
  { value: 'finished', label: '结束检查' },
  { value: 'invited', label: '短信邀评' },
  { value: 'rated', label: '企业评价' },
  { value: 'flagged', label: '监督立案' },
  { value: 'code-overdue', label: '逾期未补码' },
];

export function isTrailKind(kind: string): kind is TrailKind {
  return TRAIL_KINDS.some((k) => k.value === kind);
}
