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
}

export interface OfficerDto {
  id: string;
  agencyId: string;
  name: string;
  certNo: string;
  /** Masked, e.g. 138****5678. */
  phone: string | null;
}

export interface ItemDto {
  id: string;
  agencyId: string;
  name: string;
  basis: string;
  noDisturb: boolean;
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
  action: 'create' | 'update';
  changes: Record<string, { from: unknown; to: unknown }>;
}

export interface HealthDto {
  status: 'ok' | 'degraded';
  database: 'up' | 'down';
  redis: 'up' | 'down';
}
