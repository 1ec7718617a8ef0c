#!/usr/bin/env node
// Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every text file of the H5 build, once, at
// build time and at the highest levels, for the server to send by the browser's Accept-Encoding
// (@fastify/static's preCompressed) instead of compressing on each request or not at all. A copy
// that would not be smaller is left out (the file goes as it is). Run last in `build:h5`.
import { readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outputDir = resolve(appDir, process.env.TARO_OUTPUT_ROOT || 'dist/h5');
const TEXT = /\.(js|css|html|svg|json|txt|map)$/;
const COPIES = /\.(br|gz)$/;

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

const files = filesUnder(outputDir);
// Copies of an earlier build would outlive their files.
for (const stale of files.filter((file) => COPIES.test(file))) unlinkSync(stale);

let before = 0;
let afterBrotli = 0;
let written = 0;
for (const file of files.filter((path) => TEXT.test(path) && !COPIES.test(path))) {
  const content = readFileSync(file);
  const brotli = brotliCompressSync(content, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
  });
  const gzip = gzipSync(content, { level: 9 });
  before += content.length;
  afterBrotli += Math.min(brotli.length, content.length);
  if (brotli.length < content.length) {
    writeFileSync(`${file}.br`, brotli);
    written += 1;
  }
  if (gzip.length < content.length) {
    writeFileSync(`${file}.gz`, gzip);
    written += 1;
  }
}
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
console.log(`precompressed ${relative(process.cwd(), outputDir) || '.'}: ${written} copies; ${kib(before)} of text, ${kib(afterBrotli)} as brotli`);
