import { formatRatingCode, shanghaiDate, type SmsKind, type SmsMode } from '@mashang/shared';

/** Longest agency text put into a template variable (providers cap variable length). */
export const AGENCY_VARIABLE_MAX = 20;

export interface SmsTemplateInput {
  kind: SmsKind;
  mode: SmsMode;
  signName: string;
  /** Public base URL, no trailing slash. */
  baseUrl: string;
  /** YYYY-MM-DD, Asia/Shanghai. */
  inspectionDate: string;
  /** Lead agency first. */
  agencyNames: string[];
  token: string;
  /** Code mode only. */
  code: string | null;
  expiresAt: Date;
}

export interface SmsContent {
  /** Aliyun: named variables `${date}`, `${agency}`, `${link}` or `${code}`, `${until}`. */
  params: Record<string, string>;
  /** Tencent: `{1}` date, `{2}` agency, `{3}` link or code, `{4}` until. */
  positional: string[];
  /** The whole message as the registered templates read, for the outbox and the agency. */
  text: string;
  /** Where the message sends the enterprise: its personal link, or the rating page in code mode. */
  link: string;
  /** `text` with the link's token or the rating code masked: what logs may keep. */
  loggedText: string;
}

/** Characters of a link token or a rating code a log keeps: enough to tell messages apart, too few to rate with. */
const CREDENTIAL_SHOWN = 4;

/**
 * A link's token or a rating code as logs show it: the address up to the token and the first few
 * characters, the rest as `*` (`https://…/r/AbCd******************`, `ABCD-****`).
 */
export function maskCredential(credential: string): string {
  const start = credential.lastIndexOf('/') + 1;
  const secret = credential.slice(start);
  return `${credential.slice(0, start)}${secret.slice(0, CREDENTIAL_SHOWN)}${secret.slice(CREDENTIAL_SHOWN).replace(/[^-]/g, '*')}`;
}

/** `2026-03-05` → `3月5日` */
function monthDay(date: string): string {
  const [, month, day] = date.split('-').map(Number);
  return `${month}月${day}日`;
}

function agencyText(names: string[]): string {
  const first = names[0].length > AGENCY_VARIABLE_MAX - 6 && names.length > 1 ? `${names[0].slice(0, AGENCY_VARIABLE_MAX - 7)}…` : names[0];
  const text = names.length > 1 ? `${first}等${names.length}个部门` : first;
  return text.length > AGENCY_VARIABLE_MAX ? `${text.slice(0, AGENCY_VARIABLE_MAX - 1)}…` : text;
}

/**
 * The variables and full text of an invite or reminder. Link mode puts the personal link into a
 * variable; code mode keeps the fixed address in the template itself (Tencent forbids links in
 * variables) and puts the rating code into the variable.
 */
export function renderSms(input: SmsTemplateInput): SmsContent {
  const date = monthDay(input.inspectionDate);
  const agency = agencyText(input.agencyNames);
  // The last valid day: the instant just before expiry, Asia/Shanghai.
  const until = monthDay(shanghaiDate(input.expiresAt.getTime() - 1));
  const fixedPage = `${input.baseUrl}/r`;
  const link = input.mode === 'link' ? `${input.baseUrl}/r/${input.token}` : fixedPage;
  const code = input.mode === 'code' ? formatRatingCode(input.code ?? '') : null;
  const text = (credential: string) => {
    const how = code ? `请用手机打开 ${fixedPage} 输入评价码 ${credential}` : `请点击 ${credential}`;
    const opening = input.kind === 'invite'
      ? `您好！${date}${agency}对贵单位进行了行政检查。${how} 对执法人员作出评价`
      : `提醒：${date}${agency}的行政检查您还没有评价。${how} 作出评价`;
    return `【${input.signName}】${opening}，${until}前有效，无需登录。`;
  };
  const credential = code ?? link;
  return {
    params: code ? { date, agency, code, until } : { date, agency, link, until },
    positional: [date, agency, credential, until],
    text: text(credential),
    link,
    loggedText: text(maskCredential(credential)),
  };
}
