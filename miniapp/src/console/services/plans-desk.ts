import type {
  AgencyDto,
  CreateScenarioRequest,
  DecidePlanApprovalRequest,
  DecideReviewRequest,
  IndustryCount,
  JointScenarioView,
  Page,
  PlanApprovalStatus,
  PlanApprovalView,
  PlanView,
  ReviewRequestView,
  ReviewStatus,
  UpdateScenarioRequest,
} from '@mashang/shared';
import { api } from '../../services/request';
import { APPROVAL_PAGE_SIZE } from '../logic/plan-approvals';
import { REVIEW_PAGE_SIZE } from '../logic/reviews';

// ---- joint-supervision scenarios (综合监管场景)

export function listScenarios(): Promise<JointScenarioView[]> {
  return api.get<JointScenarioView[]>('/api/joint-scenarios');
}

export function createScenario(request: CreateScenarioRequest): Promise<JointScenarioView> {
  return api.post<JointScenarioView>('/api/joint-scenarios', request);
}

export function updateScenario(id: string, patch: UpdateScenarioRequest): Promise<JointScenarioView> {
  return api.patch<JointScenarioView>(`/api/joint-scenarios/${encodeURIComponent(id)}`, patch);
}

/** The register's industries, most enterprises first. */
export function registerIndustries(): Promise<IndustryCount[]> {
  return api.get<IndustryCount[]>('/api/registry/industries');
}

/** Every agency the caller may see, page by page (a city has a few hundred at most). */
export async function allAgencies(): Promise<AgencyDto[]> {
  const agencies: AgencyDto[] = [];
  for (let page = 1; ; page++) {
    const result = await api.get<Page<AgencyDto>>('/api/registry/agencies', { page, pageSize: 100 });
    agencies.push(...result.items);
    if (!result.items.length || agencies.length >= result.total) return agencies;
  }
}

// ---- review requests (异议复查)

export function listReviews(status: ReviewStatus | 'all', page: number): Promise<Page<ReviewRequestView>> {
  return api.get<Page<ReviewRequestView>>('/api/reviews', { page, pageSize: REVIEW_PAGE_SIZE, ...(status === 'all' ? {} : { status }) });
}

export function decideReview(id: string, request: DecideReviewRequest): Promise<ReviewRequestView> {
  return api.post<ReviewRequestView>(`/api/reviews/${encodeURIComponent(id)}/decision`, request);
}

// ---- plan approval (计划审批)

export function listPlanApprovals(status: PlanApprovalStatus, page: number): Promise<Page<PlanApprovalView>> {
  return api.get<Page<PlanApprovalView>>('/api/plans/approvals', { status, page, pageSize: APPROVAL_PAGE_SIZE });
}

/** Approves or returns a plan (the agency's admin); refusals arrive as RULE_REFUSED. */
export function decidePlanApproval(id: string, request: DecidePlanApprovalRequest): Promise<PlanView> {
  return api.post<PlanView>(`/api/plans/${encodeURIComponent(id)}/approval`, request);
}
