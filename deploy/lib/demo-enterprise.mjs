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

export function printDemoEnterprise(log, base, enterprise) {
  if (!enterprise) return;
  log(`  企业端 ${base}/e → ${enterprise.name}：统一社会信用代码 ${enterprise.creditCode}，手机号 ${DEMO_ENTERPRISE_PHONE}；验证码：npm run cli -- outbox`);
}
