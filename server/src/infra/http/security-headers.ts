import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The pages (the H5 app, the API docs): scripts only from their own files, no eval, no inline script
 * (the H5 build moves Taro's into a file). Inline styles are allowed: Taro's components and ECharts set
 * styles from script.
 */
export const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** API answers are data, never a page: nothing runs or loads in them, nobody frames them. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** A year, once the public address is https: browsers then refuse plain http to it. */
const HSTS = 'max-age=31536000';

/**
 * Security headers for every answer (API, H5 files, docs, redirects, errors): a Content-Security-Policy,
 * no MIME sniffing, no framing, no referrer, and HSTS when `https` (PUBLIC_BASE_URL is https). No CORS
 * header is ever sent: the pages call the API on their own origin, and no other origin may.
 */
export function securityHeaders({ https }: { https: boolean }): (url: string) => Record<string, string> {
  const common: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    ...(https ? { 'strict-transport-security': HSTS } : {}),
  };
  const api = { ...common, 'content-security-policy': API_POLICY };
  const page = { ...common, 'content-security-policy': PAGE_POLICY };
  return (url) => (url.startsWith('/api/') && !url.startsWith('/api/docs') ? api : page);
}

/** Sends `headersFor`'s headers with every answer of the instance's routes and plugins registered after. */
export function addSecurityHeaders(instance: FastifyInstance, headersFor: (url: string) => Record<string, string>): void {
  instance.addHook('onSend', (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void) => {
    void reply.headers(headersFor(request.url));
    done(null, payload);
  });
}
