import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The rules of the house, checked on the source tree: module folders import each other without a
 * cycle, infra imports no module, SQL lives only in repositories (the nightly report's read-only rule
 * SQL excepted), a module writes only the tables whose entities it declares, the audit log is only
 * appended to, and no file grows past 500 lines.
 */
const SERVER = join(dirname(fileURLToPath(import.meta.url)), '..');
const REPO = join(SERVER, '..');
const MODULES = join(SERVER, 'src', 'modules');
const MAX_LINES = 500;

function sources(dir: string, extensions = ['.ts', '.tsx', '.mjs']): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    if (statSync(path).isDirectory()) found.push(...sources(path, extensions));
    else if (extensions.some((e) => name.endsWith(e)) && !/\.(test|spec)\.tsx?$/.test(name)) found.push(path);
  }
  return found;
}

const moduleOf = (path: string): string | null => {
  const rel = relative(MODULES, path);
  return rel.startsWith('..') ? null : rel.split(sep)[0];
};

/** Code without comments, so a comment that quotes SQL or names a folder does not count. */
const code = (path: string) => readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

const relativeImports = (path: string) => [...code(path).matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g)].map((m) => normalize(join(dirname(path), m[1])));

const moduleFiles = sources(MODULES, ['.ts']);

describe('the house', () => {
  it('has no import cycle between module folders', () => {
    const edges = new Map<string, Set<string>>();
    for (const file of moduleFiles) {
      const from = moduleOf(file)!;
      for (const target of relativeImports(file)) {
        const to = moduleOf(target);
        if (to && to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
      }
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const walk = (node: string, path: string[]) => {
      state.set(node, 'open');
      for (const next of edges.get(node) ?? []) {
        if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next].join(' → '));
        else if (!state.has(next)) walk(next, [...path, next]);
      }
      state.set(node, 'done');
    };
    for (const node of edges.keys()) if (!state.has(node)) walk(node, [node]);
    expect(cycles).toEqual([]);
  });

  it('keeps infra free of feature modules', () => {
    const offenders = sources(join(SERVER, 'src', 'infra'), ['.ts'])
      .filter((file) => relativeImports(file).some((target) => moduleOf(target) !== null))
      .map((file) => relative(SERVER, file));
    expect(offenders).toEqual([]);
  });

  it('keeps SQL in repositories (the nightly report\'s rules may read every table)', () => {
    const mayQuery = (file: string) => file.endsWith('.repository.ts') || file.includes(`${sep}analytics${sep}rules${sep}`) || file.endsWith(join('analytics', 'row-source.ts'));
    const offenders = moduleFiles
      .filter((file) => !mayQuery(file) && /\.query\(|createQueryBuilder\(|\bSELECT\s+[\w*`(]/.test(code(file)))
      .map((file) => relative(SERVER, file));
    expect(offenders).toEqual([]);
  });

  it('lets a module write only the tables it owns', () => {
    const owner = new Map<string, string>();
    for (const file of moduleFiles) {
      for (const m of readFileSync(file, 'utf8').matchAll(/@Entity\(\s*['"](\w+)['"]/g)) owner.set(m[1].toLowerCase(), moduleOf(file)!);
    }
    const writes: string[] = [];
    for (const file of moduleFiles) {
      for (const m of code(file).matchAll(/\b(?:INSERT\s+(?:IGNORE\s+)?INTO|REPLACE\s+INTO|UPDATE|DELETE\s+FROM)\s+`?(\w+)`?/gi)) {
        const table = m[1].toLowerCase();
        if (owner.has(table) && owner.get(table) !== moduleOf(file)) writes.push(`${relative(SERVER, file)} writes ${table} (owned by ${owner.get(table)})`);
      }
    }
    expect(writes).toEqual([]);
  });

  it('only ever appends to the audit log: no statement updates, deletes or replaces its entries', () => {
    const offenders = sources(join(SERVER, 'src'), ['.ts'])
      .filter((file) => /\b(?:UPDATE|DELETE\s+FROM|REPLACE\s+INTO|TRUNCATE(?:\s+TABLE)?)\s+`?audit_log\b/i.test(code(file)))
      .map((file) => relative(SERVER, file));
    expect(offenders).toEqual([]);
  });

  it(`has no source file over ${MAX_LINES} lines`, () => {
    const long = ['server/src', 'miniapp/src', 'shared/src', 'deploy']
      .flatMap((dir) => sources(join(REPO, dir)))
      .filter((file) => !file.includes(`${sep}migrations${sep}`))
      .map((file) => ({ file: relative(REPO, file), lines: readFileSync(file, 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ file, lines }) => `${file}: ${lines}`);
    expect(long).toEqual([]);
  });
});
