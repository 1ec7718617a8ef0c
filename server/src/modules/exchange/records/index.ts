/**
 * Records of the data exchange format v1 (`shared/spec/exchange-format.md`): per-line validation
 * and normalisation of the seven JSON Lines files, the inverse serialisation used by export,
 * and the upsert key of each kind.
 *
 * This runs once per line of imports of millions of lines, so it is written for speed: no
 * regular expressions or closures are created per call, errors are only allocated when a line
 * is wrong, and every record of one kind is built with the same shape.
 */
export { EXCHANGE_FILES, EXCHANGE_KINDS, exchangeFileName, isExchangeKind, type ExchangeFile, type ExchangeKind } from './kinds.js';
export { EXCHANGE_LIMITS, type ExchangeObject, type FieldError, type ValidationResult } from './fields.js';
export {
  recordKey,
  serialiseRecord,
  validateLine,
  validateRecord,
  type ExchangeRecord,
  type ExchangeRecordMap,
} from './exchange-record.js';
