import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export const NDJSON = 'application/x-ndjson';

/** Exchange files arrive as raw JSON Lines; the handler streams them to disk instead of parsing a body. */
export function registerRawUploads(app: NestFastifyApplication): void {
  app.getHttpAdapter().getInstance().addContentTypeParser(NDJSON, (_request, payload, done) => done(null, payload));
}
