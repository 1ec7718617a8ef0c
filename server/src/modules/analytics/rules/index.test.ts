import { describe, expect, it } from '@jest/globals';
import { ANOMALY_RULES } from '@mashang/shared';
import { RULE_SET_DEFAULTS } from '../rule-config.js';
import { RULES } from './index.js';

describe('rule registry', () => {
  it('lists rule set v1 in the order of the spec, each described in Chinese with its thresholds', () => {
    expect(RULES.map((r) => r.id)).toEqual([...ANOMALY_RULES]);
    expect(RULES.find((r) => r.id === 'frequency-high')!.describe(RULE_SET_DEFAULTS)).toContain('A 1次，B 2次，C 4次，D 不限');
    expect(RULES.find((r) => r.id === 'low-satisfaction')!.describe({ ...RULE_SET_DEFAULTS, satisfactionMaxDisapproval: 0.3 })).toContain('30%');
  });
});
