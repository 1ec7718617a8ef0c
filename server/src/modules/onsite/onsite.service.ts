import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addDays,
  ErrorCode, shanghaiDate,
  type CheckInResult, type DocumentKind, type FindingOutcome, type OnsiteDocumentView, type OnsiteInspectionView, type PlanTrigger, type SessionUser, type SyncOutcome,
} from '@mashang/shared';
import type { Pool } from 'mysql2/promise';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import type { AppConfig } from '../../infra/config/config.js';
import { DomainError, forbidden, invalid, notFound } from '../../infra/errors/domain-error.js';
import { JobQueue } from '../../infra/queues/job-queue.js';
import { JobName, type JobPayloads } from '../../infra/queues/queues.js';
import { agencyScope } from '../auth/scope.js';
import { DOCUMENT_STORAGE, type DocumentStorage } from './document-storage.js';
import { kindAccepts, sniffDocumentType, SNIFF_BYTES } from './document-rules.js';
import { CheckInDto, FindingDto, FinishDto, type DocumentMetaDto, type OfflineActionDto } from './dto/onsite.dto.js';
import { inspectionResult, lockingGroup, matchCheckIn, offlineTimeProblem, unrecordedItems, type CheckInCandidate as RuleCandidate } from './onsite-rules.js';

type CheckInCandidate = RuleCandidate & { planCode: string; checkedInAt: Date | null; codeDueAt: Date | null };
import { TrailRepository, type TrailAppend, type TrailTail } from '../trail/index.js';
import { MultiStatementPool, type Statement } from '../../infra/database/multi-statement-pool.js';
import { Batcher, ItemFailure } from '../../infra/batching/batcher.js';

const DUPLICATE_ENTRY = 'ER_DUP_ENTRY';
const actorOf = (user: SessionUser) => `user:${user.id}:${user.username}`;
const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

interface CheckinWrite {
  planId: string;
  officerId: string;
  userId: number;
  creditCode: string;
  at: Date;
  receivedAt: Date;
  dueAt: Date | null;
  clientKey: string;
  latitude: number | null;
  longitude: number | null;
  trail: TrailAppend;
}

interface CandidateRow {
  id: string;
  code: string;
  credit_code: string;
  agency_id: string;
  lead_plan_id: string;
  inspection_date: string;
  name: string;
  trigger_type: PlanTrigger;
  finished_at: Date | null;
  checked_in_at: Date | null;
  code_due_at: Date | null;
  on_plan: number;
  expires_at: Date | null;
  filed_at: Date;
}

interface PlanRow {
  id: string;
  code: string;
  agency_id: string;
  credit_code: string;
  trigger_type: PlanTrigger;
  status: string;
  lead_plan_id: string;
  inspection_date: string;
  checked_in_at: Date | null;
  finished_at: Date | null;
  code_due_at: Date | null;
}

/**
 * The check-ins' one read, for every check-in of a batch at once: the scanned enterprises' active plans
 * within the window, each with its inspection's code and the tail of its trail (to chain the check-in's
 * entry onto), once per officer of the batch on it (or once with no officer). Parameters: officer ids,
 * credit codes, first and last day of the window.
 */
export const CHECK_IN_MATCH_SQL = `SELECT p.id, p.code, p.credit_code, p.agency_id, p.lead_plan_id, p.inspection_date, e.name, p.trigger_type,
    p.filed_at, p.finished_at, p.checked_in_at, p.code_due_at, o.officer_id, c.expires_at,
    (SELECT CONCAT(t.seq, ' ', t.hash) FROM inspection_trail t WHERE t.inspection_id = p.id ORDER BY t.seq DESC LIMIT 1) AS trail_tail
  FROM plans p
    JOIN enterprises e ON e.credit_code = p.credit_code
    LEFT JOIN plan_officers o ON o.plan_id = p.id AND o.officer_id IN (?)
    LEFT JOIN inspection_codes c ON c.lead_plan_id = p.lead_plan_id AND c.revoked_at IS NULL
  WHERE p.credit_code IN (?) AND p.status = 'active' AND p.inspection_date BETWEEN ? AND ?`;

/** A match row: `trail_tail` is the trail's last entry as "seq hash" (one index probe), null for an empty trail. */
type MatchRow = Omit<CandidateRow, 'on_plan'> & { officer_id: string | null; trail_tail: string | null };

/** The trails' tails a match read carries. */
function trailTails(rows: MatchRow[]): TrailTail[] {
  const tails = new Map<string, TrailTail>();
  for (const row of rows) {
    if (row.trail_tail === null || tails.has(row.id)) continue;
    const [seq, hash] = row.trail_tail.split(' ');
    tails.set(row.id, { inspection_id: row.id, seq: Number(seq), hash });
  }
  return [...tails.values()];
}

/** A check-in on its way in. */
interface CheckinAttempt {
  user: SessionUser;
  officerId: string;
  input: CheckInDto;
  at: Date;
  /** The check-in's day in Asia/Shanghai. */
  day: string;
  now: Date;
}

/** The plan a check-in is admitted to, and the late-code deadline it opens (emergencies without a code). */
interface Admitted {
  plan: CheckInCandidate;
  dueAt: Date | null;
}

/**
 * Splits a match read (of one or many check-ins) per check-in: its enterprise's plans within ±7 days
 * of its day, one row per plan and code, marked whether its officer is on the plan; by filing order.
 */
function matchRowsByCheckIn(rows: MatchRow[]): (officerId: string, creditCode: string, day: string) => CandidateRow[] {
  const byEnterprise = new Map<string, MatchRow[]>();
  for (const row of rows) {
    const list = byEnterprise.get(row.credit_code);
    if (list) list.push(row);
    else byEnterprise.set(row.credit_code, [row]);
  }
  const windows = new Map<string, { from: string; to: string }>();
  return (officerId, creditCode, day) => {
    let window = windows.get(day);
    if (!window) windows.set(day, (window = { from: addDays(day, -7), to: addDays(day, 7) }));
    const { from, to } = window;
    const mine = new Map<string, CandidateRow>();
    for (const { officer_id: officer, ...row } of byEnterprise.get(creditCode) ?? []) {
      if (row.inspection_date < from || row.inspection_date > to) continue;
      const key = `${row.id}\u0000${row.expires_at === null ? '' : new Date(row.expires_at).getTime()}`;
      const onPlan = officer === officerId ? 1 : 0;
      const seen = mine.get(key);
      if (!seen) mine.set(key, { ...row, on_plan: onPlan });
      else seen.on_plan = Math.max(seen.on_plan, onPlan);
    }
    return [...mine.values()].sort((a, b) => new Date(a.filed_at).getTime() - new Date(b.filed_at).getTime() || (a.id < b.id ? -1 : 1));
  };
}

/** From a check-in's nearby plans: another agency's inspection locking the enterprise out (or null), and this agency's plans of the day. */
function nearbyOnDay(rows: CandidateRow[], agencyId: string, day: string): { locking: ReturnType<typeof lockingGroup>; today: CandidateRow[] } {
  const locking = lockingGroup(rows.map((r) => ({ agencyId: r.agency_id, leadPlanId: r.lead_plan_id, date: r.inspection_date, coded: r.expires_at !== null })), agencyId);
  return { locking, today: rows.filter((r) => r.agency_id === agencyId && r.inspection_date === day) };
}

function toCandidates(rows: CandidateRow[]): CheckInCandidate[] {
  return rows.map((r) => ({
    planId: r.id, planCode: r.code, creditCode: r.credit_code, enterpriseName: r.name, trigger: r.trigger_type, officerOnPlan: Number(r.on_plan) > 0,
    finished: r.finished_at !== null, code: r.expires_at ? { expiresAt: new Date(r.expires_at) } : null,
    checkedInAt: r.checked_in_at ? new Date(r.checked_in_at) : null, codeDueAt: r.code_due_at ? new Date(r.code_due_at) : null,
  }));
}

/**
 * The statements that record admitted check-ins: the check-ins, their trail entries chained onto
 * `tails`, and the arrival marked on the plans in `toMark` (a plan already marked is left alone).
 */
function checkinStatements(writes: CheckinWrite[], trailAppend: Statement, toMark: Set<string>): Statement[] {
  const statements: Statement[] = [
    ['INSERT INTO checkins (plan_id, officer_id, user_id, credit_code, at, received_at, latitude, longitude, client_key) VALUES ?',
      [writes.map((c) => [c.planId, c.officerId, c.userId, c.creditCode, c.at, c.receivedAt, c.latitude, c.longitude, c.clientKey])]],
    trailAppend,
  ];
  const planIds = [...toMark].sort();
  if (!planIds.length) return statements;
  const first = new Map<string, CheckinWrite>();
  for (const c of writes) if (!first.has(c.planId) || c.at < first.get(c.planId)!.at) first.set(c.planId, c);
  const whens = planIds.map(() => 'WHEN ? THEN ?').join(' ');
  const values = (pick: (c: CheckinWrite) => Date | null) => planIds.flatMap((id) => [id, pick(first.get(id)!)]);
  return [
    [`UPDATE plans SET checked_in_at = COALESCE(checked_in_at, CASE id ${whens} END), code_due_at = COALESCE(code_due_at, CASE id ${whens} END) WHERE id IN (?)`,
      [...values((c) => c.at), ...values((c) => c.dueAt), planIds]],
    ...statements,
  ];
}

const alreadyRecorded = (what: string) => new DomainError(ErrorCode.AlreadyRecorded, `${what}已经上传过，没有重复记录`);

/**
 * What the officer does at the enterprise's door: scan in, record findings and documents, finish.
 * Each write locks the plan's row, appends to the inspection's trail in the same transaction, and
 * carries the phone's idempotency key, so the offline queue can replay it safely.
 */
@Injectable()
export class OnsiteService implements OnModuleDestroy {
  private readonly logger = new Logger(OnsiteService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    @Inject(JobQueue) private readonly jobs: JobQueue,
    @Inject(TrailRepository) private readonly trail: TrailRepository,
  ) {}

  /** The officer's inspections of the day (Asia/Shanghai), for the scan page. */
  async today(user: SessionUser, now = new Date()): Promise<OnsiteInspectionView[]> {
    const officerId = requireOfficer(user);
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT p.id FROM plans p JOIN plan_officers o ON o.plan_id = p.id AND o.officer_id = ?
       WHERE p.agency_id = ? AND p.status = 'active' AND p.inspection_date = ? ORDER BY p.filed_at, p.id`,
      [officerId, user.agencyId, shanghaiDate(now)],
    );
    return Promise.all(rows.map((row) => this.view(this.dataSource.manager, row.id)));
  }

  async get(user: SessionUser, planId: string): Promise<OnsiteInspectionView> {
    const [plan]: { agency_id: string }[] = await this.dataSource.query("SELECT agency_id FROM plans WHERE id = ?", [planId]);
    const scope = agencyScope(user);
    if (!plan || (scope !== null && scope !== plan.agency_id)) throw notFound('检查');
    return this.view(this.dataSource.manager, planId);
  }

  /** Scan in: matches the enterprise to the officer's plan of the day and records the arrival. */
  async checkIn(user: SessionUser, input: CheckInDto, now = new Date()): Promise<CheckInResult> {
    const officerId = requireOfficer(user);
    const at = this.eventTime(input.at, now);
    const attempt: CheckinAttempt = { user, officerId, input, at, day: shanghaiDate(at), now };
    // Most check-ins are admitted together; one the batch does not admit is judged alone, so a refusal names its own reason.
    const { plan, dueAt } = (await this.checkinBatches.submit(attempt)) ?? (await this.checkInAlone(attempt));
    const codeDueAt = plan.codeDueAt ?? dueAt;
    if (dueAt && !plan.codeDueAt) {
      // The job id keeps it to one deadline per plan even if two officers check in at once.
      const payload: JobPayloads[JobName.EmergencyCodeDeadline] = { planId: plan.planId, checkedInAt: at.toISOString(), deadline: dueAt.toISOString() };
      // Committed already: should Redis be away, the late code still raises its case when filed, and the nightly report flags it.
      await this.jobs.add(JobName.EmergencyCodeDeadline, payload, { delay: dueAt.getTime() - Date.now() }).catch((error: Error) => this.logger.warn(`emergency check-in ${plan.planId}: deadline job not scheduled: ${error.message}`));
    }
    return {
      id: plan.planId, planCode: plan.planCode, creditCode: input.creditCode, enterpriseName: plan.enterpriseName, trigger: plan.trigger,
      coded: plan.code !== null, checkedInAt: (plan.checkedInAt ?? at).toISOString(), codeDueAt: codeDueAt ? codeDueAt.toISOString() : null,
    };
  }

  /**
   * Check-ins arriving together are admitted and written together, in one transaction of two round
   * trips. The first locks the scanned enterprises — every change to an enterprise's plans takes that
   * lock first (filing, moving, cancelling, coding, finishing), so what is read next stays true until
   * commit — and reads their plans and trail tails. The second records the admitted check-ins with
   * multi-row statements and commits. A check-in the batch does not admit (a refusal, a lock-out, a
   * replayed key, a trail appended to meanwhile) comes back null and is judged alone.
   */
  private readonly checkinBatches = new Batcher<CheckinAttempt, Admitted | null>((batch) => this.checkInTogether(batch), 200, 6);

  private async checkInTogether(batch: CheckinAttempt[]): Promise<(Admitted | null)[]> {
    const codes = [...new Set(batch.map((a) => a.input.creditCode))].sort();
    const days = batch.map((a) => a.day).sort();
    const window = [codes, addDays(days[0], -7), addDays(days[days.length - 1], 7)];
    return this.scripts().transaction(async (tx) => {
      const [, matched] = await tx.run([
        ['SELECT credit_code FROM enterprises WHERE credit_code IN (?) ORDER BY credit_code FOR UPDATE', [codes]],
        [CHECK_IN_MATCH_SQL, [[...new Set(batch.map((a) => a.officerId))], ...window]],
      ]);
      const rows = matched as MatchRow[];
      const rowsOf = matchRowsByCheckIn(rows);
      const admitted = batch.map((a) => this.admit(a, rowsOf(a.officerId, a.input.creditCode, a.day)));
      const writes = batch.flatMap((a, i) => (admitted[i] ? [this.checkinWrite(a, admitted[i])] : []));
      // Under the lock the plans read are as they are: only the first arrival (or a newly opened late-code deadline) changes one.
      const toMark = new Set(admitted.flatMap((x) => (x && (!x.plan.checkedInAt || (x.dueAt && !x.plan.codeDueAt)) ? [x.plan.planId] : [])));
      if (writes.length) await tx.commit(checkinStatements(writes, this.trail.appendChainedStatement(writes.map((c) => c.trail), trailTails(rows)), toMark));
      return admitted;
    }).catch((error: { code?: string; message?: string }) => {
      // A replayed key is expected (its owner hears "already recorded"); anything else is worth a line in the log.
      if (error.code !== DUPLICATE_ENTRY) this.logger.warn(`${batch.length} check-ins written one by one after: ${error.code ?? error.message}`);
      return batch.map(() => null);
    });
  }

  /** The batch's judgment: a clean match of the officer's open plan of the day, or null to be judged alone. */
  private admit(attempt: CheckinAttempt, rows: CandidateRow[]): Admitted | null {
    const { locking, today } = nearbyOnDay(rows, attempt.user.agencyId!, attempt.day);
    if (locking || !today.some((r) => r.on_plan > 0)) return null;
    const candidates = toCandidates(today);
    const match = matchCheckIn({ creditCode: attempt.input.creditCode, at: attempt.at, candidates, lockedBy: null });
    return 'refusal' in match ? null : this.admitted(attempt, candidates, match);
  }

  /** One check-in on its own: the match read, then a refusal naming its reason, or the write. */
  private async checkInAlone(attempt: CheckinAttempt): Promise<Admitted> {
    const { user, officerId, input, at, day } = attempt;
    const { candidates, lockedBy } = await this.candidates(user.agencyId!, officerId, input.creditCode, day);
    const match = matchCheckIn({ creditCode: input.creditCode, at, candidates, lockedBy });
    if ('refusal' in match) {
      // A replayed upload is answered as a duplicate, not judged again against a state that has moved on.
      await this.assertNew('checkins', 'user_id', user.id, input.clientKey, '入企记录');
      throw new DomainError(ErrorCode.RuleRefused, `不能入企检查：${match.refusal.message}`, undefined, [match.refusal]);
    }
    const admitted = this.admitted(attempt, candidates, match);
    await this.writeCheckin(this.checkinWrite(attempt, admitted));
    return admitted;
  }

  private admitted(attempt: CheckinAttempt, candidates: CheckInCandidate[], match: { planId: string; emergencyWithoutCode: boolean }): Admitted {
    const plan = candidates.find((c) => c.planId === match.planId)!;
    // An emergency without a code opens the late-code obligation.
    const dueAt = match.emergencyWithoutCode ? new Date(attempt.at.getTime() + this.config.onsite.emergencyCodeHours * 3_600_000) : null;
    return { plan, dueAt };
  }

  private checkinWrite({ user, officerId, input, at, now }: CheckinAttempt, { plan, dueAt }: Admitted): CheckinWrite {
    const codeDueAt = plan.codeDueAt ?? dueAt;
    return {
      planId: plan.planId, officerId, userId: user.id, creditCode: input.creditCode, at, receivedAt: now, dueAt, clientKey: input.clientKey,
      latitude: input.latitude ?? null, longitude: input.longitude ?? null,
      trail: {
        inspectionId: plan.planId, kind: 'checked-in', actor: actorOf(user), at: now,
        detail: {
          officerId, creditCode: input.creditCode, at: at.toISOString(), offline: input.at !== undefined,
          location: input.latitude !== undefined && input.longitude !== undefined ? { latitude: input.latitude, longitude: input.longitude } : null,
          ...(codeDueAt ? { codeDueAt: codeDueAt.toISOString(), note: '紧急检查先检查后补码' } : {}),
        },
      },
    };
  }

  /** Connections for the check-ins' two-round-trip transactions, opened on first use. */
  private scriptPool?: MultiStatementPool;

  private scripts(): MultiStatementPool {
    // MariaDB caches a correlated subquery's answers for the statement; the match's trail-tail probe never
    // asks twice, so the cache only costs: a quarter of the match read's database time.
    const session = this.dataSource.options.type === 'mariadb' ? ["SET SESSION optimizer_switch = 'subquery_cache=off'"] : [];
    this.scriptPool ??= new MultiStatementPool(this.config.databaseUrl, 6, session);
    return this.scriptPool;
  }

  async onModuleDestroy(): Promise<void> {
    await this.scriptPool?.end();
  }

  private writeCheckin(c: CheckinWrite): Promise<void> {
    return this.write(async (manager) => {
      const updated: { affectedRows: number } = await manager.query(
        "UPDATE plans SET checked_in_at = COALESCE(checked_in_at, ?), code_due_at = COALESCE(code_due_at, ?) WHERE id = ? AND status = 'active' AND finished_at IS NULL",
        [c.at, c.dueAt, c.planId]);
      if (updated.affectedRows !== 1) throw new DomainError(ErrorCode.Conflict, '该检查计划已取消或已结束');
      await insertOnce(manager, '入企记录',
        'INSERT INTO checkins (plan_id, officer_id, user_id, credit_code, at, received_at, latitude, longitude, client_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [c.planId, c.officerId, c.userId, c.creditCode, c.at, c.receivedAt, c.latitude, c.longitude, c.clientKey]);
      await this.trail.append(c.trail, manager);
    });
  }

  /** Records the result of one item; a later finding for the same item supersedes the earlier one (both stay in the trail). */
  async recordFinding(user: SessionUser, planId: string, input: FindingDto, now = new Date()): Promise<OnsiteInspectionView> {
    await this.assertNew('findings', 'recorded_by', user.id, input.clientKey, '检查结果');
    const at = this.eventTime(input.at, now);
    if (input.outcome === 'rectify') {
      if (!input.rectifyBy) throw invalid('rectifyBy', '责令整改须写明整改期限');
      if (input.rectifyBy < shanghaiDate(at)) throw invalid('rectifyBy', '整改期限不能早于检查当天');
    }
    await this.write(async (manager) => {
      const plan = await this.openPlanOfOfficer(manager, user, planId);
      const [item]: { name: string }[] = await manager.query(
        'SELECT i.name FROM plan_items pi JOIN items i ON i.id = pi.item_id WHERE pi.plan_id = ? AND pi.item_id = ?', [plan.id, input.itemId]);
      if (!item) throw invalid('itemId', '不是本次检查计划中的检查事项');
      const rectifyBy = input.outcome === 'rectify' ? input.rectifyBy! : null;
      const note = input.note?.trim() || null;
      await insertOnce(manager, '检查结果',
        'INSERT INTO findings (plan_id, item_id, outcome, rectify_by, note, recorded_by, at, client_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [plan.id, input.itemId, input.outcome, rectifyBy, note, user.id, at, input.clientKey]);
      await this.trail.append({ inspectionId: plan.id, kind: 'finding', actor: actorOf(user), detail: { itemId: input.itemId, item: item.name, outcome: input.outcome, rectifyBy, note, at: at.toISOString() }, at: now }, manager);
    });
    return this.view(this.dataSource.manager, planId);
  }

  /**
   * Stores one document: streamed to a temporary file while it is measured and hashed, refused when too
   * large, of another type than PDF/JPEG/PNG, or not what the phone says it sent; then kept in storage
   * and recorded with the trail entry in one transaction.
   */
  async uploadDocument(user: SessionUser, planId: string, meta: DocumentMetaDto, file: { stream: Readable & { truncated?: boolean }; fileName: string } | undefined, now = new Date()): Promise<OnsiteDocumentView> {
    await this.assertNew('inspection_documents', 'uploaded_by', user.id, meta.clientKey, '文书');
    // Refused before a byte is stored when the officer may not add to this inspection (checked again under the lock).
    await this.planOfOfficer(this.dataSource.manager, user, planId, { lock: false, open: false });
    if (!file) throw invalid('file', '没有收到文件');
    const id = randomUUID();
    const temp = join(tmpdir(), `mashang-upload-${id}`);
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        hash.update(chunk);
        if (head.length < SNIFF_BYTES) head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
        done(null, chunk);
      },
    });
    let stored = false;
    let type: { contentType: string; extension: string } | null = null;
    const storageKey = () => `documents/${planId}/${id}.${type!.extension}`;
    const limitMb = Math.round(this.config.onsite.documentMaxBytes / 1024 / 1024);
    const tooLarge = () => new DomainError(ErrorCode.PayloadTooLarge, `文件超过 ${limitMb} MB，请压缩或分开上传`);
    try {
      await pipeline(file.stream, measure, createWriteStream(temp)).catch((error: { code?: string }) => {
        throw error.code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge() : error;
      });
      if (file.stream.truncated || size > this.config.onsite.documentMaxBytes) throw tooLarge();
      if (size === 0) throw invalid('file', '文件是空的');
      type = sniffDocumentType(head);
      if (!type) throw new DomainError(ErrorCode.UnsupportedMediaType, '只能上传 PDF、JPG 或 PNG 文件');
      if (!kindAccepts(meta.kind as DocumentKind, type.contentType)) throw invalid('kind', '现场照片须为 JPG 或 PNG 图片');
      const sha256 = hash.digest('hex');
      if (meta.sha256 && meta.sha256 !== sha256) throw invalid('sha256', '文件校验和不一致（上传不完整），请重新上传');
      await this.storage.put(storageKey(), temp, type.contentType);
      stored = true;
      const fileName = file.fileName.slice(0, 255) || `${meta.kind}.${type.extension}`;
      await this.write(async (manager) => {
        const plan = await this.planOfOfficer(manager, user, planId, { lock: true, open: false });
        await insertOnce(manager, '文书',
          `INSERT INTO inspection_documents (id, plan_id, kind, doc_no, title, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by, uploaded_at, client_key)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [id, plan.id, meta.kind, meta.docNo?.trim() || null, meta.title.trim(), fileName, type!.contentType, size, sha256, storageKey(), user.id, now, meta.clientKey]);
        await this.trail.append({ inspectionId: plan.id, kind: 'document', actor: actorOf(user), detail: { documentId: id, kind: meta.kind, title: meta.title.trim(), docNo: meta.docNo?.trim() || null, fileName, sizeBytes: size, sha256 }, at: now }, manager);
      });
    } catch (error) {
      if (stored) await this.storage.remove(storageKey()).catch(() => undefined);
      throw error;
    } finally {
      await rm(temp, { force: true });
    }
    const [row]: DocumentRow[] = await this.dataSource.query(`SELECT ${DOCUMENT_COLUMNS} FROM inspection_documents WHERE id = ?`, [id]);
    return documentView(row);
  }

  async readDocument(user: SessionUser, documentId: string): Promise<{ stream: Readable; contentType: string; fileName: string; sizeBytes: number }> {
    const [row]: { agency_id: string; storage_key: string; content_type: string; file_name: string; size_bytes: number }[] = await this.dataSource.query(
      'SELECT p.agency_id, d.storage_key, d.content_type, d.file_name, d.size_bytes FROM inspection_documents d JOIN plans p ON p.id = d.plan_id WHERE d.id = ?', [documentId]);
    const scope = agencyScope(user);
    if (!row || (scope !== null && scope !== row.agency_id)) throw notFound('文书');
    return { stream: await this.storage.read(row.storage_key), contentType: row.content_type, fileName: row.file_name, sizeBytes: row.size_bytes };
  }

  /**
   * Scan out: the agency's results are in. When every agency of the inspection has finished, the
   * inspection records are written in the exchange format and `inspection-finished` is published
   * (the SMS invite follows from it).
   */
  async finish(user: SessionUser, planId: string, input: FinishDto, now = new Date()): Promise<OnsiteInspectionView> {
    const at = this.eventTime(input.at, now);
    const finished = await this.write(async (manager) => {
      const [member]: { lead_plan_id: string; credit_code: string }[] = await manager.query('SELECT lead_plan_id, credit_code FROM plans WHERE id = ?', [planId]);
      if (!member) throw notFound('检查');
      // The enterprise first, as every change to its plans does (check-ins admitted together rely on it);
      // then the lead's row, which orders the agencies' finishes, so exactly one of them sees the inspection complete.
      await manager.query('SELECT credit_code FROM enterprises WHERE credit_code = ? FOR UPDATE', [member.credit_code]);
      await manager.query('SELECT id FROM plans WHERE id = ? FOR UPDATE', [member.lead_plan_id]);
      const plan = await this.openPlanOfOfficer(manager, user, planId, alreadyRecorded('结束检查'));
      if (at.getTime() < plan.checked_in_at!.getTime()) throw invalid('at', '结束时间早于入企时间');
      const items: { item_id: string }[] = await manager.query('SELECT item_id FROM plan_items WHERE plan_id = ? ORDER BY position', [plan.id]);
      const findings = await latestFindings(manager, plan.id);
      const missing = unrecordedItems(items.map((i) => i.item_id), new Set(findings.keys()));
      if (missing.length) {
        const names: { name: string }[] = await manager.query('SELECT name FROM items WHERE id IN (?)', [missing]);
        const refusal = { rule: 'items-unrecorded', message: `还有${missing.length}项检查事项没有记录结果：${names.map((n) => n.name).join('、')}`, remedy: '逐项记录检查结果（合格、责令整改或违法）后再结束检查' };
        throw new DomainError(ErrorCode.RuleRefused, `不能结束检查：${refusal.message}`, undefined, [refusal]);
      }
      const result = inspectionResult([...findings.values()]);
      const [documents]: { n: number }[] = await manager.query('SELECT COUNT(*) AS n FROM inspection_documents WHERE plan_id = ?', [plan.id]);
      await manager.query('UPDATE plans SET finished_at = ? WHERE id = ?', [at, plan.id]);
      await this.trail.append({ inspectionId: plan.id, kind: 'finished', actor: actorOf(user), detail: { at: at.toISOString(), result, findings: findings.size, documents: Number(documents.n), clientKey: input.clientKey }, at: now }, manager);
      return this.completeInspection(manager, plan.lead_plan_id, plan.credit_code);
    });
    if (finished) {
      // The finish is committed; a Redis hiccup must not turn it into an error (the sweep publishes it later).
      await this.jobs.add(JobName.InspectionFinished, finished).then(
        () => this.logger.log(`inspection ${finished.groupId} finished by all ${finished.inspectionIds.length} agencies`),
        (error: Error) => this.logger.warn(`inspection ${finished.groupId} finished; publishing deferred to the sweep: ${error.message}`),
      );
    }
    return this.view(this.dataSource.manager, planId);
  }

  /** Replays a phone's offline queue in order; each action stands alone, and one already recorded is reported as a duplicate. */
  async sync(user: SessionUser, actions: OfflineActionDto[], now = new Date()): Promise<SyncOutcome[]> {
    const outcomes: SyncOutcome[] = [];
    for (const action of actions) {
      try {
        const body = { ...action.body, clientKey: action.clientKey };
        if (action.type === 'check-in') await this.checkIn(user, await checked(CheckInDto, body), now);
        else {
          if (!action.planId) throw invalid('planId', '缺少检查编号');
          if (action.type === 'finding') await this.recordFinding(user, action.planId, await checked(FindingDto, body), now);
          else await this.finish(user, action.planId, await checked(FinishDto, body), now);
        }
        outcomes.push({ clientKey: action.clientKey, status: 'applied' });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        outcomes.push({ clientKey: action.clientKey, status: error.code === ErrorCode.AlreadyRecorded ? 'duplicate' : 'refused', error: { code: error.code, message: error.message } });
      }
    }
    return outcomes;
  }

  /** A replayed upload is answered as already recorded before any rule is checked again (the state has moved on since). */
  private async assertNew(table: 'checkins' | 'findings' | 'inspection_documents', userColumn: string, userId: number, clientKey: string, what: string): Promise<void> {
    const [seen] = await this.dataSource.query(`SELECT 1 AS x FROM ${table} WHERE ${userColumn} = ? AND client_key = ?`, [userId, clientKey]);
    if (seen) throw alreadyRecorded(what);
  }

  private eventTime(text: string | undefined, now: Date): Date {
    if (text === undefined) return now;
    const at = new Date(text);
    const problem = offlineTimeProblem(at, now, this.config.onsite.offlineMaxAgeHours);
    if (problem) throw invalid('at', problem);
    return at;
  }

  private promisePool: Pool | null = null;

  /** TypeORM's own mysql2 pool (same connections, limits and time zone), with promises. */
  private pool(): Pool {
    this.promisePool ??= (this.dataSource.driver as unknown as { pool: { promise(): Pool } }).pool.promise();
    return this.promisePool;
  }

  private write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('READ COMMITTED', work);
  }

  /**
   * The scanned enterprise's plans within ±7 days, each with whether the officer is on it and its
   * code, from which the day's candidates and any lock-out follow. Only when none is the officer's
   * does a second query look for the officer's plans elsewhere.
   */
  private async candidates(agencyId: string, officerId: string, creditCode: string, day: string): Promise<{ candidates: CheckInCandidate[]; lockedBy: { agencyName: string; date: string } | null }> {
    const [matched] = (await this.pool().query(CHECK_IN_MATCH_SQL, [[officerId], [creditCode], addDays(day, -7), addDays(day, 7)])) as unknown as [MatchRow[]];
    const { locking, today: onDay } = nearbyOnDay(matchRowsByCheckIn(matched)(officerId, creditCode, day), agencyId, day);
    let lockedBy: { agencyName: string; date: string } | null = null;
    if (locking) {
      const [agency]: { name: string }[] = await this.dataSource.query('SELECT name FROM agencies WHERE id = ?', [locking.agencyId]);
      lockedBy = { agencyName: agency?.name ?? locking.agencyId, date: locking.date };
    }
    let today = onDay;
    if (!today.some((r) => r.on_plan > 0)) {
      today = today.concat(await this.dataSource.query(
        `SELECT p.id, p.code, p.credit_code, e.name, p.trigger_type, p.filed_at, p.finished_at, p.checked_in_at, p.code_due_at, 1 AS on_plan, NULL AS expires_at
         FROM plan_officers o JOIN plans p ON p.id = o.plan_id JOIN enterprises e ON e.credit_code = p.credit_code
         WHERE o.officer_id = ? AND p.agency_id = ? AND p.status = 'active' AND p.inspection_date = ? AND p.credit_code <> ?`,
        [officerId, agencyId, day, creditCode],
      ));
    }
    return { lockedBy, candidates: toCandidates(today) };
  }

  private async lockPlan(manager: EntityManager, planId: string): Promise<PlanRow> {
    const [plan]: PlanRow[] = await manager.query(
      `SELECT id, code, agency_id, credit_code, trigger_type, status, lead_plan_id, inspection_date, checked_in_at, finished_at, code_due_at
       FROM plans WHERE id = ? FOR UPDATE`, [planId]);
    if (!plan) throw notFound('检查');
    return plan;
  }

  /** The plan, when the user is one of its officers. */
  private async planOfOfficer(manager: EntityManager, user: SessionUser, planId: string, { lock, open }: { lock: boolean; open: boolean }, finishedError?: DomainError): Promise<PlanRow> {
    const officerId = requireOfficer(user);
    const plan = lock ? await this.lockPlan(manager, planId) : (await manager.query('SELECT id, agency_id, status, checked_in_at, finished_at FROM plans WHERE id = ?', [planId]))[0];
    if (!plan || plan.agency_id !== user.agencyId) throw notFound('检查');
    const [onPlan] = await manager.query('SELECT 1 AS x FROM plan_officers WHERE plan_id = ? AND officer_id = ?', [planId, officerId]);
    if (!onPlan) throw forbidden('您不是该检查的执法人员');
    if (plan.status !== 'active') throw new DomainError(ErrorCode.Conflict, '该检查计划已取消');
    if (!plan.checked_in_at) throw new DomainError(ErrorCode.Conflict, '请先扫码入企（登记入企）');
    if (open && plan.finished_at) throw finishedError ?? new DomainError(ErrorCode.Conflict, '该检查已经结束，结果不能再修改');
    return plan;
  }

  private openPlanOfOfficer(manager: EntityManager, user: SessionUser, planId: string, finishedError?: DomainError): Promise<PlanRow> {
    return this.planOfOfficer(manager, user, planId, { lock: true, open: true }, finishedError);
  }

  /** When no agency of the inspection is still at work: its exchange records, one per agency, and the event to publish. */
  private async completeInspection(manager: EntityManager, leadPlanId: string, creditCode: string): Promise<JobPayloads[JobName.InspectionFinished] | null> {
    const members: PlanRow[] = await manager.query(
      "SELECT id, agency_id, trigger_type, checked_in_at, finished_at FROM plans WHERE lead_plan_id = ? AND status = 'active' ORDER BY id FOR UPDATE", [leadPlanId]);
    if (members.some((m) => !m.finished_at || !m.checked_in_at)) return null;
    const [code]: { issued_at: Date }[] = await manager.query('SELECT MIN(issued_at) AS issued_at FROM inspection_codes WHERE lead_plan_id = ?', [leadPlanId]);
    const codedAt = code?.issued_at ? new Date(code.issued_at) : null;
    const jointId = members.length > 1 ? leadPlanId : null;
    for (const member of members) {
      const startedAt = new Date(member.checked_in_at!);
      const result = inspectionResult([...(await latestFindings(manager, member.id)).values()]);
      await manager.query(
        `INSERT INTO inspections (id, agency_id, credit_code, trigger_type, joint_id, started_at, finished_at, coded, coded_at, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [member.id, member.agency_id, creditCode, member.trigger_type, jointId, startedAt, member.finished_at, codedAt !== null && codedAt <= startedAt, codedAt, result]);
      await manager.query(
        `INSERT INTO inspection_officers (inspection_id, officer_id, position, agency_id, credit_code, started_at, finished_at)
         SELECT plan_id, officer_id, position, ?, ?, ?, ? FROM plan_officers WHERE plan_id = ?`,
        [member.agency_id, creditCode, startedAt, member.finished_at, member.id],
      );
      await manager.query(
        'INSERT INTO inspection_items (inspection_id, item_id, position, trigger_type, started_at) SELECT plan_id, item_id, position, ?, ? FROM plan_items WHERE plan_id = ?',
        [member.trigger_type, startedAt, member.id],
      );
    }
    const finishedAt = new Date(Math.max(...members.map((m) => new Date(m.finished_at!).getTime())));
    return { groupId: leadPlanId, creditCode, inspectionIds: members.map((m) => m.id), finishedAt: finishedAt.toISOString() };
  }

  /** The officer's whole view of one agency's part of an inspection. */
  async view(manager: EntityManager, planId: string): Promise<OnsiteInspectionView> {
    const [plan]: (PlanRow & { enterprise_name: string; agency_name: string })[] = await manager.query(
      `SELECT p.id, p.code, p.agency_id, p.credit_code, p.trigger_type, p.status, p.lead_plan_id, p.inspection_date, p.checked_in_at, p.finished_at, p.code_due_at,
              e.name AS enterprise_name, a.name AS agency_name
       FROM plans p JOIN enterprises e ON e.credit_code = p.credit_code JOIN agencies a ON a.id = p.agency_id WHERE p.id = ?`, [planId]);
    if (!plan) throw notFound('检查');
    const [joint, officers, items, findingRows, documents, code] = await Promise.all([
      manager.query("SELECT a.name FROM plans p JOIN agencies a ON a.id = p.agency_id WHERE p.lead_plan_id = ? AND p.status = 'active' AND p.id <> ? ORDER BY a.name", [plan.lead_plan_id, plan.id]),
      manager.query('SELECT o.id, o.name, o.cert_no FROM plan_officers po JOIN officers o ON o.id = po.officer_id WHERE po.plan_id = ? ORDER BY po.position', [plan.id]),
      manager.query('SELECT i.id, i.name, i.basis FROM plan_items pi JOIN items i ON i.id = pi.item_id WHERE pi.plan_id = ? ORDER BY pi.position', [plan.id]),
      manager.query('SELECT item_id, outcome, rectify_by, note, at FROM findings WHERE plan_id = ? ORDER BY id', [plan.id]),
      manager.query(`SELECT ${DOCUMENT_COLUMNS} FROM inspection_documents WHERE plan_id = ? ORDER BY uploaded_at, id`, [plan.id]),
      manager.query('SELECT 1 AS x FROM inspection_codes WHERE lead_plan_id = ? AND revoked_at IS NULL', [plan.lead_plan_id]),
    ]);
    const latest = new Map<string, { outcome: FindingOutcome; rectify_by: string | null; note: string | null; at: Date }>();
    for (const row of findingRows) latest.set(row.item_id, row);
    const finishedResult = plan.finished_at ? inspectionResult([...latest.values()].map((f) => f.outcome)) : null;
    return {
      id: plan.id,
      planCode: plan.code,
      leadPlanId: plan.lead_plan_id,
      creditCode: plan.credit_code,
      enterpriseName: plan.enterprise_name,
      agencyId: plan.agency_id,
      agencyName: plan.agency_name,
      jointAgencies: joint.map((j: { name: string }) => j.name),
      inspectionDate: plan.inspection_date,
      trigger: plan.trigger_type,
      coded: code.length > 0,
      status: plan.finished_at ? 'finished' : plan.checked_in_at ? 'on-site' : 'planned',
      checkedInAt: iso(plan.checked_in_at),
      finishedAt: iso(plan.finished_at),
      codeDueAt: iso(plan.code_due_at),
      officers: officers.map((o: { id: string; name: string; cert_no: string }) => ({ id: o.id, name: o.name, certNo: o.cert_no })),
      items: items.map((i: { id: string; name: string; basis: string }) => {
        const f = latest.get(i.id);
        return { id: i.id, name: i.name, basis: i.basis, finding: f ? { outcome: f.outcome, rectifyBy: f.rectify_by, note: f.note, at: iso(f.at)! } : null };
      }),
      documents: documents.map(documentView),
      result: finishedResult,
    };
  }
}

const DOCUMENT_COLUMNS = 'id, kind, title, doc_no, file_name, content_type, size_bytes, sha256, uploaded_at';

interface DocumentRow {
  id: string;
  kind: DocumentKind;
  title: string;
  doc_no: string | null;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_at: Date;
}

function documentView(d: DocumentRow): OnsiteDocumentView {
  return { id: d.id, kind: d.kind, title: d.title, docNo: d.doc_no, fileName: d.file_name, contentType: d.content_type, sizeBytes: Number(d.size_bytes), sha256: d.sha256, uploadedAt: iso(d.uploaded_at)! };
}

function requireOfficer(user: SessionUser): string {
  if (user.role !== 'officer' || !user.officerId || !user.agencyId) throw forbidden('只有执法人员可以入企检查');
  return user.officerId;
}

/** Inserts a row carrying an idempotency key; the same key again is refused as already recorded. */
async function insertOnce(manager: EntityManager, what: string, sql: string, params: unknown[]): Promise<void> {
  try {
    await manager.query(sql, params);
  } catch (error) {
    if ((error as { code?: string }).code === DUPLICATE_ENTRY) throw alreadyRecorded(what);
    throw error;
  }
}

async function latestFindings(manager: EntityManager, planId: string): Promise<Map<string, FindingOutcome>> {
  const rows: { item_id: string; outcome: FindingOutcome }[] = await manager.query('SELECT item_id, outcome FROM findings WHERE plan_id = ? ORDER BY id', [planId]);
  return new Map(rows.map((r) => [r.item_id, r.outcome]));
}

/** Validates an offline action's body with the same rules as the direct endpoint. */
async function checked<T extends object>(type: new () => T, body: Record<string, unknown>): Promise<T> {
  const instance = plainToInstance(type, body);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) {
    const fields = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((reason) => ({ field: e.property, reason })));
    throw new DomainError(ErrorCode.ValidationFailed, `输入有误：${fields.map((f) => `${f.field} ${f.reason}`).join('；')}`, fields);
  }
  return instance;
}
