import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COLORS } from './tokens';

const STYLES = dirname(fileURLToPath(import.meta.url));
const SRC = dirname(STYLES);
const css = readFileSync(join(STYLES, 'tokens.css'), 'utf8');
const declared = new Map([...css.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((match) => [match[1], match[2].trim()]));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe('design tokens', () => {
  it.each(Object.entries(COLORS))('mirrors --color-%s of tokens.css in TypeScript', (name, value) => {
    expect(declared.get(`--color-${name}`)).toBe(value);
  });

  it('declares each token once', () => {
    const names = [...css.matchAll(/(--[\w-]+):/g)].map((match) => match[1]);
    expect(names.length).toBe(new Set(names).size);
  });

  it('leaves no colour literal outside the token files', () => {
    const literal = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?)\(/i;
    const offenders = filesUnder(SRC)
      .filter((file) => /\.(css|tsx?)$/.test(file) && !file.startsWith(join(STYLES, 'tokens.')) && !file.endsWith('.test.ts'))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, index) => (literal.test(line) ? [`${relative(SRC, file)}:${index + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });
});
