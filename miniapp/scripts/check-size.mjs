#!/usr/bin/env node
// Size gate for the builds: WeChat refuses to upload a mini-program whose main package (or any
// one subpackage) exceeds 2 MB, so this fails first. For H5 it reports gzipped JS, which is what
// a phone on a slow network downloads, also per page of the full app: what opening that page costs
// (the scripts loaded up front plus the page's own chunks). The pages an enterprise opens from a
// code or an SMS (often on a slow phone) come from the enterprise entry, enterprise.html: its script
// and stylesheet together must stay within ENTERPRISE_ENTRY_BUDGET, gzipped.
// Run after build:weapp and build:h5.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const PACKAGE_LIMIT = 2 * 1024 * 1024;
/**
 * Gzipped JS + CSS of the enterprise entry. With its four round trips in series (link, page, script,
 * API) this keeps the pages within 3 s on Slow 3G (400 ms, 400 kbit/s): see bench:enterprise-pages.
 */
const ENTERPRISE_ENTRY_BUDGET = 40 * 1024;
const distDir = fileURLToPath(new URL('../dist/', import.meta.url));
const weappDir = join(distDir, 'weapp');
const h5Dir = join(distDir, 'h5');

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

function requireBuild(dir, script) {
  if (!existsSync(dir)) {
    console.error(`${relative(process.cwd(), dir)} is missing: run \`npm run ${script} -w miniapp\` first.`);
    process.exit(1);
  }
}

/** Main package = every file outside the subpackage roots declared in app.json. */
function checkWeapp() {
  requireBuild(weappDir, 'build:weapp');
  const appJson = JSON.parse(readFileSync(join(weappDir, 'app.json'), 'utf8'));
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((sub) =>
    sub.root.replace(/^\/+|\/+$/g, ''),
  );
  const sizes = new Map([['main', 0], ...roots.map((root) => [root, 0])]);
  for (const file of filesUnder(weappDir)) {
    const path = relative(weappDir, file).split(sep).join('/');
    const owner = roots.find((root) => path.startsWith(`${root}/`)) ?? 'main';
    sizes.set(owner, sizes.get(owner) + statSync(file).size);
  }
  let ok = true;
  for (const [name, size] of sizes) {
    const over = size > PACKAGE_LIMIT;
    ok &&= !over;
    const label = name === 'main' ? 'weapp main package' : `weapp subpackage ${name}`;
    console.log(`${label}: ${kib(size)} of ${kib(PACKAGE_LIMIT)}${over ? '  TOO LARGE' : ''}`);
  }
  return ok;
}

/**
 * The chunks each H5 route loads, read from the app bundle's route table, where Taro writes
 * `"path":"pages/home/index","load":function(a,o){return[Promise.all([u.e(469),u.e(76)]).then(…)`
 * (or a single `u.e(12).then(…)`). Chunk ids name the files `js/<id>.<hash>.js`.
 */
function routeChunks(appSource) {
  const routes = new Map();
  const table = /"path":"([^"]+)","load":function\([^)]*\)\{return\[(.*?)\.then\(/g;
  for (const [, path, loader] of appSource.matchAll(table)) {
    routes.set(path, [...loader.matchAll(/\.e\((\d+)\)/g)].map((match) => match[1]));
  }
  return routes;
}

/** Gzipped JS: the scripts index.html loads up front, all chunks, and what each page costs. */
function reportH5() {
  requireBuild(h5Dir, 'build:h5');
  const html = readFileSync(join(h5Dir, 'index.html'), 'utf8');
  const initial = new Set(
    [...html.matchAll(/<script[^>]*\ssrc="[^"]*?\/(js\/[^"]+\.js)"/g)].map((match) => match[1]),
  );
  const gzippedSize = new Map();
  let total = 0;
  let initialTotal = 0;
  for (const file of filesUnder(h5Dir).filter((path) => path.endsWith('.js'))) {
    const path = relative(h5Dir, file).split(sep).join('/');
    const gzipped = gzipSync(readFileSync(file), { level: 9 }).length;
    gzippedSize.set(path, gzipped);
    total += gzipped;
    if (initial.has(path)) initialTotal += gzipped;
    console.log(`  ${path.padEnd(28)} ${kib(gzipped).padStart(10)}${initial.has(path) ? '  (initial)' : ''}`);
  }
  console.log(`h5 JS gzipped: ${kib(initialTotal)} loaded up front, ${kib(total)} in all`);

  const app = [...initial].find((path) => /^js\/app\.[^/]+\.js$/.test(path));
  const routes = app ? routeChunks(readFileSync(join(h5Dir, app), 'utf8')) : new Map();
  if (!routes.size) {
    console.error('Could not read the page routes from the H5 app bundle (has Taro changed its output?).');
    return false;
  }
  const fileOfChunk = (id) => [...gzippedSize.keys()].find((path) => path.startsWith(`js/${id}.`));
  // A stylesheet several pages share can be a chunk of its own with no script: it costs no JS.
  const cssChunks = new Set(
    (existsSync(join(h5Dir, 'css')) ? readdirSync(join(h5Dir, 'css')) : []).map((name) => name.split('.')[0]),
  );
  let ok = true;
  console.log('h5 per page (gzipped JS: up front + the page\'s chunks):');
  for (const [route, ids] of routes) {
    const files = ids.filter((id) => fileOfChunk(id) || !cssChunks.has(id)).map(fileOfChunk);
    if (files.includes(undefined)) {
      console.error(`  ${route}: a chunk it loads is missing (${ids.join(', ')})`);
      ok = false;
      continue;
    }
    const own = files.reduce((sum, path) => sum + gzippedSize.get(path), 0);
    console.log(`  ${route.padEnd(32)} ${kib(initialTotal)} + ${kib(own)} = ${kib(initialTotal + own)}`);
  }
  return ok;
}

/** The enterprise entry: what /v/<code>, /r and /r/<token> load (its script and stylesheet). */
function checkEnterpriseEntry() {
  const page = join(h5Dir, 'enterprise.html');
  if (!existsSync(page)) {
    console.error('enterprise.html is missing from the H5 build: run `npm run build:h5 -w miniapp`.');
    return false;
  }
  const html = readFileSync(page, 'utf8');
  const files = [...html.matchAll(/(?:src|href)="[^"]*?\/((?:js|css)\/[^"]+)"/g)].map((match) => match[1]);
  let gzipped = 0;
  let brotli = 0;
  for (const path of files) {
    const content = readFileSync(join(h5Dir, path));
    const sizes = { gzip: gzipSync(content, { level: 9 }).length, br: brotliCompressSync(content).length };
    gzipped += sizes.gzip;
    brotli += sizes.br;
    console.log(`  ${path.padEnd(32)} ${kib(content.length)}, ${kib(sizes.gzip)} gzip, ${kib(sizes.br)} brotli`);
  }
  const over = gzipped > ENTERPRISE_ENTRY_BUDGET;
  console.log(`h5 enterprise entry (enterprise.html): ${kib(gzipped)} gzip, ${kib(brotli)} brotli (budget ${kib(ENTERPRISE_ENTRY_BUDGET)} gzip)${over ? '  TOO LARGE' : ''}`);
  return files.length > 0 && !over;
}

const weappOk = checkWeapp();
const h5Ok = reportH5() && checkEnterpriseEntry();
if (!weappOk) console.error('A mini-program package is over WeChat’s 2 MB limit.');
if (!h5Ok) console.error('The H5 enterprise entry is missing or over its budget, or the H5 routes could not be read.');
if (!weappOk || !h5Ok) process.exit(1);
