/**
 * A refused request, sorted for a form: the rules it broke (RULE_REFUSED, each with its remedy), the
 * fields the server named (beside those fields, in Chinese) and anything else as one line. The
 * server's own message for field errors names fields by their API keys, so it is never shown itself.
 */
import { ErrorCode, type RuleRefusal } from '@mashang/shared';
import { ApiError, errorMessage } from './api-error';

export interface ServerProblems<F extends string> {
  fields: Partial<Record<F, string>>;
  refusals: RuleRefusal[];
  /** What is left to say; '' when the fields or refusals say it all. */
  message: string;
}

const HAN = /[\u4e00-\u9fff]/;

/**
 * `labels` names the form's fields (API key → Chinese); `fallbacks` says what is wrong with one when
 * the server's reason is class-validator's English. Fields the form does not have go into `message`.
 */
export function serverProblems<F extends string>(
  error: unknown,
  labels: Record<F, string>,
  fallbacks: Partial<Record<F, string>> = {},
): ServerProblems<F> {
  if (!(error instanceof ApiError)) return { fields: {}, refusals: [], message: errorMessage(error) };
  if (error.code === ErrorCode.RuleRefused && error.refusals.length) return { fields: {}, refusals: error.refusals, message: '' };
  if (!error.fields.length) return { fields: {}, refusals: [], message: errorMessage(error) };
  const keys = Object.keys(labels) as F[];
  const fields: Partial<Record<F, string>> = {};
  const others: string[] = [];
  for (const { field, reason } of error.fields) {
    const key = keys.find((name) => field === name || field.startsWith(`${name}.`) || field.startsWith(`${name}[`));
    const chinese = HAN.test(reason) ? reason : null;
    if (key) fields[key] ??= chinese ?? fallbacks[key] ?? `${labels[key]}填写有误`;
    else others.push(chinese ?? '提交的内容有误，请检查后重试');
  }
  return { fields, refusals: [], message: [...new Set(others)].join('；') };
}
