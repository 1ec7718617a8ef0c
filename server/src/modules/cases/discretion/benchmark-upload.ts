import { ErrorCode } from '@mashang/shared';
import type { FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { DomainError } from '../../../infra/errors/domain-error.js';

/** JSON Lines (the exchange format's uploads register the parser that hands its body over unread). */
export const NDJSON = 'application/x-ndjson';

/** A benchmark file of a province's clauses is well under this. */
export const BENCHMARK_UPLOAD_MAX_BYTES = 5 * 1024 * 1024;

const tooLarge = () => new DomainError(ErrorCode.PayloadTooLarge, `文件超过 ${BENCHMARK_UPLOAD_MAX_BYTES / 1024 / 1024} MB`);
const malformed = () => new DomainError(ErrorCode.BadRequest, '上传内容不完整或不是正确的 multipart/form-data，请重新上传');

async function readAll(stream: Readable & { truncated?: boolean }): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > BENCHMARK_UPLOAD_MAX_BYTES) {
      stream.destroy();
      throw tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  if (stream.truncated) throw tooLarge();
  return Buffer.concat(chunks);
}

/**
 * The text of an uploaded benchmark file: a JSON Lines body (`application/x-ndjson`, or plain text),
 * or the one file of a multipart/form-data upload. Anything else, or bytes that are not UTF-8, is refused.
 */
export async function uploadedText(request: FastifyRequest): Promise<string> {
  let bytes: Buffer;
  if (request.isMultipart()) {
    const part = await request.file().catch((error: { statusCode?: number }) => {
      throw error.statusCode && error.statusCode < 500 ? new DomainError(error.statusCode === 413 ? ErrorCode.PayloadTooLarge : ErrorCode.BadRequest, '上传内容不正确，请只上传一个 .jsonl 文件') : malformed();
    });
    if (!part) throw new DomainError(ErrorCode.ValidationFailed, 'file: 没有收到文件', [{ field: 'file', reason: '没有收到文件' }]);
    bytes = await readAll(part.file).catch((error) => {
      throw error instanceof DomainError ? error : (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge() : malformed();
    });
  } else if (request.body instanceof Readable) {
    bytes = await readAll(request.body);
  } else if (typeof request.body === 'string') {
    bytes = Buffer.from(request.body, 'utf8');
  } else {
    throw new DomainError(ErrorCode.UnsupportedMediaType, `请上传 JSON Lines 文件（.jsonl，${NDJSON}，或 multipart/form-data 的一个文件）`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DomainError(ErrorCode.BadRequest, '文件不是 UTF-8 编码的文本');
  }
}
