import { basename } from 'node:path';

/**
 * Where the short links in QR codes and SMS (/v/<token>, /r, /r/<token>, /p/<token>) send a phone: the H5 build's
 * enterprise entry, which carries the enterprise pages alone (miniapp/scripts/build-enterprise-h5.mjs),
 * at the page's Taro route.
 */
export function enterprisePageUrl(route: string): string {
  return `/h5/enterprise.html#${route}`;
}

/** A year: the longest a browser keeps anything; a file whose name holds its content's hash never changes. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Kept, but asked again each time (a 304 while unchanged): pages and files named without a hash. */
export const REVALIDATE = 'no-cache';

/** `name.1a2b3c4d.js`: the builds put an 8-hex content hash before the extension of every script and stylesheet. */
const HASHED = /\.[0-9a-f]{8}\.[A-Za-z0-9]+$/;

/** Cache-Control for a file of the H5 build (or its .br/.gz copy): immutable when hashed, else revalidated. */
export function cacheControlFor(path: string): string {
  return HASHED.test(basename(path).replace(/\.(br|gz)$/, '')) ? IMMUTABLE : REVALIDATE;
}
