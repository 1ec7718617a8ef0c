import type { ColourClassing, ViolationColour } from './violation-colours.js';
import type { PlanTrigger } from './api.js';
import type { AccompanyingView, PlanKind } from './visits.js';

/** The outcome of one inspection item on site. */
export type FindingOutcome = 'pass' | 'rectify' | 'violation';
export const FINDING_OUTCOMES: readonly { value: FindingOutcome; label: string }[] = [
  { value: 'pass', label: '合格' },
  { value: 'rectify', label: '责令整改' },
  { value: 'violation', label: '违法（立案）' },
];

/** Documents kept with an inspection. */
export type DocumentKind = 'record' | 'case-filing' | 'penalty-decision' | 'coercive' | 'photo';
export const DOCUMENT_KINDS: readonly { value: DocumentKind; label: string }[] = [
  { value: 'record', label: '检查记录' },
  { value: 'case-filing', label: '立案审批表' },
  { value: 'penalty-decision', label: '行政处罚决定书' },
  { value: 'coercive', label: '行政强制措施文书' },
  { value: 'photo', label: '现场照片' },
];

/** What an inspection's result is in the exchange format, from its findings: any violation makes a case. */
export const INSPECTION_RESULTS = ['pass', 'rectify', 'case'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];
export const INSPECTION_RESULT_LABELS: Record<InspectionResult, string> = { pass: '合格', rectify: '责令整改', case: '立案' };

export interface CheckInRequest {
  /** The 18-character unified social credit code, scanned from the licence or typed. */
  creditCode: string;
  /** Idempotency key made by the phone, so an upload retried from the offline queue records once. */
  clientKey: string;
  /** When the officer scanned, for check-ins sent later from the offline queue (ISO 8601). */
  at?: string;
  latitude?: number;
  longitude?: number;
}

/** The answer to a check-in: enough to greet the officer and open the inspection (GET /api/onsite/inspections/:id has the rest). */
export interface CheckInResult {
  /** The agency's plan id, which is also its inspection record's id. */
  id: string;
  planCode: string;
  creditCode: string;
  enterpriseName: string;
  trigger: PlanTrigger;
  coded: boolean;
  /** The inspection's first check-in (an earlier officer's, when this is not the first). */
  checkedInAt: string;
  /** Emergency inspected before its code: by when the code must be filed. */
  codeDueAt: string | null;
}

export interface FindingRequest {
  itemId: string;
  outcome: FindingOutcome;
  /** 三色: the colour the officer confirms (the proposal by default). */
  colour?: ViolationColour;
  /** YYYY-MM-DD, required for `rectify`. */
  rectifyBy?: string;
  note?: string;
  clientKey: string;
  at?: string;
}

export interface FinishRequest {
  clientKey: string;
  at?: string;
}

export interface OnsiteItemView {
  id: string;
  name: string;
  basis: string;
  /** The latest finding recorded for the item. */
  finding: { outcome: FindingOutcome; rectifyBy: string | null; note: string | null; at: string; colour?: ViolationColour | null } | null;
  /** 三色: the colour a violation of the item by this enterprise would be classed with now. */
  proposal?: ColourClassing;
}

export interface OnsiteDocumentView {
  id: string;
  kind: DocumentKind;
  title: string;
  docNo: string | null;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}

/** One agency's part of an inspection, as the officer works through it on site. */
export interface OnsiteInspectionView {
  /** The agency's plan id, which is also its inspection record's id. */
  id: string;
  planCode: string;
  leadPlanId: string;
  creditCode: string;
  enterpriseName: string;
  agencyId: string;
  agencyName: string;
  /** Other agencies inspecting together (joint inspection). */
  jointAgencies: string[];
  inspectionDate: string;
  trigger: PlanTrigger;
  coded: boolean;
  status: 'planned' | 'on-site' | 'finished';
  checkedInAt: string | null;
  finishedAt: string | null;
  /** Emergency inspected before its code: by when the code must be filed. */
  codeDueAt: string | null;
  officers: { id: string; name: string; certNo: string }[];
  items: OnsiteItemView[];
  documents: OnsiteDocumentView[];
  /** Null until finished, and for a visit, which has no result. */
  result: InspectionResult | null;
  /** inspection, or a visit kind (回访、政策宣传、走访调研), with its label. */
  kind?: PlanKind;
  kindLabel?: string;
  /** 陪同执法: who of another agency accompanies this inspection. */
  accompanying?: AccompanyingView[];
}

/** What the phone records offline and replays: a check-in, a finding, the finish. */
export const OFFLINE_ACTION_TYPES = ['check-in', 'finding', 'finish'] as const;

/** One change made offline, replayed in order when the phone is back online. */
export type OfflineAction =
  | { type: 'check-in'; clientKey: string; body: CheckInRequest }
  | { type: 'finding'; clientKey: string; planId: string; body: FindingRequest }
  | { type: 'finish'; clientKey: string; planId: string; body: FinishRequest };

export interface SyncRequest {
  actions: OfflineAction[];
}

export interface SyncOutcome {
  clientKey: string;
  /** `duplicate`: already recorded by an earlier upload, nothing changed. */
  status: 'applied' | 'duplicate' | 'refused';
  error?: { code: string; message: string };
}

export interface SyncResponse {
  results: SyncOutcome[];
}

export interface TrailEntryView {
  seq: number;
  kind: string;
  actor: string;
  /** The user's display name where the actor is a user and the reader is a desk; absent otherwise. */
  actorName?: string | null;
  at: string;
  detail: Record<string, unknown>;
  hash: string;
}

export interface TrailView {
  inspectionId: string;
  entries: TrailEntryView[];
}

/**
 * Who took a step, as the enterprise sees it: an officer by name and certificate number; an agency's
 * other staff by the agency's name; otherwise one of PUBLIC_ACTOR_LABELS.
 */
export interface PublicTrailActor {
  name: string;
  /** 执法证号, officers only. */
  certNo?: string;
}

/** Names of those who are not officers, as the enterprise's view of the trail gives them. */
export const PUBLIC_ACTOR_LABELS = {
  enterprise: '企业',
  supervision: '执法监督部门',
  system: '系统',
  /** A user the register no longer knows. */
  unknown: '执法人员',
} as const;

export interface PublicTrailStep {
  /** The step, in Chinese (TRAIL_KINDS' label). */
  step: string;
  /** What it recorded, in Chinese (trailDetailLine for the public); '' when the step says it all. */
  detail: string;
  by: PublicTrailActor;
  at: string;
}

/**
 * The enterprise's view of its inspection's trail (全过程留痕), through the inspection code: each
 * agency's steps, and until when the code answers. No ids, accounts, notes or ratings.
 */
export interface PublicTrailView {
  agencies: { agencyName: string; steps: PublicTrailStep[] }[];
  /** The code's expiry: after it, or once the code is revoked, the trail is no longer shown. */
  validUntil: string;
}

export interface TrailVerification {
  inspectionId: string;
  entries: number;
  intact: boolean;
  /** The first broken link: the seq where the recomputed chain stops matching. */
  firstBreak: { seq: number; reason: 'sequence-gap' | 'prev-hash-mismatch' | 'hash-mismatch' } | null;
}
