import { buildCreditCode } from '@mashang/shared';
import { parseHotlineLines } from './hotline-lines.js';

const NOW = new Date('2026-12-05T04:00:00Z');
const SHOP = buildCreditCode('92410202', 'MA000821');
const line = (ticket: Record<string, unknown>) => JSON.stringify({ ticketNo: 'GX20261205001', receivedAt: '2026-12-05T09:30:00+08:00', creditCode: SHOP, phone: '13800000821', content: '执法人员一个月内第三次上门检查同一事项', ...ticket });

describe('12345 hotline tickets in JSON Lines', () => {
  it('reads every ticket, skipping blank lines, the credit code in capitals', () => {
    const { tickets, problems } = parseHotlineLines(`${line({ creditCode: SHOP.toLowerCase() })}\n\n${line({ ticketNo: 'GX20261205002', phone: '0371-23456789', inspectionId: 'X1' })}\r\n`, NOW);
    expect(problems).toEqual([]);
    expect(tickets.map((t) => [t.line, t.ticketNo, t.creditCode, t.phone, t.inspectionId, t.received.toISOString()])).toEqual([
      [1, 'GX20261205001', SHOP, '13800000821', undefined, '2026-12-05T01:30:00.000Z'],
      [3, 'GX20261205002', SHOP, '0371-23456789', 'X1', '2026-12-05T01:30:00.000Z'],
    ]);
  });

  it('names every problem by line and field, and takes nothing from a line with one', () => {
    const { tickets, problems } = parseHotlineLines([
      line({}),
      line({}),
      'not json',
      line({ ticketNo: 'GX3', receivedAt: '2026-12-06T09:00:00+08:00', creditCode: `${SHOP.slice(0, 17)}0`, phone: '12345', content: ' ', extra: 1 }),
    ].join('\n'), NOW);
    expect(tickets.map((t) => t.line)).toEqual([1]);
    expect(problems.map((p) => p.field)).toEqual([
      '第2行：ticketNo', '第3行：line', '第4行：extra', '第4行：ticketNo', '第4行：receivedAt', '第4行：creditCode', '第4行：phone', '第4行：content',
    ]);
    expect(problems[0].reason).toBe('与第1行重复');
  });

  it('refuses an empty file', () => {
    expect(parseHotlineLines('\n\n', NOW).problems).toEqual([{ field: 'body', reason: '没有工单：每行一个 JSON 对象' }]);
  });
});
