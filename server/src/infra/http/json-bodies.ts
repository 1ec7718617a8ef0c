import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';
import { ErrorCode } from '@mashang/shared';
import { DomainError } from '../errors/domain-error.js';

/**
 * How deeply a JSON body may nest objects and arrays. The deepest body the API takes (an offline
 * sync action's check-in) nests four levels; validation turns bodies into class instances
 * recursively, and a body nested thousands of levels deep would exhaust the stack there.
 */
export const JSON_MAX_DEPTH = 32;

/** Whether JSON text (as bytes) opens more than `max` objects and arrays inside each other; strings are skipped. */
export function nestsDeeperThan(text: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const byte = text[i];
    if (inString) {
      if (byte === 0x5c) i++; // a backslash escapes the next character
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) {
      inString = true;
    } else if (byte === 0x7b || byte === 0x5b) {
      if (++depth > max) return true;
    } else if (byte === 0x7d || byte === 0x5d) {
      depth--;
    }
  }
  return false;
}

/** JSON bodies as Fastify parses them (prototype poisoning refused), refused with 400 when nested too deeply. */
export function useJsonBodies(app: NestFastifyApplication, bodyLimit: number): void {
  const parse = app.getHttpAdapter().getInstance().getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit }, (request, body, done) => {
    if (nestsDeeperThan(body, JSON_MAX_DEPTH)) {
      done(new DomainError(ErrorCode.BadRequest, `请求内容嵌套过深：JSON 最多嵌套 ${JSON_MAX_DEPTH} 层`), undefined);
      return;
    }
    parse(request, body.toString('utf8'), done);
  });
}
