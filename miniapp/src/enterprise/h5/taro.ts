/**
 * The part of `@tarojs/taro` the enterprise pages (and the services and logic they import) use,
 * over the browser's own APIs, for the enterprise H5 entry: its build resolves `@tarojs/taro` here,
 * so an enterprise page opened from a code or an SMS loads neither Taro's H5 runtime nor its router.
 * Each function answers as Taro's H5 one does; the build fails on an import this file lacks.
 */
import { useLayoutEffect } from 'react';
import type { HashRoute } from '../../logic/hash-route';

/** Taro's H5 request gives up after this long unless told otherwise. */
const DEFAULT_TIMEOUT_MS = 60_000;

let current: HashRoute = { path: '', params: {} };

/** The page being shown; main.tsx sets it from the address before the page renders. */
export function openRoute(route: HashRoute): void {
  current = route;
}

/** The full H5 app (index.html beside this entry's page), at a Taro route such as `/pages/login/index`. */
export function fullAppUrl(route: string): string {
  return `${location.pathname.replace(/[^/]*$/, '')}#${route}`;
}

export function useRouter(): { path: string; params: Record<string, string> } {
  return { path: `/${current.path}`, params: current.params };
}

/** Runs once as the page mounts, before its first paint, with the page's parameters. */
export function useLoad(onLoad: (params: Record<string, string>) => void): void {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- once per page, as Taro's onLoad
  useLayoutEffect(() => onLoad(current.params), []);
}

/** `definePageConfig` in the pages' index.config.ts: the config itself (the title). */
export function definePageConfig<T>(config: T): T {
  return config;
}

interface RequestOption {
  url: string;
  method?: string;
  data?: unknown;
  header?: Record<string, string>;
  dataType?: string;
  timeout?: number;
}

interface RequestAnswer {
  statusCode: number;
  data: unknown;
  header: Record<string, string>;
}

function withQuery(url: string, data: unknown): string {
  if (!data || typeof data !== 'object') return url;
  const query = Object.entries(data as Record<string, unknown>)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`)
    .join('&');
  return query ? `${url}${url.includes('?') ? '&' : '?'}${query}` : url;
}

/** fetch, answered as Taro's H5 request answers: JSON parsed (null when the body is not JSON). */
async function request({ url, method = 'GET', data, header = {}, dataType = 'json', timeout = DEFAULT_TIMEOUT_MS }: RequestOption): Promise<RequestAnswer> {
  const verb = method.toUpperCase();
  const bodyless = verb === 'GET' || verb === 'HEAD';
  const json = data !== null && typeof data === 'object';
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout);
  try {
    const response = await fetch(bodyless ? withQuery(url, data) : url, {
      method: verb,
      headers: header,
      body: bodyless ? undefined : json ? JSON.stringify(data) : (data as BodyInit | undefined),
      signal: controller.signal,
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const body = response.status === 204 ? null : dataType === 'json' ? await response.json().catch(() => null) : await response.text();
    return { statusCode: response.status, data: body, header: headers };
  } finally {
    clearTimeout(timer);
  }
}

/** Taro's H5 storage: localStorage, each value wrapped as `{"data": value}`; '' for a missing key. */
function getStorageSync(key: string): unknown {
  try {
    const stored = localStorage.getItem(key);
    return stored === null ? '' : (JSON.parse(stored) as { data?: unknown }).data ?? '';
  } catch {
    return '';
  }
}

function setStorageSync(key: string, data: unknown): void {
  localStorage.setItem(key, JSON.stringify({ data }));
}

function removeStorageSync(key: string): void {
  localStorage.removeItem(key);
}

function getCurrentPages(): { route: string }[] {
  return [{ route: current.path }];
}

/** Any other page lives in the full app. */
async function reLaunch({ url }: { url: string }): Promise<void> {
  location.assign(fullAppUrl(url));
}

const Taro = { request, getStorageSync, setStorageSync, removeStorageSync, getCurrentPages, reLaunch };

export default Taro;
