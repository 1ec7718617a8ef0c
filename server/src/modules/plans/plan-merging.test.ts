import { shanghaiDate } from '@mashang/shared';
import { comparePriority, lockingInspection, mergePlans, type MergeCandidate } from './plan-merging.js';

const filed = (minute: number) => new Date(Date.UTC(2026, 2, 1, 0, minute));
const plan = (id: string, agencyId: string, date: string, minute: number, emergency = false): MergeCandidate => ({ id, agencyId, date, filedAt: filed(minute), emergency });
const shape = (plans: MergeCandidate[]) => mergePlans(plans).map((m) => `${m.date} ${m.planIds.join('+')}`);

describe('plan merging (±7 natural days, 应急优先, 先提报优先)', () => {
  it.each([
    [6, true],
    [7, true],
    [8, false],
  ])('plans %i days apart merge: %s', (gap, merged) => {
    const later = new Date(Date.parse('2026-04-01T00:00:00Z') + gap * 86_400_000).toISOString().slice(0, 10);
    const result = mergePlans([plan('P1', 'A1', '2026-04-01', 0), plan('P2', 'A2', later, 1)]);
    expect(result).toHaveLength(merged ? 1 : 2);
    if (merged) expect(result[0]).toEqual({ leadPlanId: 'P1', leadAgencyId: 'A1', date: '2026-04-01', planIds: ['P1', 'P2'], agencyIds: ['A1', 'A2'] });
  });

  it('counts days in Asia/Shanghai, not UTC', () => {
    // 2026-03-01T15:59Z is 23:59 on 3-1 in Shanghai; 2026-03-08T16:00Z is 00:00 on 3-9: 8 days apart,
    // although their UTC dates are 7 days apart.
    const a = shanghaiDate('2026-03-01T15:59:00Z');
    const b = shanghaiDate('2026-03-08T16:00:00Z');
    expect([a, b]).toEqual(['2026-03-01', '2026-03-09']);
    expect(mergePlans([plan('P1', 'A1', a, 0), plan('P2', 'A2', b, 1)])).toHaveLength(2);
    expect(mergePlans([plan('P1', 'A1', a, 0), plan('P2', 'A2', shanghaiDate('2026-03-08T15:59:00Z'), 1)])).toHaveLength(1);
  });

  it('takes the earliest-filed plan\'s date and agency as the lead', () => {
    const [merged] = mergePlans([plan('P2', 'A2', '2026-04-05', 5), plan('P1', 'A1', '2026-04-03', 9), plan('P3', 'A3', '2026-04-09', 1)]);
    expect(merged).toMatchObject({ leadPlanId: 'P3', leadAgencyId: 'A3', date: '2026-04-09', planIds: ['P3', 'P2', 'P1'] });
  });

  it('puts an emergency first whatever the filing order', () => {
    const [merged] = mergePlans([plan('P1', 'A1', '2026-04-03', 0), plan('E1', 'A2', '2026-04-06', 50, true)]);
    expect(merged).toMatchObject({ leadPlanId: 'E1', leadAgencyId: 'A2', date: '2026-04-06' });
  });

  it('breaks ties in filing time by plan id, so every server agrees', () => {
    const tied = [plan('P-b', 'A2', '2026-04-04', 3), plan('P-a', 'A1', '2026-04-02', 3)];
    expect(mergePlans(tied)[0].leadPlanId).toBe('P-a');
    expect(mergePlans([...tied].reverse())[0].leadPlanId).toBe('P-a');
    expect(comparePriority(tied[1], tied[1])).toBe(0);
  });

  it('merges three or more agencies, each measured from the lead\'s date', () => {
    const plans = [plan('P1', 'A1', '2026-04-10', 0), plan('P2', 'A2', '2026-04-17', 1), plan('P3', 'A3', '2026-04-03', 2), plan('P4', 'A4', '2026-04-18', 3)];
    // P4 is 8 days from the lead's date: it is not pulled in through P2.
    expect(shape(plans)).toEqual(['2026-04-10 P1+P2+P3', '2026-04-18 P4']);
  });

  it('does not merge two plans of the same agency', () => {
    expect(shape([plan('P1', 'A1', '2026-04-10', 0), plan('P2', 'A1', '2026-04-12', 1), plan('P3', 'A2', '2026-04-11', 2)])).toEqual([
      '2026-04-10 P1+P3',
      '2026-04-12 P2',
    ]);
  });

  it('gives the same answer whatever order the plans come in', () => {
    const plans = [plan('P1', 'A1', '2026-04-10', 4), plan('P2', 'A2', '2026-04-15', 1), plan('P3', 'A3', '2026-04-21', 2), plan('P4', 'A4', '2026-04-02', 3), plan('E', 'A5', '2026-04-20', 9, true)];
    const expected = shape(plans);
    for (let i = 0; i < plans.length; i++) {
      const rotated = [...plans.slice(i), ...plans.slice(0, i)];
      expect(shape(rotated)).toEqual(expected);
      expect(shape([...rotated].reverse())).toEqual(expected);
    }
  });

  it('regroups when a plan is moved after merging', () => {
    const before = [plan('P1', 'A1', '2026-04-10', 0), plan('P2', 'A2', '2026-04-14', 1), plan('P3', 'A3', '2026-04-20', 2)];
    expect(shape(before)).toEqual(['2026-04-10 P1+P2', '2026-04-20 P3']);
    // The lead moves to the 18th: P2 (4 days) and P3 (2 days) now both join it.
    const moved = [plan('P1', 'A1', '2026-04-18', 0), before[1], before[2]];
    expect(shape(moved)).toEqual(['2026-04-18 P1+P2+P3']);
    // A member moves away: it leaves and inspects alone.
    const away = [before[0], plan('P2', 'A2', '2026-05-01', 1), before[2]];
    expect(shape(away)).toEqual(['2026-04-10 P1', '2026-05-01 P2', '2026-04-20 P3']);
  });
});

describe('visits (回访、服务走访) in merging', () => {
  it('never merge: a visit goes alone on its own date and takes no inspection with it', () => {
    const visit = { ...plan('V1', 'BIZ', '2026-04-02', 0), visit: true };
    expect(shape([visit, plan('P1', 'A1', '2026-04-03', 1), plan('P2', 'A2', '2026-04-04', 2)])).toEqual(['2026-04-02 V1', '2026-04-03 P1+P2']);
    const first = plan('P1', 'A1', '2026-04-03', 0);
    expect(shape([first, { ...plan('V2', 'BIZ', '2026-04-04', 1), visit: true }])).toEqual(['2026-04-03 P1', '2026-04-04 V2']);
  });
});

describe('lock-out', () => {
  const joint = mergePlans([plan('P1', 'A1', '2026-04-10', 0), plan('P2', 'A2', '2026-04-12', 1)]);

  it('refuses an agency that is not in a closed inspection, within ±7 days of its date', () => {
    expect(lockingInspection({ agencyId: 'A3', date: '2026-04-17', emergency: false }, joint)?.leadPlanId).toBe('P1');
    expect(lockingInspection({ agencyId: 'A3', date: '2026-04-03', emergency: false }, joint)?.leadPlanId).toBe('P1');
    expect(lockingInspection({ agencyId: 'A3', date: '2026-04-18', emergency: false }, joint)).toBeNull();
  });

  it('lets members and emergencies through; a closed single inspection locks others out too', () => {
    expect(lockingInspection({ agencyId: 'A2', date: '2026-04-11', emergency: false }, joint)).toBeNull();
    expect(lockingInspection({ agencyId: 'A3', date: '2026-04-11', emergency: true }, joint)).toBeNull();
    const single = mergePlans([plan('P9', 'A9', '2026-04-10', 0)]);
    expect(lockingInspection({ agencyId: 'A3', date: '2026-04-11', emergency: false }, single)?.leadPlanId).toBe('P9');
    expect(lockingInspection({ agencyId: 'A9', date: '2026-04-11', emergency: false }, single)).toBeNull();
  });
});
