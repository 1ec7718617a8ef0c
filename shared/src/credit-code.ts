/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015) and the organisation code inside
 * them (组织机构代码, GB 11714-1997), plus finding one in whatever a business-licence QR holds.
 */

/** GB 32100 code characters: digits and capitals without I, O, Z, S, V. */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const USCC_SHAPE = /^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/;

export type CreditCodeProblem =
  | 'empty'
  | 'length'
  | 'characters'
  | 'region'
  | 'organisation-check-digit'
  | 'check-digit';

export const CREDIT_CODE_PROBLEM_TEXT: Record<CreditCodeProblem, string> = {
  empty: '统一社会信用代码不能为空',
  length: '统一社会信用代码应为18位',
  characters: '含有统一社会信用代码不使用的字符（I、O、Z、S、V 或小写、符号）',
  region: '第3至8位应为6位数字的行政区划码',
  'organisation-check-digit': '第9至17位组织机构代码的校验码不正确',
  'check-digit': '第18位校验码不正确',
};

/** Check character (position 18) for the first 17 characters; null if they hold foreign characters. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * USCC_WEIGHTS[i];
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** GB 11714 check character (position 9 of the organisation code) for its 8-character body. */
export function organisationCodeCheckChar(body8: string): string | null {
  if (!/^[0-9A-Z]{8}$/.test(body8)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i], 36) * ORG_WEIGHTS[i];
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** Why a code is not a valid credit code, or null when it is. Expects the normalised form. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (!code) return 'empty';
  if (code.length !== 18) return 'length';
  if (!/^[0-9A-HJ-NP-RTUWXY]{18}$/.test(code)) return 'characters';
  if (!USCC_SHAPE.test(code)) return 'region';
  const org = code.slice(8, 17);
  if (organisationCodeCheckChar(org.slice(0, 8)) !== org[8]) return 'organisation-check-digit';
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return 'check-digit';
  return null;
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}

/** Uppercases and removes spaces and dashes, as people type codes off a printed licence. */
export function normaliseCreditCode(input: string): string {
  return input.replace(/[\s\-－]/g, '').toUpperCase();
}

/**
 * Completes a credit code from its first 8 characters (registration authority, category, region)
 * and an 8-character organisation body: adds both check characters.
 */
export function buildCreditCode(prefix8: string, orgBody8: string): string {
  const orgCheck = organisationCodeCheckChar(orgBody8);
  if (orgCheck === null || !USCC_ALPHABET.includes(orgCheck)) {
    throw new Error(`organisation body ${orgBody8} has no usable check character`);
  }
  const first17 = prefix8 + orgBody8 + orgCheck;
  const check = creditCodeCheckChar(first17);
  if (check === null) throw new Error(`${first17} holds characters outside GB 32100`);
  return first17 + check;
}

const QUERY_KEYS = ['uniscid', 'serial', 'creditcode', 'tyshxydm'];
/**
 * Runs of letters and digits: only a run of exactly 18 may be a code, so a code inside a longer
 * token is not mistaken for one. No lookbehind, which iOS before 16.4 cannot even parse.
 */
const ALPHANUMERIC_RUN = /[0-9A-Za-z]+/g;

/**
 * Finds the credit code in what a scanned business-licence QR holds: a URL with `uniscid=` or
 * `serial=` (national and provincial publicity systems), or text that contains the code. Returns
 * the normalised code, or null when nothing valid is there.
 */
export function extractCreditCode(scanned: string | null | undefined): string | null {
  if (!scanned) return null;
  const text = scanned.trim();
  for (const key of QUERY_KEYS) {
    const match = new RegExp(`[?&#]${key}=([^&#\\s]+)`, 'i').exec(text);
    if (match) {
      let value: string;
      try {
        value = decodeURIComponent(match[1]);
      } catch {
        value = match[1];
      }
      const code = normaliseCreditCode(value);
      if (isValidCreditCode(code)) return code;
    }
  }
  const whole = normaliseCreditCode(text);
  if (isValidCreditCode(whole)) return whole;
  for (const run of text.match(ALPHANUMERIC_RUN) ?? []) {
    if (run.length !== 18) continue;
    const code = run.toUpperCase();
    if (isValidCreditCode(code)) return code;
  }
  return null;
}
