import Taro from '@tarojs/taro';
import {
  extractCreditCode,
  type CheckInRequest,
  type DocumentKind,
  type FindingOutcome,
  type FollowUpRequest,
  type FollowUpView,
  type JointChecklist,
  type OfflineAction,
  type OnsiteDocumentView,
  type OnsiteInspectionView,
  type SyncRequest,
  type SyncResponse,
  type TrailView,
} from '@mashang/shared';
import { createOfflineQueue, isTemporaryFailure, submitAction, type FlushReport, type QueuedAction, type Submitted } from '../logic/offline-queue';
import { createOnsiteCache } from '../logic/onsite-cache';
import { checkInAction, directBody, findingAction, finishAction, type FindingDraft } from '../logic/onsite';
import type { KeyValueStorage } from '../logic/session';
import { api, type UploadSource } from './request';
import { sessionStore } from './session';

const storage: KeyValueStorage = {
  get(key) {
    const value: unknown = Taro.getStorageSync(key);
    return typeof value === 'string' && value ? value : null;
  },
  set: (key, value) => Taro.setStorageSync(key, value),
  remove: (key) => Taro.removeStorageSync(key),
};

/** Queue and cache are kept per officer, so on a shared phone nobody uploads another's actions. */
const owner = () => sessionStore.load()?.user.username ?? '-';
const queue = () => createOfflineQueue(storage, `mashang.onsite.queue.${owner()}`);
const cache = () => createOnsiteCache(storage, `mashang.onsite.cache.${owner()}`);

/** What pages listen for: the queue changed, the network came or went, or queued actions reached the server. */
export type OnsiteEvent = 'queue' | 'network' | 'synced';
const listeners = new Set<(event: OnsiteEvent) => void>();
const emit = (event: OnsiteEvent) => listeners.forEach((listener) => listener(event));

/** Retry a flush that found no network this long after, in case no network event ever comes. */
const RETRY_MS = 30_000;
let online = true;
let watching = false;
let flushing: Promise<FlushReport> | null = null;
let retryTimer: ReturnType<typeof setTimeout> | null = null;

function setOnline(now: boolean): void {
  const cameBack = now && !online;
  online = now;
  emit('network');
  if (cameBack) void flushQueue();
}

/**
 * Follows the network: WeChat's status events, or on H5 the browser's online/offline events (Taro's
 * H5 status reads navigator.connection, which never says `none`).
 */
function watchNetwork(): void {
  if (watching) return;
  watching = true;
  if (process.env.TARO_ENV === 'h5') {
    online = navigator.onLine;
    window.addEventListener('online', () => setOnline(true));
    window.addEventListener('offline', () => setOnline(false));
  } else {
    Taro.getNetworkType().then(({ networkType }) => setOnline(networkType !== 'none'), () => undefined);
    Taro.onNetworkStatusChange(({ isConnected }) => setOnline(isConnected));
  }
}

export function subscribeOnsite(listener: (event: OnsiteEvent) => void): () => void {
  watchNetwork();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function isOnline(): boolean {
  return online;
}

export function queuedActions(): QueuedAction[] {
  return queue().list();
}

export function discardQueued(clientKey: string): void {
  queue().discard(clientKey);
  emit('queue');
}

/** Sends what waits in the queue (one flush at a time); later calls join the running one. */
export function flushQueue(): Promise<FlushReport> {
  flushing ??= (async () => {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    try {
      const report = await queue().flush(async (actions) => {
        const body: SyncRequest = { actions };
        return (await api.post<SyncResponse>('/api/onsite/sync', body)).results;
      });
      if (report.applied || report.duplicate) emit('synced');
      if (isTemporaryFailure(report.error) && queue().pending().length) retryTimer = setTimeout(() => void flushQueue(), RETRY_MS);
      return report;
    } finally {
      flushing = null;
      emit('queue');
    }
  })();
  return flushing;
}

async function submit(entry: { action: OfflineAction; label: string }, direct: () => Promise<OnsiteInspectionView>): Promise<Submitted<OnsiteInspectionView>> {
  const outcome = await submitAction(queue(), entry, { online, direct });
  if (outcome.queued) {
    emit('queue');
    // Online but behind older actions: send them all now, in order.
    if (online) void flushQueue();
  } else cache().saveView(outcome.result);
  return outcome;
}

/** A view read from the server, or the last one kept when there is no network (`stale`). */
export interface Fetched<T> {
  value: T;
  stale: boolean;
}

/** Today's inspections of the logged-in officer. */
export async function todayInspections(): Promise<Fetched<OnsiteInspectionView[]>> {
  try {
    const list = await api.get<OnsiteInspectionView[]>('/api/onsite/today');
    cache().saveToday(list);
    return { value: list, stale: false };
  } catch (error) {
    const kept = cache().today();
    if (isTemporaryFailure(error) && kept) return { value: kept, stale: true };
    throw error;
  }
}

export async function inspection(id: string): Promise<Fetched<OnsiteInspectionView>> {
  try {
    const view = await api.get<OnsiteInspectionView>(`/api/onsite/inspections/${encodeURIComponent(id)}`);
    cache().saveView(view);
    return { value: view, stale: false };
  } catch (error) {
    const kept = cache().view(id);
    if (isTemporaryFailure(error) && kept) return { value: kept, stale: true };
    throw error;
  }
}

/** Today's inspection of this enterprise as last seen, so a check-in queued offline can still open it. */
export function cachedTodayFor(creditCode: string): OnsiteInspectionView | null {
  return cache().today()?.find((view) => view.creditCode === creditCode && view.status !== 'finished') ?? null;
}

export function checkIn(input: Omit<CheckInRequest, 'clientKey' | 'at'>): Promise<Submitted<OnsiteInspectionView>> {
  const entry = checkInAction(input);
  return submit(entry, () => api.post<OnsiteInspectionView>('/api/onsite/check-in', directBody(entry.action)));
}

export function recordFinding(
  planId: string,
  item: { id: string; name: string },
  draft: FindingDraft & { outcome: FindingOutcome },
): Promise<Submitted<OnsiteInspectionView>> {
  const entry = findingAction(planId, item, draft);
  return submit(entry, () => api.post<OnsiteInspectionView>(`/api/onsite/inspections/${encodeURIComponent(planId)}/findings`, directBody(entry.action)));
}

/** 一表通查: the one checklist of the (joint) inspection this plan belongs to; read online only. */
export function jointChecklist(planId: string): Promise<JointChecklist> {
  return api.get<JointChecklist>(`/api/onsite/inspections/${encodeURIComponent(planId)}/checklist`);
}

/** 整改复查: the agency's yellow violations due for their follow-up check. */
export function dueFollowUps(): Promise<FollowUpView[]> {
  return api.get<FollowUpView[]>('/api/onsite/follow-ups');
}

export function recordFollowUp(request: FollowUpRequest): Promise<{ rectified: boolean; message: string }> {
  return api.post<{ rectified: boolean; message: string }>('/api/onsite/follow-ups', request);
}

export function finishInspection(view: OnsiteInspectionView): Promise<Submitted<OnsiteInspectionView>> {
  const entry = finishAction(view.id, view.enterpriseName);
  return submit(entry, () => api.post<OnsiteInspectionView>(`/api/onsite/inspections/${encodeURIComponent(view.id)}/finish`, directBody(entry.action)));
}

export interface DocumentMeta {
  kind: DocumentKind;
  title: string;
  docNo: string;
  /** Made once per chosen file, so a retried upload is recognised as the same one. */
  clientKey: string;
}

/** Documents need the network (they are not queued): one multipart upload with progress. */
export function uploadDocument(planId: string, meta: DocumentMeta, source: UploadSource, onProgress: (percent: number) => void): Promise<OnsiteDocumentView> {
  const query = { kind: meta.kind, title: meta.title.trim(), docNo: meta.docNo.trim() || undefined, clientKey: meta.clientKey };
  return api.upload<OnsiteDocumentView>(`/api/onsite/inspections/${encodeURIComponent(planId)}/documents`, query, source, onProgress);
}

export function inspectionTrail(id: string): Promise<TrailView> {
  return api.get<TrailView>(`/api/inspections/${encodeURIComponent(id)}/trail`);
}

/** The credit code in a scanned business licence, or null; a cancelled scan throws nothing. */
export async function scanLicence(): Promise<{ code: string | null; cancelled: boolean }> {
  try {
    const { result } = await Taro.scanCode({ scanType: ['qrCode', 'barCode'] });
    return { code: extractCreditCode(result), cancelled: false };
  } catch {
    return { code: null, cancelled: true };
  }
}

const LOCATION_WAIT_MS = 5_000;

/** Where the officer stands, if WeChat gives it quickly; refused or slow means none (never blocks a check-in). */
export async function currentLocation(): Promise<{ latitude: number; longitude: number } | undefined> {
  if (process.env.TARO_ENV !== 'weapp') return undefined;
  const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), LOCATION_WAIT_MS));
  const located = Taro.getLocation({ type: 'gcj02' }).then(
    ({ latitude, longitude }) => ({ latitude, longitude }),
    () => undefined,
  );
  return Promise.race([located, timeout]);
}
