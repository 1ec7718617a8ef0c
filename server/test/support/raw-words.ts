/**
 * Raw words on a page: what a reader of a Chinese page should never see — keys, enum values, JSON,
 * ISO timestamps — found in its visible text (`innerText`). Browser tests call `expectNoRawWords(page)`
 * after a page has rendered its content; `rawWords(text)` is the same check on a string.
 *
 * The enum values are read from shared's vocabularies (every exported `{ value, label }[]` list and every
 * exported record of Chinese labels), so a value added there is caught here without listing it again.
 * Legitimate ASCII is taken out first: credit codes, plan and case numbers, inspection codes, masked
 * phones, links; a test passes more with `allow`, and the login names a page must not show (people are
 * named by name) with `accounts`.
 */
import * as shared from '@mashang/shared';
import type { Page } from 'playwright-core';

export type RawWordKind = 'json' | 'iso-time' | 'key-value' | 'identifier' | 'enum-value' | 'account';

export interface RawWord {
  kind: RawWordKind;
  word: string;
  /** The text around it, to find it on the page. */
  context: string;
}

const CJK = /[\u3400-\u9fff]/;

/** Every ASCII value of shared's vocabularies (`planned`, `checked-in`, `disapprove` …). */
function vocabularyValues(): Set<string> {
  const values = new Set<string>();
  const add = (value: string) => {
    // Single capitals are credit grades and the like, legitimately shown as they are.
    if (/^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/i.test(value) && value.length > 1 && value !== value.toUpperCase()) values.add(value);
  };
  for (const exported of Object.values(shared) as unknown[]) {
    if (Array.isArray(exported)) {
      for (const entry of exported) {
        if (entry && typeof entry === 'object' && typeof entry.value === 'string' && typeof entry.label === 'string') add(entry.value);
      }
    } else if (exported && typeof exported === 'object') {
      const labels = Object.values(exported);
      if (labels.length && labels.every((label) => typeof label === 'string') && labels.some((label) => CJK.test(label as string))) {
        for (const key of Object.keys(exported)) add(key);
      }
    }
  }
  return values;
}

export const VOCABULARY_VALUES: ReadonlySet<string> = vocabularyValues();

/** ASCII a page shows on purpose, taken out before looking. */
const LEGITIMATE: readonly RegExp[] = [
  /https?:\/\/[^\s，。；、）)]+/g, // links shown to copy or print
  /(?:^|(?<=[^A-Za-z0-9/]))\/[a-z](?:\/[A-Za-z0-9_-]+)+/g, // short links such as /p/<token>
  /\b[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}\b/g, // 统一社会信用代码
  /\b1\d{2}\*{4}\d{4}\b/g, // masked phones
  /\b(?=[A-Za-z0-9-]*\d)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+\b/g, // numbers: plan and case numbers, codes, document numbers
];

/** Looked for before the legitimate ASCII is taken out (a timestamp looks like a number). */
const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?|\bUTC\b|\bGMT\b/g;

const PATTERNS: readonly { kind: RawWordKind; pattern: RegExp }[] = [
  { kind: 'json', pattern: /[{}]|\[[^\]\n]*\]|\[|\]/g },
  { kind: 'key-value', pattern: /\b[A-Za-z_][A-Za-z0-9_]*\s*[:=：]\s*(?=[A-Za-z0-9"'[{])[^\s，。；]*/g },
  // snake_case, camelCase and kebab-case identifiers
  { kind: 'identifier', pattern: /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b|\b[a-z]+(?:[A-Z][a-z0-9]*)+\b|\b[a-z]+(?:-[a-z]+)+\b/g },
];

function context(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - 24), index + length + 24).replace(/\s+/g, ' ').trim();
}

export interface RawWordOptions {
  /** Strings (or patterns) this page may show. */
  allow?: readonly (string | RegExp)[];
  /** Login names: a person is named by name, not by account (`officer1`). */
  accounts?: readonly string[];
}

/** The raw words in a page's text. */
export function rawWords(text: string, { allow = [], accounts = [] }: RawWordOptions = {}): RawWord[] {
  const found: RawWord[] = [];
  const seen = new Set<string>();
  const push = (kind: RawWordKind, word: string, index: number, within: string) => {
    if (seen.has(`${kind}:${word}`)) return;
    seen.add(`${kind}:${word}`);
    found.push({ kind, word, context: context(within, index, word.length) });
  };
  for (const match of text.matchAll(ISO_TIME)) push('iso-time', match[0], match.index ?? 0, text);
  let rest = text.replace(ISO_TIME, ' ');
  for (const pattern of [...LEGITIMATE, ...allow]) {
    rest = typeof pattern === 'string' ? rest.split(pattern).join(' ') : rest.replace(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`), ' ');
  }
  for (const { kind, pattern } of PATTERNS) {
    for (const match of rest.matchAll(pattern)) push(kind, match[0], match.index ?? 0, rest);
  }
  for (const match of rest.matchAll(/[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*/g)) {
    if (accounts.includes(match[0])) push('account', match[0], match.index ?? 0, rest);
    else if (VOCABULARY_VALUES.has(match[0])) push('enum-value', match[0], match.index ?? 0, rest);
  }
  return found;
}

/** The raw words of a page's visible text, one line each, for a failure message. */
export async function pageRawWords(page: Page, options: RawWordOptions & { selector?: string } = {}): Promise<string[]> {
  const text = await page.locator(options.selector ?? 'body').innerText();
  return rawWords(text, options).map((w) => `${w.kind} ${JSON.stringify(w.word)} in “${w.context}”`);
}

/** Fails, naming each one, when the page shows a raw word. */
export async function expectNoRawWords(page: Page, options: RawWordOptions & { selector?: string; name?: string } = {}): Promise<void> {
  const problems = await pageRawWords(page, options);
  if (problems.length) throw new Error(`${options.name ?? page.url()} shows raw words:\n  ${problems.join('\n  ')}`);
}
