// What the database holds after a phase, against what the server acknowledged: every acknowledged
// write stored exactly once, every finished inspection's invite sent exactly once.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../../lib/services/common.mjs';

const tokens = await import(pathToFileURL(path.join(REPO_ROOT, 'server', 'dist', 'src', 'modules', 'evaluation', 'rating-token.js')).href);

export class Store {
  constructor(databaseUrl, jwtSecret) {
    this.databaseUrl = databaseUrl;
    this.key = tokens.ratingKey(jwtSecret);
    this.planByToken = new Map();
    this.lastRefresh = 0;
  }

  async open() {
    const { createPool } = await import('mysql2/promise');
    this.pool = createPool({ uri: this.databaseUrl, connectionLimit: 4, timezone: 'Z' });
  }

  async close() {
    await this.pool?.end();
  }

  /** A query that waits out a database failover (the checks run after the phase, but the cluster may still be settling). */
  async query(sql, values) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const [rows] = await this.pool.query(sql, values);
        return rows;
      } catch (error) {
        if (attempt >= 30) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  }

  /** The plan an SMS link token belongs to, from the invites of `plans` (re-read at most once a second). */
  async planOfToken(token, plans) {
    if (!this.planByToken.has(token) && Date.now() - this.lastRefresh > 1_000) {
      this.lastRefresh = Date.now();
      const byId = new Map(plans.map((p) => [p.planId, p]));
      const rows = await this.query('SELECT id, group_id FROM rating_invites WHERE group_id IN (?)', [[...byId.keys()]]).catch(() => []);
      for (const r of rows) this.planByToken.set(tokens.linkToken(this.key, r.id), byId.get(r.group_id));
    }
    return this.planByToken.get(token) ?? null;
  }

  tokenOf(inviteId) {
    return tokens.linkToken(this.key, inviteId);
  }
}

const countBy = (rows, keyOf) => {
  const m = new Map();
  for (const r of rows) m.set(keyOf(r), (m.get(keyOf(r)) ?? 0) + Number(r.n ?? 1));
  return m;
};

/**
 * The phase's figures: writes acknowledged, stored, lost (acknowledged, not stored; or a finished
 * inspection whose invite never reached the provider) and doubled (stored twice; an SMS sent twice).
 */
export async function verifyPhase(store, plans, ops, smsTaken) {
  const ids = plans.map((p) => p.planId);
  const [checkins, findings, finished, trail, invites, ratings] = await Promise.all([
    store.query('SELECT plan_id, client_key FROM checkins WHERE plan_id IN (?)', [ids]),
    store.query('SELECT plan_id, item_id, client_key FROM findings WHERE plan_id IN (?)', [ids]),
    store.query('SELECT id FROM plans WHERE id IN (?) AND finished_at IS NOT NULL', [ids]),
    store.query('SELECT inspection_id, kind, COUNT(*) AS n FROM inspection_trail WHERE inspection_id IN (?) GROUP BY inspection_id, kind', [ids]),
    store.query("SELECT r.id, r.group_id, m.status FROM rating_invites r LEFT JOIN sms_messages m ON m.invite_id = r.id AND m.kind = 'invite' WHERE r.group_id IN (?)", [ids]),
    store.query('SELECT inspection_id, COUNT(*) AS n FROM ratings WHERE inspection_id IN (?) GROUP BY inspection_id', [ids]),
  ]);
  const checkinKeys = new Set(checkins.map((r) => r.client_key));
  const findingKeys = new Set(findings.map((r) => r.client_key));
  const finishedIds = new Set(finished.map((r) => r.id));
  const ratedIds = new Set(ratings.map((r) => r.inspection_id));
  const stored = (o) =>
    o.kind === 'check-in' ? checkinKeys.has(o.key)
      : o.kind === 'finding' ? findingKeys.has(o.key)
        : o.kind === 'finish' ? finishedIds.has(o.planId)
          : ratedIds.has(o.planId);
  const acknowledged = ops.filter((o) => o.acknowledged);
  const lostWrites = acknowledged.filter((o) => !stored(o));

  const problems = [];
  let doubled = 0;
  const over = (what, counts, limit = 1) => {
    for (const [k, n] of counts) {
      if (n > limit) {
        doubled += n - limit;
        problems.push(`${what} ${k}: ${n}`);
      }
    }
  };
  over('check-ins of plan', countBy(checkins, (r) => r.plan_id));
  over('findings of plan/item', countBy(findings, (r) => `${r.plan_id}/${r.item_id}`));
  for (const kind of ['checked-in', 'finished', 'invited', 'rated']) over(`'${kind}' trail entries of`, countBy(trail.filter((r) => r.kind === kind), (r) => r.inspection_id));
  over('invites of inspection', countBy(invites, (r) => r.group_id));
  over('ratings of inspection', countBy(ratings, (r) => r.inspection_id));

  // Every acknowledged finish: one invite, its SMS taken by the provider exactly once.
  const inviteOf = new Map(invites.map((r) => [r.group_id, r]));
  const finishes = acknowledged.filter((o) => o.kind === 'finish');
  let invitesSent = 0;
  const lostInvites = [];
  for (const f of finishes) {
    const invite = inviteOf.get(f.planId);
    const sent = invite ? smsTaken.get(store.tokenOf(invite.id)) ?? 0 : 0;
    if (sent === 0) lostInvites.push(`${f.planId} (${invite ? `invite ${invite.status}` : 'no invite'})`);
    if (sent >= 1) invitesSent += 1;
    if (sent > 1) {
      doubled += sent - 1;
      problems.push(`SMS of inspection ${f.planId}: sent ${sent} times`);
    }
  }
  for (const o of lostWrites) problems.push(`${o.kind} ${o.key} of ${o.planId}: acknowledged, not stored`);
  for (const l of lostInvites) problems.push(`invite of ${l}: never reached the provider`);
  return {
    acknowledged: acknowledged.length,
    stored: acknowledged.length - lostWrites.length,
    lost: lostWrites.length + lostInvites.length,
    doubled,
    finishes: finishes.length,
    invitesSent,
    refused: ops.filter((o) => o.refused).map((o) => `${o.kind}: ${o.refused}`),
    unacknowledged: ops.filter((o) => !o.acknowledged && !o.refused).length,
    problems,
  };
}

/** SMS the provider took, per link token. */
export function smsPerToken(fake, linkTokenOf) {
  const counts = new Map();
  for (const sms of fake.accepted) {
    const token = linkTokenOf(sms);
    if (token) counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  return counts;
}
