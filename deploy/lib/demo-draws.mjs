// The demo's random draw (双随机一公开), through the API as the supervisor would run one: committed
// for the market regulator over the catering businesses of the city, then drawn with public entropy.
// Anyone can then read and verify it on the public page or with `npm run cli -- verify-draw URL`.

const DAY_MS = 86_400_000;
const shanghaiDate = (t) => new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);

export async function setUpDemoDraw(api, log, { supervisor, admin1 }) {
  const existing = (await api('GET', '/api/public/draws')).body;
  if (Array.isArray(existing) && existing.length) return;
  const me = (await api('GET', '/api/auth/me', { token: admin1 })).body;
  const items = (await api('GET', `/api/registry/items?page=1&pageSize=100&agencyId=${encodeURIComponent(me?.agencyId ?? '')}`, { token: admin1 })).body?.items ?? [];
  const itemIds = items.filter((i) => i.agencyId === me?.agencyId && !i.noDisturb).slice(0, 2).map((i) => i.id);
  if (!me?.agencyId || !itemIds.length) return log('demo day: no items for a random draw, skipped');
  const committed = await api('POST', '/api/draws', {
    token: supervisor,
    body: {
      agencyId: me.agencyId, name: '餐饮服务单位食品安全双随机抽查（演示）', itemIds, industries: ['餐饮服务'], regionPrefixes: [],
      proportions: { A: 0.03, B: 0.05, C: 0.2, D: 1 }, periodFrom: shanghaiDate(Date.now() + 14 * DAY_MS), periodTo: shanghaiDate(Date.now() + 60 * DAY_MS),
    },
  });
  if (committed.status !== 201) return log(`demo day: the random draw was not committed (${committed.body?.error?.message ?? committed.status})`);
  const drawn = await api('POST', `/api/draws/${committed.body.id}/draw`, { token: supervisor, body: { publicEntropy: `${shanghaiDate(Date.now())} 演示公开随机数` } });
  if (drawn.status !== 200) return log(`demo day: the random draw did not run (${drawn.body?.error?.message ?? drawn.status})`);
  const planned = drawn.body.outcomes.filter((o) => o.planId).length;
  log(`  a random draw (双随机): ${drawn.body.result.inspections.length} enterprises drawn, ${planned} plans filed; verify: npm run cli -- verify-draw <server>/api/public/draws/${drawn.body.id}`);
}
