import { isMainlandMobile } from './enterprise-port.js';

describe('mainland mobile numbers', () => {
  it('takes eleven digits starting 13–19, nothing else', () => {
    expect(['13812345678', '19912345678', '16600000000'].every(isMainlandMobile)).toBe(true);
    expect(['12812345678', '1381234567', '138123456789', '+8613812345678', '138 1234 5678', '010-12345678'].some(isMainlandMobile)).toBe(false);
  });
});
