import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { loadConfig } from '../src/infra/config/config.js';
import { LocalDiskStorage, S3Storage, type DocumentStorage } from '../src/modules/onsite/documents/document-storage.js';

async function bytes(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** A loopback object store speaking S3's path-style REST (PUT/GET/DELETE /bucket/key). */
function fakeS3(): Promise<{ server: Server; url: string; objects: Map<string, { body: Buffer; type: string }>; authorizations: string[] }> {
  const objects = new Map<string, { body: Buffer; type: string }>();
  const authorizations: string[] = [];
  const server = createServer(async (request, response) => {
    authorizations.push(String(request.headers.authorization ?? ''));
    const path = decodeURIComponent(new URL(request.url!, 'http://x').pathname);
    if (request.method === 'PUT') {
      const body = await bytes(request);
      objects.set(path, { body, type: String(request.headers['content-type'] ?? '') });
      response.writeHead(200, { etag: '"x"' }).end();
    } else if (request.method === 'GET') {
      const object = objects.get(path);
      if (!object) {
        response.writeHead(404, { 'content-type': 'application/xml' }).end('<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>');
        return;
      }
      response.writeHead(200, { 'content-type': object.type, 'content-length': object.body.length }).end(object.body);
    } else if (request.method === 'DELETE') {
      objects.delete(path);
      response.writeHead(204).end();
    } else response.writeHead(405).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    resolve({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, objects, authorizations });
  }));
}

async function roundTrip(storage: DocumentStorage): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'storage-'));
  const temp = join(dir, 'upload');
  const content = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(70_000, 7)]);
  await writeFile(temp, content);
  await storage.put('documents/P1/d1.pdf', temp, 'application/pdf');
  expect(await bytes(await storage.read('documents/P1/d1.pdf'))).toEqual(content);
  await storage.remove('documents/P1/d1.pdf');
  await expect(storage.read('documents/P1/d1.pdf')).rejects.toBeDefined();
  return content;
}

describe('document storage', () => {
  it('local disk: stores, reads back and removes; refuses keys that climb out of its directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docs-'));
    const storage = new LocalDiskStorage(dir);
    await roundTrip(storage);
    await expect(storage.read('../etc/passwd')).rejects.toThrow('bad storage key');
  });

  it('S3-compatible: the official SDK against a loopback store, signed requests, path-style keys', async () => {
    const s3 = await fakeS3();
    try {
      const storage = new S3Storage({ kind: 's3', endpoint: s3.url, region: 'cn-north-1', bucket: 'mashang-docs', accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' });
      const dir = await mkdtemp(join(tmpdir(), 'storage-'));
      await writeFile(join(dir, 'f'), Buffer.from('%PDF-1.4 kept'));
      await storage.put('documents/P9/d9.pdf', join(dir, 'f'), 'application/pdf');
      expect(s3.objects.get('/mashang-docs/documents/P9/d9.pdf')).toEqual({ body: Buffer.from('%PDF-1.4 kept'), type: 'application/pdf' });
      await expect(readFile(join(dir, 'f'))).rejects.toThrow();
      await roundTrip(storage);
      expect(s3.authorizations.every((a) => a.startsWith('AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/'))).toBe(true);
    } finally {
      s3.server.close();
    }
  });

  it('is chosen and checked by configuration', () => {
    const base = { DATABASE_URL: 'mysql://u:p@127.0.0.1:3306/x', REDIS_URL: 'redis://127.0.0.1:6379', JWT_SECRET: 'x'.repeat(32), PHONE_ENCRYPTION_KEY: 'a'.repeat(64) };
    expect(loadConfig(base).onsite.storage.kind).toBe('local');
    expect(() => loadConfig({ ...base, DOCUMENT_STORAGE: 's3' })).toThrow(/S3_ENDPOINT[\s\S]*S3_BUCKET/);
    expect(() => loadConfig({ ...base, DOCUMENT_STORAGE: 'ftp' })).toThrow(/DOCUMENT_STORAGE/);
    expect(() => loadConfig({ ...base, DOCUMENT_MAX_BYTES: '-1' })).toThrow(/DOCUMENT_MAX_BYTES/);
  });
});
