// The package boundaries the builds rely on, read from the sources: the console is H5 only, so no
// officer or enterprise page may pull its code into the WeChat build; enterprise pages are opened
// by a QR or an SMS on a slow phone, so they carry nothing of the officer pages. And the house
// rule that no source file (styles included) grows past 500 lines.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = dirname(fileURLToPath(import.meta.url));

/** Source files under a folder, tests left out. */
function sourcesUnder(dir: string, pattern = /\.tsx?$/): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path, pattern);
    return pattern.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Folders (relative to src, `/`-separated) that a file's relative imports reach into. */
function importedPaths(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((match) =>
    relative(SRC, resolve(dirname(file), match[1])).split(sep).join('/'),
  );
}

const reaching = (files: string[], prefix: string) =>
  files.flatMap((file) => importedPaths(file).filter((path) => path.startsWith(prefix)).map((path) => `${relative(SRC, file)} → ${path}`));

describe('source boundaries', () => {
  const outsideConsole = sourcesUnder(SRC).filter((file) => !file.startsWith(join(SRC, 'console')));
  const enterprisePages = sourcesUnder(join(SRC, 'enterprise'));

  it('keeps console code out of everything else (officer and enterprise pages, what they share)', () => {
    expect(reaching(outsideConsole, 'console/')).toEqual([]);
  });

  it('keeps officer pages out of the enterprise pages', () => {
    expect(reaching(enterprisePages, 'pages/')).toEqual([]);
  });

  it('keeps every source file within 500 lines', () => {
    const long = sourcesUnder(SRC, /\.(tsx?|css)$/)
      .map((file) => ({ file: relative(SRC, file), lines: readFileSync(file, 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > 500);
    expect(long).toEqual([]);
  });
});
