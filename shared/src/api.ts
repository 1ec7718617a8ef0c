import type { AccompanyingView, PlanKind } from './visits.js';
import type { CheckMode } from './offsite.js';
import type { Role } from './roles.js';

export interface SessionUser {
  id: number;
  username: string;
  role: Role;
  displayName: string;
  agencyId: string | null;
  officerId: string | null;
}

export interface LoginRequest {
  username: string;
  password: string;
}

/** Mini-program login: a wx.login code; username/password only on first login, to bind the WeChat account. */
export interface WechatLoginRequest {
  code: string;
  username?: string;
  password?: string;
}

export interface LoginResponse {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

/** POST /api/auth/password: one's own password; every other session of the account ends. */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** PATCH /api/users/:id (supervisors): deactivating ends every session of the account at once. */
export interface SetUserActiveRequest {
  active: boolean;
}

export interface UserAccount extends SessionUser {
  active: boolean;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type CreditGrade = 'A' | 'B' | 'C' | 'D';
export const CREDIT_GRADES: readonly CreditGrade[] = ['A', 'B', 'C', 'D'];

export interface AgencyDto {
  id: string;
  name: string;
  kind: string;
  region: string;
  /** Its plans wait for the head's approval (事前审批) before they merge or get a code; emergencies are approved afterwards. */
  planApproval: boolean;
}

export interface OfficerDto {
  id: string;
  agencyId: string;
  name: string;
  certNo: string;
  /** Masked, e.g. 138****5678. */
  phone: string | null;
  /** The last day the enforcement certificate is valid (YYYY-MM-DD); null when not known. */
  certExpires: string | null;
  /** On duty (在岗); false once taken off the register's duty list. */
  active: boolean;
}

export interface ItemDto {
  id: string;
  agencyId: string;
  name: string;
  basis: string;
  noDisturb: boolean;
  /** The enterprise industries it applies to, joined by 、 (empty: by no industry); the booklet (一企一册) lists it for them. */
  industries: string;
  /** 常见违法行为 and 合规指引, shown in the compliance booklet; empty when not written yet. */
  commonViolations: string;
  complianceGuide: string;
}

export interface EnterpriseDto {
  creditCode: string;
  name: string;
  industry: string;
  region: string;
  /** Masked, e.g. 138****5678. */
  phone: string | null;
  creditGrade: CreditGrade;
  lowTouch: boolean;
}

export interface HistoryEntryDto {
  at: string;
  actor: string;
  /** The user's display name when a user edited. */
  actorName?: string | null;
  action: 'create' | 'update';
  changes: Record<string, { from: unknown; to: unknown }>;
}

export interface HealthDto {
  status: 'ok' | 'degraded';
  database: 'up' | 'down';
  redis: 'up' | 'down';
  /**
   * Jobs recorded by writes and not yet handed to the queue (they wait while Redis is down); null
   * when the database does not answer.
   */
  jobOutbox: { pending: number; oldestSeconds: number | null } | null;
}

// ---- plans and inspection codes ----

/** How a plan came about: planned, a green-channel trigger, or an emergency; in the order the filing form offers them. */
export const PLAN_TRIGGERS = ['planned', 'complaint', 'superior', 'undercover', 'emergency', 'other'] as const;
export type PlanTrigger = (typeof PLAN_TRIGGERS)[number];
export const PLAN_TRIGGER_LABELS: Record<PlanTrigger, string> = {
  planned: '计划检查',
  complaint: '投诉举报',
  superior: '上级交办',
  undercover: '暗访',
  emergency: '紧急检查',
  other: '其他情形',
};

export function isPlanTrigger(value: string): value is PlanTrigger {
  return (PLAN_TRIGGERS as readonly string[]).includes(value);
}

export interface FilePlanRequest {
  creditCode: string;
  /** YYYY-MM-DD, Asia/Shanghai */
  date: string;
  trigger: PlanTrigger;
  reason?: string;
  officerIds: string[];
  /** Required for an inspection; a visit has none. */
  itemIds: string[];
  /** inspection (the default) or a visit kind (回访、政策宣传、走访调研). */
  kind?: PlanKind;
  /** 现场 or 非现场; when absent the plan is checked on site. */
  mode?: CheckMode;
  /** Why a 无感监管 enterprise is visited on site without a trigger (see modeNeedsReason). */
  modeReason?: string;
  /** A published special campaign (专项检查) the plan is filed under. */
  campaignId?: string;
}

export interface PlanView {
  id: string;
  code: string;
  agencyId: string;
  creditCode: string;
  plannedDate: string;
  trigger: string;
  reason: string | null;
  status: string;
  filedAt: string;
  officerIds: string[];
  itemIds: string[];
  /** The (joint) inspection this plan is part of. */
  inspection: { leadPlanId: string; date: string; joint: boolean; members: { planId: string; planCode: string; agencyId: string; agencyName: string }[] };
  /** The head's approval where the agency requires it (null otherwise). */
  approval: PlanApprovalState | null;
  /** inspection, or a visit kind; with its label (the server always sends them). */
  kind?: PlanKind;
  kindLabel?: string;
  /** 陪同执法: who of another agency accompanies this inspection (the server always sends it). */
  accompanying?: AccompanyingView[];
  /** 现场检查 or 非现场检查 (absent: on site, as plans were before off-site checks). */
  mode?: CheckMode;
  /** The special campaign (专项检查) the plan is filed under, if any. */
  campaign?: { id: string; name: string } | null;
}

/**
 * 计划审批: `prior` — the plan waits (status `awaiting`) until approved, then merges and may get its
 * code; returned, it is closed (status `returned`). `after` — an emergency goes ahead and is approved
 * afterwards.
 */
export interface PlanApprovalState {
  status: 'pending' | 'approved' | 'returned';
  when: 'prior' | 'after';
  /** The head's reasons, once decided. */
  note: string | null;
}

export interface PlanEventView {
  kind: string;
  actor: string;
  /** The user's display name when a user acted. */
  actorName?: string | null;
  at: string;
  detail: Record<string, unknown>;
  /** Names of the agencies the detail refers to by id. */
  agencyNames?: Record<string, string>;
}

export interface HalfYearRecord {
  inspectionId: string;
  agencyId: string;
  agencyName: string;
  startedAt: string;
  result: string;
}

export interface IssuedCode {
  token: string;
  /** What the QR encodes: opens the verification page in any phone browser. */
  url: string;
  expiresAt: string;
  qrSvg: string;
}

/** What anyone scanning the code sees: who is at the door and why. No phones, no personal data beyond names. */
export interface CodeCheck {
  status: 'valid';
  inspectionDate: string;
  joint: boolean;
  enterprise: { creditCode: string; name: string };
  agencies: { name: string; planCode: string; trigger: string; officers: { name: string; certNo: string }[]; items: { name: string; basis: string }[] }[];
  expiresAt: string;
  /** 行政检查, or the visit's kind (回访、政策宣传、走访调研). */
  kindLabel?: string;
  /** 陪同执法: who of another agency accompanies the inspection. */
  accompanying?: AccompanyingView[];
}
