// The phones and browsers of the fault test: JSON requests through nginx, each timed and counted,
// and writes sent again with their idempotency key until the server acknowledges them (as the
// officers' offline queue does), or until the phase's time is up.

const REQUEST_TIMEOUT_MS = 20_000;

/** Requests sent and their latencies, per phase. */
export class Tally {
  sent = 0;
  latencies = [];
  failures = 0;

  p(q) {
    if (!this.latencies.length) return 0;
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  }

  get max() {
    return this.latencies.reduce((m, v) => Math.max(m, v), 0);
  }
}

export class Client {
  constructor(base, { maxRequests }) {
    this.base = base;
    this.maxRequests = maxRequests;
    this.total = 0;
    this.tally = new Tally();
  }

  /** One request; never throws: `status` 0 is a transport failure or a timeout. */
  async call(method, path, { token, body, count = true } = {}) {
    if (this.total >= this.maxRequests) throw new Error(`the request budget (${this.maxRequests}) is spent`);
    this.total += 1;
    const t0 = performance.now();
    let status = 0;
    let json = null;
    try {
      const response = await fetch(`${this.base}${path}`, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      status = response.status;
      const text = await response.text();
      try {
        json = JSON.parse(text);
      } catch {
        json = text;
      }
    } catch (error) {
      json = { transport: error?.name === 'TimeoutError' ? 'timeout' : error?.cause?.code ?? error?.message };
    }
    if (count) {
      this.tally.sent += 1;
      this.tally.latencies.push(performance.now() - t0);
      if (status === 0 || status >= 500) this.tally.failures += 1;
    }
    return { status, body: json };
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A write the test expects stored once: sent until acknowledged (2xx, or "already recorded" for a
 * replay of a write that was stored but whose answer was lost) or refused (any other 4xx), or until
 * `deadline`. Its record is what the verification compares with the database.
 */
export async function write(client, op, request, { deadline, replayCode = null }) {
  for (let attempt = 1; Date.now() < deadline; attempt += 1) {
    op.tries = attempt;
    const answer = await client.call(request.method, request.path, request);
    if (answer.status >= 200 && answer.status < 300) {
      op.acknowledged = true;
      op.answer = answer.body;
      return op;
    }
    const code = answer.body?.error?.code;
    // A replay of a stored write: the server says so (ALREADY_RECORDED), or, where it has no such
    // answer (a rating), refuses a second try with `replayCode`.
    if (answer.status === 409 && (code === 'ALREADY_RECORDED' || (attempt > 1 && code === replayCode))) {
      op.acknowledged = true;
      op.duplicate = true;
      return op;
    }
    if (answer.status >= 400 && answer.status < 500 && answer.status !== 408 && answer.status !== 429) {
      op.refused = `${answer.status} ${code ?? ''} ${answer.body?.error?.message ?? ''}`.trim();
      return op;
    }
    op.lastFailure = answer.status ? `HTTP ${answer.status}` : answer.body?.transport;
    await sleep(Math.min(300 * attempt, 2_000));
  }
  op.gaveUp = true;
  return op;
}
