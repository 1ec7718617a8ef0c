import { evidenceText, unlabelledEvidenceKeys } from '@mashang/shared';
import type { Tx } from '../../infra/database/tx.js';
import type { FlagRaiser, RaiseFlag } from '../flags/index.js';
import type { TrailAppend, TrailRepository } from '../trail/index.js';
import { LateCodes } from './late-code.js';

const TX = { tx: true } as unknown as Tx;
const AT = new Date('2026-05-11T02:00:00Z');
const LATE = { planId: 'P1', agencyId: 'A1', creditCode: '92410202MA0000011X', checkedInAt: '2026-05-09T17:30:00.000Z', codeDueAt: '2026-05-10T17:30:00.000Z' };

/** LateCodes over fakes: `created` says whether the case is new; `written` logs each write in order. */
function lateCodesWith(created: boolean) {
  const written: string[] = [];
  const raised: RaiseFlag[] = [];
  const steps: TrailAppend[] = [];
  const flags = {
    raiseOne: async (flag: RaiseFlag, _at: Date, tx: Tx) => {
      expect(tx).toBe(TX);
      raised.push(flag);
      written.push(`case ${flag.dedupeKey}`);
      return { id: 'case-1', created };
    },
  } as unknown as FlagRaiser;
  const trail = { append: async (entry: TrailAppend) => { steps.push(entry); written.push(`trail ${entry.kind} of ${entry.inspectionId}`); } } as unknown as TrailRepository;
  return { lateCodes: new LateCodes(flags, trail), written, raised, steps };
}

describe('an emergency code filed late (先检查后补码)', () => {
  it('raises one high case for the supervisor and records the overdue step on the trail with the same evidence', async () => {
    const { lateCodes, written, raised, steps } = lateCodesWith(true);
    await lateCodes.raise(LATE, 'system:emergency-code-deadline', AT, TX);
    expect(written).toEqual(['case emergency-code:P1', 'trail code-overdue of P1']);
    expect(raised[0]).toMatchObject({ source: 'emergency-code', subjectType: 'inspection', subjectId: 'P1', agencyId: 'A1', inspectionId: 'P1', severity: 'high' });
    expect(raised[0].evidence).toEqual({ planId: 'P1', checkedInAt: LATE.checkedInAt, codeDueAt: LATE.codeDueAt });
    expect(steps[0].detail).toBe(raised[0].evidence);
  });

  it('names when the code was filed at last, and records nothing more for a case already raised', async () => {
    const { lateCodes, written, raised } = lateCodesWith(false);
    await lateCodes.raise({ ...LATE, codedAt: '2026-05-11T01:59:00.000Z' }, 'user:3:张伟', AT, TX);
    expect(written).toEqual(['case emergency-code:P1']);
    expect(raised[0].evidence).toMatchObject({ codedAt: '2026-05-11T01:59:00.000Z' });
  });

  it('gives evidence that reads in Chinese: every key has its label, instants in Shanghai local time', async () => {
    const { lateCodes, raised } = lateCodesWith(true);
    await lateCodes.raise({ ...LATE, codedAt: '2026-05-11T01:59:00.000Z' }, 'user:3:张伟', AT, TX);
    expect(unlabelledEvidenceKeys(raised[0].evidence)).toEqual([]);
    expect(evidenceText(raised[0].evidence)).toBe('检查计划：P1；入企时间：2026-05-10 01:30；补码期限：2026-05-11 01:30；补码时间：2026-05-11 09:59');
  });
});
