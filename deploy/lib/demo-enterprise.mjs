// The demo's enterprise for the enterprise's port (企业端): the first enterprise of the register that
// is not on the 无感监管 list gets a known phone (a register edit through the API, kept in its history),
// so a demo user can sign in at /e with it. The SMS code goes to the local outbox: `npm run cli -- outbox`
// prints it, as the demo reads rating links from there.

export const DEMO_ENTERPRISE_PHONE = '13800138000';

/** Answers the demo enterprise ({ creditCode, name }) with its phone set, or null when the register is empty. */
export async function setUpDemoEnterprise(api, supervisor) {
  const list = await api('GET', '/api/registry/enterprises?page=1&pageSize=50', { token: supervisor });
  const enterprise = (list.body?.items ?? []).find((e) => !e.lowTouch);
  if (!enterprise) return null;
  if (enterprise.phone !== `${DEMO_ENTERPRISE_PHONE.slice(0, 3)}****${DEMO_ENTERPRISE_PHONE.slice(-4)}`) {
    const edited = await api('PATCH', `/api/registry/enterprises/${enterprise.creditCode}`, { token: supervisor, body: { phone: DEMO_ENTERPRISE_PHONE } });
    if (edited.status >= 300) return null;
  }
  return { creditCode: enterprise.creditCode, name: enterprise.name };
}

/**
 * The demo enterprise signs in (its code read from the outbox, as a demo user would) and complains from
 * its page about its latest inspection (码上响应): a flagged case of source 投诉举报 for the console.
 */
export async function demoComplaint(api, supervisor, enterprise) {
  if (!enterprise) return false;
  const asked = await api('POST', '/api/enterprise/sign-in/code', { body: { creditCode: enterprise.creditCode, phone: DEMO_ENTERPRISE_PHONE } });
  if (asked.status !== 200) return false;
  const outbox = await api('GET', '/api/sms/outbox', { token: supervisor });
  const code = /登录验证码为(\d{6})/.exec((outbox.body ?? []).find((m) => m.text.includes('登录验证码'))?.text ?? '')?.[1];
  if (!code) return false;
  const signed = await api('POST', '/api/enterprise/sign-in', { body: { creditCode: enterprise.creditCode, phone: DEMO_ENTERPRISE_PHONE, code } });
  const token = signed.body?.token;
  if (!token) return false;
  const latest = (await api('GET', '/api/enterprise/inspections?page=1&pageSize=1', { token })).body?.items?.[0];
  const filed = await api('POST', '/api/enterprise/complaints', {
    token, body: { content: '检查人员要求我们当天停业配合检查，影响正常经营（演示）', ...(latest ? { inspectionId: latest.id } : {}) },
  });
  await api('POST', '/api/enterprise/sign-out', { token, body: {} });
  return filed.status === 201;
}

export function printDemoEnterprise(log, base, enterprise) {
  if (!enterprise) return;
  log(`  企业端 ${base}/e → ${enterprise.name}：统一社会信用代码 ${enterprise.creditCode}，手机号 ${DEMO_ENTERPRISE_PHONE}；验证码：npm run cli -- outbox`);
  log('  　its page → 一企一册: 下载合规手册（PDF）; officers print it from the register search');
  log(`  码上响应 (no sign-in): ${base}/c`);
}
