import { getQueueToken } from '@nestjs/bull';
import { buildCreditCode } from '@mashang/shared';
import type { Queue } from 'bull';
import type { EntityManager } from 'typeorm';
import { JobName, QueueName } from '../src/infra/queues/queues.js';
import { ratingDigest } from '../src/modules/evaluation/rating-digest.js';
import { firstBreak } from '../src/modules/trail/trail-chain.js';
import { appendTrail } from './support/trail-and-flags.js';
import { TrailRepository } from '../src/modules/trail/index.js';
import { aliyunEnv, CALLBACK_TOKEN, eventually, FakeSmsProvider, type AcceptedSms } from './evaluation-fakes.js';
import { addInspectionOfficer, seedTwoAgencies } from './support/fixtures.js';
import { call, login, startTestApp, testPhoneCipher, type TestApp } from './support/test-app.js';

const phones = testPhoneCipher();
let serial = 0;

/** Aliyun in link mode: sending, retries, permanent failures, receipts, reminders, and the rating API. */
describe('SMS evaluation (短信评价) with Aliyun, link mode', () => {
  let t: TestApp;
  let fake: FakeSmsProvider;
  let inspections: Queue;
  const tokens: Record<string, string> = {};

  /** Writes the agencies' inspection records as the on-site finish does, and publishes the event. */
  async function finish(agencies: ('A1' | 'A2')[], phone: string | null): Promise<{ groupId: string; creditCode: string; inspectionIds: string[] }> {
    serial += 1;
    const creditCode = buildCreditCode('92410202', `MA${String(serial).padStart(6, '0')}`);
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, phone_cipher, credit_grade) VALUES (?, ?, 'catering', '410204', ?, 'B')", [
      creditCode, `开封市老王烩面馆${serial}号店`, phone ? phones.encrypt(phone) : null,
    ]);
    const groupId = `G${serial}-${agencies[0]}`;
    const inspectionIds = agencies.map((agency, i) => (i === 0 ? groupId : `G${serial}-${agency}`));
    for (const [i, agency] of agencies.entries()) {
      await t.dataSource.query(
        `INSERT INTO inspections (id, agency_id, credit_code, trigger_type, joint_id, started_at, finished_at, coded, coded_at, result)
         VALUES (?, ?, ?, 'planned', ?, '2026-03-05 01:30:00', '2026-03-05 02:30:00', true, '2026-03-04 00:00:00', 'pass')`,
        [inspectionIds[i], agency, creditCode, agencies.length > 1 ? groupId : null],
      );
      await addInspectionOfficer(t.dataSource, inspectionIds[i], agency === 'A1' ? 'O1' : 'O2');
    }
    const payload = { groupId, creditCode, inspectionIds, finishedAt: '2026-03-05T02:30:00.000Z' };
    await inspections.add(JobName.InspectionFinished, payload, { jobId: `finished:${groupId}` });
    return payload;
  }

  const sentTo = (phone: string, template = 'SMS_INVITE'): AcceptedSms[] => fake.accepted.filter((a) => a.phone === phone && a.templateId === template);
  const messageOf = async (groupId: string, kind = 'invite') => (await t.dataSource.query(
    'SELECT m.* FROM sms_messages m JOIN rating_invites r ON r.id = m.invite_id WHERE r.group_id = ? AND m.kind = ?', [groupId, kind]))[0];
  const trailKinds = async (inspectionId: string) => (await t.dataSource.query('SELECT kind FROM inspection_trail WHERE inspection_id = ? ORDER BY seq', [inspectionId])).map((r: { kind: string }) => r.kind);
  const tokenOf = (sms: AcceptedSms) => /\/r\/([A-Za-z0-9_-]{22})$/.exec((sms.params as Record<string, string>).link)![1];
  const good = (agencyId: string) => ({ agencyId, language: 5, procedure: 5, manner: 4, fairness: 5, verdict: 'approve', flags: [] });

  beforeAll(async () => {
    fake = new FakeSmsProvider('aliyun');
    await fake.start();
    t = await startTestApp('evaluation', {
      listen: true,
      env: {
        ...aliyunEnv(fake.url),
        SMS_TIMEOUT: '800ms',
        SMS_RETRY_DELAY: '100ms',
        SMS_MAX_ATTEMPTS: '6',
        RATING_REMINDER_DELAY: '6s',
        PUBLIC_BASE_URL: 'https://ruqi.example.gov.cn',
      },
    });
    await seedTwoAgencies(t.dataSource);
    inspections = t.app.get<Queue>(getQueueToken(QueueName.Inspections), { strict: false });
    for (const user of ['admin1', 'admin2', 'supervisor']) tokens[user] = await login(t.app, user);
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  let joint: { groupId: string; creditCode: string; inspectionIds: string[] };
  let token = '';

  it('sends one SMS for a joint inspection, with the personal link as a variable, and records it on each agency\'s trail', async () => {
    joint = await finish(['A1', 'A2'], '13800000001');
    const [sms] = await eventually(() => sentTo('13800000001').length && sentTo('13800000001'), 20_000, 'the invite SMS');
    expect(sms.signName).toBe('码上入企');
    expect(sms.params).toEqual({ date: '3月5日', agency: '市市场监督管理局等2个部门', link: expect.stringMatching(/^https:\/\/ruqi\.example\.gov\.cn\/r\/[A-Za-z0-9_-]{22}$/), until: expect.stringMatching(/^\d+月\d+日$/) });
    token = tokenOf(sms);
    const message = await eventually(async () => {
      const m = await messageOf(joint.groupId);
      return m?.status === 'accepted' && m;
    });
    expect(sms.messageId).toBe(message.id);
    expect(message.provider_message_id).toBe(sms.providerMessageId);
    expect(await trailKinds(joint.inspectionIds[0])).toEqual(['invited']);
    expect(await trailKinds(joint.inspectionIds[1])).toEqual(['invited']);
    const [trail] = await t.dataSource.query("SELECT actor, detail FROM inspection_trail WHERE inspection_id = ? AND kind = 'invited'", [joint.inspectionIds[1]]);
    expect(trail.actor).toBe('system:sms');
    expect(JSON.parse(trail.detail)).toEqual({ messageId: message.id, kind: 'invite', provider: 'aliyun', phone: '138****0001' });
    // Nothing stored would open the page: only hashes of the link.
    expect(JSON.stringify(await t.dataSource.query('SELECT * FROM rating_invites'))).not.toContain(token);
  });

  it('sends nothing twice when the finished event is published again', async () => {
    await inspections.add(JobName.InspectionFinished, joint, { jobId: `finished:${joint.groupId}:again` });
    await inspections.add(JobName.InspectionFinished, joint, { jobId: `finished:${joint.groupId}` });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(sentTo('13800000001')).toHaveLength(1);
    expect(await t.dataSource.query('SELECT COUNT(*) AS n FROM rating_invites WHERE group_id = ?', [joint.groupId])).toEqual([{ n: '1' }]);
  });

  it('opens the rating page from the short link and shows the inspection, agency by agency, with officers', async () => {
    const redirect = await t.app.inject({ method: 'GET', url: `/r/${token}` });
    expect(redirect.statusCode).toBe(302);
    expect(redirect.headers.location).toBe(`/h5/enterprise.html#/enterprise/pages/rate/index?t=${token}`);
    const view = await call(t.app, 'GET', `/api/ratings/invites/${token}`);
    expect(view.status).toBe(200);
    expect(view.body).toEqual({
      enterprise: { name: expect.stringContaining('老王烩面馆') },
      inspectionDate: '2026-03-05',
      joint: true,
      agencies: [
        { agencyId: 'A1', name: '市市场监督管理局', officers: [{ name: '张伟', certNo: '豫C0000001' }], rated: false },
        { agencyId: 'A2', name: '市消防救援支队', officers: [{ name: '李娜', certNo: '豫C0000002' }], rated: false },
      ],
      expiresAt: expect.any(String),
    });
    expect(JSON.stringify(view.body)).not.toMatch(/1380000|phone/);
  });

  it('takes one rating per agency; a poor one raises a flagged case in the same transaction; the link is then used up', async () => {
    const first = await call(t.app, 'POST', `/api/ratings/invites/${token}`, { body: { ratings: [good('A1')] } });
    expect(first).toMatchObject({ status: 200, body: { rated: ['A1'], remaining: 1 } });
    expect(await t.dataSource.query('SELECT COUNT(*) AS n FROM flagged_cases')).toEqual([{ n: '0' }]);

    const poor = { agencyId: 'A2', language: 2, procedure: 4, manner: 3, fairness: 4, verdict: 'approve', flags: ['other', 'excessive'], comment: '  一周内第三次来查同样的事项  ' };
    expect((await call(t.app, 'POST', `/api/ratings/invites/${token}`, { body: { ratings: [poor] } })).body).toEqual({ rated: ['A2'], remaining: 0 });
    const [rating] = await t.dataSource.query('SELECT * FROM ratings WHERE inspection_id = ? AND agency_id = ?', [joint.inspectionIds[1], 'A2']);
    expect(rating).toMatchObject({ language_score: 2, procedure_score: 4, manner_score: 3, fairness_score: 4, verdict: 'approve', flags: 'excessive,other', comment: '一周内第三次来查同样的事项' });
    expect(rating.rated_at).toBeInstanceOf(Date);
    const [flag] = await t.dataSource.query('SELECT * FROM flagged_cases');
    expect(flag).toMatchObject({
      dedupe_key: `rating:${joint.inspectionIds[1]}:A2`, source: 'rating', rule: 'low-score', subject_type: 'inspection', subject_id: joint.inspectionIds[1],
      agency_id: 'A2', credit_code: joint.creditCode, inspection_id: joint.inspectionIds[1], severity: 'medium', status: 'open',
    });
    expect(JSON.parse(flag.evidence)).toMatchObject({ language: 2, procedure: 4, manner: 3, fairness: 4, verdict: 'approve', flags: ['excessive', 'other'], comment: '一周内第三次来查同样的事项', reasons: ['执法语言是否文明：2分', '企业反映：滥检查', '企业反映：其他'] });
    expect(await trailKinds(joint.inspectionIds[0])).toEqual(['invited', 'rated']);
    expect(await trailKinds(joint.inspectionIds[1])).toEqual(['invited', 'rated', 'flagged']);
    // The batch-appended 'invited' entry and appendTrail's entries form one intact chain.
    const stored = await t.dataSource.query('SELECT inspection_id, seq, kind, actor, detail, at, prev_hash, hash FROM inspection_trail WHERE inspection_id = ? ORDER BY seq', [joint.inspectionIds[1]]);
    expect(firstBreak(stored.map((e: Record<string, unknown>) => ({ inspectionId: e.inspection_id, seq: e.seq, kind: e.kind, actor: e.actor, detail: e.detail, at: e.at, prevHash: e.prev_hash, hash: e.hash })))).toBeNull();

    const reused = await call(t.app, 'GET', `/api/ratings/invites/${token}`);
    expect(reused).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT', message: expect.stringContaining('已经评价过') } } });
    const again = await call(t.app, 'POST', `/api/ratings/invites/${token}`, { body: { ratings: [{ ...good('A1'), verdict: 'disapprove' }] } });
    expect(again).toMatchObject({ status: 409, body: { error: { message: '您已经评价过市市场监督管理局，每个部门只能评价一次。' } } });
    expect(await t.dataSource.query('SELECT COUNT(*) AS n FROM ratings')).toEqual([{ n: '2' }]);
    expect(await t.dataSource.query('SELECT COUNT(*) AS n FROM flagged_cases')).toEqual([{ n: '1' }]);
  });

  it('records on the trail that each agency was rated and a salted digest of it: no scores or comment for any reader of trails', async () => {
    for (const [i, agencyId] of [[0, 'A1'], [1, 'A2']] as const) {
      const inspectionId = joint.inspectionIds[i];
      const [stored] = await t.dataSource.query("SELECT detail FROM inspection_trail WHERE inspection_id = ? AND kind = 'rated'", [inspectionId]);
      const [row] = await t.dataSource.query('SELECT * FROM ratings WHERE inspection_id = ? AND agency_id = ?', [inspectionId, agencyId]);
      expect(row.digest_salt).toMatch(/^[0-9a-f]{32}$/);
      // Whoever holds the rating (a supervisor) recomputes the digest the chain recorded.
      const digest = ratingDigest({
        inspectionId, agencyId, language: row.language_score, procedure: row.procedure_score, manner: row.manner_score, fairness: row.fairness_score,
        verdict: row.verdict, flags: row.flags ? row.flags.split(',') : [], comment: row.comment, ratedAt: new Date(row.rated_at),
      }, row.digest_salt);
      expect(JSON.parse(stored.detail)).toEqual({ agencyId, ratingDigest: digest });
    }
    const agencyView = await call(t.app, 'GET', `/api/inspections/${joint.inspectionIds[1]}/trail`, { token: tokens.admin2 });
    expect(agencyView.status).toBe(200);
    const entries = agencyView.body.entries as { kind: string; detail: Record<string, unknown> }[];
    expect(entries.find((e) => e.kind === 'rated')!.detail).toEqual({ agencyId: 'A2', ratingDigest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(entries.find((e) => e.kind === 'flagged')!.detail).toEqual({ caseId: expect.any(String), source: 'rating', rule: 'low-score' });
    for (const secret of ['一周内第三次', 'language', 'fairness', '2分']) expect(JSON.stringify(agencyView.body)).not.toContain(secret);
    // The case's title, which the agency lists, names the kind of complaint only.
    const [flag] = await t.dataSource.query('SELECT title FROM flagged_cases');
    expect(flag.title).toBe('企业差评：市消防救援支队（评分偏低）');
    const overseen = await call(t.app, 'GET', `/api/inspections/${joint.inspectionIds[1]}/trail`, { token: tokens.supervisor });
    expect(overseen.body.entries.find((e: { kind: string }) => e.kind === 'flagged').detail.title).toBe('企业差评：市消防救援支队（评分偏低）');
    expect((await call(t.app, 'GET', `/api/inspections/${joint.inspectionIds[1]}/trail/verify`, { token: tokens.admin2 })).body).toMatchObject({ intact: true });
  });

  it('refuses forged and expired links and bad input in plain Chinese, changing nothing', async () => {
    const forged = `${token.slice(0, 5)}${token[5] === 'A' ? 'B' : 'A'}${token.slice(6)}`;
    expect(await call(t.app, 'GET', `/api/ratings/invites/${forged}`)).toMatchObject({ status: 404, body: { error: { code: 'CODE_INVALID', message: expect.stringContaining('评价链接无效') } } });
    expect((await call(t.app, 'GET', '/api/ratings/invites/not-a-link')).status).toBe(404);
    expect((await call(t.app, 'POST', `/api/ratings/invites/${forged}`, { body: { ratings: [good('A1')] } })).status).toBe(404);

    const single = await finish(['A1'], '13800000002');
    const [sms] = await eventually(() => sentTo('13800000002').length && sentTo('13800000002'));
    const fresh = tokenOf(sms);
    const invalid = await call(t.app, 'POST', `/api/ratings/invites/${fresh}`, { body: { ratings: [{ ...good('A1'), fairness: 6 }] } });
    expect(invalid).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    const stranger = await call(t.app, 'POST', `/api/ratings/invites/${fresh}`, { body: { ratings: [good('A2')] } });
    expect(stranger).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('没有这个部门') } } });

    await t.dataSource.query('UPDATE rating_invites SET expires_at = ? WHERE group_id = ?', [new Date(Date.now() - 60_000), single.groupId]);
    expect(await call(t.app, 'GET', `/api/ratings/invites/${fresh}`)).toMatchObject({ status: 410, body: { error: { code: 'CODE_EXPIRED', message: expect.stringContaining('评价已过期') } } });
    expect((await call(t.app, 'POST', `/api/ratings/invites/${fresh}`, { body: { ratings: [good('A1')] } })).status).toBe(410);
    expect(await t.dataSource.query('SELECT COUNT(*) AS n FROM ratings WHERE inspection_id = ?', [single.groupId])).toEqual([{ n: '0' }]);
  });

  it('stops at once on a number the provider refuses, and shows the agency why (phone masked)', async () => {
    const before = fake.requests;
    fake.answerNext({ code: 'isv.MOBILE_NUMBER_ILLEGAL' });
    const bad = await finish(['A1'], '13800000003');
    const message = await eventually(async () => {
      const m = await messageOf(bad.groupId);
      return m?.status === 'failed' && m;
    });
    expect(message).toMatchObject({ attempts: 1, error_code: 'isv.MOBILE_NUMBER_ILLEGAL', accepted_at: null });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(fake.requests - before).toBe(1);

    const list = await call(t.app, 'GET', '/api/ratings/invites', { token: tokens.admin1 });
    const invite = list.body.items.find((i: { groupId: string }) => i.groupId === bad.groupId);
    // The agency sees its invite's delivery, not whether the enterprise rated.
    expect(invite).toMatchObject({ phone: '138****0003', mode: 'link', agencies: [{ agencyId: 'A1', name: '市市场监督管理局' }] });
    expect(invite.agencies[0]).not.toHaveProperty('rated');
    expect(invite.messages[0]).toMatchObject({ kind: 'invite', status: 'failed', attempts: 1, errorCode: 'isv.MOBILE_NUMBER_ILLEGAL' });
    expect(JSON.stringify(list.body)).not.toContain('13800000003');
    const theirs = await call(t.app, 'GET', '/api/ratings/invites', { token: tokens.admin2 });
    expect(theirs.body.items.map((i: { groupId: string }) => i.groupId)).toEqual([joint.groupId]);
  });

  it('an enterprise without a phone gets no SMS; the agency sees why', async () => {
    const none = await finish(['A1'], null);
    const message = await eventually(() => messageOf(none.groupId));
    expect(message).toMatchObject({ status: 'failed', error_code: 'NO_PHONE', error_message: '企业未登记联系电话，无法发送评价短信' });
  });

  it('retries provider 500s and timeouts with backoff and ends with exactly one SMS', async () => {
    const before = fake.requests;
    fake.answerNext('http500', 'hang', { code: 'isp.SYSTEM_ERROR' }, 'hang');
    const flaky = await finish(['A1'], '13800000004');
    const message = await eventually(async () => {
      const m = await messageOf(flaky.groupId);
      return m?.status === 'accepted' && m;
    }, 30_000, 'the retried SMS');
    expect(message.attempts).toBe(5);
    // Two sends, three questions after the unanswered one (refused, unanswered, answered "not sent"), the send taken.
    expect(fake.requests - before).toBe(6);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sentTo('13800000004')).toHaveLength(1);
  });

  it('asks the provider after an answer lost to the timeout, and does not send that SMS again', async () => {
    fake.lateAnswerMs = 2_000;
    fake.answerNext('late');
    const lost = await finish(['A1'], '13800000015');
    const message = await eventually(async () => {
      const m = await messageOf(lost.groupId);
      return m?.status === 'accepted' && m;
    }, 30_000, 'the SMS found at the provider');
    expect(message).toMatchObject({ attempts: 1, provider_message_id: null, error_code: null });
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(sentTo('13800000015')).toHaveLength(1);
    expect(await trailKinds(lost.groupId)).toContain('invited');
  });

  it('refuses delivery receipts without the callback token, or with another, and changes nothing', async () => {
    // A forger who knows a message's provider id claims it never arrived.
    const forged = JSON.stringify(fake.accepted.map((a) => ({ biz_id: a.providerMessageId, phone_number: a.phone, success: false, err_code: 'MK:0001', err_msg: '空号' })));
    const before = await t.dataSource.query('SELECT id, status FROM sms_messages ORDER BY id');
    for (const path of ['/api/sms/receipts/aliyun', '/api/sms/receipts/aliyun?token=guess-guess-guess-1', `/api/sms/receipts/aliyun?token=${CALLBACK_TOKEN}x`]) {
      expect([path, (await call(t.app, 'POST', path, { body: forged, headers: { 'content-type': 'application/json' } })).status]).toEqual([path, 403]);
    }
    expect(await t.dataSource.query('SELECT id, status FROM sms_messages ORDER BY id')).toEqual(before);
  });

  it('delivery receipts posted in Aliyun\'s callback format mark messages delivered', async () => {
    const posted = await fake.sendReceipts(`${t.url}/api/sms/receipts/aliyun?token=${CALLBACK_TOKEN}`);
    expect(posted).toBeGreaterThanOrEqual(3);
    const message = await messageOf(joint.groupId);
    expect(message.status).toBe('delivered');
    expect(message.reported_at).toBeInstanceOf(Date);
    const list = await call(t.app, 'GET', '/api/ratings/invites', { token: tokens.supervisor });
    expect(list.body.items.find((i: { groupId: string }) => i.groupId === joint.groupId).messages[0]).toMatchObject({ status: 'delivered', reportedAt: expect.any(String) });
    // Supervisors, unlike the agencies, see who has rated.
    expect(list.body.items.find((i: { groupId: string }) => i.groupId === joint.groupId).agencies.map((a: { rated: boolean }) => a.rated)).toEqual([true, true]);
    const malformed = await call(t.app, 'POST', `/api/sms/receipts/aliyun?token=${CALLBACK_TOKEN}`, { body: '"delivered"', headers: { 'content-type': 'application/json' } });
    expect(malformed).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('回执格式不正确') } } });
  });

  it('reminds once after the configured delay when unrated, and not when rated or never sent', async () => {
    const [reminder] = await eventually(() => sentTo('13800000004', 'SMS_REMIND').length && sentTo('13800000004', 'SMS_REMIND'), 20_000, 'the reminder');
    expect((reminder.params as Record<string, string>).link).toBe((sentTo('13800000004')[0].params as Record<string, string>).link);
    await eventually(async () => (await messageOf(joint.groupId, 'reminder'))?.status === 'skipped', 20_000, 'the skipped reminder');
    expect(await messageOf(joint.groupId, 'reminder')).toMatchObject({ status: 'skipped', error_message: '已全部评价，无需提醒' });
    const bad = (await t.dataSource.query("SELECT r.group_id FROM rating_invites r JOIN sms_messages m ON m.invite_id = r.id WHERE m.error_code = 'isv.MOBILE_NUMBER_ILLEGAL'"))[0];
    await eventually(async () => (await messageOf(bad.group_id, 'reminder'))?.status === 'skipped', 20_000, 'no reminder after a failed invite');
    expect(sentTo('13800000001', 'SMS_REMIND')).toHaveLength(0);
    expect(sentTo('13800000003', 'SMS_REMIND')).toHaveLength(0);
  });

  it('appends trail entries in bulk, and one by one when another writer got in between', async () => {
    const at = new Date();
    let intruded = false;
    await t.dataSource.transaction('READ COMMITTED', async (manager) => {
      const racing = {
        query: async (sql: string, params?: unknown[]) => {
          if (!intruded && sql.startsWith('INSERT INTO inspection_trail')) {
            intruded = true;
            await t.dataSource.transaction((other) => appendTrail(other, 'RACE-1', 'finished', 'user:1:officer1', { result: 'pass' }, at));
          }
          return manager.query(sql, params);
        },
      } as unknown as EntityManager;
      await new TrailRepository(t.dataSource).appendMany([
        { inspectionId: 'RACE-1', kind: 'invited', actor: 'system:sms', detail: { n: 1 }, at },
        { inspectionId: 'RACE-2', kind: 'invited', actor: 'system:sms', detail: { n: 2 }, at },
        { inspectionId: 'RACE-2', kind: 'rated', actor: 'enterprise', detail: { n: 3 }, at },
      ], racing);
    });
    expect(intruded).toBe(true);
    for (const [id, kinds] of [['RACE-1', ['finished', 'invited']], ['RACE-2', ['invited', 'rated']]] as const) {
      const stored = await t.dataSource.query('SELECT inspection_id, seq, kind, actor, detail, at, prev_hash, hash FROM inspection_trail WHERE inspection_id = ? ORDER BY seq', [id]);
      expect(stored.map((e: { kind: string }) => e.kind)).toEqual(kinds);
      expect(firstBreak(stored.map((e: Record<string, unknown>) => ({ inspectionId: e.inspection_id, seq: e.seq, kind: e.kind, actor: e.actor, detail: e.detail, at: e.at, prevHash: e.prev_hash, hash: e.hash })))).toBeNull();
    }
  });

  it('shows the agency only its own invites; the outbox holds only the outbox provider\'s messages, for supervisors only', async () => {
    expect((await call(t.app, 'GET', '/api/ratings/invites')).status).toBe(401);
    expect((await call(t.app, 'GET', '/api/sms/outbox', { token: tokens.supervisor })).body).toEqual([]);
    // Each outbox message holds a rating link: an agency reading it could rate its own inspection.
    expect((await call(t.app, 'GET', '/api/sms/outbox', { token: tokens.admin1 })).status).toBe(403);
  });
});
