/**
 * The registers (清单化管理) as desks read them: the four registers, their fields in Chinese, the kinds
 * of agency, and a field's value as a person reads it (in a history line, an Excel cell).
 */
import { EXCHANGE_KIND_LABELS } from './exchange-records.js';

export const REGISTERS = ['agencies', 'officers', 'items', 'enterprises'] as const;
export type RegisterKind = (typeof REGISTERS)[number];
export const REGISTER_LABELS: Record<RegisterKind, string> = {
  agencies: EXCHANGE_KIND_LABELS.agencies,
  officers: EXCHANGE_KIND_LABELS.officers,
  items: EXCHANGE_KIND_LABELS.items,
  enterprises: EXCHANGE_KIND_LABELS.enterprises,
};

/** Every field a register shows or its history records, in Chinese. */
export const REGISTER_FIELD_LABELS: Record<string, string> = {
  id: '编号',
  agencyId: '所属部门',
  name: '名称',
  kind: '行业主管类别',
  region: '行政区划代码',
  certNo: '执法证号',
  certExpires: '执法证有效期至',
  phone: '联系电话',
  active: '在岗状态',
  basis: '法律依据',
  noDisturb: '无事不扰清单',
  creditCode: '统一社会信用代码',
  industry: '行业',
  creditGrade: '信用等级',
  lowTouch: '无感监管名单',
  planApproval: '计划须经负责人审批',
  industries: '适用行业',
  commonViolations: '常见违法行为',
  complianceGuide: '合规指引',
};

/** The columns a register shows, in order (the console's table and its Excel sheet). */
export const REGISTER_COLUMNS: Record<RegisterKind, readonly string[]> = {
  agencies: ['id', 'name', 'kind', 'region', 'planApproval'],
  officers: ['id', 'agencyId', 'name', 'certNo', 'certExpires', 'phone', 'active'],
  items: ['id', 'agencyId', 'name', 'basis', 'noDisturb'],
  enterprises: ['creditCode', 'name', 'industry', 'region', 'phone', 'creditGrade', 'lowTouch'],
};

/** A register column's header: the name field reads differently per register. */
export function registerColumnLabel(register: RegisterKind, field: string): string {
  return field === 'name' ? REGISTER_NAME_LABELS[register] : REGISTER_FIELD_LABELS[field] ?? '其他字段';
}

/** The name field reads differently per register. */
export const REGISTER_NAME_LABELS: Record<RegisterKind, string> = { agencies: '部门名称', officers: '姓名', items: '检查事项', enterprises: '企业名称' };

/** An agency's kind: the industry authority it belongs to (agencies of one kind are the same industry). */
export const AGENCY_KIND_LABELS: Record<string, string> = {
  market: '市场监管',
  fire: '消防救援',
  ecology: '生态环境',
  safety: '应急管理',
  health: '卫生健康',
  transport: '交通运输',
  housing: '住房城乡建设',
  culture: '文化旅游',
  agriculture: '农业农村',
  urban: '城市管理',
  'natural-resources': '自然资源',
  'human-resources': '人力资源社会保障',
  'medical-insurance': '医疗保障',
};

/** A kind this list does not name is shown as 其他 with its code, so it can still be told apart. */
export function agencyKindLabel(kind: string): string {
  return AGENCY_KIND_LABELS[kind] ?? `其他（${kind}）`;
}

export const CREDIT_GRADE_LABELS: Record<string, string> = { A: 'A级（守信）', B: 'B级', C: 'C级', D: 'D级（高风险）' };

/** A register field's value as a person reads it: 是/否, 在岗/停用, a grade, a kind; empty as 未填. */
export function registerValueText(field: string, value: unknown, agencyNames?: ReadonlyMap<string, string>): string {
  if (value === null || value === undefined || value === '') return '未填';
  switch (field) {
    case 'active':
      return value ? '在岗' : '停用';
    case 'noDisturb':
    case 'lowTouch':
      return value ? '在名单内' : '不在名单内';
    case 'planApproval':
      return value ? '须审批' : '不须审批';
    case 'creditGrade':
      return CREDIT_GRADE_LABELS[String(value)] ?? String(value);
    case 'kind':
      return agencyKindLabel(String(value));
    case 'agencyId':
      return agencyNames?.get(String(value)) ?? String(value);
    default:
      return typeof value === 'boolean' ? (value ? '是' : '否') : String(value);
  }
}

/** One line of a register entry's history: "信用等级：C级 → A级（守信）". */
export function registerChangeText(field: string, change: { from: unknown; to: unknown }, agencyNames?: ReadonlyMap<string, string>): string {
  const label = REGISTER_FIELD_LABELS[field] ?? '其他字段';
  return `${label}：${registerValueText(field, change.from, agencyNames)} → ${registerValueText(field, change.to, agencyNames)}`;
}

/** Who made a register change: an account (`user:3:admin1` → admin1) or an import (`import:<folder>` → 数据导入). */
export function registerActorText(actor: string): string {
  const user = /^user:\d+:(.+)$/.exec(actor);
  if (user) return user[1];
  if (actor.startsWith('import:')) return '数据导入';
  return actor === 'cli' ? '命令行' : '系统';
}

/** An exchange-format import over HTTP as the console follows it (GET /api/exchange/imports/:id). */
export interface ImportStatusView {
  id: string;
  files: string[];
  state: 'uploading' | 'waiting' | 'active' | 'completed' | 'failed';
  progress: { phase: 'validate' | 'write'; file: string; lines: number; percent: number } | null;
  result: {
    ok: boolean;
    /** The first problems, in file order: `file:line: field: reason` each. */
    problems: { file: string; line: number; field: string; reason: string }[];
    problemCount: number;
    counts: Partial<Record<string, number>>;
  } | null;
  error: string | null;
}
