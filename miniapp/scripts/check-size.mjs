#!/usr/bin/env node
// Size gate for the builds: WeChat refuses to upload a mini-program whose main package (or any
// one subpackage) exceeds 2 MB, so this fails first. For H5 it reports gzipped JS, which is what
// a phone on a slow network downloads. Run after build:weapp and build:h5.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const PACKAGE_LIMIT = 2 * 1024 * 1024;
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

/** Gzipped JS: the scripts index.html loads up front, and all chunks. */
function reportH5() {
  requireBuild(h5Dir, 'build:h5');
  const html = readFileSync(join(h5Dir, 'index.html'), 'utf8');
  const initial = new Set(
    [...html.matchAll(/<script[^>]*\ssrc="[^"]*?\/(js\/[^"]+\.js)"/g)].map((match) => match[1]),
  );
  let total = 0;
  let initialTotal = 0;
  for (const file of filesUnder(h5Dir).filter((path) => path.endsWith('.js'))) {
    const path = relative(h5Dir, file).split(sep).join('/');
    const gzipped = gzipSync(readFileSync(file), { level: 9 }).length;
    total += gzipped;
    if (initial.has(path)) initialTotal += gzipped;
    console.log(`  ${path.padEnd(28)} ${kib(gzipped).padStart(10)}${initial.has(path) ? '  (initial)' : ''}`);
  }
  console.log(`h5 JS gzipped: ${kib(initialTotal)} loaded up front, ${kib(total)} in all`);
}

const weappOk = checkWeapp();
reportH5();
if (!weappOk) {
  console.error('A mini-program package is over WeChat’s 2 MB limit.');
  process.exit(1);
}
