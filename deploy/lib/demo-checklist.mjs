// The demo's joint inspection with one checklist (一表通查) and the three colours (三色), set up through
// the API on the demo enterprise: the market regulator (admin1) keeps its colour list (green, yellow,
// red) and adds an item citing a fire-safety article the fire brigade (A002) also inspects; officer1
// and officer3 (the fire brigade's) file for today, the plans merge, both check in and record on the
// one list: a violation of each colour, the shared row once for both agencies. The inspection is left
// open, so officer1 sees it on the phone and the enterprise reads the list, colours and what to do from
// the code's page.

const DAY_MS = 86_400_000;
const shanghaiDate = (t) => new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
const key = (label) => `demo-${label}-${Math.random().toString(36).slice(2, 12)}`;
const SHARED_ITEM = 'A001-J01';

/** Answers the code's link, or null when a step could not be taken (logged). */
export async function setUpDemoChecklist(api, log, { officer1, officer3, admin1, admin2, supervisor, enterprise }) {
  if (!enterprise || !officer3 || !admin2) {
    log('  一表通查/三色 demo skipped: needs the demo enterprise and the logins officer3 and admin2 (a demo city loaded by this version)');
    return null;
  }
  const [market, fire] = await Promise.all([
    api('GET', '/api/registry/violation-colours', { token: admin1 }),
    api('GET', '/api/registry/violation-colours', { token: admin2 }),
  ]);
  const own = (market.body?.entries ?? []).filter((e) => e.itemId !== SHARED_ITEM);
  const theirs = fire.body?.entries ?? [];
  if (own.length < 3 || theirs.length < 2) return log('  一表通查/三色 demo skipped: too few inspection items'), null;

  // 三色清单: green (首违不罚), yellow (10 days to rectify), red.
  await api('PUT', '/api/registry/violation-colours', {
    token: admin1, body: { changes: [{ itemId: own[0].itemId, colour: 'green' }, { itemId: own[1].itemId, colour: 'yellow', rectifyDays: 10 }, { itemId: own[2].itemId, colour: 'red' }] },
  });
  // An item of the market regulator on the same article as one of the fire brigade's: one row, two stakes.
  await api('POST', '/api/registry/items', { token: admin1, body: { id: SHARED_ITEM, agencyId: 'A001', name: '经营场所消防安全管理', basis: theirs[0].basis } });

  const [me, colleague] = await Promise.all([api('GET', '/api/auth/me', { token: officer1 }), api('GET', '/api/auth/me', { token: officer3 })]);
  // The fire brigade's demo officer must hold a valid certificate to check in.
  const officer = await api('GET', `/api/registry/officers/${colleague.body?.officerId}`, { token: supervisor });
  if (officer.body?.certExpires && officer.body.certExpires < shanghaiDate(Date.now())) {
    await api('PATCH', `/api/registry/officers/${colleague.body.officerId}`, { token: supervisor, body: { certExpires: shanghaiDate(Date.now() + 3 * 365 * DAY_MS) } });
  }
  const date = shanghaiDate(Date.now());
  const plan = (token, officerIds, itemIds) =>
    api('POST', '/api/plans', { token, body: { creditCode: enterprise.creditCode, date, trigger: 'complaint', reason: '群众投诉：消防通道堵塞、食品安全（演示）', officerIds, itemIds } });
  const lead = await plan(officer1, [me.body.officerId], [own[0].itemId, own[1].itemId, own[2].itemId, SHARED_ITEM]);
  const member = await plan(officer3, [colleague.body.officerId], [theirs[0].itemId, theirs[1].itemId]);
  if (lead.status !== 201 || member.status !== 201) return log(`  一表通查/三色 demo skipped: a plan was refused (${lead.status}, ${member.status})`), null;
  const code = await api('POST', `/api/plans/${lead.body.id}/code`, { token: officer1 });
  if (code.status !== 200) return log(`  一表通查/三色 demo skipped: no inspection code (${code.status})`), null;
  for (const token of [officer1, officer3]) await api('POST', '/api/onsite/check-in', { token, body: { creditCode: enterprise.creditCode, clientKey: key('ci') } });

  const record = (token, planId, body) => api('POST', `/api/onsite/inspections/${planId}/findings`, { token, body: { clientKey: key('f'), ...body } });
  await record(officer1, lead.body.id, { itemId: own[0].itemId, outcome: 'rectify', colour: 'green', note: '价格标签不全，已当场改正（演示）' });
  await record(officer1, lead.body.id, { itemId: own[1].itemId, outcome: 'rectify', colour: 'yellow', rectifyBy: shanghaiDate(Date.now() + 10 * DAY_MS), note: '从业人员健康证过期（演示）' });
  await record(officer1, lead.body.id, { itemId: own[2].itemId, outcome: 'violation', colour: 'red', note: '销售过期食品（演示）' });
  // The shared row, recorded once by officer1 for both agencies.
  await record(officer1, lead.body.id, { itemId: SHARED_ITEM, outcome: 'pass' });
  await record(officer1, member.body.id, { itemId: theirs[0].itemId, outcome: 'pass' });
  await record(officer3, member.body.id, { itemId: theirs[1].itemId, outcome: 'pass' });
  log(`  一表通查 + 三色: ${enterprise.name} 联合检查（市场监管 + 消防）进行中，officer1 的手机上是一张清单；企业扫码页 ${code.body.url} 显示绿、黄、红三色及如何处理`);
  return code.body.url;
}
