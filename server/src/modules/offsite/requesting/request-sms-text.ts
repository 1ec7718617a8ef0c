import type { OutgoingSms } from '../../evaluation/index.js';

/** Longest agency text put into a template variable (providers cap a variable's length). */
const AGENCY_MAX = 20;

/**
 * 非现场检查 template: `${agency}对贵单位开展非现场检查，无需上门。请打开 <PUBLIC_BASE_URL>/o/${token} 在线提交材料。`
 * The address before the token is in the template's fixed text (Tencent forbids links in variables);
 * the logs keep the token's first four characters only.
 */
export function offsiteRequestSms(signName: string, baseUrl: string, agencyName: string, token: string, again: boolean): Pick<OutgoingSms, 'params' | 'positional' | 'text' | 'loggedText'> & { link: string } {
  const named = agencyName || '执法部门';
  const agency = named.length > AGENCY_MAX ? `${named.slice(0, AGENCY_MAX - 1)}…` : named;
  const base = `${baseUrl.replace(/\/$/, '')}/o/`;
  const what = again ? '请补充非现场检查材料' : '对贵单位开展非现场检查，无需上门';
  const text = (shown: string) => `【${signName}】${agency}${what}。请打开 ${base}${shown} 在线提交材料。`;
  return { params: { agency, token }, positional: [agency, token], text: text(token), loggedText: text(`${token.slice(0, 4)}…`), link: `${base}${token}` };
}
