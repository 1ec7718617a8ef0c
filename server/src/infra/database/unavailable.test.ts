import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './unavailable.js';

const driverError = (code: string, fatal = false) => Object.assign(new Error(code), { code, ...(fatal ? { fatal } : {}) });

describe('a database out of reach', () => {
  it('is told by mysql2\'s fatal connection errors and by the server\'s shutdown, overload and cluster answers, also wrapped by TypeORM', () => {
    expect(isDatabaseUnavailable(driverError('ECONNREFUSED', true))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("Can't add new command when connection is in closed state"), { fatal: true }))).toBe(true);
    expect(isDatabaseUnavailable(driverError('PROTOCOL_CONNECTION_LOST'))).toBe(true);
    expect(isDatabaseUnavailable(driverError('ER_SERVER_SHUTDOWN'))).toBe(true);
    expect(isDatabaseUnavailable(driverError('ER_CON_COUNT_ERROR'))).toBe(true);
    expect(isDatabaseUnavailable(driverError('ER_UNKNOWN_COM_ERROR'))).toBe(true);
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], driverError('ER_CONNECTION_KILLED')))).toBe(true);
  });

  it('is not a wrong statement, a conflict, or a socket error that did not come from the driver (a client hanging up)', () => {
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT x', [], driverError('ER_BAD_FIELD_ERROR')))).toBe(false);
    expect(isDatabaseUnavailable(driverError('ER_DUP_ENTRY'))).toBe(false);
    expect(isDatabaseUnavailable(driverError('ER_LOCK_DEADLOCK'))).toBe(false);
    expect(isDatabaseUnavailable(driverError('ECONNRESET'))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable('text')).toBe(false);
  });
});
