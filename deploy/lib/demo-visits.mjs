// The demo's visits that are not inspections (回访、服务走访) and accompanied enforcement (陪同执法), as
// the business-environment bureau's officer (`bizofficer`, added with the demo city) makes them through
// the API: a return visit to the demo enterprise today, scanned in and ended, and the bureau accompanying
// an inspection of it (by its plan code, before the inspectors scan in).

const shanghaiDate = (t) => new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
const key = (label) => `demo-${label}-${Math.random().toString(36).slice(2, 12)}`;

/** The bureau's officer joins the inspection with this plan code (陪同执法); true when it did. */
export async function accompanyDemo(api, bizofficer, planCode) {
  if (!bizofficer || !planCode) return false;
  const joined = await api('POST', '/api/plans/accompany', { token: bizofficer, body: { planCode } });
  return joined.status === 200;
}

/** A return visit (回访) to the enterprise today: filed, coded, scanned in and ended. Answers its plan code, or null. */
export async function demoReturnVisit(api, bizofficer, enterprise) {
  if (!bizofficer || !enterprise) return null;
  const me = (await api('GET', '/api/auth/me', { token: bizofficer })).body;
  if (!me?.officerId) return null;
  const filed = await api('POST', '/api/plans', {
    token: bizofficer,
    body: { creditCode: enterprise.creditCode, date: shanghaiDate(Date.now()), kind: 'return-visit', reason: '检查后回访：了解整改进展和企业诉求（演示）', officerIds: [me.officerId] },
  });
  if (filed.status !== 201) return null;
  await api('POST', `/api/plans/${filed.body.id}/code`, { token: bizofficer, body: {} });
  await api('POST', '/api/onsite/check-in', { token: bizofficer, body: { creditCode: enterprise.creditCode, clientKey: key('visit-in') } });
  await api('POST', `/api/onsite/inspections/${filed.body.id}/finish`, { token: bizofficer, body: { clientKey: key('visit-out') } });
  return filed.body.code;
}
