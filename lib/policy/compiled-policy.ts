/**
 * The shape of a policy once the engine has indexed it (lib/engine/compile-policy.ts). Types only, so that the
 * rules can read a compiled policy without importing the engine that runs them: imports run one way, rules ->
 * policy, engine -> rules and policy.
 */
import type { AuthorizationRequest } from '../authorization-request';
import type {
  ApprovedIntegration,
  BlockedIntegration,
  EnforcementMode,
  Organization,
  Policy,
  RuleAction,
  RuleId,
  RuleSettings,
} from './schema';

export interface CompiledApproval {
  /** Position in `approvedIntegrations`, for messages and for `Evaluation.approval`. */
  index: number;
  entry: ApprovedIntegration;
  /**
   * The approved scopes in comparison form (lib/policy/scope-key.ts), with the narrower scopes they include
   * (lib/policy/scope-coverage.ts).
   */
  scopeKeys: ReadonlySet<string>;
  /** The approved Slack user scopes (`userScopes`), in the same form; empty when the approval lists none. */
  userScopeKeys: ReadonlySet<string>;
}

export interface CompiledBlock {
  index: number;
  entry: BlockedIntegration;
}

/** A rule's options with every default filled in, and the action the admin chose (or the rule's default). */
export type ResolvedRuleSettings<Id extends RuleId> = Required<RuleSettings<Id>> & { action: RuleAction };

export type ResolvedRules = { [Id in RuleId]: ResolvedRuleSettings<Id> };

export interface CompiledPolicy {
  source: Policy;
  enforcement: EnforcementMode;
  organization: Organization | undefined;
  rules: ResolvedRules;
  /**
   * The approval for this request's provider + client id, preferring one that names the request's host. An
   * approval without a host matches only where the provider's host binding allows (lib/policy/host-binding.ts).
   */
  findApproval(request: Pick<AuthorizationRequest, 'provider' | 'clientId' | 'host'>): CompiledApproval | undefined;
  /** An exact block for provider + client id; else the provider's `*` block when the client is not approved. */
  findBlock(request: Pick<AuthorizationRequest, 'provider' | 'clientId'>, approved: boolean): CompiledBlock | undefined;
  /** Approved integrations whose name equals this one after normalising (lib/policy/normalize-app-name.ts). */
  approvalsNamed(name: string): readonly CompiledApproval[];
  /** How many approved integrations the policy holds. */
  approvalCount: number;
}
