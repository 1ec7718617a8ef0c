// The morning's inspections, made through the API as the officers make them: plans for today on
// enterprises with a phone (the SMS invite needs one), each its own inspection (not merged with
// another agency's), with its inspection code issued.

const PASSWORD = 'demo1234';
const shanghaiDate = (t) => new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);

async function login(client, username) {
  const answer = await client.call('POST', '/api/auth/login', { body: { username, password: PASSWORD }, count: false });
  if (answer.status !== 200) throw new Error(`login ${username}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.token;
}

async function get(client, token, path) {
  const answer = await client.call('GET', path, { token, count: false });
  if (answer.status !== 200) throw new Error(`GET ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Enterprises a plan may be filed on today, with a phone, never used by an earlier run (their plans would clash). */
async function* candidates(client, token, skip) {
  for (let page = 1; page <= 200; page += 1) {
    const { items } = await get(client, token, `/api/registry/enterprises?page=${page}&pageSize=100`);
    if (!items?.length) return;
    for (const e of items) if (e.phone && !e.lowTouch && !skip.has(e.creditCode)) yield e;
  }
}

/**
 * `count` coded plans for today, alternating between the two demo officers; resolves
 * { officers: [{ token, officerId }], plans: [{ planId, creditCode, officer, itemIds }] }.
 */
export async function prepareMorning(client, count, { log }) {
  const officers = [];
  for (const username of ['officer1', 'officer2']) {
    const token = await login(client, username);
    const me = await get(client, token, '/api/auth/me');
    officers.push({ username, token, officerId: me.officerId, agencyId: me.agencyId });
  }
  const { items } = await get(client, officers[0].token, '/api/registry/items?page=1&pageSize=100');
  const itemIds = items.filter((i) => !i.noDisturb && (!i.agencyId || i.agencyId === officers[0].agencyId)).slice(0, 2).map((i) => i.id);
  if (!itemIds.length) throw new Error('no inspection items to plan with: is the demo city loaded?');
  // Enterprises this agency already plans for around today (earlier runs, the demo day) are left alone.
  const taken = new Set();
  for (const o of officers) {
    const today = await get(client, o.token, '/api/onsite/today');
    for (const p of Array.isArray(today) ? today : []) taken.add(p.creditCode);
  }
  const date = shanghaiDate(Date.now());
  const plans = [];
  let refused = 0;
  for await (const enterprise of candidates(client, officers[0].token, taken)) {
    if (plans.length >= count) break;
    const officer = officers[plans.length % officers.length];
    const filed = await client.call('POST', '/api/plans', {
      token: officer.token, count: false,
      body: { creditCode: enterprise.creditCode, date, trigger: 'complaint', reason: '群众投诉：演练（故障测试）', officerIds: [officer.officerId], itemIds },
    });
    if (filed.status !== 201) {
      refused += 1;
      continue;
    }
    const plan = filed.body;
    if (plan.inspection.joint || plan.inspection.leadPlanId !== plan.id) {
      await client.call('POST', `/api/plans/${plan.id}/cancel`, { token: officer.token, count: false, body: { reason: '与其他部门的检查合并，故障测试不用' } });
      continue;
    }
    const coded = await client.call('POST', `/api/plans/${plan.id}/code`, { token: officer.token, count: false });
    if (coded.status !== 200) throw new Error(`issuing the code of ${plan.id}: ${coded.status} ${JSON.stringify(coded.body)}`);
    plans.push({ planId: plan.id, creditCode: enterprise.creditCode, officer, itemIds });
    if (plans.length % 50 === 0) log(`  ${plans.length} plans filed and coded`);
  }
  if (plans.length < count) throw new Error(`only ${plans.length} of ${count} plans could be filed for today (${refused} refused): load a larger demo city`);
  return { officers, plans };
}
