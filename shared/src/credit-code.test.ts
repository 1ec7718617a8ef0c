import { readFileSync } from 'node:fs';
import {
  buildCreditCode,
  creditCodeCheckChar,
  creditCodeProblem,
  extractCreditCode,
  isValidCreditCode,
  normaliseCreditCode,
  organisationCodeCheckChar,
} from './credit-code.js';

// Published codes of real companies (national enterprise credit publicity system).
const REAL = ['91110000802100433B', '91440300708461136T', '9111000071093123XX', '91350100M000100Y43'];

describe('credit code validation (GB 32100-2015 with GB 11714 inside)', () => {
  it.each(REAL)('accepts the real code %s', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('computes both check characters of a known code', () => {
    expect(creditCodeCheckChar('91440300708461136')).toBe('T');
    expect(organisationCodeCheckChar('70846113')).toBe('6');
    // 11 − (sum mod 11) = 10 is written X
    expect(organisationCodeCheckChar('71093123')).toBe('X');
  });

  it('names the problem of each kind of corruption', () => {
    expect(creditCodeProblem('')).toBe('empty');
    expect(creditCodeProblem('91440300708461136')).toBe('length');
    expect(creditCodeProblem('91440300708461136TT')).toBe('length');
    expect(creditCodeProblem('91440300708461136t')).toBe('characters');
    expect(creditCodeProblem('9144030070846113IT')).toBe('characters'); // I is not used
    expect(creditCodeProblem('91440300708461O36T')).toBe('characters'); // O is not used
    expect(creditCodeProblem('9144A300708461136T')).toBe('region');
    expect(creditCodeProblem('91440300708461146T')).toBe('organisation-check-digit');
    expect(creditCodeProblem('91440300708461136U')).toBe('check-digit');
  });

  it('catches every single-character substitution and every adjacent swap of a real code', () => {
    const code = '91440300708461136T';
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (let i = 0; i < 18; i++) {
      for (const c of alphabet) {
        if (c === code[i]) continue;
        expect(isValidCreditCode(code.slice(0, i) + c + code.slice(i + 1))).toBe(false);
      }
    }
    for (let i = 0; i < 17; i++) {
      if (code[i] === code[i + 1]) continue;
      const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
      expect(isValidCreditCode(swapped)).toBe(false);
    }
  });

  it('builds valid codes from a prefix and an organisation body', () => {
    const code = buildCreditCode('92410202', 'MA3X7K2L');
    expect(code).toHaveLength(18);
    expect(isValidCreditCode(code)).toBe(true);
    expect(() => buildCreditCode('9141020', 'MA3X7K2L')).toThrow();
  });

  it('normalises what people type', () => {
    expect(normaliseCreditCode(' 9144 0300-7084 6113 6t ')).toBe('91440300708461136T');
  });
});

describe('extracting the code from a scanned business licence', () => {
  it('reads the uniscid parameter of the national publicity URL', () => {
    expect(extractCreditCode('http://www.gsxt.gov.cn/index.html?uniscid=91440300708461136T&entname=x')).toBe('91440300708461136T');
  });

  it('reads a serial parameter, URL-encoded and lower-case', () => {
    expect(extractCreditCode('https://gsxt.amr.gd.gov.cn/qr?serial=91440300708461136t')).toBe('91440300708461136T');
    expect(extractCreditCode('https://x.example/q?a=1&SERIAL=9144%200300708461136T')).toBe('91440300708461136T');
  });

  it('finds the code in plain text or on its own', () => {
    expect(extractCreditCode('统一社会信用代码：91110000802100433B 名称：某公司')).toBe('91110000802100433B');
    expect(extractCreditCode('  91110000802100433B\n')).toBe('91110000802100433B');
  });

  it('skips an invalid parameter and falls back to a valid code elsewhere', () => {
    expect(extractCreditCode('https://x.example/?uniscid=91110000802100433C#91440300708461136T')).toBe('91440300708461136T');
  });

  it('does not pick 18 characters out of a longer token', () => {
    expect(extractCreditCode('X91440300708461136TX')).toBeNull();
  });

  it('tries each standalone run, even when runs are one separator apart', () => {
    expect(extractCreditCode('91440300708461136U/91110000802100433B')).toBe('91110000802100433B');
    expect(extractCreditCode('代码91440300708461136T名称')).toBe('91440300708461136T');
  });

  it('uses no regex lookbehind, which iOS before 16.4 cannot parse (the whole bundle would fail to load)', () => {
    const source = readFileSync(new URL('./credit-code.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/\(\?<[=!]/);
  });

  it('answers null for nothing usable', () => {
    for (const input of [null, undefined, '', 'https://example.com/', '91440300708461136U', '你好']) {
      expect(extractCreditCode(input)).toBeNull();
    }
  });
});
