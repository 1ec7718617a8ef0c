import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, PutObjectCommand, DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { DocumentStorageConfig } from '../../../infra/config/config.js';

/** Where documents' files live. Keys are opaque to callers; the database keeps the key, size and checksum. */
export interface DocumentStorage {
  /** Stores a file already checked and written to a local temporary path. */
  put(key: string, tempPath: string, contentType: string): Promise<void>;
  read(key: string): Promise<Readable>;
  remove(key: string): Promise<void>;
}

export const DOCUMENT_STORAGE = Symbol('DOCUMENT_STORAGE');

/** Files under one directory on the server's disk (the default). */
export class LocalDiskStorage implements DocumentStorage {
  constructor(private readonly dir: string) {}

  private path(key: string): string {
    if (!/^[A-Za-z0-9/_.-]+$/.test(key) || key.includes('..')) throw new Error(`bad storage key ${key}`);
    return join(this.dir, key);
  }

  async put(key: string, tempPath: string): Promise<void> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    try {
      await rename(tempPath, target);
    } catch {
      // Another file system (e.g. tmpfs): copy instead.
      await pipeline(createReadStream(tempPath), createWriteStream(target));
      await rm(tempPath, { force: true });
    }
  }

  async read(key: string): Promise<Readable> {
    const path = this.path(key);
    await stat(path);
    return createReadStream(path);
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}

/** Any S3-compatible object store (MinIO, 阿里云 OSS / 腾讯云 COS S3 endpoints), path-style. */
export class S3Storage implements DocumentStorage {
  private readonly client: S3Client;

  constructor(private readonly config: Extract<DocumentStorageConfig, { kind: 's3' }>) {
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: true,
      // Plain bodies with Content-Length: what every S3-compatible store accepts (no aws-chunked trailers).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    });
  }

  async put(key: string, tempPath: string, contentType: string): Promise<void> {
    const { size } = await stat(tempPath);
    await this.client.send(new PutObjectCommand({ Bucket: this.config.bucket, Key: key, Body: createReadStream(tempPath), ContentLength: size, ContentType: contentType }));
    await rm(tempPath, { force: true });
  }

  async read(key: string): Promise<Readable> {
    const answer = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: key }));
    return answer.Body as Readable;
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: key }));
  }
}

export function documentStorage(config: DocumentStorageConfig): DocumentStorage {
  return config.kind === 's3' ? new S3Storage(config) : new LocalDiskStorage(config.dir);
}
