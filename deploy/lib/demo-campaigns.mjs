// The demo's special campaigns (专项检查), through the API as the desks would run them: one drafted by
// the first agency's admin with another agency joining, approved by the supervisor, published, with
// the demo officers' plans filed under it; another drafted and waiting for the supervisor's approval.

const DAY_MS = 86_400_000;
const shanghaiDate = (t) => new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
const INDUSTRY = '餐饮服务';

export async function setUpDemoCampaigns(api, log, { supervisor, admin1, officer1, officer2 }) {
  const existing = (await api('GET', '/api/campaigns?status=all&page=1&pageSize=1', { token: supervisor })).body;
  if (existing?.total) return;
  const [me1, me2] = await Promise.all([officer1, officer2].map(async (token) => (await api('GET', '/api/auth/me', { token })).body));
  const itemsOf = async (token) => ((await api('GET', '/api/registry/items?page=1&pageSize=100', { token })).body?.items ?? []).filter((i) => !i.noDisturb);
  const [items1, items2] = await Promise.all([itemsOf(officer1), itemsOf(officer2)]);
  if (!me1?.agencyId || !me2?.agencyId || !items1.length || !items2.length) return log('demo day: no agencies or items for a special campaign, skipped');
  // The officers' agencies, and another of the city's to join them.
  const others = ((await api('GET', '/api/campaigns/agencies', { token: admin1 })).body ?? []).map((a) => a.id).filter((a) => a !== me1.agencyId && a !== me2.agencyId);
  const agencyIds = [...new Set([me1.agencyId, me2.agencyId, ...others.slice(0, 1)])];
  const itemIds = [...new Set([items1[0].id, items2[0].id])];
  const draft = (name, summary, from, to) =>
    api('POST', '/api/campaigns', {
      token: admin1,
      body: { name, summary, industries: [INDUSTRY], regionPrefixes: [], itemIds, agencyIds, periodFrom: shanghaiDate(Date.now() + from * DAY_MS), periodTo: shanghaiDate(Date.now() + to * DAY_MS) },
    });

  const published = await draft('冬季餐饮场所燃气安全专项检查（演示）', '检查餐饮场所燃气使用、可燃气体报警装置和消防通道，发现隐患当场告知整改。', 8, 60);
  if (published.status !== 201) return log(`demo day: the special campaign was not drafted (${published.body?.error?.message ?? published.status})`);
  const id = published.body.id;
  await api('POST', `/api/campaigns/${id}/submit`, { token: admin1 });
  const approved = await api('POST', `/api/campaigns/${id}/decision`, { token: supervisor, body: { approve: true, note: '同意，按期公布（演示）' } });
  const out = await api('POST', `/api/campaigns/${id}/publish`, { token: admin1 });
  if (approved.status !== 200 || out.status !== 200) return log(`demo day: the special campaign was not published (${out.body?.error?.message ?? out.status})`);

  // Plans under it, on catering businesses the rules let the officers file for.
  const enterprises = [];
  for (let page = 1; page <= 5 && enterprises.length < 40; page++) {
    const found = (await api('GET', `/api/registry/enterprises?page=${page}&pageSize=100`, { token: officer1 })).body?.items ?? [];
    enterprises.push(...found.filter((e) => e.industry === INDUSTRY && !e.lowTouch));
    if (found.length < 100) break;
  }
  let filed = 0;
  let refused = '';
  for (const [token, me, items, wanted] of [[officer1, me1, items1, 2], [officer2, me2, items2, 1]]) {
    let got = 0;
    while (got < wanted && enterprises.length) {
      const enterprise = enterprises.pop();
      const plan = await api('POST', '/api/plans', {
        token,
        body: { creditCode: enterprise.creditCode, date: shanghaiDate(Date.now() + (10 + filed) * DAY_MS), trigger: 'planned', officerIds: [me.officerId], itemIds: [items[0].id], campaignId: id },
      });
      if (plan.status === 201) {
        got += 1;
        filed += 1;
      } else refused = plan.body?.error?.message ?? String(plan.status);
    }
  }
  if (!filed) return log(`demo day: no plan could be filed under the special campaign (${refused || 'no catering business'}), skipped`);

  const waiting = await draft('校园周边食品安全专项检查（演示）', '开学前检查学校周边餐饮、食品销售单位的许可和进货查验。', 20, 80);
  const submitted = waiting.status === 201 && (await api('POST', `/api/campaigns/${waiting.body.id}/submit`, { token: admin1 })).status === 200;
  if (!submitted) return log('demo day: the second special campaign was not submitted, skipped');
  log(`  special campaigns (专项检查): one published with ${filed} plans filed under it, one waiting for supervisor's approval; the public list: <server>/h5/enterprise.html#/enterprise/pages/campaigns/index`);
}
