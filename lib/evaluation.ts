/**
 * The result of judging an authorization request against the policy and the default rules.
 * Produced by `evaluateRequest` (lib/engine/evaluate-request.ts); shared by the CLI, the background and the overlay.
 */
import type { ScopeInfo } from './scopes/scope-info';

export const VERDICTS = ['approved', 'allowed', 'needs-review', 'blocked'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const SEVERITIES = ['info', 'warning', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  /** The id of the rule behind it (its file name in lib/rules/). */
  rule: string;
  severity: Severity;
  /** Plain language, for the employee on the consent screen. */
  message: string;
  /** The scopes the finding is about, when it is about scopes. */
  scopes?: string[];
  /** The rule asks for this request to be blocked (admin set the rule's action to `block`). */
  blocks?: boolean;
  /** The rule says the request cannot pass without a review. */
  requiresReview?: boolean;
}

/** What the consent page itself shows; the content script reads it from the DOM. All page-controlled text. */
/** The facts a consent page can show; an extractor names the ones it looked for and could not read. */
export const PAGE_FACT_FIELDS = ['appName', 'publisher', 'verified', 'scopeDescriptions', 'account'] as const;
export type PageFactField = (typeof PAGE_FACT_FIELDS)[number];

export interface PageFacts {
  appName?: string;
  publisher?: string;
  /** The provider's own "verified publisher / verified app" badge, when the page shows one. */
  verified?: boolean;
  scopeDescriptions?: string[];
  account?: string;
  /**
   * Fields the extractor looked for on this page and could not read. Unknown stays unknown: the overlay says "not
   * shown" instead of guessing, and a rule never reads a missing field as a negative answer.
   */
  unread?: PageFactField[];
}

export interface Evaluation {
  verdict: Verdict;
  risk: RiskLevel;
  findings: Finding[];
  /** Every requested scope, classified. */
  scopes: ScopeInfo[];
  /** The approved integration that matched provider + client id, if any (by its index and name). */
  approval?: { index: number; name?: string };
}
