/**
 * Driver and server errors meaning the database is out of reach (stopped, restarting, unreachable, out
 * of connections, a Galera node outside the primary component), not that a statement was wrong: the
 * request may succeed if sent again later. mysql2 marks every connection-level failure `fatal` (a
 * refused or reset socket, a connection lost or already closed); the rest are the server's answers.
 */
const UNAVAILABLE_CODES = new Set([
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR', 'PROTOCOL_ENQUEUE_AFTER_QUIT', 'PROTOCOL_SEQUENCE_TIMEOUT',
  // 1040 too many connections, 1053 shutdown in progress, 1927 connection killed (MariaDB), 1047 WSREP not ready (Galera).
  'ER_CON_COUNT_ERROR', 'ER_SERVER_SHUTDOWN', 'ER_CONNECTION_KILLED', 'ER_UNKNOWN_COM_ERROR',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as { code?: unknown; fatal?: unknown; driverError?: unknown } | null, depth = 0; e && typeof e === 'object' && depth < 3; depth += 1) {
    if (e.fatal === true) return true;
    if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
    // TypeORM wraps the driver's error (QueryFailedError.driverError).
    e = e.driverError as typeof e;
  }
  return false;
}
