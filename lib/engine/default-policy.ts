/**
 * The built-in policy: what Consent Gate does with no policy at all. Nothing is approved or blocked, the overlay
 * warns, and every rule runs with its own default action and options (shown in full in `DEFAULT_RULE_SETTINGS`).
 */
import type { CompiledPolicy } from '../policy/compiled-policy';
import { POLICY_SCHEMA_VERSION, type Policy } from '../policy/schema';
import { compilePolicy, resolveRuleSettings } from './compile-policy';

export const DEFAULT_RULE_SETTINGS = resolveRuleSettings(undefined);

export const DEFAULT_POLICY: Policy = {
  schemaVersion: POLICY_SCHEMA_VERSION,
  enforcement: 'warn',
  approvedIntegrations: [],
  blockedIntegrations: [],
  rules: DEFAULT_RULE_SETTINGS,
};

let compiledDefault: CompiledPolicy | undefined;

/** The default policy, compiled once on first use. */
export function defaultCompiledPolicy(): CompiledPolicy {
  compiledDefault ??= compilePolicy(DEFAULT_POLICY);
  return compiledDefault;
}
