import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from './support/test-app.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const SCRIPT = `console.log(${JSON.stringify('码上入企 '.repeat(200))});\n`;
const PAGE = `<!DOCTYPE html><html><head><script defer src="/h5/js/app.1a2b3c4d.js"></script></head><body>${'<div></div>'.repeat(50)}</body></html>`;

/**
 * How the server sends the H5 build: the .br / .gz copies the build writes, chosen by Accept-Encoding
 * (with Vary: Accept-Encoding), the file itself otherwise; files named by a content hash cached for a
 * year, pages and unhashed files revalidated.
 */
describe('the H5 files', () => {
  let t: TestApp;
  let dir: string;

  /** A build as miniapp's build:h5 leaves it, copies included, and one hashed file without copies. */
  function writeBuild(): string {
    const root = mkdtempSync(join(tmpdir(), 'h5-static-'));
    mkdirSync(join(root, 'js'));
    for (const [path, text, copies] of [
      ['index.html', PAGE, true],
      ['js/app.1a2b3c4d.js', SCRIPT, true],
      ['js/tiny.5e6f7a8b.js', '1;', false],
      ['js/plain.js', SCRIPT, true],
    ] as const) {
      writeFileSync(join(root, path), text);
      if (!copies) continue;
      writeFileSync(join(root, `${path}.br`), brotliCompressSync(Buffer.from(text)));
      writeFileSync(join(root, `${path}.gz`), gzipSync(Buffer.from(text)));
    }
    return root;
  }

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    dir = writeBuild();
    t = await startTestApp('h5_static', { env: { H5_DIR: dir } });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends brotli to a browser that takes it, and says the answer varies by Accept-Encoding', async () => {
    const answer = await get('/h5/js/app.1a2b3c4d.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toMatch(/^application\/javascript/);
    expect(answer.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(answer.headers['content-length'])).toBeLessThan(Buffer.byteLength(SCRIPT) / 4);
    expect(brotliDecompressSync(answer.rawPayload).toString()).toBe(SCRIPT);
  });

  it('sends gzip to a browser without brotli, and the file itself to one that takes neither', async () => {
    const gzipped = await get('/h5/js/app.1a2b3c4d.js', { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.rawPayload).toString()).toBe(SCRIPT);
    expect(gzipped.headers.vary).toMatch(/accept-encoding/i);

    for (const headers of [{} as Record<string, string>, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'br;q=0, gzip;q=0' }]) {
      const plain = await get('/h5/js/app.1a2b3c4d.js', headers);
      expect(plain.statusCode).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body).toBe(SCRIPT);
      expect(plain.headers.vary).toMatch(/accept-encoding/i);
    }
  });

  it('sends a file the build left uncompressed as it is, whatever the browser takes', async () => {
    const answer = await get('/h5/js/tiny.5e6f7a8b.js', { 'accept-encoding': 'br, gzip' });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body).toBe('1;');
    expect(answer.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('keeps files named by their content for a year, in every encoding', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      expect((await get('/h5/js/app.1a2b3c4d.js', { 'accept-encoding': encoding })).headers['cache-control']).toBe(IMMUTABLE);
    }
  });

  it('has pages and unhashed files asked again each time, and answers 304 while unchanged', async () => {
    for (const url of ['/h5/', '/h5/index.html', '/h5/js/plain.js']) {
      const answer = await get(url, { 'accept-encoding': 'br' });
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['cache-control']).toBe('no-cache');
      expect(answer.headers['content-encoding']).toBe('br');
      expect(answer.headers['content-security-policy']).toContain("script-src 'self'");
    }
    const page = await get('/h5/', { 'accept-encoding': 'br' });
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(brotliDecompressSync(page.rawPayload).toString()).toBe(PAGE);
    const again = await get('/h5/', { 'accept-encoding': 'br', 'if-none-match': String(page.headers.etag) });
    expect(again.statusCode).toBe(304);
  });

  it('still answers 404 for a file that is not there', async () => {
    expect((await get('/h5/js/missing.1a2b3c4d.js', { 'accept-encoding': 'br, gzip' })).statusCode).toBe(404);
  });
});
