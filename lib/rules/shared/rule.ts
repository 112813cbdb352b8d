/**
 * What a rule is and what it sees. A rule is pure: it reads the request, the compiled policy and the classified
 * scopes, and returns findings. Whether a finding informs, asks for a review or blocks is the admin's choice
 * (the rule's `action`); the engine stamps that onto each finding (lib/engine/evaluate-request.ts).
 */
import type { AuthorizationRequest } from '../../authorization-request';
import type { Finding, PageFacts } from '../../evaluation';
import type { ScopeInfo } from '../../scopes/scope-info';
import type { CompiledApproval, CompiledPolicy, ResolvedRuleSettings } from '../../policy/compiled-policy';
import type { RuleAction, RuleId, RuleSettings } from '../../policy/schema';
import type { HiddenGrant } from './hidden-grants';
import type { RedirectFacts } from './redirect-facts';

/** The rule's options, without `action`, as the rule's defaults must give them. */
export type RuleOptionDefaults<Id extends RuleId> = Omit<Required<RuleSettings<Id>>, 'action'>;

export interface RuleContext<Id extends RuleId = RuleId> {
  request: AuthorizationRequest;
  policy: CompiledPolicy;
  /** Every requested scope, classified, in request order. */
  scopes: readonly ScopeInfo[];
  /** The requested scopes the matching approval does not cover (all of them when nothing matched). */
  unapprovedScopes: readonly ScopeInfo[];
  /** The approved integration for this provider + client id (and host, when the approval names one). */
  approval: CompiledApproval | undefined;
  /** What the consent page shows, when the content script could read it. */
  page: PageFacts | undefined;
  /** The employee's local calendar day, `YYYY-MM-DD`. */
  today: string;
  /**
   * What the request may grant beyond the scopes in its URL (request objects, Microsoft v1 resources, admin
   * consent); empty for nearly every request. See lib/rules/shared/hidden-grants.ts.
   */
  hiddenGrants: readonly HiddenGrant[];
  /**
   * True when the request asks for nothing beyond sign-in (identity scopes, with or without offline access), and
   * nothing hidden from its URL.
   */
  signInOnly: boolean;
  isSignInOnly(info: ScopeInfo): boolean;
  redirect: RedirectFacts | undefined;
  settings: ResolvedRuleSettings<Id>;
}

/** A finding as a rule reports it; the engine adds the rule id and what the admin's action means for it. */
export type RuleFinding = Omit<Finding, 'rule' | 'blocks' | 'requiresReview'>;

export interface Rule<Id extends RuleId = RuleId> {
  /** The rule's file name in lib/rules/ and its key under `rules` in the policy. */
  id: Id;
  /** A short name for admins: "Read-only unless justified". */
  title: string;
  /** What the rule checks and why, in a sentence or two an admin understands. */
  description: string;
  defaultAction: RuleAction;
  defaultOptions: RuleOptionDefaults<Id>;
  // Method syntax on purpose: a list of rules with different option types must fit one array type.
  evaluate(ctx: RuleContext<Id>): readonly RuleFinding[];
}

/**
 * What a rule returns when it finds nothing. Most of the rules find nothing on most requests; one shared, frozen
 * empty list spares an allocation per rule per request.
 */
export const NO_FINDINGS: readonly RuleFinding[] = Object.freeze([]);

export function defineRule<Id extends RuleId>(rule: Rule<Id>): Rule<Id> {
  return rule;
}
