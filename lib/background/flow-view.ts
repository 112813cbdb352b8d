/**
 * Turns a tab's captured request (and what its consent page shows) into what the rest of the extension needs:
 * the overlay's view, a review's prefill, and consent-log events. Pure.
 */
import type { AuthorizationRequest } from '../authorization-request';
import { evaluateRequest } from '../engine/evaluate-request';
import type { PageFacts } from '../evaluation';
import type { OverlayView, TabState } from '../messages/protocol';
import type { CompiledPolicy } from '../policy/compiled-policy';
import { pageOrigin, reduceUri, reviewerRequestUrl } from '../reporting/reviewer-request';
import type { ConsentAction, ConsentEvent, ReviewPrefill } from '../storage/records';

export interface FlowInput {
  flowId: string;
  request: AuthorizationRequest;
  facts?: PageFacts;
}

function pickRequest(request: AuthorizationRequest): OverlayView['request'] {
  return {
    provider: request.provider,
    clientId: request.clientId,
    scopes: request.scopes,
    offlineAccess: request.offlineAccess,
    redirectUri: request.redirectUri,
    tenant: request.tenant,
    host: request.host,
  };
}

/** Evaluates the request with the page's facts and returns everything the overlay renders. */
export function buildOverlayView(flow: FlowInput, policy: CompiledPolicy, now: number): OverlayView {
  const evaluation = evaluateRequest(flow.request, policy, { now: new Date(now), page: flow.facts });
  // The approval's name before the page's: what the organization approved is named as the organization named it; the
  // page's name is shown beside it as the page's (components/overlay/fact-sources.ts) and logged as the page's fact.
  const appName = evaluation.approval?.name ?? flow.facts?.appName;
  const organization = policy.organization;
  return {
    flowId: flow.flowId,
    enforcement: policy.enforcement,
    request: pickRequest(flow.request),
    evaluation,
    ...(appName === undefined ? {} : { appName }),
    organization: {
      ...(organization?.name === undefined ? {} : { name: organization.name }),
      ...(organization?.supportContact === undefined ? {} : { supportContact: organization.supportContact }),
      ...(organization?.supportUrl === undefined ? {} : { supportUrl: organization.supportUrl }),
    },
  };
}

/**
 * Later facts add to earlier ones (the page may render the app name before the scope list). A later read never
 * withdraws a warning: once the page said the provider has not verified the app, a read that shows a badge instead
 * (the page changed, or a script rewrote it) leaves it unverified. A field read by either is not listed as unread.
 */
export function mergeFacts(previous: PageFacts | undefined, next: PageFacts): PageFacts {
  const merged: PageFacts = { ...previous };
  for (const [key, value] of Object.entries(next) as [keyof PageFacts, PageFacts[keyof PageFacts]][]) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  if (previous?.verified === false) merged.verified = false;
  if (merged.unread !== undefined) {
    const unread = merged.unread.filter((field) => merged[field] === undefined);
    if (unread.length > 0) merged.unread = unread;
    else delete merged.unread;
  }
  return merged;
}

/**
 * What the questionnaire shows read-only at its top. The prefill is stored, exported and sent to the reviewer, so
 * its addresses are reduced here, before anything is stored (lib/reporting/reviewer-request.ts): the full URL with
 * `state`, `nonce` and `login_hint` never reaches IndexedDB.
 */
export function buildReviewPrefill(state: TabState, view: OverlayView): ReviewPrefill {
  const { request } = state;
  const appName = view.appName ?? state.facts?.appName;
  const publisher = state.facts?.publisher;
  const sourceOrigin = pageOrigin(state.sourceUrl);
  return {
    provider: request.provider,
    clientId: request.clientId,
    ...(appName === undefined ? {} : { appName }),
    ...(publisher === undefined ? {} : { publisher }),
    scopes: view.evaluation.scopes.map((info) => ({
      scope: info.scope,
      description: info.description,
      access: [...info.access],
      dataClasses: [...info.dataClasses],
    })),
    offlineAccess: request.offlineAccess,
    verdict: view.evaluation.verdict,
    risk: view.evaluation.risk,
    findings: view.evaluation.findings,
    requestUrl: reviewerRequestUrl(request.url),
    ...(request.redirectUri === undefined ? {} : { redirectUri: reduceUri(request.redirectUri) }),
    ...(sourceOrigin === undefined ? {} : { sourceUrl: sourceOrigin }),
  };
}

/**
 * The event logged when the overlay first has the page's facts: `logged` in monitor mode (nothing shown),
 * `blocked` when the block interstitial covers the screen, else `shown`. `off` logs nothing.
 */
export function firstSightAction(view: OverlayView): ConsentAction | undefined {
  switch (view.enforcement) {
    case 'off':
      return undefined;
    case 'monitor':
      return 'logged';
    case 'block':
      return view.evaluation.verdict === 'needs-review' || view.evaluation.verdict === 'blocked' ? 'blocked' : 'shown';
    default:
      return view.evaluation.verdict === 'blocked' ? 'blocked' : 'shown';
  }
}

/** Whether the person may continue to the consent screen without a review. */
export function continueAllowed(view: OverlayView): boolean {
  const { verdict } = view.evaluation;
  if (verdict === 'blocked') return false;
  return !(view.enforcement === 'block' && verdict === 'needs-review');
}

export function buildConsentEvent(view: OverlayView, action: ConsentAction, now: number, reason?: string): Omit<ConsentEvent, 'id'> {
  return {
    at: new Date(now).toISOString(),
    provider: view.request.provider,
    clientId: view.request.clientId,
    ...(view.appName === undefined ? {} : { appName: view.appName }),
    host: view.request.host,
    scopes: [...view.request.scopes],
    verdict: view.evaluation.verdict,
    risk: view.evaluation.risk,
    enforcement: view.enforcement,
    action,
    ...(reason === undefined ? {} : { reason }),
    rules: [...new Set(view.evaluation.findings.map((finding) => finding.rule))],
  };
}
