import { evidenceForAgency } from './anomaly.js';

describe('what an agency admin sees of a finding', () => {
  it('leaves out which inspections an enterprise disapproved of, keeping the aggregates', () => {
    const evidence = { ratings: 12, disapprovals: 4, share: 0.333, latestDisapproved: ['X1', 'X7'] };
    expect(evidenceForAgency('low-satisfaction', evidence)).toEqual({ ratings: 12, disapprovals: 4, share: 0.333 });
    expect(evidenceForAgency('repeated-inspection', { previous: 'X1', daysApart: 12 })).toEqual({ previous: 'X1', daysApart: 12 });
    expect(evidenceForAgency(null, { a: 1 })).toEqual({ a: 1 });
  });
});
