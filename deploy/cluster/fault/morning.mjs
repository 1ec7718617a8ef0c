// A busy morning: officers check in, record each item and finish; the enterprises rate from the
// link their SMS brings. Every write carries its own idempotency key and is sent until acknowledged.
import crypto from 'node:crypto';
import { write } from './client.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const key = (kind) => `ft-${kind}-${crypto.randomBytes(9).toString('base64url')}`;

function op(phase, kind, plan, extra = {}) {
  return { phase, kind, planId: plan.planId, key: key(kind), acknowledged: false, duplicate: false, refused: null, gaveUp: false, tries: 0, ...extra };
}

/** One inspection on site: check in, one finding per item, finish. Resolves the writes it made. */
export async function inspect(client, phase, plan, { deadline, thinkMs = 300 }) {
  const token = plan.officer.token;
  const ops = [];
  const checkIn = op(phase, 'check-in', plan);
  ops.push(checkIn);
  await write(client, checkIn, { method: 'POST', path: '/api/onsite/check-in', token, body: { creditCode: plan.creditCode, clientKey: checkIn.key } }, { deadline });
  if (!checkIn.acknowledged) return ops;
  for (const itemId of plan.itemIds) {
    await sleep(thinkMs * (0.5 + Math.random()));
    const finding = op(phase, 'finding', plan, { itemId });
    ops.push(finding);
    await write(client, finding, { method: 'POST', path: `/api/onsite/inspections/${plan.planId}/findings`, token, body: { itemId, outcome: 'pass', clientKey: finding.key } }, { deadline });
    if (!finding.acknowledged) return ops;
  }
  await sleep(thinkMs * (0.5 + Math.random()));
  const finish = op(phase, 'finish', plan);
  ops.push(finish);
  await write(client, finish, { method: 'POST', path: `/api/onsite/inspections/${plan.planId}/finish`, token, body: { clientKey: finish.key } }, { deadline });
  return ops;
}

/** The rating page opened from the SMS: read the invite, rate every agency well. */
export async function rate(client, phase, plan, token, { deadline }) {
  const rating = op(phase, 'rating', plan, { inviteToken: token });
  let agencies = null;
  while (!agencies && Date.now() < deadline) {
    const invite = await client.call('GET', `/api/ratings/invites/${token}`);
    if (invite.status === 200) agencies = invite.body.agencies ?? [];
    else if (invite.status >= 400 && invite.status < 500) {
      rating.refused = `${invite.status} ${invite.body?.error?.code ?? ''}`;
      return rating;
    } else await sleep(500);
  }
  if (!agencies) {
    rating.gaveUp = true;
    return rating;
  }
  const ratings = agencies.map((a) => ({ agencyId: a.agencyId, language: 5, procedure: 5, manner: 5, fairness: 5, verdict: 'approve', flags: [] }));
  return write(client, rating, { method: 'POST', path: `/api/ratings/invites/${token}`, body: { ratings } }, { deadline, replayCode: 'CONFLICT' });
}

/** The personal link's token in an SMS the provider took (Aliyun's `link` variable). */
export function linkTokenOf(sms) {
  const link = sms.params?.link ?? '';
  const match = /\/r\/([A-Za-z0-9_-]+)$/.exec(link);
  return match ? match[1] : null;
}

/**
 * Rates each invite once as its SMS reaches the provider. `planOfToken` maps a link token to its
 * plan (from the invites in the database). Resolves when stopped; the ratings are in `ops`.
 */
export function enterprisesRating(client, fake, planOfToken, { phaseOf, deadlineOf }) {
  const seen = new Set();
  const pending = [];
  const ops = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      for (const sms of fake.accepted) {
        const token = linkTokenOf(sms);
        if (!token || seen.has(token)) continue;
        const plan = await planOfToken(token);
        if (!plan) continue; // not ours, or the invite is not readable yet: next round
        seen.add(token);
        pending.push(rate(client, phaseOf(plan), plan, token, { deadline: deadlineOf(plan) }).then((r) => ops.push(r)));
      }
      await sleep(300);
    }
  })();
  return {
    ops,
    async stop() {
      stopped = true;
      await loop;
      await Promise.all(pending);
    },
  };
}
