import type { ViolationColour } from './violation-colours.js';
import { addDays, isCalendarDate } from './time.js';

// The enterprise's port (企业端): sign-in by phone and SMS code or WeChat, its contacts.

/** A mainland China mobile number, 11 digits starting 13–19: what an SMS code can be sent to. */
export function isMainlandMobile(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone);
}

/** Who an enterprise session speaks for: the enterprise, and the contact signed in (phone masked). */
export interface EnterpriseSession {
  creditCode: string;
  enterpriseName: string;
  /** Masked, e.g. 138****5678. */
  phone: string;
  /** Signed in with the register's phone (法定代表人): may add and remove contacts. */
  representative: boolean;
}

/** POST /api/enterprise/sign-in/code: an SMS code to a phone registered for the enterprise. */
export interface SignInCodeRequest {
  creditCode: string;
  phone: string;
}

/**
 * The same answer whether or not the phone is registered for the enterprise, so the form tells no one
 * which phones belong to which enterprise.
 */
export interface SignInCodeAnswer {
  /** Masked. */
  phone: string;
  expiresInSeconds: number;
  /** Another code may be asked for after this long. */
  resendAfterSeconds: number;
}

/** POST /api/enterprise/sign-in */
export interface EnterpriseSignInRequest {
  creditCode: string;
  phone: string;
  code: string;
}

/** POST /api/enterprise/wechat: a wx.login code; the first time also a phone verified by its SMS code, which binds the WeChat account to it. */
export interface EnterpriseWechatSignInRequest {
  code: string;
  creditCode?: string;
  phone?: string;
  smsCode?: string;
}

export interface EnterpriseLoginResponse {
  token: string;
  expiresAt: string;
  enterprise: EnterpriseSession;
}

/** A phone that may sign in for the enterprise. */
export interface EnterpriseContactView {
  /** null for the register's phone (the legal representative's), which is changed in the register only. */
  id: string | null;
  /** Masked. */
  phone: string;
  /** 职务或称呼, e.g. 财务负责人. */
  title: string;
  representative: boolean;
  /** ISO instant; null for the register's phone. */
  addedAt: string | null;
  /** The contact signed in now. */
  you: boolean;
}

/** POST /api/enterprise/contacts (the legal representative only). */
export interface AddEnterpriseContactRequest {
  phone: string;
  title?: string;
}

/** Longest 职务或称呼 of a contact. */
export const CONTACT_TITLE_MAX = 20;
export const REPRESENTATIVE_TITLE = '法定代表人（登记电话）';

// ---- its page: inspections, their trails, its ratings' outcomes, its penalty cases

/** What became of the enterprise's own rating of one agency's part of an inspection. */
export interface EnterpriseRatingView {
  rated: boolean;
  /** 认可 / 不认可: its own verdict. */
  verdictLabel: string | null;
  ratedAt: string | null;
  /** The supervisor's handling of a poor rating (a flagged case), when it raised one. */
  outcome: { statusLabel: string; conclusionLabel: string | null; updatedAt: string } | null;
}

/** One agency's record of an inspection of the enterprise, in Chinese: who, when, what, the result. */
export interface EnterpriseInspectionView {
  id: string;
  agencyName: string;
  /** 计划检查, 投诉举报, … */
  triggerLabel: string;
  /** Part of a joint inspection (联合检查). */
  joint: boolean;
  startedAt: string;
  finishedAt: string;
  /** 合格, 责令整改, 立案. */
  resultLabel: string;
  officers: { name: string; certNo: string }[];
  /** With 三色 where the item's finding was classed: the colour, its name and what to do, in plain Chinese. */
  items: { name: string; basis: string; colour?: ViolationColour; colourLabel?: string; advice?: string; rectifyBy?: string | null }[];
  rating: EnterpriseRatingView;
  /** 陪同执法: who of the business-environment bureau accompanied it. */
  accompanying?: { name: string; agencyName: string }[];
}

/** The trail of one agency's record, as the enterprise may read it (the public audience of trailDetailLine). */
export interface EnterpriseTrailView {
  agencyName: string;
  steps: { step: string; detail: string; by: { name: string; certNo?: string }; at: string }[];
}

/** One of the enterprise's penalty cases, with the supervision code's link once the notice has been issued. */
export interface EnterprisePenaltyCaseView {
  /** 案号. */
  id: string;
  agencyName: string;
  /** The clause's name, or the clause itself. */
  cause: string;
  /** Where the case stands, in Chinese. */
  stageLabel: string;
  filedAt: string;
  decidedAt: string | null;
  /** In fen; 0 until a fine is decided. */
  fine: number;
  statementUntil: string | null;
  hearingUntil: string | null;
  /** 监督码: the page to read the case and state, request a hearing or object; null before the notice. */
  supervisionCodeUrl: string | null;
}

// ---- complaints (码上响应)

/** Where a complaint came from: the enterprise's page, the public form, a 12345 hotline ticket. */
export type ComplaintChannel = 'portal' | 'public' | 'hotline';
export const COMPLAINT_CHANNELS: readonly ComplaintChannel[] = ['portal', 'public', 'hotline'];
export const COMPLAINT_CHANNEL_LABELS: Record<ComplaintChannel, string> = {
  portal: '企业端',
  public: '码上响应（公开表单）',
  hotline: '12345热线',
};

/** Longest account of what happened. */
export const COMPLAINT_CONTENT_MAX = 1000;

/** POST /api/enterprise/complaints: from its page, the contact phone is the one signed in. */
export interface PortalComplaintRequest {
  content: string;
  /** One of its inspection records the complaint is about. */
  inspectionId?: string;
}

/** POST /api/complaints: the public form; the contact phone is verified by an SMS code (POST /api/complaints/code). */
export interface PublicComplaintRequest {
  creditCode: string;
  phone: string;
  smsCode: string;
  content: string;
  inspectionId?: string;
}

/** What the enterprise sees of a complaint it made (or a hotline ticket in its name), and what became of it. */
export interface ComplaintView {
  id: string;
  channelLabel: string;
  receivedAt: string;
  content: string;
  /** The inspection it is about: its agency and day. */
  inspection: { agencyName: string; startedAt: string } | null;
  /** YYYY-MM-DD by which the supervisor answers. */
  deadline: string;
  statusLabel: string;
  conclusionLabel: string | null;
  /** The outcome went to the contact phone by SMS. */
  outcomeSentAt: string | null;
}

/** One 12345 ticket, a line of the JSON Lines import (POST /api/complaints/hotline, supervisors). */
export interface HotlineTicket {
  ticketNo: string;
  /** ISO 8601 instant the hotline took it. */
  receivedAt: string;
  creditCode: string;
  /** The caller's phone: a mobile gets the outcome by SMS. */
  phone: string;
  content: string;
  inspectionId?: string;
}

export interface HotlineImportResult {
  imported: number;
  /** Tickets imported before (by ticket number): left as they are. */
  alreadyImported: number;
  cases: { ticketNo: string; caseId: string }[];
}

// ---- advance notice (检查预告) and booking (双向预约)

/** Triggers never announced ahead: a complaint, an undercover visit or an emergency would be forewarned. */
export const UNANNOUNCED_TRIGGERS: readonly string[] = ['complaint', 'undercover', 'emergency'];

/** An inspection is announced only when no agency in it inspects on a trigger that must not be forewarned. */
export function isAnnounced(triggers: readonly string[]): boolean {
  return triggers.length > 0 && triggers.every((trigger) => !UNANNOUNCED_TRIGGERS.includes(trigger));
}

export type HalfDay = 'am' | 'pm';
export const HALF_DAYS: readonly HalfDay[] = ['am', 'pm'];
export const HALF_DAY_LABELS: Record<HalfDay, string> = { am: '上午', pm: '下午' };

/** A half-day the enterprise marks as suiting it (双向预约). */
export interface BookingSlot {
  /** YYYY-MM-DD, Asia/Shanghai. */
  date: string;
  half: HalfDay;
}

/** Natural days either side of the planned date the enterprise may mark: the plans' merging window. */
export const BOOKING_WINDOW_DAYS = 7;

/** The days the enterprise may mark for an inspection on `inspectionDate`: its window, from tomorrow on. */
export function bookingWindow(inspectionDate: string, today: string): { from: string; to: string } {
  const earliest = addDays(today, 1);
  const from = addDays(inspectionDate, -BOOKING_WINDOW_DAYS);
  return { from: from > earliest ? from : earliest, to: addDays(inspectionDate, BOOKING_WINDOW_DAYS) };
}

/** Why a half-day cannot be marked; null when it can. */
export function slotProblem(slot: BookingSlot, window: { from: string; to: string }): string | null {
  if (!isCalendarDate(slot.date)) return '日期格式应为 YYYY-MM-DD';
  if (!HALF_DAYS.includes(slot.half)) return '请选择上午或下午';
  if (slot.date < window.from || slot.date > window.to) return `只能选择 ${window.from} 至 ${window.to} 之间的日期`;
  return null;
}

/** `12月9日上午`. */
export function slotLabel(slot: BookingSlot): string {
  const [, month, day] = slot.date.split('-').map(Number);
  return `${month}月${day}日${HALF_DAY_LABELS[slot.half]}`;
}

/** What to have ready, from the items to be inspected: the general papers, then each item's records. */
export function preparationList(items: readonly { name: string }[]): string[] {
  return [
    '营业执照（或复印件）、法定代表人或现场负责人的身份证件',
    ...items.map((item) => `与“${item.name}”有关的许可证照、台账和记录`),
  ];
}

/** A planned inspection announced to the enterprise: when, who, what, what to prepare, and the half-days it marked. */
export interface InspectionNoticeView {
  /** The inspection (its lead plan). */
  id: string;
  /** YYYY-MM-DD. */
  date: string;
  joint: boolean;
  agencies: { name: string; planCode: string; items: { name: string; basis: string }[] }[];
  prepare: string[];
  /** The days it may mark, and the half-days it marked. */
  window: { from: string; to: string };
  slots: BookingSlot[];
}

/** PUT /api/enterprise/notices/:id/slots: the half-days that suit it (replacing those marked before). */
export interface BookingSlotsRequest {
  slots: BookingSlot[];
}

/** Most half-days one inspection takes: the whole window. */
export const BOOKING_SLOTS_MAX = 2 * (2 * BOOKING_WINDOW_DAYS + 1);

/** What the officers of the inspection see when fixing its date. */
export interface EnterpriseSlotsView {
  inspectionDate: string;
  slots: (BookingSlot & { label: string })[];
  /** When the enterprise last marked them; null when it has not. */
  markedAt: string | null;
}
