import { ErrorCode } from '@mashang/shared';
import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../../infra/errors/domain-error.js';

/** A file as the multipart body delivers it; `truncated` when it went past the body's size limit. */
export interface IncomingFile {
  stream: Readable & { truncated?: boolean };
  fileName: string;
}

/**
 * The one file of a multipart/form-data upload, or none when the body is not multipart. Reading it
 * parses the request body and nothing else, so what the parser raises is the client's: its own
 * errors carry their status (too many parts: 413); the parser underneath throws plain errors for a
 * body that is not well-formed (no boundary, a part cut short), answered 400.
 */
export async function multipartFile(request: FastifyRequest): Promise<IncomingFile | undefined> {
  if (!request.isMultipart()) return undefined;
  const part = await request.file().catch((error: { statusCode?: number }) => {
    throw error.statusCode ? error : malformedUpload();
  });
  return part ? { stream: part.file, fileName: part.filename } : undefined;
}

export const malformedUpload = () => new DomainError(ErrorCode.BadRequest, '上传内容不完整或不是正确的 multipart/form-data，请重新上传');
