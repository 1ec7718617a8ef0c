import Taro from '@tarojs/taro';
import { apiErrorFromResponse, networkError } from '../logic/api-error';
import { buildUrl, type Query } from '../logic/http';
import { ENTERPRISE_SIGN_IN_PAGE, LOGIN_PAGE } from '../routes';
import { enterpriseSessionStore, sessionStore } from './session';

/**
 * H5 is served by the API server itself (under /h5/), so it calls `/api/...` on its own origin;
 * the mini-program needs an absolute origin, fixed at build time.
 */
const API_BASE = process.env.TARO_ENV === 'h5' ? '' : process.env.TARO_APP_API_BASE;
const TIMEOUT_MS = 15_000;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRequest {
  method: Method;
  /** A path from /api/ on; withBaseUrl prefixes the origin. */
  url: string;
  data?: unknown;
  headers: Record<string, string>;
  /**
   * Sent without the session token: logins (a 401 there means wrong credentials, not an expired
   * session) and public calls such as the enterprise's code check, which must work on a phone
   * with no session and must never end up on the login page.
   */
  anonymous?: boolean;
  /** Sent with the enterprise's session (the enterprise's port) instead of an officer's. */
  enterprise?: boolean;
}

type RequestInterceptor = (request: ApiRequest) => ApiRequest;

const withBaseUrl: RequestInterceptor = (request) => ({
  ...request,
  url: buildUrl(API_BASE, request.url),
});

const withAuth: RequestInterceptor = (request) => {
  const token = request.anonymous ? null : request.enterprise ? enterpriseSessionStore.token() : sessionStore.token();
  return token
    ? { ...request, headers: { ...request.headers, Authorization: `Bearer ${token}` } }
    : request;
};

const requestInterceptors: RequestInterceptor[] = [withBaseUrl, withAuth];

function isOnLoginPage(): boolean {
  const pages = Taro.getCurrentPages();
  const route = pages[pages.length - 1]?.route ?? '';
  return `/${route.replace(/^\//, '')}` === LOGIN_PAGE;
}

/** Drops the stored session and shows the login page (once, not per failing request). */
export function endSession(): void {
  sessionStore.clear();
  if (!isOnLoginPage()) void Taro.reLaunch({ url: LOGIN_PAGE });
}

/** Drops the enterprise's stored session and shows its sign-in page. */
export function endEnterpriseSession(): void {
  enterpriseSessionStore.clear();
  const pages = Taro.getCurrentPages();
  const route = pages[pages.length - 1]?.route ?? '';
  if (`/${route.replace(/^\//, '')}` !== ENTERPRISE_SIGN_IN_PAGE) void Taro.reLaunch({ url: ENTERPRISE_SIGN_IN_PAGE });
}

/** Error mapping: a non-2xx answer becomes an ApiError; a rejected token ends the session it belonged to. */
function handleResponse<T>(request: ApiRequest, statusCode: number, body: unknown): T {
  if (statusCode >= 200 && statusCode < 300) return body as T;
  const error = apiErrorFromResponse(statusCode, body);
  if (error.status === 401 && request.headers.Authorization) {
    if (request.enterprise) endEnterpriseSession();
    else endSession();
  }
  throw error;
}

const intercept = (initial: ApiRequest): ApiRequest =>
  requestInterceptors.reduce((current, interceptor) => interceptor(current), initial);

async function send<T>(initial: ApiRequest): Promise<T> {
  // Before anything is awaited: the token is the one stored at the call (logout drops it right after).
  const request = intercept(initial);
  // JSON arrives parsed; anything else (a proxy's HTML page) as text.
  let response: Taro.request.SuccessCallbackResult<TaroGeneral.IAnyObject | string>;
  try {
    response = await Taro.request<TaroGeneral.IAnyObject | string>({
      url: request.url,
      method: request.method,
      data: request.data as Taro.request.Option['data'],
      header: { 'Content-Type': 'application/json', ...request.headers },
      dataType: 'json',
      timeout: TIMEOUT_MS,
    });
  } catch {
    throw networkError();
  }
  return handleResponse<T>(request, response.statusCode, response.data);
}

/** Uploads wait longer than other calls: a document over a weak signal takes its time. */
const UPLOAD_TIMEOUT_MS = 120_000;

/** A file to upload: a temporary path the mini-program chose, or the File of an H5 <input type="file">. */
export type UploadSource = { name: string; path: string } | { name: string; blob: Blob };

interface RawAnswer {
  statusCode: number;
  text: string;
}

function xhrUpload(request: ApiRequest, source: UploadSource, onProgress?: (percent: number) => void): Promise<RawAnswer> {
  if (!('blob' in source)) return Promise.reject(new Error('H5 uploads a Blob'));
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', request.url);
    for (const [name, value] of Object.entries(request.headers)) xhr.setRequestHeader(name, value);
    xhr.timeout = UPLOAD_TIMEOUT_MS;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => resolve({ statusCode: xhr.status, text: xhr.responseText });
    xhr.onerror = () => reject(networkError());
    xhr.ontimeout = () => reject(networkError());
    const form = new FormData();
    form.append('file', source.blob, source.name);
    xhr.send(form);
  });
}

async function taroUpload(request: ApiRequest, source: UploadSource, onProgress?: (percent: number) => void): Promise<RawAnswer> {
  if (!('path' in source)) throw new Error('the mini-program uploads a file path');
  try {
    const task = Taro.uploadFile({
      url: request.url,
      filePath: source.path,
      name: 'file',
      header: request.headers,
      timeout: UPLOAD_TIMEOUT_MS,
    });
    task.progress((update) => onProgress?.(update.progress));
    const answer = await task;
    return { statusCode: answer.statusCode, text: answer.data };
  } catch {
    throw networkError();
  }
}

/**
 * multipart/form-data with the one field `file`; what the file is travels in the query string,
 * so the server knows it before the bytes arrive. Same base URL, token and error mapping as `send`.
 */
async function sendUpload<T>(path: string, query: Query, source: UploadSource, onProgress?: (percent: number) => void, options: RequestOptions = {}): Promise<T> {
  const request = intercept({ method: 'POST', url: buildUrl('', path, query), headers: {}, ...options });
  // Inline, so each build keeps only its own branch.
  const answer =
    process.env.TARO_ENV === 'h5' ? await xhrUpload(request, source, onProgress) : await taroUpload(request, source, onProgress);
  let body: unknown = answer.text;
  try {
    body = JSON.parse(answer.text);
  } catch {
    // Not JSON (a proxy's page): apiErrorFromResponse falls back by status.
  }
  return handleResponse<T>(request, answer.statusCode, body);
}

/** Files take longer than answers: a booklet over a weak signal. */
const DOWNLOAD_TIMEOUT_MS = 60_000;

/**
 * A file the server makes (a PDF) fetched with the session's token: on H5 saved by the browser from a
 * blob link; in the mini-program downloaded and opened in WeChat's viewer, whose menu saves, forwards
 * and prints it. Failures arrive as ApiError like any call's.
 */
async function sendDownload(path: string, fileName: string, options: RequestOptions): Promise<void> {
  const request = intercept({ method: 'GET', url: path, headers: {}, ...options });
  if (process.env.TARO_ENV === 'h5') {
    let response: Response;
    try {
      response = await fetch(request.url, { headers: request.headers });
    } catch {
      throw networkError();
    }
    if (!response.ok) {
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON: mapped by status.
      }
      handleResponse(request, response.status, body);
    }
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return;
  }
  let answer: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    answer = await Taro.downloadFile({ url: request.url, header: request.headers, timeout: DOWNLOAD_TIMEOUT_MS });
  } catch {
    throw networkError();
  }
  if (answer.statusCode !== 200) handleResponse(request, answer.statusCode, null);
  await Taro.openDocument({ filePath: answer.tempFilePath, fileType: 'pdf', showMenu: true });
}

export interface RequestOptions {
  anonymous?: boolean;
  enterprise?: boolean;
}

/** The one way pages and services talk to the server. Failures throw ApiError. */
export const api = {
  get<T>(path: string, query?: Query, options: RequestOptions = {}): Promise<T> {
    return send<T>({ method: 'GET', url: buildUrl('', path, query), headers: {}, ...options });
  },
  /** A POST without a body sends `{}`: the server refuses an empty body labelled as JSON. */
  post<T>(path: string, data: unknown = {}, options: RequestOptions = {}): Promise<T> {
    return send<T>({ method: 'POST', url: path, data, headers: {}, ...options });
  },
  /** Replaces what `path` names with `data` (a console's editor saving a whole record). */
  put<T>(path: string, data: unknown = {}, options: RequestOptions = {}): Promise<T> {
    return send<T>({ method: 'PUT', url: path, data, headers: {}, ...options });
  },
  /** A partial edit: only the fields sent change. */
  patch<T>(path: string, data: unknown, options: RequestOptions = {}): Promise<T> {
    return send<T>({ method: 'PATCH', url: path, data, headers: {}, ...options });
  },
  upload<T>(path: string, query: Query, source: UploadSource, onProgress?: (percent: number) => void, options: RequestOptions = {}): Promise<T> {
    return sendUpload<T>(path, query, source, onProgress, options);
  },
  /** A file (a PDF) saved on H5, opened in the viewer in the mini-program. */
  download(path: string, fileName: string, options: RequestOptions = {}): Promise<void> {
    return sendDownload(path, fileName, options);
  },
};
