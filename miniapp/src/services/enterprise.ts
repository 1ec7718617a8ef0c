import Taro from '@tarojs/taro';
import { BOOKLET_TEXT } from '@mashang/shared';
import type {
  AddEnterpriseContactRequest,
  BookingSlotsRequest,
  ComplaintView,
  EnterpriseContactView,
  EnterpriseInspectionView,
  EnterpriseLoginResponse,
  EnterprisePenaltyCaseView,
  EnterpriseSession,
  EnterpriseSignInRequest,
  EnterpriseTrailView,
  EnterpriseWechatSignInRequest,
  InspectionNoticeView,
  Page,
  PortalComplaintRequest,
  PublicComplaintRequest,
  SignInCodeAnswer,
  SignInCodeRequest,
} from '@mashang/shared';
import { ApiError, ClientErrorCode } from '../logic/api-error';
import { api } from './request';
import { enterpriseSessionStore } from './session';

const AS_ENTERPRISE = { enterprise: true };

function keep(response: EnterpriseLoginResponse): EnterpriseLoginResponse {
  enterpriseSessionStore.save(response);
  return response;
}

export function currentEnterpriseSession(): EnterpriseLoginResponse | null {
  return enterpriseSessionStore.load();
}

export function requestSignInCode(request: SignInCodeRequest): Promise<SignInCodeAnswer> {
  return api.post<SignInCodeAnswer>('/api/enterprise/sign-in/code', request, { anonymous: true });
}

export async function signInWithCode(request: EnterpriseSignInRequest): Promise<EnterpriseLoginResponse> {
  return keep(await api.post<EnterpriseLoginResponse>('/api/enterprise/sign-in', request, { anonymous: true }));
}

/** WeChat sign-in; a wx.login code is good once, so every attempt (the binding one too) asks for a fresh one. */
export async function signInWithWechat(binding: Omit<EnterpriseWechatSignInRequest, 'code'> = {}): Promise<EnterpriseLoginResponse> {
  let code: string;
  try {
    ({ code } = await Taro.login());
  } catch {
    throw new ApiError({ status: 0, code: ClientErrorCode.WechatLogin, message: '未能取得微信登录凭证，请重试' });
  }
  return keep(await api.post<EnterpriseLoginResponse>('/api/enterprise/wechat', { code, ...binding }, { anonymous: true }));
}

/** 一企一册: the signed-in enterprise's compliance booklet (PDF). */
export function downloadBooklet(enterpriseName: string): Promise<void> {
  return api.download('/api/enterprise/booklet', BOOKLET_TEXT.fileName(enterpriseName), AS_ENTERPRISE);
}

export async function refreshEnterprise(): Promise<EnterpriseSession> {
  const enterprise = await api.get<EnterpriseSession>('/api/enterprise/me', undefined, AS_ENTERPRISE);
  enterpriseSessionStore.update(enterprise);
  return enterprise;
}

export async function signOutEnterprise(): Promise<void> {
  try {
    await api.post<void>('/api/enterprise/sign-out', {}, AS_ENTERPRISE);
  } finally {
    enterpriseSessionStore.clear();
  }
}

export function enterpriseContacts(): Promise<EnterpriseContactView[]> {
  return api.get<EnterpriseContactView[]>('/api/enterprise/contacts', undefined, AS_ENTERPRISE);
}

export function addEnterpriseContact(request: AddEnterpriseContactRequest): Promise<EnterpriseContactView[]> {
  return api.post<EnterpriseContactView[]>('/api/enterprise/contacts', request, AS_ENTERPRISE);
}

export function removeEnterpriseContact(id: string): Promise<EnterpriseContactView[]> {
  return api.post<EnterpriseContactView[]>(`/api/enterprise/contacts/${encodeURIComponent(id)}/remove`, {}, AS_ENTERPRISE);
}

export function enterpriseInspections(page = 1, pageSize = 20): Promise<Page<EnterpriseInspectionView>> {
  return api.get<Page<EnterpriseInspectionView>>('/api/enterprise/inspections', { page, pageSize }, AS_ENTERPRISE);
}

export function enterpriseTrail(inspectionId: string): Promise<EnterpriseTrailView> {
  return api.get<EnterpriseTrailView>(`/api/enterprise/inspections/${encodeURIComponent(inspectionId)}/trail`, undefined, AS_ENTERPRISE);
}

export function enterprisePenaltyCases(): Promise<EnterprisePenaltyCaseView[]> {
  return api.get<EnterprisePenaltyCaseView[]>('/api/enterprise/penalty-cases', undefined, AS_ENTERPRISE);
}

export function enterpriseComplaints(): Promise<ComplaintView[]> {
  return api.get<ComplaintView[]>('/api/enterprise/complaints', undefined, AS_ENTERPRISE);
}

export function complainAsEnterprise(request: PortalComplaintRequest): Promise<ComplaintView> {
  return api.post<ComplaintView>('/api/enterprise/complaints', request, AS_ENTERPRISE);
}

/** The public form (no sign-in): a code to the contact phone, then the complaint. */
export function requestComplaintCode(request: SignInCodeRequest): Promise<SignInCodeAnswer> {
  return api.post<SignInCodeAnswer>('/api/complaints/code', request, { anonymous: true });
}

export function complainPublicly(request: PublicComplaintRequest): Promise<ComplaintView> {
  return api.post<ComplaintView>('/api/complaints', request, { anonymous: true });
}

export function enterpriseNotices(): Promise<InspectionNoticeView[]> {
  return api.get<InspectionNoticeView[]>('/api/enterprise/notices', undefined, AS_ENTERPRISE);
}

export function markSlots(noticeId: string, request: BookingSlotsRequest): Promise<InspectionNoticeView> {
  return api.put<InspectionNoticeView>(`/api/enterprise/notices/${encodeURIComponent(noticeId)}/slots`, request, AS_ENTERPRISE);
}
