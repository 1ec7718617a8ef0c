import type {
  CauseChangeRequest,
  CoerciveMeasureRequest,
  DecisionRequest,
  FilePenaltyCaseRequest,
  LegalReviewQueueItem,
  LegalReviewVerdictRequest,
  LegalReviewView,
  NoticeRequest,
  Page,
  PenaltyCaseListItem,
  PenaltyCaseView,
  PenaltyStage,
  TrailView,
} from '@mashang/shared';
import { ApiError } from '../logic/api-error';
import { api } from './request';

const casePath = (id: string) => `/api/penalty-cases/${encodeURIComponent(id)}`;
const measurePath = (id: string) => `/api/penalty-cases/coercive-measures/${encodeURIComponent(id)}`;

export const PENALTY_PAGE_SIZE = 20;

/** The agency's cases (all of them for supervisors and discipline), newest first. */
export function listPenaltyCases(stage: PenaltyStage | null, page: number): Promise<Page<PenaltyCaseListItem>> {
  return api.get<Page<PenaltyCaseListItem>>('/api/penalty-cases', { stage, page, pageSize: PENALTY_PAGE_SIZE });
}

export function penaltyCase(id: string): Promise<PenaltyCaseView> {
  return api.get<PenaltyCaseView>(casePath(id));
}

export function penaltyCaseTrail(id: string): Promise<TrailView> {
  return api.get<TrailView>(`${casePath(id)}/trail`);
}

export function filePenaltyCase(request: FilePenaltyCaseRequest): Promise<PenaltyCaseView> {
  return api.post<PenaltyCaseView>('/api/penalty-cases', request);
}

export function noticePenaltyCase(id: string, request: NoticeRequest): Promise<PenaltyCaseView> {
  return api.post<PenaltyCaseView>(`${casePath(id)}/notice`, request);
}

export function decidePenaltyCase(id: string, request: DecisionRequest): Promise<PenaltyCaseView> {
  return api.post<PenaltyCaseView>(`${casePath(id)}/decision`, request);
}

export function closePenaltyCase(id: string, reason: string): Promise<PenaltyCaseView> {
  return api.post<PenaltyCaseView>(`${casePath(id)}/close`, { reason });
}

export function revokePenaltyCase(id: string, reason: string): Promise<PenaltyCaseView> {
  return api.post<PenaltyCaseView>(`${casePath(id)}/revoke`, { reason });
}

export function changeCause(id: string, request: CauseChangeRequest): Promise<PenaltyCaseView> {
  return api.post<PenaltyCaseView>(`${casePath(id)}/cause`, request);
}

export function startCoerciveMeasure(id: string, request: CoerciveMeasureRequest): Promise<PenaltyCaseView> {
  return api.post<PenaltyCaseView>(`${casePath(id)}/coercive-measures`, request);
}

export function extendCoerciveMeasure(measureId: string, reason: string): Promise<PenaltyCaseView> {
  return api.post<PenaltyCaseView>(`${measurePath(measureId)}/extend`, { reason });
}

export function releaseCoerciveMeasure(measureId: string, reason: string): Promise<PenaltyCaseView> {
  return api.post<PenaltyCaseView>(`${measurePath(measureId)}/release`, { reason });
}

// ── 法制审核 (supervisors; agency admins their own agency's) ─────────────────────────────────────

export function waitingReviews(): Promise<LegalReviewQueueItem[]> {
  return api.get<LegalReviewQueueItem[]>('/api/penalty-cases/reviews');
}

export function decideReview(reviewId: string, request: LegalReviewVerdictRequest): Promise<LegalReviewView> {
  return api.post<LegalReviewView>(`/api/penalty-cases/reviews/${encodeURIComponent(reviewId)}`, request);
}

// ── clauses to choose from ───────────────────────────────────────────────────────────────────────

export interface ClauseChoice {
  clause: string;
  name: string;
}

/**
 * Benchmarks whose clause or name contains `q`, for the filing form's suggestions. A server without
 * the benchmark list answers 404: then there are none and the clause is typed.
 */
export async function searchClauses(q: string): Promise<ClauseChoice[] | null> {
  try {
    const page = await api.get<Page<ClauseChoice>>('/api/discretion-benchmarks', { q: q || undefined, page: 1, pageSize: 10 });
    return page.items.map(({ clause, name }) => ({ clause, name }));
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return null;
    throw error;
  }
}
