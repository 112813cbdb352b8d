/**
 * What the policy says about a submitted review's app. Pure. The review's own authorization URL is judged again,
 * so an approval limited to a host or to fewer scopes counts exactly as it would on the consent screen.
 */
import { evaluateRequest } from '../engine/evaluate-request';
import { parseAuthorizationUrl } from '../parse-authorization-url';
import type { CompiledPolicy } from '../policy/compiled-policy';
import type { ReviewRecord, ReviewStatus } from '../storage/records';

/** Drafts are the requester's; only reviews they sent are decided by the policy. */
const DECIDED_BY_POLICY: ReadonlySet<ReviewStatus> = new Set(['submitted', 'approved', 'declined']);

/**
 * `approved` when the policy approves the request as reviewed, `declined` when it lists the client as blocked,
 * `undefined` when the policy has not decided (the review stays as it is).
 */
export function decideReviewStatus(review: ReviewRecord, policy: CompiledPolicy, now: Date): ReviewStatus | undefined {
  if (!DECIDED_BY_POLICY.has(review.status)) return undefined;
  const parsed = parseAuthorizationUrl(review.prefill.requestUrl);
  if (!parsed.ok) return undefined;
  const request = parsed.request;
  const approval = policy.findApproval(request);
  if (policy.findBlock(request, approval !== undefined) !== undefined) return 'declined';
  const evaluation = evaluateRequest(request, policy, { now });
  if (evaluation.verdict === 'approved') return 'approved';
  return undefined;
}
