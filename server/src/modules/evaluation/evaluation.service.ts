import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  maskPhone,
  RATING_PROBLEMS,
  shanghaiDate,
  type OutboxMessage,
  type Page,
  type RatingInviteSummary,
  type RatingInviteView,
  type SessionUser,
  type SmsKind,
  type SmsStatus,
  type SubmitRatingsRequest,
  type SubmitRatingsResponse,
} from '@mashang/shared';
import type { Redis } from 'ioredis';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import type { AppConfig } from '../../infra/config/config.js';
import { PhoneCipher } from '../../infra/crypto/phone-cipher.js';
import { DomainError } from '../../infra/errors/domain-error.js';
import type { JobName, JobPayloads } from '../../infra/queues/queues.js';
import { REDIS } from '../../infra/redis/redis.module.js';
import { agencyScope } from '../auth/scope.js';
import { FlagRaiser } from '../flags/index.js';
import { TrailRepository } from '../trail/index.js';
import { CodeAttempts } from './code-attempts.js';
import { poorRating } from './rating-flags.js';
import { credentialHash, linkToken, parseCredential, ratingCode, ratingKey } from './rating-token.js';
import { SmsSender } from './sms-sender.js';

type Finished = JobPayloads[JobName.InspectionFinished];

interface InviteRow {
  id: string;
  credit_code: string;
  inspection_date: string;
  expires_at: Date;
}

interface QueuedMessage {
  id: string;
  dueAt: Date;
}

const DUPLICATE_ENTRY = 'ER_DUP_ENTRY';

/** 短信评价: invites after finished inspections, the public rating page's reads and writes, and what agencies see of it. */
@Injectable()
export class EvaluationService {
  private readonly logger = new Logger(EvaluationService.name);
  private readonly key: Buffer;
  private readonly phones: PhoneCipher;
  private readonly attempts: CodeAttempts;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SmsSender) private readonly sender: SmsSender,
    @Inject(TrailRepository) private readonly trail: TrailRepository,
    @Inject(FlagRaiser) private readonly flags: FlagRaiser,
    @Inject(REDIS) redis: Redis,
  ) {
    this.key = ratingKey(config.jwtSecret);
    this.phones = new PhoneCipher(config.phoneEncryptionKey);
    this.attempts = new CodeAttempts(redis);
  }

  /**
   * The invite of a finished inspection, created once per inspection group. A re-published or
   * retried event creates nothing new; it only re-queues messages still waiting (their job ids
   * stop a second job while the first is queued).
   */
  async inviteFinished(finished: Finished, now = new Date()): Promise<void> {
    const queued = await this.dataSource.transaction((manager) => this.createInvites(manager, [finished], now));
    await this.sender.enqueue(queued);
  }

  /** Creates the invites of many finished inspections at once (also used to load benchmarks); answers the messages to queue. */
  async createInvites(manager: EntityManager, finished: Finished[], now = new Date()): Promise<QueuedMessage[]> {
    const groupIds = finished.map((f) => f.groupId);
    const existing: { id: string; group_id: string }[] = await manager.query('SELECT id, group_id FROM rating_invites WHERE group_id IN (?)', [groupIds]);
    const queued: QueuedMessage[] = existing.length
      ? (await manager.query("SELECT id, due_at FROM sms_messages WHERE invite_id IN (?) AND status = 'queued'", [existing.map((e) => e.id)]))
        .map((m: { id: string; due_at: Date }) => ({ id: m.id, dueAt: new Date(m.due_at) }))
      : [];
    const known = new Set(existing.map((e) => e.group_id));
    const fresh = finished.filter((f, i) => !known.has(f.groupId) && groupIds.indexOf(f.groupId) === i);
    if (!fresh.length) return queued;

    const inspections: { id: string; agency_id: string; started_at: Date }[] = await manager.query(
      'SELECT id, agency_id, started_at FROM inspections WHERE id IN (?)', [fresh.flatMap((f) => f.inspectionIds)]);
    const phones: { credit_code: string; phone_cipher: string | null }[] = await manager.query(
      'SELECT credit_code, phone_cipher FROM enterprises WHERE credit_code IN (?)', [[...new Set(fresh.map((f) => f.creditCode))]]);
    const inspectionById = new Map(inspections.map((i) => [i.id, i]));
    const phoneByCode = new Map(phones.map((p) => [p.credit_code, p.phone_cipher]));
    const { evaluation } = this.config;
    const invites: unknown[][] = [];
    const agencies: unknown[][] = [];
    const messages: unknown[][] = [];
    for (const f of fresh) {
      const own = f.inspectionIds.map((id) => inspectionById.get(id)).filter((i) => i !== undefined);
      if (!own.length) {
        this.logger.warn(`inspection ${f.groupId} finished without inspection records: no rating invite`);
        continue;
      }
      // The lead agency's record first, as the officers listed it.
      own.sort((a, b) => Number(b.id === f.groupId) - Number(a.id === f.groupId));
      const id = randomUUID();
      const phoneCipher = phoneByCode.get(f.creditCode) ?? null;
      const startedAt = Math.min(...own.map((i) => new Date(i.started_at).getTime()));
      const mode = evaluation.sms.mode;
      invites.push([
        id, f.groupId, f.creditCode, phoneCipher, mode, credentialHash({ kind: 'link', token: linkToken(this.key, id) }),
        mode === 'code' ? credentialHash({ kind: 'code', code: ratingCode(this.key, id, 0) }) : null, 0,
        shanghaiDate(startedAt), now, new Date(now.getTime() + evaluation.linkTtlSeconds * 1000),
      ]);
      own.forEach((inspection, position) => agencies.push([id, inspection.id, inspection.agency_id, position]));
      const provider = evaluation.sms.provider.kind;
      const inviteMessage = randomUUID();
      if (phoneCipher) {
        messages.push([inviteMessage, id, 'invite', provider, 'queued', null, null, now, now, null]);
        queued.push({ id: inviteMessage, dueAt: now });
        if (evaluation.reminderDelaySeconds !== null) {
          const reminder = randomUUID();
          const dueAt = new Date(now.getTime() + evaluation.reminderDelaySeconds * 1000);
          messages.push([reminder, id, 'reminder', provider, 'queued', null, null, now, dueAt, null]);
          queued.push({ id: reminder, dueAt });
        }
      } else {
        // Shown to the agency: it can ask the enterprise to register a phone.
        messages.push([inviteMessage, id, 'invite', provider, 'failed', 'NO_PHONE', '企业未登记联系电话，无法发送评价短信', now, now, now]);
      }
    }
    if (!invites.length) return queued;
    await this.insertInvites(manager, invites);
    await manager.query('INSERT INTO rating_invite_agencies (invite_id, inspection_id, agency_id, position) VALUES ?', [agencies]);
    await manager.query(
      'INSERT INTO sms_messages (id, invite_id, kind, provider, status, error_code, error_message, queued_at, due_at, closed_at) VALUES ?', [messages]);
    return queued;
  }

  /** All rows in one statement; should a derived code collide with another invite's, row by row with the next code. */
  private async insertInvites(manager: EntityManager, rows: unknown[][]): Promise<void> {
    const sql = 'INSERT INTO rating_invites (id, group_id, credit_code, phone_cipher, mode, token_hash, code_hash, code_seq, inspection_date, created_at, expires_at) VALUES ?';
    try {
      await manager.query('SAVEPOINT invites');
      await manager.query(sql, [rows]);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== DUPLICATE_ENTRY || !/uq_rating_invites_code/.test((error as Error).message)) throw error;
      await manager.query('ROLLBACK TO SAVEPOINT invites');
    }
    for (const row of rows) {
      for (let seq = 0; ; seq += 1) {
        try {
          await manager.query('SAVEPOINT invite');
          await manager.query(sql, [[row]]);
          break;
        } catch (error) {
          if ((error as { code?: string }).code !== DUPLICATE_ENTRY || !/uq_rating_invites_code/.test((error as Error).message) || seq >= 5) throw error;
          await manager.query('ROLLBACK TO SAVEPOINT invite');
          row[6] = credentialHash({ kind: 'code', code: ratingCode(this.key, row[0] as string, seq + 1) });
          row[7] = seq + 1;
        }
      }
    }
  }

  /** What the rating page shows. A link or code whose agencies are all rated is refused as used. */
  async view(credential: string, ip: string, now = new Date()): Promise<RatingInviteView> {
    const invite = await this.resolve(this.dataSource.manager, credential, ip, now);
    const agencies: { inspection_id: string; agency_id: string; name: string; rated: number }[] = await this.dataSource.query(
      `SELECT ria.inspection_id, ria.agency_id, a.name, r.inspection_id IS NOT NULL AS rated
       FROM rating_invite_agencies ria JOIN agencies a ON a.id = ria.agency_id
       LEFT JOIN ratings r ON r.inspection_id = ria.inspection_id AND r.agency_id = ria.agency_id
       WHERE ria.invite_id = ? ORDER BY ria.position`,
      [invite.id],
    );
    if (agencies.every((a) => Number(a.rated))) throw allRated();
    const officers: { inspection_id: string; name: string; cert_no: string }[] = await this.dataSource.query(
      'SELECT io.inspection_id, o.name, o.cert_no FROM inspection_officers io JOIN officers o ON o.id = io.officer_id WHERE io.inspection_id IN (?) ORDER BY io.inspection_id, io.position',
      [agencies.map((a) => a.inspection_id)],
    );
    const [enterprise]: { name: string }[] = await this.dataSource.query('SELECT name FROM enterprises WHERE credit_code = ?', [invite.credit_code]);
    return {
      enterprise: { name: enterprise?.name ?? '' },
      inspectionDate: invite.inspection_date,
      joint: agencies.length > 1,
      agencies: agencies.map((a) => ({
        agencyId: a.agency_id,
        name: a.name,
        officers: officers.filter((o) => o.inspection_id === a.inspection_id).map((o) => ({ name: o.name, certNo: o.cert_no })),
        rated: Number(a.rated) === 1,
      })),
      expiresAt: new Date(invite.expires_at).toISOString(),
    };
  }

  /**
   * Records one or more agencies' ratings, all or none. Each agency is rated once (the ratings key
   * enforces it under concurrency too); a poor rating raises a flagged case in the same transaction.
   */
  async submit(credential: string, body: SubmitRatingsRequest, ip: string, now = new Date()): Promise<SubmitRatingsResponse> {
    const seen = new Set<string>();
    for (const r of body.ratings) {
      if (seen.has(r.agencyId)) throw new DomainError(ErrorCode.ValidationFailed, '同一个部门只能评价一次', [{ field: 'ratings', reason: 'duplicate agencyId' }]);
      seen.add(r.agencyId);
    }
    return this.dataSource.transaction(async (manager) => {
      const invite = await this.resolve(manager, credential, ip, now);
      const agencies: { inspection_id: string; agency_id: string; name: string }[] = await manager.query(
        'SELECT ria.inspection_id, ria.agency_id, a.name FROM rating_invite_agencies ria JOIN agencies a ON a.id = ria.agency_id WHERE ria.invite_id = ? ORDER BY ria.position FOR UPDATE',
        [invite.id],
      );
      for (const rating of body.ratings) {
        const agency = agencies.find((a) => a.agency_id === rating.agencyId);
        if (!agency) throw new DomainError(ErrorCode.ValidationFailed, '这次检查没有这个部门，请刷新页面后再评价', [{ field: 'agencyId', reason: 'not an agency of this inspection' }]);
        const flags = RATING_PROBLEMS.filter((p) => rating.flags.includes(p));
        const comment = rating.comment?.trim() || null;
        try {
          await manager.query(
            `INSERT INTO ratings (inspection_id, agency_id, language_score, procedure_score, manner_score, fairness_score, verdict, flags, comment, rated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            [agency.inspection_id, agency.agency_id, rating.language, rating.procedure, rating.manner, rating.fairness, rating.verdict, flags.join(','), comment, now],
          );
        } catch (error) {
          if ((error as { code?: string }).code === DUPLICATE_ENTRY) throw new DomainError(ErrorCode.Conflict, `您已经评价过${agency.name}，每个部门只能评价一次。`);
          throw error;
        }
        const scores = { language: rating.language, procedure: rating.procedure, manner: rating.manner, fairness: rating.fairness };
        await this.trail.append({ inspectionId: agency.inspection_id, kind: 'rated', actor: 'enterprise', detail: { agencyId: agency.agency_id, ...scores, verdict: rating.verdict, flags, comment }, at: now }, manager);
        const poor = poorRating({ ...scores, verdict: rating.verdict, flags });
        if (poor) {
          await this.flags.raiseOne({
            dedupeKey: `rating:${agency.inspection_id}:${agency.agency_id}`,
            source: 'rating',
            rule: poor.rule,
            subjectType: 'inspection',
            subjectId: agency.inspection_id,
            agencyId: agency.agency_id,
            creditCode: invite.credit_code,
            inspectionId: agency.inspection_id,
            severity: poor.severity,
            title: `企业差评：${agency.name}（${poor.reasons[0]}）`,
            evidence: { ...scores, verdict: rating.verdict, flags, comment, reasons: poor.reasons, inspectionDate: invite.inspection_date },
            actor: 'enterprise',
          }, now, manager);
        }
      }
      const [open]: { n: number }[] = await manager.query(
        'SELECT COUNT(*) AS n FROM rating_invite_agencies ria LEFT JOIN ratings r ON r.inspection_id = ria.inspection_id AND r.agency_id = ria.agency_id WHERE ria.invite_id = ? AND r.inspection_id IS NULL',
        [invite.id],
      );
      return { rated: body.ratings.map((r) => r.agencyId), remaining: Number(open.n) };
    });
  }

  /** The invite a link token or typed code stands for; wrong codes count against the address. */
  private async resolve(manager: EntityManager, text: string, ip: string, now: Date): Promise<InviteRow> {
    const credential = parseCredential(text.trim());
    if (!credential) throw invalidLink();
    if (credential.kind === 'code') await this.attempts.check(ip);
    const column = credential.kind === 'link' ? 'token_hash' : 'code_hash';
    const [invite]: InviteRow[] = await manager.query(`SELECT id, credit_code, inspection_date, expires_at FROM rating_invites WHERE ${column} = ?`, [credentialHash(credential)]);
    if (!invite) {
      if (credential.kind === 'link') throw invalidLink();
      const left = await this.attempts.fail(ip);
      throw new DomainError(ErrorCode.CodeInvalid, left > 0 ? `评价码不正确，请对照短信重新输入（还可以再试${left}次）。` : '评价码不正确，输错次数太多，请15分钟后再试。');
    }
    if (new Date(invite.expires_at) <= now) {
      const last = shanghaiDate(new Date(invite.expires_at).getTime() - 1).split('-').map(Number);
      throw new DomainError(ErrorCode.CodeExpired, `评价已过期（有效期到${last[1]}月${last[2]}日）。如需反映问题，请拨打 12345。`);
    }
    return invite;
  }

  /** Invites with their SMS and rating progress, newest first; an agency sees those it is part of. */
  async list(user: SessionUser, page: number, pageSize: number): Promise<Page<RatingInviteSummary>> {
    const scope = agencyScope(user);
    const where = scope === null ? '' : 'WHERE EXISTS (SELECT 1 FROM rating_invite_agencies x WHERE x.invite_id = r.id AND x.agency_id = ?)';
    const params = scope === null ? [] : [scope];
    const [count]: { n: number }[] = await this.dataSource.query(`SELECT COUNT(*) AS n FROM rating_invites r ${where}`, params);
    const rows: { id: string; group_id: string; credit_code: string; name: string | null; phone_cipher: string | null; mode: 'link' | 'code'; created_at: Date; expires_at: Date }[] = await this.dataSource.query(
      `SELECT r.id, r.group_id, r.credit_code, e.name, r.phone_cipher, r.mode, r.created_at, r.expires_at
       FROM rating_invites r LEFT JOIN enterprises e ON e.credit_code = r.credit_code ${where}
       ORDER BY r.created_at DESC, r.id LIMIT ? OFFSET ?`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    const ids = rows.map((r) => r.id);
    const agencies: { invite_id: string; agency_id: string; name: string; rated: number }[] = ids.length ? await this.dataSource.query(
      `SELECT ria.invite_id, ria.agency_id, a.name, r.inspection_id IS NOT NULL AS rated FROM rating_invite_agencies ria JOIN agencies a ON a.id = ria.agency_id
       LEFT JOIN ratings r ON r.inspection_id = ria.inspection_id AND r.agency_id = ria.agency_id WHERE ria.invite_id IN (?) ORDER BY ria.invite_id, ria.position`, [ids]) : [];
    const messages: { invite_id: string; kind: SmsKind; status: SmsStatus; attempts: number; error_code: string | null; error_message: string | null; accepted_at: Date | null; reported_at: Date | null }[] = ids.length
      ? await this.dataSource.query(
        `SELECT invite_id, kind, status, attempts, error_code, error_message, accepted_at, reported_at FROM sms_messages WHERE invite_id IN (?) ORDER BY invite_id, kind = 'reminder', queued_at`, [ids])
      : [];
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
    return {
      items: rows.map((r) => ({
        id: r.id,
        groupId: r.group_id,
        creditCode: r.credit_code,
        enterpriseName: r.name ?? '',
        phone: maskPhone(this.phones.decrypt(r.phone_cipher)),
        mode: r.mode,
        createdAt: iso(r.created_at)!,
        expiresAt: iso(r.expires_at)!,
        agencies: agencies.filter((a) => a.invite_id === r.id).map((a) => ({ agencyId: a.agency_id, name: a.name, rated: Number(a.rated) === 1 })),
        messages: messages.filter((m) => m.invite_id === r.id).map((m) => ({
          kind: m.kind, status: m.status, attempts: Number(m.attempts), errorCode: m.error_code, errorMessage: m.error_message, acceptedAt: iso(m.accepted_at), reportedAt: iso(m.reported_at),
        })),
      })),
      total: Number(count.n),
      page,
      pageSize,
    };
  }

  /** The latest messages of the local outbox provider, for a demo without a real SMS account. */
  async outbox(user: SessionUser, limit: number): Promise<OutboxMessage[]> {
    const scope = agencyScope(user);
    const rows: { id: string; phone_cipher: string; text: string; link: string; sent_at: Date }[] = await this.dataSource.query(
      `SELECT o.id, o.phone_cipher, o.text, o.link, o.sent_at FROM sms_outbox o JOIN sms_messages m ON m.id = o.message_id
       ${scope === null ? '' : 'WHERE EXISTS (SELECT 1 FROM rating_invite_agencies x WHERE x.invite_id = m.invite_id AND x.agency_id = ?)'}
       ORDER BY o.id DESC LIMIT ?`,
      scope === null ? [limit] : [scope, limit],
    );
    return rows.map((r) => ({ id: Number(r.id), phone: maskPhone(this.phones.decrypt(r.phone_cipher))!, text: r.text, link: r.link, sentAt: new Date(r.sent_at).toISOString() }));
  }

  /**
   * A delivery receipt. Aliyun's batch sends share one BizId, so the phone tells their messages
   * apart; it is matched encrypted (the cipher is deterministic). Only accepted messages change.
   */
  async receipt(provider: 'aliyun' | 'tencent', receipt: { providerMessageId: string; phone: string | null; delivered: boolean; code: string | null; message: string | null }, now = new Date()): Promise<boolean> {
    const phoneCipher = receipt.phone ? this.phones.encrypt(receipt.phone) : null;
    const result: { affectedRows: number } = await this.dataSource.query(
      `UPDATE sms_messages m JOIN rating_invites r ON r.id = m.invite_id
       SET m.status = ?, m.reported_at = ?, m.error_code = ?, m.error_message = ?
       WHERE m.provider = ? AND m.provider_message_id = ? AND m.status = 'accepted' ${phoneCipher ? 'AND r.phone_cipher = ?' : ''}`,
      [receipt.delivered ? 'delivered' : 'undelivered', now, receipt.delivered ? null : receipt.code?.slice(0, 64) ?? null, receipt.delivered ? null : receipt.message?.slice(0, 300) ?? null,
        provider, receipt.providerMessageId, ...(phoneCipher ? [phoneCipher] : [])],
    );
    return result.affectedRows > 0;
  }
}

function invalidLink(): DomainError {
  return new DomainError(ErrorCode.CodeInvalid, '评价链接无效：不是本系统发出的链接，或链接不完整。请按短信原样打开，或输入短信里的评价码。');
}

function allRated(): DomainError {
  return new DomainError(ErrorCode.Conflict, '这次检查您已经评价过了，每个部门只能评价一次。谢谢您的评价！');
}

