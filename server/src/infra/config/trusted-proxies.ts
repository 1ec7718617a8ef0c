import { isIP } from 'node:net';

/** Address ranges proxy-addr (Fastify's trustProxy) knows by name. */
const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUSTED_PROXIES: the reverse proxies whose X-Forwarded-For the server believes, as a comma-separated
 * list of IP addresses, CIDR ranges (10.0.0.0/8) or proxy-addr's names (loopback, linklocal, uniquelocal).
 * Empty by default: the socket's address is the client's, whatever a request claims. Answers the list,
 * or the entries it could not read.
 */
export function parseTrustedProxies(text: string | undefined): { proxies: string[]; invalid: string[] } {
  const entries = (text ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  return {
    proxies: entries,
    invalid: entries.filter((entry) => !NAMED_RANGES.includes(entry) && !isAddressOrRange(entry)),
  };
}

function isAddressOrRange(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (version === 4 ? 32 : 128);
}
