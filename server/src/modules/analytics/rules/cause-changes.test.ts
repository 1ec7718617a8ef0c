import { describe, expect, it } from '@jest/globals';
import { causeAsOf } from './cause-changes.js';

describe('causeAsOf', () => {
  const end = new Date('2026-11-20T16:00:00.000Z'); // the first instant after D = 2026-11-20 (Asia/Shanghai)
  const changes = (...list: { from?: string; to: string; at: string }[]) => JSON.stringify(list);

  it('is the cause now when nothing changed on or after the end of D', () => {
    expect(causeAsOf('C-2', null, end)).toBe('C-2');
    expect(causeAsOf('C-2', changes({ from: 'C-1', to: 'C-2', at: '2026-11-20T15:59:59.999Z' }), end)).toBe('C-2');
  });

  it('takes the `from` of the earliest later change, the first listed at one instant, one at the end itself included', () => {
    expect(causeAsOf('C-3', changes({ from: 'C-2', to: 'C-3', at: '2026-11-25T00:00:00.000Z' }, { from: 'C-1', to: 'C-2', at: '2026-11-20T16:00:00.000Z' }), end)).toBe('C-1');
    expect(causeAsOf('C-3', changes({ from: 'C-2', to: 'C-3', at: '2026-11-22T00:00:00.000Z' }, { from: 'C-9', to: 'C-3', at: '2026-11-22T00:00:00.000Z' }), end)).toBe('C-2');
  });

  it('keeps the cause for a later change without `from`, and for text that is no list', () => {
    expect(causeAsOf('C-3', changes({ to: 'C-3', at: '2026-11-22T00:00:00.000Z' }), end)).toBe('C-3');
    expect(causeAsOf('C-3', '{"from":"C-1"}', end)).toBe('C-3');
    expect(causeAsOf('C-3', 'not json', end)).toBe('C-3');
  });
});
