import { shanghaiDate, type CaseConclusion } from '@mashang/shared';

/**
 * The texts of the port's SMS, as their templates are registered with the provider: Aliyun takes the
 * named variables, Tencent the same in order. `loggedText` is what logs may keep.
 */
export interface PortSmsContent {
  params: Record<string, string>;
  positional: string[];
  text: string;
  loggedText: string;
  /** The page the message sends the enterprise to ('' when it names none). */
  link: string;
}

/** 验证码 template: `您的企业端登录验证码为${code}，${minutes}分钟内有效。如非本人操作，请忽略本短信。` */
export function signInCodeSms(signName: string, code: string, ttlSeconds: number, purpose: 'sign-in' | 'complaint'): PortSmsContent {
  const minutes = String(Math.round(ttlSeconds / 60));
  const use = purpose === 'sign-in' ? '企业端登录' : '投诉联系电话核验';
  const text = (shown: string) => `【${signName}】您的${use}验证码为${shown}，${minutes}分钟内有效。如非本人操作，请忽略本短信。`;
  return {
    params: { code, minutes },
    positional: [code, minutes],
    text: text(code),
    // Whoever reads the log must not be able to sign in.
    loggedText: text(`${code.slice(0, 2)}${'*'.repeat(Math.max(0, code.length - 2))}`),
    link: '',
  };
}

/** The outcome of a complaint in the few words an SMS variable takes (providers cap a variable's length). */
export const COMPLAINT_OUTCOME_WORDS: Record<CaseConclusion, string> = {
  unfounded: '经调查反映情况不属实',
  rectified: '执法部门已整改到位',
  disciplined: '已移交纪检监察机关处理',
  fabricated: '经查反映内容与事实不符',
};

/**
 * 投诉办结 template: `您${date}反映的问题已办结：${outcome}。详情请登录企业端 <PUBLIC_BASE_URL>/e 查看，或拨打12345查询。`
 * The address is in the template's fixed text (Tencent forbids links in variables).
 */
export function complaintOutcomeSms(signName: string, baseUrl: string, receivedAt: Date, conclusion: CaseConclusion): PortSmsContent {
  const [, month, day] = shanghaiDate(receivedAt).split('-').map(Number);
  const date = `${month}月${day}日`;
  const outcome = COMPLAINT_OUTCOME_WORDS[conclusion];
  const link = `${baseUrl}/e`;
  const text = `【${signName}】您${date}反映的问题已办结：${outcome}。详情请登录企业端 ${link} 查看，或拨打12345查询。`;
  return { params: { date, outcome }, positional: [date, outcome], text, loggedText: text, link };
}

/** Longest agency text put into a template variable. */
const AGENCY_MAX = 20;

/**
 * 检查预告 template: `检查预告：${agency}将于${date}到贵单位进行行政检查。检查事项和需准备的材料请登录企业端
 * <PUBLIC_BASE_URL>/e 查看，该日不便的可在企业端选择方便的时间。`
 */
export function inspectionNoticeSms(signName: string, baseUrl: string, inspectionDate: string, agencyNames: string[]): PortSmsContent {
  const [, month, day] = inspectionDate.split('-').map(Number);
  const date = `${month}月${day}日`;
  const named = agencyNames.length > 1 ? `${agencyNames[0]}等${agencyNames.length}个部门` : agencyNames[0] ?? '执法部门';
  const agency = named.length > AGENCY_MAX ? `${named.slice(0, AGENCY_MAX - 1)}…` : named;
  const link = `${baseUrl}/e`;
  const text = `【${signName}】检查预告：${agency}将于${date}到贵单位进行行政检查。检查事项和需准备的材料请登录企业端 ${link} 查看，该日不便的可在企业端选择方便的时间。`;
  return { params: { date, agency }, positional: [date, agency], text, loggedText: text, link };
}
