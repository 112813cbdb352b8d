/**
 * Turns a validated policy into lookup tables, once per policy load, so judging a request costs a few map
 * look-ups however many integrations the company approved.
 */
import type { ProviderId } from '../authorization-request';
import { ClientIndex } from '../policy/client-index';
import type { CompiledApproval, CompiledBlock, CompiledPolicy, ResolvedRules } from '../policy/compiled-policy';
import { approvalHostMatches, canonicalApprovalHost } from '../policy/host-binding';
import { normalizeAppName } from '../policy/normalize-app-name';
import { ANY_CLIENT, type ApprovedIntegration, type Policy } from '../policy/schema';
import { approvedScopeKeys } from '../policy/scope-coverage';
import { RULES } from '../rules';

/** Fills each rule's settings from the rule's defaults, then the admin's overrides. */
export function resolveRuleSettings(overrides: Policy['rules']): ResolvedRules {
  const resolved: Record<string, unknown> = {};
  for (const rule of RULES) {
    resolved[rule.id] = { action: rule.defaultAction, ...rule.defaultOptions, ...overrides?.[rule.id] };
  }
  return resolved as ResolvedRules;
}

/**
 * An approval as the engine looks it up. Its scope keys are built on first use: a policy of 10,000 approvals
 * loads without building 10,000 sets, and each approved app's set is built once, on its first request.
 */
class Approval implements CompiledApproval {
  private keys: ReadonlySet<string> | undefined;
  private userKeys: ReadonlySet<string> | undefined;
  /** The approval's host in the form requests carry it, kept here so a look-up need not read the entry. */
  readonly hostKey: string | undefined;

  constructor(
    readonly index: number,
    readonly entry: ApprovedIntegration,
  ) {
    this.hostKey = canonicalApprovalHost(entry.host);
  }

  get scopeKeys(): ReadonlySet<string> {
    this.keys ??= approvedScopeKeys(this.entry.provider, this.entry.scopes);
    return this.keys;
  }

  get userScopeKeys(): ReadonlySet<string> {
    this.userKeys ??= approvedScopeKeys(this.entry.provider, this.entry.userScopes ?? []);
    return this.userKeys;
  }
}

/**
 * The parser already writes `request.host` canonically, so the plain comparison settles nearly every look-up; a
 * request built elsewhere (the CLI's JSON, a test) is brought to the same form before it is refused.
 */
export function compilePolicy(policy: Policy): CompiledPolicy {
  // Nearly every client has one approval: it is stored as is, and only a client approved more than once (for
  // different hosts) gets a list. One object fewer to reach on every request's look-up.
  const byClient = new ClientIndex<Approval | Approval[]>();
  const approved = policy.approvedIntegrations ?? [];
  const approvals = new Array<Approval>(approved.length);
  for (let index = 0; index < approved.length; index++) {
    const entry = approved[index]!;
    const compiled = new Approval(index, entry);
    approvals[index] = compiled;
    const earlier = byClient.setIfAbsent(entry.provider, entry.clientId, compiled);
    if (Array.isArray(earlier)) earlier.push(compiled);
    else if (earlier !== undefined) byClient.set(entry.provider, entry.clientId, [earlier, compiled]);
  }
  // Names are compared only when a consent page shows one (the look-alike-app rule, in the browser): index them on
  // first use, so loading a large policy does not normalise 10,000 names that the CLI never compares.
  let byName: Map<string, CompiledApproval[]> | undefined;
  const namesIndex = (): Map<string, CompiledApproval[]> => {
    if (byName === undefined) {
      byName = new Map();
      for (const compiled of approvals) {
        if (compiled.entry.name !== undefined) push(byName, normalizeAppName(compiled.entry.name), compiled);
      }
    }
    return byName;
  };

  const blockedClients = new ClientIndex<CompiledBlock>();
  const blockedProviders = new Map<ProviderId, CompiledBlock>();
  const blocked = policy.blockedIntegrations ?? [];
  for (let index = 0; index < blocked.length; index++) {
    const entry = blocked[index]!;
    const block = { index, entry };
    if (entry.clientId === ANY_CLIENT) {
      if (!blockedProviders.has(entry.provider)) blockedProviders.set(entry.provider, block);
    } else if (blockedClients.get(entry.provider, entry.clientId) === undefined) {
      blockedClients.set(entry.provider, entry.clientId, block);
    }
  }

  return {
    source: policy,
    enforcement: policy.enforcement ?? 'warn',
    organization: policy.organization,
    rules: resolveRuleSettings(policy.rules),
    approvalCount: approved.length,
    findApproval(request) {
      const found = byClient.get(request.provider, request.clientId);
      if (found === undefined) return undefined;
      if (!Array.isArray(found)) return approvalHostMatches(request.provider, found.hostKey, request.host) ? found : undefined;
      let unscoped: CompiledApproval | undefined;
      for (const candidate of found) {
        const host = candidate.hostKey;
        if (host === undefined) {
          if (unscoped === undefined && approvalHostMatches(request.provider, undefined, request.host)) unscoped = candidate;
        } else if (approvalHostMatches(request.provider, host, request.host)) return candidate;
      }
      return unscoped;
    },
    findBlock(request, isApproved) {
      const exact = blockedClients.get(request.provider, request.clientId);
      if (exact !== undefined) return exact;
      return isApproved ? undefined : blockedProviders.get(request.provider);
    },
    approvalsNamed(name) {
      return namesIndex().get(normalizeAppName(name)) ?? [];
    },
  };
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
