/**
 * One line of `check` output: what the engine read from an input line and how it judged it, as a flat JSON object
 * admins can filter with jq.
 *
 * For an input that is not an authorization request, `isAuthorizationRequest` is false, `reason` says why, every
 * scalar field (provider, clientId, offlineAccess, ..., verdict, risk) is null and the arrays (scopes, findings) are
 * empty, so `.scopes[]` and `.findings[]` work on every line.
 */
import type { AuthorizationRequest, ParseResult, Pkce, ProviderId } from '../../lib/authorization-request';
import type { Evaluation, Finding, RiskLevel, Verdict } from '../../lib/evaluation';

/** The record's fields that describe the request, in output order; `JudgementFields` follow them. */
export interface RequestFields {
  input: string;
  isAuthorizationRequest: boolean;
  /** Only when `isAuthorizationRequest` is false. */
  reason?: string;
  provider: ProviderId | null;
  clientId: string | null;
  scopes: string[];
  offlineAccess: boolean | null;
  redirectUri: string | null;
  responseType: string | null;
  prompt: string | null;
  tenant: string | null;
  pkce: Pkce | null;
}

/** How the engine judged the request: the last fields of every record. */
export interface JudgementFields {
  verdict: Verdict | null;
  risk: RiskLevel | null;
  findings: Finding[];
}

export type CheckRecord = RequestFields & JudgementFields;

export function formatCheckResult(input: string, parsed: ParseResult, evaluation: Evaluation | undefined): CheckRecord {
  if (!parsed.ok) return notAnAuthorizationRequest(input, parsed.reason);
  if (evaluation === undefined) throw new Error('an authorization request needs its evaluation to be reported');
  return describeRequest(input, parsed.request, evaluation);
}

export function notAnAuthorizationRequest(input: string, reason: string): CheckRecord {
  return {
    input,
    isAuthorizationRequest: false,
    reason,
    provider: null,
    clientId: null,
    scopes: [],
    offlineAccess: null,
    redirectUri: null,
    responseType: null,
    prompt: null,
    tenant: null,
    pkce: null,
    verdict: null,
    risk: null,
    findings: [],
  };
}

function describeRequest(input: string, request: AuthorizationRequest, evaluation: Evaluation): CheckRecord {
  return { ...requestFields(input, request), ...judgementFields(evaluation) };
}

export function requestFields(input: string, request: AuthorizationRequest): RequestFields {
  return {
    input,
    isAuthorizationRequest: true,
    provider: request.provider,
    clientId: request.clientId,
    scopes: request.scopes,
    offlineAccess: request.offlineAccess,
    redirectUri: request.redirectUri ?? null,
    responseType: request.responseType ?? null,
    prompt: request.prompt ?? null,
    tenant: request.tenant ?? null,
    pkce: request.pkce === null ? null : { method: request.pkce.method },
  };
}

export function judgementFields(evaluation: Evaluation): JudgementFields {
  return {
    verdict: evaluation.verdict,
    risk: evaluation.risk,
    findings: evaluation.findings.map(copyFinding),
  };
}

/** Only the documented fields, so nothing internal leaks into a format admins script against. */
function copyFinding(finding: Finding): Finding {
  const copy: Finding = { rule: finding.rule, severity: finding.severity, message: finding.message };
  if (finding.scopes !== undefined) copy.scopes = finding.scopes;
  if (finding.blocks !== undefined) copy.blocks = finding.blocks;
  if (finding.requiresReview !== undefined) copy.requiresReview = finding.requiresReview;
  return copy;
}
