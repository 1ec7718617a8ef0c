/** One Redis Sentinel's address. */
export interface SentinelAddress {
  host: string;
  port: number;
}

/**
 * Where Redis is: one server (`REDIS_URL`), or a master the Sentinels watch (`REDIS_SENTINELS`, the
 * master's name in `REDIS_SENTINEL_NAME`). With Sentinels, REDIS_URL is optional and only its
 * credentials and database index count (`redis://:password@master/2`): the Sentinels name the host.
 */
export interface RedisTarget {
  url: string | null;
  sentinels: SentinelAddress[] | null;
  sentinelName: string | null;
}

/** `host:port` or `[v6]:port`. */
function parseAddress(text: string): SentinelAddress | null {
  const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9.-]+)):(\d{1,5})$/.exec(text.trim());
  if (!match) return null;
  const port = Number(match[3]);
  return port >= 1 && port <= 65535 ? { host: match[1] ?? match[2], port } : null;
}

function redisUrlValid(value: string): boolean {
  try {
    return ['redis:', 'rediss:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** REDIS_URL / REDIS_SENTINELS / REDIS_SENTINEL_NAME, every problem named. */
export function redisTargetConfig(env: NodeJS.ProcessEnv, problems: string[]): RedisTarget {
  const url = env.REDIS_URL?.trim() || null;
  const list = env.REDIS_SENTINELS?.trim() || '';
  const name = env.REDIS_SENTINEL_NAME?.trim() || null;
  if (url && !redisUrlValid(url)) problems.push('REDIS_URL: must look like redis://host:6379');
  if (!list) {
    if (!url) problems.push('REDIS_URL: required (or REDIS_SENTINELS with REDIS_SENTINEL_NAME)');
    if (name) problems.push('REDIS_SENTINEL_NAME: only with REDIS_SENTINELS');
    return { url, sentinels: null, sentinelName: null };
  }
  const parts = list.split(',').map((part) => part.trim()).filter(Boolean);
  const sentinels = parts.map(parseAddress);
  const bad = parts.filter((_, i) => !sentinels[i]);
  if (bad.length) problems.push(`REDIS_SENTINELS: not host:port: ${bad.join(', ')}`);
  if (!name) problems.push('REDIS_SENTINEL_NAME: required with REDIS_SENTINELS (the master name the Sentinels monitor)');
  else if (!/^[A-Za-z0-9._-]{1,64}$/.test(name)) problems.push('REDIS_SENTINEL_NAME: letters, digits and . _ - only');
  return { url, sentinels: sentinels.filter((s): s is SentinelAddress => s !== null), sentinelName: name };
}
