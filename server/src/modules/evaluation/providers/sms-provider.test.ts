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
    expect(transportFailure(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toEqual({ ok: false, permanent: false, code: 'ECONNRESET', message: 'socket hang up', unanswered: true });
    expect(transportFailure({ httpCode: 502, message: 'Bad Gateway' })).toEqual({ ok: false, permanent: false, code: 'HTTP_502', message: 'Bad Gateway' });
  });

  it('a request that may have gone out and got no answer is unanswered; one that never left is not', () => {
    // As Aliyun's SDK reports them: its ConnectTimeout is also what a request on a kept-alive connection gets.
    expect(transportFailure({ code: 'RequestTimeoutError', message: 'ReadTimeout(2000). POST http://… failed.' })).toMatchObject({ unanswered: true });
    expect(transportFailure({ code: 'RequestTimeoutError', message: 'ConnectTimeout: Connect http://… failed.' })).toMatchObject({ unanswered: true });
    expect(transportFailure({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' })).not.toHaveProperty('unanswered');
    expect(transportFailure({ statusCode: 504, message: 'Gateway Timeout' })).not.toHaveProperty('unanswered');
  });
});
