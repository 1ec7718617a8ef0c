import { JSON_MAX_DEPTH, nestsDeeperThan } from './json-bodies.js';

const bytes = (text: string) => Buffer.from(text);
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('nestsDeeperThan', () => {
  it('counts objects and arrays opened inside each other', () => {
    expect(nestsDeeperThan(bytes(nested(JSON_MAX_DEPTH)), JSON_MAX_DEPTH)).toBe(false);
    expect(nestsDeeperThan(bytes(nested(JSON_MAX_DEPTH + 1)), JSON_MAX_DEPTH)).toBe(true);
    expect(nestsDeeperThan(bytes('{"a":{"b":[1,{"c":2}]}}'), 4)).toBe(false);
    expect(nestsDeeperThan(bytes('{"a":{"b":[1,{"c":2}]}}'), 3)).toBe(true);
    // Siblings do not add up.
    expect(nestsDeeperThan(bytes(`[${Array(100).fill('[]').join(',')}]`), 2)).toBe(false);
  });

  it('skips brackets inside strings, escaped quotes included', () => {
    expect(nestsDeeperThan(bytes(JSON.stringify({ note: '[[[[{{{{' })), 1)).toBe(false);
    expect(nestsDeeperThan(bytes(JSON.stringify({ note: 'say \\"[[[[" and \\\\' })), 1)).toBe(false);
    expect(nestsDeeperThan(bytes(JSON.stringify({ note: '检查码[[[[' })), 1)).toBe(false);
  });
});
