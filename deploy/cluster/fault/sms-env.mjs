// The fault test's instances send SMS through Aliyun's wire format to its loopback provider. Kept
// apart so a test can check the instances would start with it: every template the server requires.
export function faultSmsEnv(smsPort) {
  return {
    SMS_PROVIDER: 'aliyun',
    ALIYUN_SMS_ENDPOINT: `http://127.0.0.1:${smsPort}`,
    ALIYUN_SMS_ACCESS_KEY_ID: 'fault-test',
    ALIYUN_SMS_ACCESS_KEY_SECRET: 'fault-test',
    SMS_SIGN_NAME: '码上入企',
    SMS_TEMPLATE_INVITE: 'SMS_INVITE',
    SMS_TEMPLATE_REMINDER: 'SMS_REMIND',
    SMS_TEMPLATE_PENALTY_NOTICE: 'SMS_PENALTY',
    SMS_TEMPLATE_SIGN_IN: 'SMS_SIGN_IN',
    SMS_TEMPLATE_COMPLAINT_OUTCOME: 'SMS_COMPLAINT',
    SMS_TEMPLATE_INSPECTION_NOTICE: 'SMS_NOTICE',
    SMS_TEMPLATE_OFFSITE_REQUEST: 'SMS_OFFSITE',
    SMS_CALLBACK_TOKEN: 'fault-test-callback-token',
    SMS_MODE: 'link',
    SMS_TIMEOUT: '2s',
    SMS_RETRY_DELAY: '1s',
    SMS_MAX_ATTEMPTS: '10',
    RATING_REMINDER_DELAY: 'off',
    LOG_LEVEL: 'warn',
  };
}
