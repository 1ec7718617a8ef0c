/** The seven kinds of record of the exchange format and their files. */

export const EXCHANGE_KINDS = [
  'agencies',
  'officers',
  'items',
  'enterprises',
  'inspections',
  'cases',
  'ratings',
] as const;
export type ExchangeKind = (typeof EXCHANGE_KINDS)[number];

export interface ExchangeFile {
  readonly kind: ExchangeKind;
  /** File name inside a dataset folder, `<kind>.jsonl`. */
  readonly file: string;
}

/** The files of a dataset, in import order (references point backwards). */
export const EXCHANGE_FILES: readonly ExchangeFile[] = Object.freeze(
  EXCHANGE_KINDS.map((kind) => Object.freeze({ kind, file: `${kind}.jsonl` })),
);

export function exchangeFileName(kind: ExchangeKind): string {
  return `${kind}.jsonl`;
}

export function isExchangeKind(value: string): value is ExchangeKind {
  return (EXCHANGE_KINDS as readonly string[]).includes(value);
}
