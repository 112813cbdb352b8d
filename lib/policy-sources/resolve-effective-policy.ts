/**
 * Which policy is in force, and where each part of it came from. Pure: the background gathers the sources
 * (lib/background/), this decides.
 *
 * Precedence, highest first: enterprise managed storage, the signed remote config, the local file an employee or
 * small-team admin imported, and the built-in defaults. Each top-level key is taken whole from the highest source
 * that sets it, so an admin's list is never silently extended by a lower source; `rules` is the exception and is
 * resolved per rule, so a managed policy can pin one rule's action without restating the others.
 */
import { RULES } from '../rules';
import { ENFORCEMENT_MODES, RULE_ACTIONS, type Policy } from '../policy/schema';

export const POLICY_SOURCES = ['managed', 'remote', 'local', 'default'] as const;
export type PolicySourceId = (typeof POLICY_SOURCES)[number];

export interface PolicySources {
  managed?: Policy;
  remote?: Policy;
  local?: Policy;
  defaults: Policy;
  /** Managed policy may forbid a local policy file (`allowLocalPolicy: false`). */
  localAllowed: boolean;
}

export interface EffectivePolicy {
  policy: Policy;
  /** For each top-level key in force (and each `rules.<id>`), the source it came from. */
  origins: Record<string, PolicySourceId>;
  /** Set when a local policy exists but managed policy forbids it. */
  localIgnored?: string;
  /** Keys of the local policy left out because managed or remote policy exists (see `restrictLocalPolicy`). */
  localRestricted?: LocalRestriction[];
}

export interface LocalRestriction {
  key: string;
  reason: string;
}

const KEYS_NOT_MERGED = new Set(['$schema']);

/**
 * Keys only enterprise managed policy may set. A remote config that could move its own URL or key, or a local
 * file that could point the browser at someone else's signed config, would turn one edit into a takeover.
 */
export const MANAGED_ONLY_KEYS: ReadonlySet<string> = new Set(['configUrl', 'configPublicKey', 'configRefreshMinutes', 'allowLocalPolicy', 'localPolicy']);

/** Local keys that name where data goes: a local file must not redirect reports or reviews past the admin. */
const DESTINATION_KEYS = ['reporting', 'reviewIntake'] as const;

/**
 * Where managed or remote policy exists, a local file may tighten (enforcement, blocks, rule actions) but not approve apps
 * nor choose where reports and reviews go, unless managed policy says so in `localPolicy`. Without managed or remote
 * policy (a small team with only a file) the file is the admin's own and keeps every key.
 */
export function restrictLocalPolicy(
  local: Policy,
  context: { managed?: Policy | undefined; remote?: Policy | undefined; defaults?: Policy | undefined },
): { policy: Policy; restricted: LocalRestriction[] } {
  if (context.managed === undefined && context.remote === undefined) return { policy: local, restricted: [] };
  const allowed = context.managed?.localPolicy ?? {};
  const policy: Record<string, unknown> = { ...local };
  const restricted: LocalRestriction[] = [];
  if (allowed.allowApprovals !== true && local.approvedIntegrations !== undefined && local.approvedIntegrations.length > 0) {
    delete policy.approvedIntegrations;
    restricted.push({ key: 'approvedIntegrations', reason: 'only managed policy may let a local file approve apps (localPolicy.allowApprovals)' });
  }
  if (allowed.allowDestinations !== true) {
    for (const key of DESTINATION_KEYS) {
      if (local[key] === undefined) continue;
      delete policy[key];
      restricted.push({ key, reason: 'only managed policy may let a local file choose where reports and reviews go (localPolicy.allowDestinations)' });
    }
  }
  // "May tighten" is checked, not assumed: an imported file must not switch the overlay or a rule off (or soften a
  // rule's limits) where the administrator left the built-in setting in force. A weaker value is left out, so the
  // setting below it (the defaults) applies.
  const enforcement = local.enforcement;
  const floor = context.defaults?.enforcement ?? 'warn';
  if (enforcement !== undefined && ENFORCEMENT_MODES.indexOf(enforcement) < ENFORCEMENT_MODES.indexOf(floor)) {
    delete policy.enforcement;
    restricted.push({ key: 'enforcement', reason: `a local file may only make enforcement stricter than "${floor}"` });
  }
  if (local.rules !== undefined) {
    const rules: Record<string, unknown> = {};
    for (const [id, settings] of Object.entries(local.rules)) {
      if (settings === undefined) continue;
      const builtIn = context.defaults?.rules?.[id as keyof NonNullable<Policy['rules']>]?.action ?? RULES.find((rule) => rule.id === id)?.defaultAction ?? 'block';
      const action = settings.action;
      // Options other than the action (limits, data classes) can only be judged by the administrator.
      if (action === undefined || Object.keys(settings).length > 1 || RULE_ACTIONS.indexOf(action) < RULE_ACTIONS.indexOf(builtIn)) {
        restricted.push({ key: `rules.${id}`, reason: 'a local file may only make a rule stricter (its action alone)' });
      } else {
        rules[id] = settings;
      }
    }
    if (Object.keys(rules).length > 0) policy.rules = rules;
    else delete policy.rules;
  }
  for (const key of MANAGED_ONLY_KEYS) {
    if (local[key as keyof Policy] === undefined) continue;
    delete policy[key];
    restricted.push({ key, reason: 'only managed policy sets it' });
  }
  return { policy: policy as Policy, restricted };
}

/** One sentence for the options page: what of the local file is not used, and why. */
export function describeLocalRestrictions(restricted: readonly LocalRestriction[]): string | undefined {
  if (restricted.length === 0) return undefined;
  const parts = restricted.map(({ key, reason }) => `${key} (${reason})`);
  return `Your administrator manages Consent Gate, so these keys of the local policy file are ignored: ${parts.join('; ')}.`;
}

export function resolveEffectivePolicy(sources: PolicySources): EffectivePolicy {
  const local =
    sources.localAllowed && sources.local !== undefined
      ? restrictLocalPolicy(sources.local, { managed: sources.managed, remote: sources.remote, defaults: sources.defaults })
      : undefined;
  const ordered: [PolicySourceId, Policy | undefined][] = [
    ['managed', sources.managed],
    ['remote', sources.remote],
    ['local', local?.policy],
    ['default', sources.defaults],
  ];
  const policy: Record<string, unknown> = {};
  const origins: Record<string, PolicySourceId> = {};
  const rules: Record<string, unknown> = {};

  for (const [source, candidate] of ordered) {
    if (!candidate) continue;
    for (const [key, value] of Object.entries(candidate)) {
      if (value === undefined || KEYS_NOT_MERGED.has(key)) continue;
      if (MANAGED_ONLY_KEYS.has(key) && source !== 'managed') continue;
      if (key === 'rules') {
        for (const [ruleId, settings] of Object.entries(value as Record<string, unknown>)) {
          if (settings === undefined || ruleId in rules) continue;
          rules[ruleId] = settings;
          origins[`rules.${ruleId}`] = source;
        }
        continue;
      }
      if (key in policy) continue;
      policy[key] = value;
      origins[key] = source;
    }
  }
  if (Object.keys(rules).length > 0) policy.rules = rules;

  const result: EffectivePolicy = { policy: policy as Policy, origins };
  if (sources.local && !sources.localAllowed) {
    result.localIgnored = 'Your administrator manages Consent Gate; the imported local policy is not used.';
  }
  if (local !== undefined && local.restricted.length > 0) result.localRestricted = local.restricted;
  return result;
}
