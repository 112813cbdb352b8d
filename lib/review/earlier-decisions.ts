/**
 * The decisions the policy already holds on the app under review: an approval or a block written after an earlier
 * review, so the next review starts from past answers (who decided, when, what, the written decision, the notes).
 * Pure: takes the policy in force and the app, returns what to show.
 */
import type { ProviderId } from '../authorization-request';
import { canonicalHost } from '../hosts/canonical-host';
import type { ApprovedIntegration, BlockedIntegration, IntegrationKind, Policy } from '../policy/schema';

export type EarlierOutcome = IntegrationKind | 'blocked';

export interface EarlierDecision {
  /** production, pilot or exception for an approval; blocked for a block. */
  outcome: EarlierOutcome;
  /** An approval past its `expiresOn`: the earlier answer, no longer in force. */
  expired: boolean;
  /** Where it sits in the policy, e.g. `approvedIntegrations[3]`, so a reviewer can find it to edit. */
  path: string;
  name?: string;
  decidedBy?: string;
  decidedOn?: string;
  /** Only an http(s) address; anything else is dropped, never shown as a link. */
  link?: string;
  /** An approval's notes, or a block's reason. */
  notes?: string;
  scopes?: string[];
  owner?: string;
  expiresOn?: string;
  reviewBy?: string;
}

export interface AppUnderReview {
  provider: ProviderId;
  clientId: string;
  /** The authorization host of the request, when known: an approval bound to another host is another app. */
  host?: string;
}

/** The address as the browser would open it, when it is http(s); undefined for `javascript:`, `data:` and the rest. */
export function safeWebLink(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
}

/** The canonical host of a stored request URL (ReviewPrefill.requestUrl), if it parses. */
export function requestHost(requestUrl: string): string | undefined {
  try {
    return canonicalHost(new URL(requestUrl).host);
  } catch {
    return undefined;
  }
}

function hostMatches(approval: ApprovedIntegration, host: string | undefined): boolean {
  if (approval.host === undefined || host === undefined) return true;
  return canonicalHost(approval.host) === host;
}

/**
 * An approval counts as an earlier decision when it carries what a decision leaves behind (a link, notes, who
 * approved and when) or is one whose end matters to the next review (a pilot, an exception, an expired approval).
 * A bare approval with none of these says nothing a reviewer could start from.
 */
function fromApproval(approval: ApprovedIntegration, index: number, today: string): EarlierDecision | undefined {
  const kind = approval.kind ?? 'production';
  const expired = approval.expiresOn !== undefined && approval.expiresOn < today;
  const link = safeWebLink(approval.decisionUrl);
  const telling =
    link !== undefined || approval.notes !== undefined || approval.approvedBy !== undefined || approval.approvedOn !== undefined || kind !== 'production' || expired;
  if (!telling) return undefined;
  return {
    outcome: kind,
    expired,
    path: `approvedIntegrations[${index}]`,
    scopes: [...approval.scopes, ...(approval.userScopes ?? [])],
    ...(approval.name === undefined ? {} : { name: approval.name }),
    ...(approval.approvedBy === undefined ? {} : { decidedBy: approval.approvedBy }),
    ...(approval.approvedOn === undefined ? {} : { decidedOn: approval.approvedOn }),
    ...(link === undefined ? {} : { link }),
    ...(approval.notes === undefined ? {} : { notes: approval.notes }),
    ...(approval.owner === undefined ? {} : { owner: approval.owner }),
    ...(approval.expiresOn === undefined ? {} : { expiresOn: approval.expiresOn }),
    ...(approval.reviewBy === undefined ? {} : { reviewBy: approval.reviewBy }),
  };
}

function fromBlock(block: BlockedIntegration, index: number): EarlierDecision | undefined {
  const link = safeWebLink(block.decisionUrl);
  if (link === undefined && block.reason === undefined) return undefined;
  return {
    outcome: 'blocked',
    expired: false,
    path: `blockedIntegrations[${index}]`,
    ...(block.name === undefined ? {} : { name: block.name }),
    ...(link === undefined ? {} : { link }),
    ...(block.reason === undefined ? {} : { notes: block.reason }),
  };
}

/**
 * Blocks first (they decide the request), then approvals, each in policy order. A provider-wide block (`*`) is a
 * rule for every unapproved app, not an answer about this one, so it is not listed.
 */
export function findEarlierDecisions(policy: Policy, app: AppUnderReview, today: string): EarlierDecision[] {
  const blocks = (policy.blockedIntegrations ?? []).flatMap((block, index) =>
    block.provider === app.provider && block.clientId === app.clientId ? [fromBlock(block, index)] : [],
  );
  const approvals = (policy.approvedIntegrations ?? []).flatMap((approval, index) =>
    approval.provider === app.provider && approval.clientId === app.clientId && hostMatches(approval, app.host)
      ? [fromApproval(approval, index, today)]
      : [],
  );
  return [...blocks, ...approvals].filter((decision): decision is EarlierDecision => decision !== undefined);
}
