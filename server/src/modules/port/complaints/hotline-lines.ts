import { COMPLAINT_CONTENT_MAX, creditCodeProblem, CREDIT_CODE_PROBLEM_TEXT, normaliseCreditCode, type FieldError, type HotlineTicket } from '@mashang/shared';

/** Tickets one import takes at most. */
export const HOTLINE_TICKETS_MAX = 5000;
const TICKET_NO = /^[A-Za-z0-9_-]{4,40}$/;
/** A mobile (the outcome goes back by SMS) or a landline with its area code. */
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const INSPECTION_ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const FIELDS = new Set(['ticketNo', 'receivedAt', 'creditCode', 'phone', 'content', 'inspectionId']);

/** A ticket as read, with its time parsed. */
export interface ParsedTicket extends HotlineTicket {
  line: number;
  received: Date;
}

/**
 * Reads a 12345 export in JSON Lines, one ticket a line (blank lines skipped), and checks every line
 * before anything is imported: each problem as `第N行：field：reason`. The credit codes are checked for
 * their form here; whether the register has them, and whether a named inspection is theirs, the import
 * checks against the database.
 */
export function parseHotlineLines(text: string, now: Date): { tickets: ParsedTicket[]; problems: FieldError[] } {
  const tickets: ParsedTicket[] = [];
  const problems: FieldError[] = [];
  const seen = new Map<string, number>();
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    const problem = (field: string, reason: string) => problems.push({ field: `第${line}行：${field}`, reason });
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      problem('line', '不是一个 JSON 对象');
      return;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      problem('line', '不是一个 JSON 对象');
      return;
    }
    const v = value as Record<string, unknown>;
    for (const key of Object.keys(v)) if (!FIELDS.has(key)) problem(key, '不认识的字段');
    const text = (key: string) => (typeof v[key] === 'string' ? (v[key] as string).trim() : null);
    const ticketNo = text('ticketNo');
    if (!ticketNo || !TICKET_NO.test(ticketNo)) problem('ticketNo', '工单号应为4–40位字母、数字、-或_');
    else if (seen.has(ticketNo)) problem('ticketNo', `与第${seen.get(ticketNo)}行重复`);
    else seen.set(ticketNo, line);
    const receivedAt = text('receivedAt');
    const received = receivedAt && ISO_INSTANT.test(receivedAt) ? new Date(receivedAt) : null;
    if (!received || Number.isNaN(received.getTime())) problem('receivedAt', '受理时间应为 ISO 8601 时间，如 2026-12-05T09:30:00+08:00');
    else if (received.getTime() > now.getTime() + 5 * 60_000 || received.getUTCFullYear() < 2000) problem('receivedAt', '受理时间不能晚于现在或早于2000年');
    const creditCode = text('creditCode');
    const codeProblem = creditCode ? creditCodeProblem(normaliseCreditCode(creditCode)) : 'empty';
    if (codeProblem) problem('creditCode', CREDIT_CODE_PROBLEM_TEXT[codeProblem]);
    const phone = text('phone')?.replace(/\s/g, '') ?? null;
    if (!phone || !PHONE.test(phone)) problem('phone', '联系电话应为11位手机号或带区号的固定电话');
    const content = text('content');
    if (!content) problem('content', '诉求内容不能为空');
    else if (content.length > COMPLAINT_CONTENT_MAX) problem('content', `诉求内容不能超过${COMPLAINT_CONTENT_MAX}字`);
    const inspectionId = v.inspectionId === undefined || v.inspectionId === null ? undefined : text('inspectionId');
    if (inspectionId !== undefined && (!inspectionId || !INSPECTION_ID.test(inspectionId))) problem('inspectionId', '检查记录编号格式不正确');
    if (problems.some((p) => p.field.startsWith(`第${line}行：`))) return;
    tickets.push({
      line, ticketNo: ticketNo!, receivedAt: receivedAt!, received: received!, creditCode: normaliseCreditCode(creditCode!), phone: phone!, content: content!,
      ...(inspectionId ? { inspectionId } : {}),
    });
  });
  if (!tickets.length && !problems.length) problems.push({ field: 'body', reason: '没有工单：每行一个 JSON 对象' });
  if (tickets.length + problems.length > HOTLINE_TICKETS_MAX || lines.length > HOTLINE_TICKETS_MAX * 2) {
    return { tickets: [], problems: [{ field: 'body', reason: `一次最多导入${HOTLINE_TICKETS_MAX}条工单` }] };
  }
  return { tickets, problems };
}

/** Whether a phone can take an SMS (the outcome of a ticket goes only to mobiles). */
export const isMobile = (phone: string) => /^1[3-9]\d{9}$/.test(phone);
