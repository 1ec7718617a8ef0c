import { describe, expect, it } from '@jest/globals';
import { buildCreditCode, CREDIT_CODE_PROBLEM_TEXT, type OfficerRecord } from '@mashang/shared';
import {
  EXCHANGE_FILES,
  EXCHANGE_KINDS,
  recordKey,
  serialiseRecord,
  validateLine,
  validateRecord,
  type ExchangeKind,
  type FieldError,
} from './index.js';

const CODE = buildCreditCode('92410202', 'MA9X3K7P');
const CODE2 = buildCreditCode('91410200', '12345678');

function samples(): Record<ExchangeKind, Record<string, unknown>> {
  return {
    agencies: { id: 'A001', name: '开封市市场监督管理局', kind: 'market', region: '410200' },
    officers: { id: 'A001-001', agencyId: 'A001', name: '张建国', certNo: '豫B0010001', phone: '13812345678' },
    items: { id: 'A001-I01', agencyId: 'A001', name: '食品经营检查', basis: '《中华人民共和国食品安全法》第八十七条', noDisturb: true },
    enterprises: {
      creditCode: CODE,
      name: '开封市鼓楼区老王烩面馆',
      industry: '餐饮服务',
      region: '410204',
      phone: '13912345678',
      creditGrade: 'B',
      lowTouch: false,
    },
    inspections: {
      id: 'X000001',
      agencyId: 'A001',
      officerIds: ['A001-001', 'A001-002'],
      creditCode: CODE,
      itemIds: ['A001-I01'],
      trigger: 'planned',
      jointId: 'J000001',
      startedAt: '2026-03-01T09:30:00+08:00',
      finishedAt: '2026-03-01T10:45:00+08:00',
      coded: true,
      result: 'pass',
    },
    cases: {
      id: 'C000001',
      agencyId: 'A001',
      officerIds: ['A001-001', 'A001-002'],
      creditCode: CODE,
      inspectionId: 'X000001',
      cause: 'FSL-124',
      discretionLevel: 'general',
      fine: 500000,
      status: 'decided',
      filedAt: '2026-03-02T10:00:00+08:00',
      decidedAt: '2026-04-10T15:00:00+08:00',
      causeChanges: [{ from: 'FSL-122', to: 'FSL-124', at: '2026-03-10T09:00:00+08:00' }],
      extendedDays: 30,
      coercive: true,
    },
    ratings: {
      inspectionId: 'X000001',
      agencyId: 'A001',
      language: 5,
      procedure: 4,
      manner: 5,
      fairness: 3,
      verdict: 'disapprove',
      flags: ['repeated', 'excessive'],
      comment: '一个月内来了两次',
      ratedAt: '2026-03-02T20:00:00Z',
    },
  };
}

function errorsOf(kind: ExchangeKind, value: unknown): FieldError[] {
  const result = validateRecord(kind, value);
  if (result.ok) throw new Error(`expected ${kind} to be rejected: ${JSON.stringify(value)}`);
  return result.errors;
}

/** Validates `sample` with `patch` applied (undefined deletes the field) and returns the error of `field`. */
function reject(kind: ExchangeKind, patch: Record<string, unknown>, field: string): string {
  const value: Record<string, unknown> = { ...samples()[kind] };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete value[k];
    else value[k] = v;
  }
  const errors = errorsOf(kind, value);
  const match = errors.find((e) => e.field === field);
  if (!match) throw new Error(`no error on ${field}; got ${JSON.stringify(errors)}`);
  return match.reason;
}

function accept(kind: ExchangeKind, patch: Record<string, unknown>) {
  const value: Record<string, unknown> = { ...samples()[kind] };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete value[k];
    else value[k] = v;
  }
  const result = validateRecord(kind, value);
  if (!result.ok) throw new Error(`expected ${kind} to be accepted: ${JSON.stringify(result.errors)}`);
  return result.record as unknown as Record<string, unknown>;
}

describe('files', () => {
  it('lists the seven files in import order', () => {
    expect(EXCHANGE_KINDS).toEqual(['agencies', 'officers', 'items', 'enterprises', 'inspections', 'cases', 'ratings']);
    expect(EXCHANGE_FILES.map((f) => f.file)).toEqual(EXCHANGE_KINDS.map((k) => `${k}.jsonl`));
    expect(EXCHANGE_FILES.map((f) => f.kind)).toEqual([...EXCHANGE_KINDS]);
  });
});

describe('validateRecord: samples', () => {
  it.each(EXCHANGE_KINDS)('accepts the %s sample', (kind) => {
    expect(validateRecord(kind, samples()[kind]).ok).toBe(true);
  });

  it('rejects lines that are not objects', () => {
    for (const value of [null, 1, 'x', [], [{}], true]) {
      expect(errorsOf('agencies', value)).toEqual([{ field: '(record)', reason: expect.any(String) }]);
    }
  });

  it('reports every problem of a line at once', () => {
    const errors = errorsOf('agencies', {});
    expect(errors.map((e) => e.field).sort()).toEqual(['id', 'kind', 'name', 'region']);
    expect(errors.every((e) => e.reason === 'is required')).toBe(true);
  });

  it('ignores unknown extra fields', () => {
    const record = accept('agencies', { futureField: { a: 1 }, extra: 'x' });
    expect(record).toEqual({ id: 'A001', name: '开封市市场监督管理局', kind: 'market', region: '410200' });
  });

  it('validates a raw line, including JSON errors', () => {
    expect(validateLine('agencies', JSON.stringify(samples().agencies)).ok).toBe(true);
    expect(validateLine('agencies', '\uFEFF' + JSON.stringify(samples().agencies)).ok).toBe(true);
    const bad = validateLine('agencies', '{"id": "A001",');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toEqual({ field: '(record)', reason: expect.stringMatching(/not valid JSON/) });
    const empty = validateLine('agencies', '   ');
    expect(!empty.ok && empty.errors[0].reason).toBe('is empty');
  });
});

describe('ids, names and lengths', () => {
  it('requires non-empty ids of at most 64 characters without control characters', () => {
    expect(reject('agencies', { id: '' }, 'id')).toBe('must not be empty');
    expect(reject('agencies', { id: '   ' }, 'id')).toBe('must not be blank');
    expect(reject('agencies', { id: 'a'.repeat(65) }, 'id')).toMatch(/at most 64/);
    expect(reject('agencies', { id: 'A\u00001' }, 'id')).toMatch(/control/);
    expect(reject('agencies', { id: 1 }, 'id')).toBe('must be a string');
    expect(reject('agencies', { id: null }, 'id')).toBe('is required');
    accept('agencies', { id: 'a'.repeat(64) });
    accept('agencies', { id: '市监 001' });
  });

  it('limits names, basis and certificate numbers', () => {
    expect(reject('agencies', { name: '局'.repeat(201) }, 'name')).toMatch(/at most 200/);
    accept('agencies', { name: '局'.repeat(200) });
    expect(reject('agencies', { name: '' }, 'name')).toBe('must not be empty');
    expect(reject('agencies', { name: '\u3000 ' }, 'name')).toBe('must not be blank');
    expect(reject('items', { basis: '法'.repeat(2001) }, 'basis')).toMatch(/at most 2000/);
    accept('items', { basis: '法'.repeat(2000) });
    expect(reject('items', { basis: undefined }, 'basis')).toBe('is required');
    expect(reject('officers', { certNo: 'X'.repeat(65) }, 'certNo')).toMatch(/at most 64/);
    expect(reject('officers', { certNo: undefined }, 'certNo')).toBe('is required');
    expect(reject('enterprises', { industry: '' }, 'industry')).toBe('must not be empty');
  });

  it('checks agency kind and region', () => {
    expect(reject('agencies', { kind: '' }, 'kind')).toBe('must not be empty');
    expect(reject('agencies', { region: '41020' }, 'region')).toMatch(/6-digit/);
    expect(reject('agencies', { region: '41020a' }, 'region')).toMatch(/6-digit/);
    expect(reject('agencies', { region: 410200 }, 'region')).toBe('must be a string');
    expect(reject('enterprises', { region: '4102041' }, 'region')).toMatch(/6-digit/);
  });
});

describe('officers and phones', () => {
  it('makes the phone optional and checks its shape', () => {
    expect(accept('officers', { phone: undefined }).phone).toBeNull();
    expect(accept('officers', { phone: null }).phone).toBeNull();
    expect(accept('officers', { phone: '+8613812345678' }).phone).toBe('+8613812345678');
    expect(accept('officers', { phone: '12345' }).phone).toBe('12345');
    expect(reject('officers', { phone: '1234' }, 'phone')).toMatch(/digits/);
    expect(reject('officers', { phone: '1'.repeat(21) }, 'phone')).toMatch(/digits/);
    expect(reject('officers', { phone: '138-1234-5678' }, 'phone')).toMatch(/digits/);
    expect(reject('officers', { phone: '' }, 'phone')).toMatch(/digits/);
    expect(reject('officers', { phone: '86+13812345678' }, 'phone')).toMatch(/digits/);
    expect(reject('officers', { phone: 13812345678 }, 'phone')).toBe('must be a string');
    expect(reject('enterprises', { phone: 'abcde' }, 'phone')).toMatch(/digits/);
  });
});

describe('officers\' certificates (v1.1)', () => {
  it('takes an optional last valid day of the certificate, a real calendar date, and writes it back only when known', () => {
    expect(accept('officers', { certExpires: undefined }).certExpires).toBeNull();
    expect(accept('officers', { certExpires: null }).certExpires).toBeNull();
    expect(accept('officers', { certExpires: '2027-02-28' }).certExpires).toBe('2027-02-28');
    expect(reject('officers', { certExpires: '2027-02-29' }, 'certExpires')).toMatch(/calendar date/);
    expect(reject('officers', { certExpires: '2027-2-28' }, 'certExpires')).toMatch(/calendar date/);
    expect(reject('officers', { certExpires: '2027-02-28T00:00:00+08:00' }, 'certExpires')).toMatch(/calendar date/);
    expect(reject('officers', { certExpires: 20270228 }, 'certExpires')).toMatch(/calendar date/);
    const record = accept('officers', { certExpires: '2027-02-28' }) as unknown as OfficerRecord;
    expect(serialiseRecord('officers', record)).toMatchObject({ certExpires: '2027-02-28' });
    expect(serialiseRecord('officers', { ...record, certExpires: null })).not.toHaveProperty('certExpires');
  });
});

describe('items and enterprises', () => {
  it('defaults noDisturb and lowTouch to false and requires booleans', () => {
    expect(accept('items', { noDisturb: undefined }).noDisturb).toBe(false);
    expect(accept('items', { noDisturb: null }).noDisturb).toBe(false);
    expect(reject('items', { noDisturb: 'yes' }, 'noDisturb')).toBe('must be true or false');
    expect(accept('enterprises', { lowTouch: undefined }).lowTouch).toBe(false);
    expect(accept('enterprises', { lowTouch: true }).lowTouch).toBe(true);
    expect(reject('enterprises', { lowTouch: 1 }, 'lowTouch')).toBe('must be true or false');
  });

  it('checks credit codes with the GB 32100 check digit', () => {
    const last = CODE[17];
    const corrupted = CODE.slice(0, 17) + (last === '0' ? '1' : '0');
    expect(reject('enterprises', { creditCode: corrupted }, 'creditCode')).toBe(CREDIT_CODE_PROBLEM_TEXT['check-digit']);
    expect(reject('enterprises', { creditCode: CODE.slice(0, 17) }, 'creditCode')).toBe(CREDIT_CODE_PROBLEM_TEXT.length);
    expect(reject('enterprises', { creditCode: CODE.toLowerCase() }, 'creditCode')).toBe(CREDIT_CODE_PROBLEM_TEXT.characters);
    expect(reject('enterprises', { creditCode: '' }, 'creditCode')).toBe(CREDIT_CODE_PROBLEM_TEXT.empty);
    expect(reject('inspections', { creditCode: corrupted }, 'creditCode')).toBe(CREDIT_CODE_PROBLEM_TEXT['check-digit']);
    expect(reject('cases', { creditCode: undefined }, 'creditCode')).toBe('is required');
    accept('enterprises', { creditCode: CODE2 });
  });

  it('checks the credit grade', () => {
    expect(reject('enterprises', { creditGrade: 'E' }, 'creditGrade')).toBe('must be one of A, B, C, D');
    expect(reject('enterprises', { creditGrade: 'a' }, 'creditGrade')).toBe('must be one of A, B, C, D');
    expect(reject('enterprises', { creditGrade: undefined }, 'creditGrade')).toBe('is required');
  });
});

describe('inspections', () => {
  it('normalises optional fields', () => {
    const r = accept('inspections', { jointId: undefined, codedAt: undefined });
    expect(r.jointId).toBeNull();
    expect(r.codedAt).toBeNull();
    expect(accept('inspections', { jointId: null }).jointId).toBeNull();
    expect(r.startedAt).toEqual(new Date('2026-03-01T01:30:00Z'));
  });

  it('requires officerIds: at least one, distinct, valid ids', () => {
    expect(reject('inspections', { officerIds: [] }, 'officerIds')).toMatch(/at least one/);
    expect(reject('inspections', { officerIds: 'A001-001' }, 'officerIds')).toBe('must be an array');
    expect(reject('inspections', { officerIds: undefined }, 'officerIds')).toBe('is required');
    expect(reject('inspections', { officerIds: ['a', 'b', 'a'] }, 'officerIds[2]')).toBe('duplicates officerIds[0] (a)');
    const many = Array.from({ length: 40 }, (_, i) => `O${i}`);
    many.push('O7');
    expect(reject('inspections', { officerIds: many }, 'officerIds[40]')).toBe('duplicates officerIds[7] (O7)');
    expect(reject('inspections', { officerIds: ['a', 2] }, 'officerIds[1]')).toBe('must be a string');
    expect(reject('inspections', { officerIds: ['a', ''] }, 'officerIds[1]')).toBe('must not be empty');
    expect(reject('inspections', { officerIds: ['a', ' '] }, 'officerIds[1]')).toBe('must not be blank');
    expect(reject('inspections', { officerIds: Array.from({ length: 101 }, (_, i) => `O${i}`) }, 'officerIds')).toMatch(/at most 100/);
    expect(accept('inspections', { officerIds: ['甲 1', 'B'] }).officerIds).toEqual(['甲 1', 'B']);
  });

  it('allows empty itemIds but requires distinct ids', () => {
    expect(accept('inspections', { itemIds: [] }).itemIds).toEqual([]);
    expect(reject('inspections', { itemIds: ['I1', 'I1'] }, 'itemIds[1]')).toMatch(/duplicates itemIds\[0\]/);
    expect(reject('inspections', { itemIds: undefined }, 'itemIds')).toBe('is required');
  });

  it('checks trigger, result, coded and jointId', () => {
    expect(reject('inspections', { trigger: 'routine' }, 'trigger')).toBe(
      'must be one of planned, complaint, superior, undercover, emergency, other',
    );
    expect(reject('inspections', { result: 'fail' }, 'result')).toBe('must be one of pass, rectify, case');
    expect(reject('inspections', { coded: undefined }, 'coded')).toBe('is required');
    expect(reject('inspections', { coded: 'true' }, 'coded')).toBe('must be true or false');
    expect(reject('inspections', { jointId: '' }, 'jointId')).toBe('must not be empty');
    expect(reject('inspections', { jointId: 7 }, 'jointId')).toBe('must be a string');
  });

  it('requires finishedAt later than startedAt', () => {
    expect(reject('inspections', { finishedAt: '2026-03-01T09:30:00+08:00' }, 'finishedAt')).toBe('must be later than startedAt');
    expect(reject('inspections', { finishedAt: '2026-03-01T01:00:00Z' }, 'finishedAt')).toBe('must be later than startedAt');
    accept('inspections', { finishedAt: '2026-03-01T01:30:00.001Z' });
  });

  it('checks codedAt as a timestamp', () => {
    expect(accept('inspections', { codedAt: '2026-03-02T08:00:00+08:00' }).codedAt).toEqual(new Date('2026-03-02T00:00:00Z'));
    expect(reject('inspections', { codedAt: 'yesterday' }, 'codedAt')).toMatch(/ISO 8601/);
  });
});

describe('timestamps', () => {
  const at = (startedAt: unknown) => reject('inspections', { startedAt, finishedAt: '2099-01-01T00:00:00Z' }, 'startedAt');
  const ok = (startedAt: string) =>
    (accept('inspections', { startedAt, finishedAt: '2099-01-01T00:00:00Z' }).startedAt as Date).toISOString();

  it('accepts offsets, Z, fractions and missing seconds', () => {
    expect(ok('2026-03-01T09:30:00+08:00')).toBe('2026-03-01T01:30:00.000Z');
    expect(ok('2026-03-01T09:30:00.123+08:00')).toBe('2026-03-01T01:30:00.123Z');
    expect(ok('2026-03-01T09:30:00.1234567Z')).toBe('2026-03-01T09:30:00.123Z');
    expect(ok('2026-03-01T09:30:00.5-05:00')).toBe('2026-03-01T14:30:00.500Z');
    expect(ok('2026-03-01T09:30+0800')).toBe('2026-03-01T01:30:00.000Z');
    expect(ok('2026-03-01T09:30:00+08')).toBe('2026-03-01T01:30:00.000Z');
    expect(ok('2024-02-29T00:00:00Z')).toBe('2024-02-29T00:00:00.000Z');
    expect(ok('2000-02-29T00:00:00Z')).toBe('2000-02-29T00:00:00.000Z');
  });

  it('rejects timestamps without an offset', () => {
    expect(at('2026-03-01T09:30:00')).toMatch(/no UTC offset/);
    expect(at('2026-03-01T09:30:00.000')).toMatch(/no UTC offset/);
    expect(at('2026-03-01T09:30')).toMatch(/no UTC offset/);
  });

  it('rejects impossible dates and times', () => {
    expect(at('2026-02-30T09:30:00+08:00')).toMatch(/not a real date/);
    expect(at('2026-02-29T09:30:00+08:00')).toMatch(/not a real date/);
    expect(at('1900-02-29T09:30:00+08:00')).toMatch(/not a real date/);
    expect(at('2026-04-31T09:30:00+08:00')).toMatch(/not a real date/);
    expect(at('2026-13-01T09:30:00+08:00')).toMatch(/not a real date/);
    expect(at('2026-00-01T09:30:00+08:00')).toMatch(/not a real date/);
    expect(at('2026-03-01T24:00:00+08:00')).toMatch(/not a real date/);
    expect(at('2026-03-01T09:60:00+08:00')).toMatch(/not a real date/);
    expect(at('2026-03-01T09:30:60+08:00')).toMatch(/not a real date/);
    expect(at('2026-03-01T09:30:00+24:00')).toMatch(/offset out of range/);
    expect(at('0999-03-01T09:30:00+08:00')).toMatch(/year/);
  });

  it('rejects other shapes', () => {
    for (const bad of [
      '2026-03-01',
      '2026-03-01 09:30:00+08:00',
      '2026/03/01T09:30:00+08:00',
      '2026-3-1T09:30:00+08:00',
      '2026-03-01T9:30:00+08:00',
      '2026-03-01T09:30:00.+08:00',
      '2026-03-01T09:30:00+8:00',
      '2026-03-01T09:30:00+08:0',
      '2026-03-01T09:30:00Z ',
      '2026-03-01T09:30:00ZZ',
      '2026-03-01T09:30:00UTC',
      '',
      1772328600000,
    ]) {
      expect(at(bad)).toMatch(/ISO 8601/);
    }
  });
});

describe('cases', () => {
  it('normalises optional fields to their defaults', () => {
    const r = accept('cases', {
      inspectionId: undefined,
      decidedAt: undefined,
      status: 'filed',
      causeChanges: undefined,
      extendedDays: undefined,
      coercive: undefined,
    });
    expect(r).toMatchObject({ inspectionId: null, decidedAt: null, closedAt: null, revokedAt: null, causeChanges: [], extendedDays: 0, coercive: false });
  });

  it('allows cases without officers but not duplicates', () => {
    expect(accept('cases', { officerIds: [] }).officerIds).toEqual([]);
    expect(reject('cases', { officerIds: ['a', 'a'] }, 'officerIds[1]')).toMatch(/duplicates/);
  });

  it('requires decidedAt for decided and closed, revokedAt for revoked', () => {
    expect(reject('cases', { decidedAt: undefined }, 'decidedAt')).toBe('is required when status is decided');
    expect(reject('cases', { decidedAt: null, status: 'closed' }, 'decidedAt')).toBe('is required when status is closed');
    expect(reject('cases', { status: 'revoked' }, 'revokedAt')).toBe('is required when status is revoked');
    accept('cases', { status: 'revoked', revokedAt: '2026-03-20T10:00:00+08:00' });
    accept('cases', { status: 'revoked', decidedAt: undefined, revokedAt: '2026-03-20T10:00:00+08:00' });
    accept('cases', { status: 'closed', closedAt: '2026-05-01T10:00:00+08:00' });
    expect(reject('cases', { status: 'open' }, 'status')).toBe('must be one of filed, decided, closed, revoked');
    expect(reject('cases', { closedAt: '2026-05-01' }, 'closedAt')).toMatch(/ISO 8601/);
  });

  it('checks fine, discretion level, cause and extension', () => {
    expect(accept('cases', { fine: 0 }).fine).toBe(0);
    expect(reject('cases', { fine: -1 }, 'fine')).toMatch(/non-negative integer/);
    expect(reject('cases', { fine: 12.5 }, 'fine')).toMatch(/non-negative integer/);
    expect(reject('cases', { fine: '500' }, 'fine')).toMatch(/non-negative integer/);
    expect(reject('cases', { fine: 2 ** 53 }, 'fine')).toMatch(/non-negative integer/);
    expect(reject('cases', { fine: undefined }, 'fine')).toBe('is required');
    expect(reject('cases', { discretionLevel: 'heavy' }, 'discretionLevel')).toBe('must be one of light, general, severe');
    expect(reject('cases', { cause: '' }, 'cause')).toBe('must not be empty');
    expect(reject('cases', { extendedDays: -3 }, 'extendedDays')).toMatch(/from 0/);
    expect(reject('cases', { extendedDays: 1.5 }, 'extendedDays')).toMatch(/from 0/);
    expect(accept('cases', { extendedDays: null }).extendedDays).toBe(0);
    expect(reject('cases', { coercive: 'no' }, 'coercive')).toBe('must be true or false');
    expect(reject('cases', { inspectionId: '' }, 'inspectionId')).toBe('must not be empty');
  });

  it('checks causeChanges entries with nested paths', () => {
    expect(reject('cases', { causeChanges: {} }, 'causeChanges')).toBe('must be an array');
    expect(reject('cases', { causeChanges: ['x'] }, 'causeChanges[0]')).toMatch(/object/);
    const errors = errorsOf('cases', {
      ...samples().cases,
      causeChanges: [
        { from: 'A', to: 'B', at: '2026-03-10T09:00:00+08:00' },
        { from: '', to: 'B', at: '2026-03-10T09:00:00' },
      ],
    });
    expect(errors).toEqual([
      { field: 'causeChanges[1].from', reason: 'must not be empty' },
      { field: 'causeChanges[1].at', reason: expect.stringMatching(/no UTC offset/) },
    ]);
    const r = accept('cases', { causeChanges: [{ from: 'A', to: 'FSL-124', at: '2026-03-10T01:00:00Z', note: 'ignored' }] });
    expect(r.causeChanges).toEqual([{ from: 'A', to: 'FSL-124', at: new Date('2026-03-10T01:00:00Z') }]);
  });

  it('reads causeChanges oldest first, ending at the current cause', () => {
    const history = (...changes: [string, string, string][]) =>
      changes.map(([from, to, at]) => ({ from, to, at }));
    expect(
      reject(
        'cases',
        { causeChanges: history(['FSL-120', 'FSL-122', '2026-03-11T09:00:00+08:00'], ['FSL-122', 'FSL-124', '2026-03-10T09:00:00+08:00']) },
        'causeChanges[1].at',
      ),
    ).toMatch(/oldest first/);
    expect(reject('cases', { causeChanges: history(['FSL-124', 'FSL-122', '2026-03-10T09:00:00+08:00']) }, 'causeChanges[0].to')).toMatch(
      /must equal cause/,
    );
    const same = '2026-03-10T09:00:00+08:00';
    const r = accept('cases', { causeChanges: history(['FSL-120', 'FSL-122', same], ['FSL-122', 'FSL-124', same]) });
    expect((r.causeChanges as { to: string }[]).map((c) => c.to)).toEqual(['FSL-122', 'FSL-124']);
  });
});

describe('ratings', () => {
  it('requires integer scores from 1 to 5', () => {
    for (const field of ['language', 'procedure', 'manner', 'fairness']) {
      expect(reject('ratings', { [field]: 0 }, field)).toBe('must be an integer from 1 to 5');
      expect(reject('ratings', { [field]: 6 }, field)).toBe('must be an integer from 1 to 5');
      expect(reject('ratings', { [field]: 4.5 }, field)).toBe('must be an integer from 1 to 5');
      expect(reject('ratings', { [field]: '5' }, field)).toBe('must be an integer from 1 to 5');
      expect(reject('ratings', { [field]: undefined }, field)).toBe('is required');
      expect(accept('ratings', { [field]: 1 })[field]).toBe(1);
    }
  });

  it('checks verdict and flags', () => {
    expect(reject('ratings', { verdict: 'ok' }, 'verdict')).toBe('must be one of approve, disapprove');
    expect(reject('ratings', { flags: ['slow'] }, 'flags[0]')).toBe('must be one of repeated, inaction, excessive, other');
    expect(reject('ratings', { flags: ['other', 'other'] }, 'flags[1]')).toBe('duplicates other');
    expect(reject('ratings', { flags: 'other' }, 'flags')).toBe('must be an array');
    expect(accept('ratings', { flags: undefined }).flags).toEqual([]);
    expect(accept('ratings', { flags: ['other', 'repeated', 'inaction'] }).flags).toEqual(['repeated', 'inaction', 'other']);
  });

  it('makes the comment optional and limits it', () => {
    expect(accept('ratings', { comment: undefined }).comment).toBeNull();
    expect(accept('ratings', { comment: '' }).comment).toBeNull();
    expect(reject('ratings', { comment: '好'.repeat(2001) }, 'comment')).toMatch(/at most 2000/);
    expect(reject('ratings', { comment: 5 }, 'comment')).toBe('must be a string');
    expect(reject('ratings', { ratedAt: undefined }, 'ratedAt')).toBe('is required');
  });
});

describe('serialiseRecord', () => {
  function roundTrip(kind: ExchangeKind, value: Record<string, unknown>) {
    const first = validateRecord(kind, value);
    if (!first.ok) throw new Error(JSON.stringify(first.errors));
    const json = serialiseRecord(kind, first.record);
    const again = validateRecord(kind, JSON.parse(JSON.stringify(json)));
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    expect(again.record).toEqual(first.record);
    return json;
  }

  it.each(EXCHANGE_KINDS)('round-trips the %s sample', (kind) => {
    roundTrip(kind, samples()[kind]);
  });

  it.each(EXCHANGE_KINDS)('round-trips a minimal %s record', (kind) => {
    const minimal: Record<ExchangeKind, Record<string, unknown>> = {
      agencies: samples().agencies,
      officers: { id: 'O', agencyId: 'A', name: '李', certNo: 'C' },
      items: { id: 'I', agencyId: 'A', name: '事项', basis: '依据' },
      enterprises: { creditCode: CODE2, name: '公司', industry: '制造业', region: '410200', creditGrade: 'D' },
      inspections: {
        id: 'X',
        agencyId: 'A',
        officerIds: ['O'],
        creditCode: CODE2,
        itemIds: [],
        trigger: 'emergency',
        startedAt: '2026-03-01T23:30:00Z',
        finishedAt: '2026-03-02T00:30:00Z',
        coded: false,
        codedAt: '2026-03-03T00:30:00.999Z',
        result: 'case',
      },
      cases: {
        id: 'C',
        agencyId: 'A',
        officerIds: [],
        creditCode: CODE2,
        cause: 'X-1',
        discretionLevel: 'light',
        fine: 0,
        status: 'revoked',
        filedAt: '2026-03-01T00:00:00Z',
        revokedAt: '2026-03-05T00:00:00Z',
      },
      ratings: {
        inspectionId: 'X',
        agencyId: 'A',
        language: 1,
        procedure: 2,
        manner: 3,
        fairness: 4,
        verdict: 'approve',
        ratedAt: '2026-03-01T00:00:00Z',
      },
    };
    const json = roundTrip(kind, minimal[kind]);
    // Defaults are not written out.
    for (const field of ['phone', 'noDisturb', 'lowTouch', 'jointId', 'inspectionId', 'causeChanges', 'extendedDays', 'coercive', 'flags', 'comment']) {
      if (!(field in minimal[kind])) expect(json).not.toHaveProperty(field);
    }
  });

  it('writes timestamps in +08:00 with milliseconds and fields in spec order', () => {
    const result = validateRecord('inspections', { ...samples().inspections, codedAt: '2026-03-01T02:00:00Z' });
    if (!result.ok) throw new Error('invalid');
    const json = serialiseRecord('inspections', result.record);
    expect(json.startedAt).toBe('2026-03-01T09:30:00.000+08:00');
    expect(json.codedAt).toBe('2026-03-01T10:00:00.000+08:00');
    expect(Object.keys(json)).toEqual([
      'id', 'agencyId', 'officerIds', 'creditCode', 'itemIds', 'trigger', 'jointId', 'startedAt', 'finishedAt', 'coded', 'codedAt', 'result',
    ]);
    const c = validateRecord('cases', samples().cases);
    if (!c.ok) throw new Error('invalid');
    expect(serialiseRecord('cases', c.record)).toEqual({
      id: 'C000001',
      agencyId: 'A001',
      officerIds: ['A001-001', 'A001-002'],
      creditCode: CODE,
      inspectionId: 'X000001',
      cause: 'FSL-124',
      discretionLevel: 'general',
      fine: 500000,
      status: 'decided',
      filedAt: '2026-03-02T10:00:00.000+08:00',
      decidedAt: '2026-04-10T15:00:00.000+08:00',
      causeChanges: [{ from: 'FSL-122', to: 'FSL-124', at: '2026-03-10T09:00:00.000+08:00' }],
      extendedDays: 30,
      coercive: true,
    });
  });
});

describe('recordKey', () => {
  it('keys by id, credit code, and inspection + agency', () => {
    const get = <K extends ExchangeKind>(kind: K) => {
      const r = validateRecord(kind, samples()[kind]);
      if (!r.ok) throw new Error('invalid');
      return recordKey(kind, r.record);
    };
    expect(get('agencies')).toBe('A001');
    expect(get('officers')).toBe('A001-001');
    expect(get('items')).toBe('A001-I01');
    expect(get('enterprises')).toBe(CODE);
    expect(get('inspections')).toBe('X000001');
    expect(get('cases')).toBe('C000001');
    expect(get('ratings')).toBe('X000001\u0000A001');
  });
});
