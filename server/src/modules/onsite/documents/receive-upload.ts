import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ErrorCode } from '@mashang/shared';
import { DomainError, invalid } from '../../../infra/errors/domain-error.js';
import { sniffDocumentType, SNIFF_BYTES } from './document-rules.js';
import { malformedUpload, type IncomingFile } from './multipart-file.js';

export interface ReceivedUpload {
  size: number;
  sha256: string;
  type: { contentType: string; extension: string };
}

/**
 * An uploaded file streamed into `temp` while it is measured, hashed and its first bytes kept to tell
 * its type; refused when too large, empty, cut short or not a PDF, JPEG or PNG by its bytes. The
 * caller removes `temp` whatever happens.
 */
export async function receiveUpload(file: IncomingFile, maxBytes: number, temp: string): Promise<ReceivedUpload> {
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      hash.update(chunk);
      if (head.length < SNIFF_BYTES) head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
      done(null, chunk);
    },
  });
  const tooLarge = () => new DomainError(ErrorCode.PayloadTooLarge, `文件超过 ${Math.round(maxBytes / 1024 / 1024)} MB，请压缩或分开上传`);
  const sink = createWriteStream(temp);
  // The side that broke first: the upload (cut short, not well-formed: the client's) or the temporary file (the server's).
  let broke: 'upload' | 'disk' | null = file.stream.errored ? 'upload' : null;
  file.stream.once('error', () => (broke ??= 'upload'));
  sink.once('error', () => (broke ??= 'disk'));
  await pipeline(file.stream, measure, sink).catch((error: { code?: string }) => {
    if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw broke === 'upload' ? malformedUpload() : error;
  });
  if (file.stream.truncated || size > maxBytes) throw tooLarge();
  if (size === 0) throw invalid('file', '文件是空的');
  const type = sniffDocumentType(head);
  if (!type) throw new DomainError(ErrorCode.UnsupportedMediaType, '只能上传 PDF、JPG 或 PNG 文件');
  return { size, sha256: hash.digest('hex'), type };
}
