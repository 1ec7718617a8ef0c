// The demo's penalty cases, set up through the running server's API as an officer and the party
// would: an inspection today that finds a violation, two cases filed from it and noticed; the party
// objects to the first one's discretion by its supervision code (a flagged case for the supervisor),
// and makes its statement on the second, whose major fine now waits for legal review.

const DAY_MS = 86_400_000;
const shanghaiDate = (t) => new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
const key = (label) => `demo-${label}-${Math.random().toString(36).slice(2, 12)}`;

/** The officer's colleague with a certificate valid today: cases need two officers. */
async function colleagueOf(api, token, me) {
  const officers = await api('GET', `/api/registry/officers?page=1&pageSize=100&agencyId=${encodeURIComponent(me.agencyId)}`, { token });
  const today = shanghaiDate(Date.now());
  return (officers.body?.items ?? []).find((o) => o.id !== me.officerId && o.agencyId === me.agencyId && o.certExpires && o.certExpires >= today) ?? null;
}

/** Finds a violation on site today: plan, code, check-in, finding 违法, finish. Answers the inspection's id. */
async function inspectWithViolation(api, token, me, colleague, candidates, itemIds) {
  while (candidates.length) {
    const enterprise = candidates.shift();
    const filed = await api('POST', '/api/plans', {
      token, body: { creditCode: enterprise.creditCode, date: shanghaiDate(Date.now()), trigger: 'superior', reason: '上级交办：食品安全专项（演示）', officerIds: [me.officerId, colleague.id], itemIds },
    });
    if (filed.status !== 201) continue;
    const planId = filed.body.id;
    await api('POST', `/api/plans/${planId}/code`, { token });
    await api('POST', '/api/onsite/check-in', { token, body: { creditCode: enterprise.creditCode, clientKey: key('ci') } });
    for (const itemId of itemIds) {
      await api('POST', `/api/onsite/inspections/${planId}/findings`, { token, body: { itemId, outcome: 'violation', note: '进货查验记录缺失（演示）', clientKey: key('f') } });
    }
    const finished = await api('POST', `/api/onsite/inspections/${planId}/finish`, { token, body: { clientKey: key('fin') } });
    if (finished.status < 300) return { planId, enterprise };
  }
  return null;
}

export async function setUpDemoPenalties(api, log, { officer1, supervisor, itemIds, candidates }) {
  const me = (await api('GET', '/api/auth/me', { token: officer1 })).body;
  const colleague = me?.officerId ? await colleagueOf(api, officer1, me) : null;
  // The market clauses' benchmarks in full: the lightest for the case the party objects to, the
  // heaviest (its severe fine a major decision) for the one that waits for legal review.
  const clauses = ['FSL-126', 'FSL-124', 'ADL-58'];
  const found = [];
  for (const clause of clauses) {
    const one = await api('GET', `/api/discretion-benchmarks/${clause}`, { token: supervisor });
    if (one.status === 200 && one.body?.ranges) found.push(one.body);
  }
  const benchmark = found[0];
  const heaviest = [...found].sort((a, b) => b.ranges.severe.max - a.ranges.severe.max)[0];
  if (!colleague || !benchmark) return log('demo day: no second certified officer or no discretion benchmark, penalty cases skipped');
  const inspection = await inspectWithViolation(api, officer1, me, colleague, candidates, itemIds.slice(0, 1));
  if (!inspection) return log('demo day: no inspection found a violation, penalty cases skipped');

  const fileAndNotice = async (benchmark, facts, positive, fine) => {
    const factorIds = benchmark.factors.filter((f) => f.points > 0).map((f) => f.id).slice(0, positive);
    const filed = await api('POST', '/api/penalty-cases', {
      token: officer1, body: { inspectionId: inspection.planId, cause: benchmark.clause, facts, officerIds: [me.officerId, colleague.id] },
    });
    if (filed.status !== 201) return null;
    const levelRange = (ids) => {
      const points = benchmark.factors.filter((f) => ids.includes(f.id)).reduce((sum, f) => sum + f.points, 0);
      const level = [...benchmark.bands].sort((a, b) => a.minPoints - b.minPoints).filter((b) => points >= b.minPoints).pop()?.level ?? benchmark.bands[0].level;
      return benchmark.ranges[level];
    };
    const range = levelRange(factorIds);
    const proposedFine = fine === 'max' ? range.max : range.min;
    const noticed = await api('POST', `/api/penalty-cases/${filed.body.id}/notice`, { token: officer1, body: { factorIds, proposedFine } });
    return noticed.status === 200 ? noticed.body : null;
  };
  const objected = await fileAndNotice(benchmark, '现场检查发现3批次食品无进货查验记录（演示）', 1, 'min');
  const reviewed = await fileAndNotice(heaviest, '经营场所存放不符合食品安全标准的食品，已造成危害后果（演示）', 99, 'max');
  const token = (c) => new URL(c.codeUrl).pathname.split('/').pop();
  if (objected) {
    await api('POST', `/api/penalty-codes/${token(objected)}/submissions`, { body: { kind: 'objection', text: '我店初次违法且已当场整改，认为裁量过重，请求从轻处罚（演示）' } });
    log(`  the party objected to case ${objected.id} by its supervision code: ${objected.codeUrl}`);
  }
  if (reviewed) {
    await api('POST', `/api/penalty-codes/${token(reviewed)}/submissions`, { body: { kind: 'statement', text: '对违法事实无异议（演示）' } });
    const decided = await api('POST', `/api/penalty-cases/${reviewed.id}/decision`, { token: officer1, body: { fine: reviewed.proposedFine } });
    if (decided.body?.stage === 'review') log(`  case ${reviewed.id} waits for legal review (法制审核) in the console`);
    else if (decided.status >= 300) log(`  case ${reviewed.id} noticed; its decision was refused: ${decided.body?.error?.message ?? decided.status}`);
  }
}
