/**
 * The shapes Consent Gate keeps in IndexedDB (lib/storage/database.ts). Versioned: a change here needs a
 * migration in lib/storage/migrations/ with a before/after test.
 */
import type { ProviderId } from '../authorization-request';
import type { Finding, RiskLevel, Verdict } from '../evaluation';

export const REVIEW_STATUSES = ['draft', 'submitted', 'approved', 'declined'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** What the detection knew when the review was started; shown read-only at the top of the questionnaire. */
export interface ReviewPrefill {
  provider: ProviderId;
  clientId: string;
  appName?: string;
  publisher?: string;
  /** Requested scopes with their plain-language meaning. */
  scopes: { scope: string; description: string; access: string[]; dataClasses: string[] }[];
  offlineAccess: boolean;
  verdict: Verdict;
  risk: RiskLevel;
  findings: Finding[];
  /**
   * The authorization URL the person was about to grant, reduced to what a reviewer needs: host, path and the
   * allowlisted parameters of lib/reporting/reviewer-request.ts. Never `state`, `nonce`, `login_hint` or tokens.
   */
  requestUrl: string;
  /** Scheme, host and path only. */
  redirectUri?: string;
  /** The origin of the page the person came from, never its path or query. */
  sourceUrl?: string;
}

export interface ReviewRecord {
  id: string;
  status: ReviewStatus;
  createdAt: string;
  updatedAt: string;
  submittedAt?: string;
  prefill: ReviewPrefill;
  /**
   * The questionnaire answers, partial while a draft. Validated by the questionnaire schema
   * (lib/review/) on submit; storage keeps them as given so a half-written draft is never lost.
   */
  answers: Record<string, unknown>;
}

export const CONSENT_ACTIONS = ['shown', 'continued', 'cancelled', 'review-started', 'review-requested', 'blocked', 'logged'] as const;
export type ConsentAction = (typeof CONSENT_ACTIONS)[number];

export interface ConsentEvent {
  /** Auto-incremented by IndexedDB. */
  id?: number;
  at: string;
  provider: ProviderId;
  clientId: string;
  appName?: string;
  host: string;
  scopes: string[];
  verdict: Verdict;
  risk: RiskLevel;
  enforcement: string;
  action: ConsentAction;
  /** The reason typed in `acknowledge` mode. */
  reason?: string;
  rules: string[];
}

export const DELIVERY_KINDS = ['events', 'review', 'slack', 'policy-error'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

/** One POST waiting in the outbox (lib/storage/outbox.ts). The body is built when queued and sent as is. */
export interface OutboxDelivery {
  /** Auto-incremented by IndexedDB: arrival order. */
  id?: number;
  kind: DeliveryKind;
  /** An https URL taken from the policy in force when the delivery was queued. */
  url: string;
  body: string;
  contentType: string;
  /** Failed attempts so far. */
  attempts: number;
  /** Epoch milliseconds; the delivery is due from then on. */
  nextAttemptAt: number;
  createdAt: string;
  /** Why the last attempt failed (HTTP status or network error). */
  lastError?: string;
}
