import { aliyunIsPermanent, tencentIsPermanent, transportFailure } from './sms-provider.js';

describe('provider error classes', () => {
  it('Aliyun: a bad number or template stops; system errors and throttling retry', () => {
    expect(aliyunIsPermanent('isv.MOBILE_NUMBER_ILLEGAL')).toBe(true);
    expect(aliyunIsPermanent('isv.SMS_TEMPLATE_ILLEGAL')).toBe(true);
    expect(aliyunIsPermanent('isp.SYSTEM_ERROR')).toBe(false);
    expect(aliyunIsPermanent('isv.BUSINESS_LIMIT_CONTROL')).toBe(false);
    expect(aliyunIsPermanent('Throttling.User')).toBe(false);
  });

  it('Tencent: a bad number or unapproved template stops; limits and internal errors retry', () => {
    expect(tencentIsPermanent('InvalidParameterValue.IncorrectPhoneNumber')).toBe(true);
    expect(tencentIsPermanent('FailedOperation.TemplateIncorrectOrUnapproved')).toBe(true);
    expect(tencentIsPermanent('UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber')).toBe(true);
    expect(tencentIsPermanent('LimitExceeded.PhoneNumberDailyLimit')).toBe(false);
    expect(tencentIsPermanent('RequestLimitExceeded')).toBe(false);
    expect(tencentIsPermanent('InternalError.Timeout')).toBe(false);
  });

  it('a transport failure is retryable and named by its code or status', () => {
    expect(transportFailure(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toEqual({ ok: false, permanent: false, code: 'ECONNRESET', message: 'socket hang up' });
    expect(transportFailure({ httpCode: 502, message: 'Bad Gateway' })).toMatchObject({ permanent: false, code: 'HTTP_502' });
  });
});
