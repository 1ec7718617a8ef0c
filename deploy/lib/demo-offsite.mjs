// 非现场检查 in the demo: a 无感监管 enterprise of the register (given a known phone, a register edit
// kept in its history) gets a routine plan of officer1's agency checked off-site, and the request for
// evidence goes out by SMS (to the local outbox). Left open, so a demo user answers it from the printed
// link on a phone, then officer1 accepts it in 检查计划. Idempotent: an open request is found again.

export const DEMO_OFFSITE_PHONE = '13800138001';
const DAY_MS = 86_400_000;
const shanghaiDate = (t) => new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);

/** The newest off-site link in the outbox that still opens an unanswered request, with its view. */
async function openLink(api, supervisor) {
  const outbox = (await api('GET', '/api/sms/outbox', { token: supervisor })).body ?? [];
  for (const message of outbox.filter((m) => /\/o\/[A-Za-z0-9_-]{22}$/.test(m.link ?? ''))) {
    const token = message.link.split('/').pop();
    const view = await api('GET', `/api/offsite-links/${token}`);
    if (view.status === 200 && view.body.status === 'asked') return { link: message.link, view: view.body };
  }
  return null;
}

/** Sets up (or finds) the open off-site request; answers { link, name, creditCode } or null. */
export async function setUpDemoOffsite(api, { officer1, supervisor }) {
  const existing = await openLink(api, supervisor);
  if (existing) return { link: existing.link, name: existing.view.enterpriseName, creditCode: existing.view.creditCode };
  const me = (await api('GET', '/api/auth/me', { token: officer1 })).body;
  const items = ((await api('GET', '/api/registry/items?page=1&pageSize=100', { token: officer1 })).body?.items ?? []).slice(0, 2);
  if (!me?.officerId || !items.length) return null;
  for (let page = 1; page <= 5; page++) {
    const enterprises = ((await api('GET', `/api/registry/enterprises?page=${page}&pageSize=100`, { token: supervisor })).body?.items ?? []).filter((e) => e.lowTouch);
    for (const enterprise of enterprises) {
      const filed = await api('POST', '/api/plans', {
        token: officer1,
        body: { creditCode: enterprise.creditCode, date: shanghaiDate(Date.now() + 7 * DAY_MS), trigger: 'planned', officerIds: [me.officerId], itemIds: items.map((i) => i.id), mode: 'offsite' },
      });
      // The credit cap may refuse one already planned this year: the next is tried.
      if (filed.status !== 201) continue;
      await api('PATCH', `/api/registry/enterprises/${enterprise.creditCode}`, { token: supervisor, body: { phone: DEMO_OFFSITE_PHONE } });
      const asks = [
        { itemId: items[0].id, kind: 'photo', ask: `${items[0].name}：经营场所现场照片（演示）` },
        { itemId: items[items.length - 1].id, kind: 'document', ask: '相关许可证或自查记录（PDF 或照片）' },
        { itemId: items[0].id, kind: 'reading', ask: '冷藏设备当前温度（℃）' },
      ];
      const sent = await api('POST', '/api/offsite/requests', { token: officer1, body: { planId: filed.body.id, asks } });
      if (sent.status !== 201) return null;
      const end = Date.now() + 15_000;
      while (Date.now() < end) {
        const found = await openLink(api, supervisor);
        if (found) return { link: found.link, name: enterprise.name, creditCode: enterprise.creditCode };
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      return { link: '', name: enterprise.name, creditCode: enterprise.creditCode };
    }
  }
  return null;
}

export function printDemoOffsite(log, base, offsite) {
  if (!offsite) return;
  log(`  非现场检查（无感监管）${offsite.name} ${offsite.creditCode}：企业在手机上打开 ${offsite.link || '（短信见 npm run cli -- outbox）'} 提交材料，`);
  log(`    或在企业端 ${base}/e 用手机号 ${DEMO_OFFSITE_PHONE} 登录；officer1 在 检查计划 → 请企业提交材料 / 审核 里审核通过`);
}
