/**
 * One cold page load in Chromium under an emulated phone network and CPU, measured from the
 * navigation to the moment the page's content is in the DOM, next to the transfer floor of what it
 * loaded: the bytes at the emulated bandwidth plus one round trip per request on its longest chain
 * of requests, each of which could only start once the one before had arrived (redirect → document
 * → script → the chunk it loads → the API call it makes). No page can show its content sooner on
 * that network; the ratio says how far the page is from it (CPU, idle gaps, requests in series).
 */
import type { Browser } from 'playwright-core';

export interface NetworkProfile {
  name: string;
  /** Round trip added to every request, ms. */
  rttMs: number;
  downKbps: number;
  upKbps: number;
  cpuSlowdown: number;
}

/** The profiles of the brief: Chrome DevTools' names, with these values. */
export const PROFILES: NetworkProfile[] = [
  { name: 'Slow 3G', rttMs: 400, downKbps: 400, upKbps: 400, cpuSlowdown: 4 },
  { name: 'Fast 3G', rttMs: 150, downKbps: 1600, upKbps: 750, cpuSlowdown: 4 },
];

export interface PageLoad {
  /** From the navigation to the content in the DOM (after the next frame), ms. */
  contentMs: number;
  /** Bytes on the wire (headers included) of the requests finished by then. */
  bytes: number;
  requests: number;
  /** Round trips on the longest chain of dependent requests. */
  chain: number;
  floorMs: number;
  /** Content-Encoding of the scripts and styles: e.g. { br: 5 } or { identity: 12 }. */
  encodings: Record<string, number>;
}

interface Request {
  url: string;
  depth: number;
  bytes: number;
  finished: boolean;
  type: string;
  encoding: string;
}

interface StackTrace {
  callFrames: { url: string }[];
  parent?: StackTrace;
}

const stripHash = (url: string) => url.replace(/#.*$/, '');

/**
 * Loads `url` in a fresh browser context (empty cache, no cookies) with the profile applied through
 * the DevTools protocol, and waits for `selector`.
 */
export async function loadPage(browser: Browser, url: string, selector: string, profile: NetworkProfile, timeoutMs = 60_000): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
  try {
    // The content's moment, taken in the page on the epoch clock Node shares (after the next frame).
    await context.addInitScript((wanted: string) => {
      const mark = () => {
        if (!document.querySelector(wanted)) return false;
        requestAnimationFrame(() => {
          (window as unknown as { __contentAt: number }).__contentAt = performance.timeOrigin + performance.now();
        });
        return true;
      };
      const observer = new MutationObserver(() => mark() && observer.disconnect());
      observer.observe(document, { childList: true, subtree: true, attributes: true });
    }, selector);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const requests = new Map<string, Request>();
    const depthOf = new Map<string, number>();
    const depthFromStack = (stack: StackTrace | undefined): number => {
      let deepest = 0;
      for (let frame = stack; frame; frame = frame.parent) {
        for (const call of frame.callFrames) deepest = Math.max(deepest, depthOf.get(stripHash(call.url)) ?? 0);
      }
      return deepest;
    };
    cdp.on('Network.requestWillBeSent', (event) => {
      const known = requests.get(event.requestId);
      if (known && event.redirectResponse) {
        // The same request again after a redirect: one more round trip, the redirect's bytes counted.
        known.bytes += event.redirectResponse.encodedDataLength ?? 0;
        known.depth += 1;
        known.url = stripHash(event.request.url);
        depthOf.set(known.url, known.depth);
        return;
      }
      const initiator = event.initiator as { type: string; url?: string; stack?: StackTrace };
      const parent = initiator.type === 'script' ? depthFromStack(initiator.stack) : initiator.url ? depthOf.get(stripHash(initiator.url)) ?? 0 : 0;
      const request: Request = { url: stripHash(event.request.url), depth: parent + 1, bytes: 0, finished: false, type: event.type ?? '', encoding: 'identity' };
      requests.set(event.requestId, request);
      if (!depthOf.has(request.url)) depthOf.set(request.url, request.depth);
    });
    cdp.on('Network.responseReceived', (event) => {
      const request = requests.get(event.requestId);
      const headers = Object.fromEntries(Object.entries(event.response.headers as Record<string, string>).map(([name, value]) => [name.toLowerCase(), value]));
      if (request) request.encoding = headers['content-encoding'] || 'identity';
    });
    cdp.on('Network.loadingFinished', (event) => {
      const request = requests.get(event.requestId);
      if (!request) return;
      request.bytes += event.encodedDataLength;
      request.finished = true;
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.rttMs,
      downloadThroughput: (profile.downKbps * 1000) / 8,
      uploadThroughput: (profile.upKbps * 1000) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });

    const started = Date.now();
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
    const handle = await page.waitForFunction(() => (window as unknown as { __contentAt?: number }).__contentAt, undefined, { timeout: timeoutMs, polling: 50 });
    const contentAt = (await handle.jsonValue()) as number;
    const done = [...requests.values()].filter((request) => request.finished);
    const bytes = done.reduce((sum, request) => sum + request.bytes, 0);
    const chain = done.reduce((deepest, request) => Math.max(deepest, request.depth), 0);
    const encodings: Record<string, number> = {};
    for (const request of done.filter((r) => r.type === 'Script' || r.type === 'Stylesheet')) encodings[request.encoding] = (encodings[request.encoding] ?? 0) + 1;
    return {
      contentMs: contentAt - started,
      bytes,
      requests: done.length,
      chain,
      floorMs: (bytes * 8) / profile.downKbps + chain * profile.rttMs,
      encodings,
    };
  } finally {
    await context.close();
  }
}
