/** Enterprises, keyed by their unified social credit code. */
import { CREDIT_GRADES, type EnterpriseRecord } from '@mashang/shared';
import {
  creditCodeValue,
  EXCHANGE_LIMITS,
  enumSpec,
  enumValue,
  hasFieldErrors,
  optBoolValue,
  phoneValue,
  R_LONG_NAME,
  regionValue,
  textValue,
  type ExchangeObject,
} from './fields.js';

const E_GRADE = enumSpec(CREDIT_GRADES);

/** Reads an enterprise (called through validateRecord, which clears and takes the field errors). */
export function validateEnterprise(o: Record<string, unknown>): EnterpriseRecord | undefined {
  const creditCode = creditCodeValue(o.creditCode, 'creditCode');
  const name = textValue(o.name, 'name', EXCHANGE_LIMITS.name, R_LONG_NAME);
  const industry = textValue(o.industry, 'industry', EXCHANGE_LIMITS.name, R_LONG_NAME);
  const region = regionValue(o.region, 'region');
  const phone = phoneValue(o.phone, 'phone');
  const creditGrade = enumValue(o.creditGrade, 'creditGrade', E_GRADE);
  const lowTouch = optBoolValue(o.lowTouch, 'lowTouch');
  if (hasFieldErrors()) return undefined;
  return {
    creditCode: creditCode!,
    name: name!,
    industry: industry!,
    region: region!,
    phone: phone!,
    creditGrade: creditGrade!,
    lowTouch: lowTouch!,
  };
}

export function serialiseEnterprise(r: EnterpriseRecord): ExchangeObject {
  const o: ExchangeObject = { creditCode: r.creditCode, name: r.name, industry: r.industry, region: r.region };
  if (r.phone !== null) o.phone = r.phone;
  o.creditGrade = r.creditGrade;
  if (r.lowTouch) o.lowTouch = true;
  return o;
}
