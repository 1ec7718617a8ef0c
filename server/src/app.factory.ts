import 'reflect-metadata';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppModule } from './app.module.js';
import { LOG_LEVELS, type AppConfig } from './infra/config/config.js';
import { detectFlavour } from './infra/database/data-source.js';
import { AllExceptionsFilter } from './infra/errors/all-exceptions.filter.js';
import { codeForStatus } from './infra/errors/error-status.js';
import { createValidationPipe } from './infra/errors/validation.js';
import { cacheControlFor } from './infra/http/h5-files.js';
import { useJsonBodies } from './infra/http/json-bodies.js';
import { addSecurityHeaders, securityHeaders } from './infra/http/security-headers.js';
import { registerRawUploads } from './modules/exchange/raw-upload.js';
import { registerWorkbookUploads } from './modules/port/complaints/hotline-workbook.js';

/** Builds the whole HTTP application: API under /api, OpenAPI at /api/docs, the H5 build under /h5/. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const flavour = await detectFlavour(config.databaseUrl);
  const headersFor = securityHeaders({ https: config.publicBaseUrl.startsWith('https:') });
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimit,
    // Only the configured reverse proxies may name the client (X-Forwarded-For): request.ip keys the
    // login and rating-code limits, and a header anyone can write must not reset them.
    trustProxy: config.trustedProxies.length ? config.trustedProxies : false,
    // Requests Fastify refuses before routing (a malformed or overlong address) get the one error shape too.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
      void reply.code(status).headers(headersFor(request.url)).send({ error: { code: codeForStatus(status), message: status === 414 ? '请求地址过长' : '请求地址不正确' } });
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, flavour), adapter, {
    logger: levelsFrom(config.logLevel),
  });
  // First, so every route and plugin registered below answers with them.
  addSecurityHeaders(app.getHttpAdapter().getInstance(), headersFor);
  // The short links in inspection-code QRs (/v/<token>), rating SMS (/r/<token>, /r), penalty notices'
  // supervision codes (/p/<token>), off-site requests (/o/<token>) and the enterprise's port (/e, /c) stay outside /api.
  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'v/:token', method: RequestMethod.GET },
      { path: 'r', method: RequestMethod.GET },
      { path: 'r/:token', method: RequestMethod.GET },
      { path: 'p/:token', method: RequestMethod.GET },
      { path: 'o/:token', method: RequestMethod.GET },
      { path: 'e', method: RequestMethod.GET },
      { path: 'c', method: RequestMethod.GET },
    ],
  });
  app.useGlobalFilters(new AllExceptionsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  useJsonBodies(app, config.bodyLimit);
  registerRawUploads(app);
  registerWorkbookUploads(app);
  // Inspection documents; the limit is checked again while streaming, to answer 413 in the one error shape.
  await app.register(fastifyMultipart, { limits: { fileSize: config.onsite.documentMaxBytes, files: 1, fields: 0, parts: 2 } });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('码上入企 API').setDescription('Scan-to-inspect: registers, plans, inspections, ratings, supervision').setVersion('1').addBearerAuth().build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  if (config.h5Dir) {
    // The build writes .br and .gz copies (miniapp/scripts/precompress.mjs): sent by Accept-Encoding, with
    // Vary: Accept-Encoding, the file itself otherwise. Hashed files are kept for good, pages revalidated.
    await app.register(fastifyStatic, {
      root: config.h5Dir,
      prefix: '/h5/',
      decorateReply: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => void reply.header('cache-control', cacheControlFor(path)),
    });
    app.getHttpAdapter().getInstance().get('/', (_request, reply) => reply.redirect('/h5/'));
  }
  return app;
}

function levelsFrom(level: AppConfig['logLevel']): (typeof LOG_LEVELS)[number][] {
  return LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1);
}
