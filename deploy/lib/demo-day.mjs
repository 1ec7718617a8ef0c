// The demo's "today", set up through the running server's own API (so every rule, the trail and the
// queues apply as in real use), once per calendar day: inspections for officer1 to scan into, one
// finished inspection whose enterprise rated it badly (its SMS in the outbox, a flagged case in the
// console), and the nightly anomaly report as of yesterday. Idempotent: a day already set up is left.

import { setUpDemoChecklist } from './demo-checklist.mjs';
import { setUpDemoCampaigns } from './demo-campaigns.mjs';
import { setUpDemoDraw } from './demo-draws.mjs';
import { demoComplaint, printDemoEnterprise, setUpDemoEnterprise } from './demo-enterprise.mjs';
import { printDemoOffsite, setUpDemoOffsite } from './demo-offsite.mjs';
import { setUpDemoPenalties } from './demo-penalties.mjs';
import { accompanyDemo, demoReturnVisit } from './demo-visits.mjs';

const PASSWORD = 'demo1234';
const DAY_MS = 86_400_000;
const shanghaiDate = (t) => new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);

async function api(base, method, path, { token, body } = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: response.status, body: json };
}

async function waitForHealth(base, ms = 60_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the server did not become healthy');
}

const login = async (base, username) => (await api(base, 'POST', '/api/auth/login', { body: { username, password: PASSWORD } })).body?.token;
const key = (label) => `demo-${label}-${Math.random().toString(36).slice(2, 12)}`;

/** Files a plan for today on the first enterprise that takes it (the rules may refuse some). */
async function fileToday(base, token, candidates, plan) {
  while (candidates.length) {
    const enterprise = candidates.shift();
    const filed = await api(base, 'POST', '/api/plans', { token, body: { ...plan, creditCode: enterprise.creditCode, date: shanghaiDate(Date.now()) } });
    if (filed.status === 201) return { plan: filed.body, enterprise };
  }
  return null;
}

export async function setUpDemoDay(base, log) {
  await waitForHealth(base);
  const officer1 = await login(base, 'officer1');
  const officer2 = await login(base, 'officer2');
  const supervisor = await login(base, 'supervisor');
  if (!officer1 || !officer2 || !supervisor) return log('demo day: demo logins missing, skipped');

  const report = await api(base, 'POST', '/api/anomaly/runs', { token: supervisor, body: { asOf: shanghaiDate(Date.now() - DAY_MS) } });
  if (report.status >= 300) log(`demo day: the anomaly report was not started (${report.status})`);

  const call = (method, path, options) => api(base, method, path, options);
  const demoEnterprise = await setUpDemoEnterprise(call, supervisor);
  const today = await api(base, 'GET', '/api/onsite/today', { token: officer1 });
  if (Array.isArray(today.body) && today.body.length) {
    log('demo day: today is set up already');
    printDemoOffsite(log, base, await setUpDemoOffsite(call, { officer1, supervisor }));
    return printDemoEnterprise(log, base, demoEnterprise);
  }

  const [items, officers, enterprises] = await Promise.all([
    api(base, 'GET', '/api/registry/items?page=1&pageSize=100', { token: officer1 }),
    api(base, 'GET', '/api/registry/officers?page=1&pageSize=100', { token: officer1 }),
    api(base, 'GET', '/api/registry/enterprises?page=2&pageSize=100', { token: officer1 }),
  ]);
  const itemIds = (items.body?.items ?? []).filter((i) => !i.noDisturb).slice(0, 2).map((i) => i.id);
  const me = (await api(base, 'GET', '/api/auth/me', { token: officer1 })).body;
  const colleague = (await api(base, 'GET', '/api/auth/me', { token: officer2 })).body;
  const candidates = (enterprises.body?.items ?? []).filter((e) => !e.lowTouch);
  if (!itemIds.length || !me?.officerId || !officers.body) return log('demo day: no items or officers to plan with, skipped');

  const coded = await fileToday(base, officer1, candidates, { trigger: 'complaint', reason: '群众投诉：后厨卫生差（演示）', officerIds: [me.officerId], itemIds });
  if (coded) await api(base, 'POST', `/api/plans/${coded.plan.id}/code`, { token: officer1 });
  const emergency = await fileToday(base, officer1, candidates, { trigger: 'emergency', reason: '燃气泄漏报警，危及公共安全（演示）', officerIds: [me.officerId], itemIds: itemIds.slice(0, 1) });

  // The joint inspection on one checklist with a violation of each colour, on the demo enterprise. Before the
  // inspection rated below: once that one has its code, other agencies are locked out of the enterprise.
  const [admin1, admin2, officer3] = await Promise.all([login(base, 'admin1'), login(base, 'admin2'), login(base, 'officer3')]);
  const joint = [];
  await setUpDemoChecklist(call, (line) => joint.push(line), { officer1, officer3, admin1, admin2, supervisor, enterprise: demoEnterprise });

  // A finished inspection, rated badly from its SMS link: the case the console opens with.
  // The demo enterprise is tried first for the inspection rated today, so its own page shows it.
  const ratedPlan = { trigger: 'superior', reason: '上级交办（演示）', officerIds: [colleague.officerId], itemIds: itemIds.slice(0, 1) };
  const rated = (demoEnterprise && (await fileToday(base, officer2, [demoEnterprise], ratedPlan))) || (await fileToday(base, officer2, candidates, ratedPlan));
  let rating = '';
  // The business-environment bureau's officer (陪同执法 and a return visit); absent on an older city.
  const bizofficer = await login(base, 'bizofficer');
  let accompanied = false;
  if (rated) {
    await api(base, 'POST', `/api/plans/${rated.plan.id}/code`, { token: officer2 });
    accompanied = await accompanyDemo(call, bizofficer, rated.plan.code);
    await api(base, 'POST', '/api/onsite/check-in', { token: officer2, body: { creditCode: rated.enterprise.creditCode, clientKey: key('ci') } });
    await api(base, 'POST', `/api/onsite/inspections/${rated.plan.id}/findings`, { token: officer2, body: { itemId: itemIds[0], outcome: 'rectify', rectifyBy: shanghaiDate(Date.now() + 7 * DAY_MS), note: '货架标签不全（演示）', clientKey: key('f') } });
    await api(base, 'POST', `/api/onsite/inspections/${rated.plan.id}/finish`, { token: officer2, body: { clientKey: key('fin') } });
    const end = Date.now() + 15_000;
    let link = '';
    while (!link && Date.now() < end) {
      const outbox = await api(base, 'GET', '/api/sms/outbox', { token: supervisor });
      // Rating invites only: the outbox also holds the port's sign-in codes.
      const invites = (outbox.body ?? []).filter((m) => /\/r(\/|$)/.test(new URL(m.link || 'http://x/').pathname));
      link = invites.find((m) => m.text.includes(rated.enterprise.name))?.link ?? invites[0]?.link ?? '';
      if (!link) await new Promise((resolve) => setTimeout(resolve, 300));
    }
    if (link) {
      const credential = new URL(link).pathname.split('/').pop();
      const invite = await api(base, 'GET', `/api/ratings/invites/${credential}`);
      const agencyId = invite.body?.agencies?.[0]?.agencyId;
      if (agencyId) {
        await api(base, 'POST', `/api/ratings/invites/${credential}`, {
          body: { ratings: [{ agencyId, language: 2, procedure: 3, manner: 2, fairness: 3, verdict: 'disapprove', flags: ['repeated'], comment: '这个月已经查过一次了（演示）' }] },
        });
        rating = link;
      }
    }
  }

  const visitCode = await demoReturnVisit(call, bizofficer, demoEnterprise);
  log('demo day set up:');
  await setUpDemoPenalties(call, log, { officer1, supervisor, itemIds, candidates });
  if (admin1) await setUpDemoDraw(call, log, { supervisor, admin1 });
  if (admin1) await setUpDemoCampaigns(call, log, { supervisor, admin1, officer1, officer2 });
  if (coded) log(`  officer1 → 扫码入企 ${coded.enterprise.name}：输入 ${coded.enterprise.creditCode}（已生成检查码）`);
  if (emergency) log(`  officer1 → 紧急检查 ${emergency.enterprise.name}：${emergency.enterprise.creditCode}（先检查后补码，24小时内补报）`);
  for (const line of joint) log(line);
  if (rating) log(`  an SMS invite (already rated badly: a case for supervisor): ${rating}`);
  if (accompanied) log(`  bizofficer (营商环境建设局) accompanied the inspection of ${rated.enterprise.name} (陪同执法)`);
  if (visitCode) log(`  bizofficer made a return visit (回访) to the demo enterprise: ${visitCode}`);
  if (await demoComplaint(call, supervisor, demoEnterprise)) log('  the demo enterprise complained from its page (码上响应): a case of source 投诉举报 for supervisor');
  printDemoOffsite(log, base, await setUpDemoOffsite(call, { officer1, supervisor }));
  printDemoEnterprise(log, base, demoEnterprise);
}
