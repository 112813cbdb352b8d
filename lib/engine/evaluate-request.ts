/**
 * Judges one authorization request against the compiled policy and the rules (lib/rules/). Pure and fast: the
 * policy was indexed once (lib/engine/compile-policy.ts), so a request costs a few map look-ups and one pass of
 * each rule over its scopes. Verdict and risk follow the definitions in lib/evaluation.ts.
 */
import type { AuthorizationRequest } from '../authorization-request';
import { RISK_LEVELS, type Evaluation, type Finding, type PageFacts, type RiskLevel, type Verdict } from '../evaluation';
import type { CompiledApproval, CompiledPolicy, ResolvedRules } from '../policy/compiled-policy';
import { toIsoDate } from '../policy/iso-date';
import { scopeKey } from '../policy/scope-key';
import type { RuleAction, RuleId } from '../policy/schema';
import { RULES } from '../rules';
import { approvalCoversHiddenGrants, hiddenGrantsOf } from '../rules/shared/hidden-grants';
import { describeRedirectUri, type RedirectFacts } from '../rules/shared/redirect-facts';
import type { Rule, RuleContext } from '../rules/shared/rule';
import { classifyScopes } from '../scopes/classify-scope';
import { isSignInOnly as catalogSignInOnly, scopeRisk } from '../scopes/scope-risk';
import type { ScopeInfo } from '../scopes/scope-info';
import { defaultCompiledPolicy } from './default-policy';

export interface EvaluateOptions {
  /** The moment of the request; expiry and review dates are compared with its local calendar day. */
  now?: Date;
  /** What the consent page shows (app name, verified badge), when the content script read it. */
  page?: PageFacts;
  /** Scope classification; the catalog by default. */
  classify?: (provider: AuthorizationRequest['provider'], scopes: string[]) => ScopeInfo[];
  /** Whether a classified scope is sign-in only; the catalog's answer by default. */
  isSignInOnly?: (info: ScopeInfo) => boolean;
}

const RISK_INDEX: Readonly<Record<RiskLevel, number>> = { low: 0, medium: 1, high: 2, critical: 3 };

export function evaluateRequest(
  request: AuthorizationRequest,
  policy: CompiledPolicy = defaultCompiledPolicy(),
  options: EvaluateOptions = {},
): Evaluation {
  const classify = options.classify ?? classifyScopes;
  const baseSignIn = options.isSignInOnly;
  const isSignInOnly =
    baseSignIn === undefined
      ? signInOnlyByCatalog
      : (info: ScopeInfo): boolean => baseSignIn(info) || grantsOnlyOfflineIdentity(info);

  const scopes = classify(request.provider, request.scopes);
  const approval = policy.findApproval(request);
  const hiddenGrants = hiddenGrantsOf(request);
  // What the URL does not show can never be called sign-in only: its real grant is unknown or wider.
  const signInOnly = hiddenGrants.length === 0 && requestIsSignInOnly(request, scopes, isSignInOnly);
  const unapprovedScopes = approval === undefined ? scopes : uncoveredScopes(approval, request, scopes, isSignInOnly, signInOnly);
  const today = localDay(options.now ?? new Date());

  // One context for all rules; only `settings` changes between them. Rules are synchronous and keep no reference.
  const ctx: RuleContext<RuleId> = {
    request,
    policy,
    scopes,
    unapprovedScopes,
    approval,
    page: options.page,
    today,
    hiddenGrants,
    signInOnly,
    isSignInOnly,
    redirect: request.redirectUri === undefined ? undefined : redirectFacts(request.redirectUri),
    settings: policy.rules['blocked-client'],
  };

  const findings: Finding[] = [];
  let blocks = false;
  let needsReview = false;
  for (const { rule, settings, action } of activeRules(policy.rules)) {
    ctx.settings = settings;
    for (const found of rule.evaluate(ctx)) {
      // Field by field rather than `{ rule, ...found }`, which costs several times more; the keys keep the order the
      // CLI prints: rule, severity, scopes (when about scopes), message.
      const finding: Finding =
        found.scopes === undefined
          ? { rule: rule.id, severity: found.severity, message: found.message }
          : { rule: rule.id, severity: found.severity, scopes: found.scopes, message: found.message };
      if (action === 'block') {
        finding.blocks = true;
        blocks = true;
      } else if (action === 'review') {
        finding.requiresReview = true;
        needsReview = true;
      }
      findings.push(finding);
    }
  }

  const approvalValid =
    approval !== undefined &&
    unapprovedScopes.length === 0 &&
    (approval.entry.expiresOn === undefined || today <= approval.entry.expiresOn) &&
    // Decided here, not only by the hidden-scopes rule: an admin who turns that rule off must not make a request
    // whose real scopes are unknown count as approved.
    approvalCoversHiddenGrants(hiddenGrants, approval);

  let verdict: Verdict;
  if (blocks) verdict = 'blocked';
  else if (needsReview) verdict = 'needs-review';
  else if (approvalValid) verdict = 'approved';
  else if (signInOnly) verdict = 'allowed';
  else verdict = 'needs-review';

  const evaluation: Evaluation = {
    verdict,
    risk: riskOf(request, scopes, findings, signInOnly, isSignInOnly, hiddenGrants.length > 0),
    findings,
    scopes,
  };
  if (approval !== undefined) {
    evaluation.approval = approval.entry.name === undefined ? { index: approval.index } : { index: approval.index, name: approval.entry.name };
  }
  return evaluation;
}

interface ActiveRule {
  rule: Rule<RuleId>;
  settings: ResolvedRules[RuleId];
  action: RuleAction;
}

// The rules a policy leaves on, in order, with their settings: worked out once per compiled policy rather than
// looked up by rule id (16 look-ups across 16 differently shaped settings objects) on every request. A compiled
// policy's resolved rules are not changed after compiling (lib/engine/compile-policy.ts).
const activeRulesByPolicy = new WeakMap<ResolvedRules, readonly ActiveRule[]>();

function activeRules(rules: ResolvedRules): readonly ActiveRule[] {
  let active = activeRulesByPolicy.get(rules);
  if (active === undefined) {
    active = RULES.flatMap((rule) => {
      const settings = rules[rule.id];
      return settings.action === 'off' ? [] : [{ rule, settings, action: settings.action }];
    });
    activeRulesByPolicy.set(rules, active);
  }
  return active;
}

// `offline_access` adds persistence to sign-in, not data: "sign-in only, even with offline_access" (lib/evaluation.ts).
function grantsOnlyOfflineIdentity(info: ScopeInfo): boolean {
  if (!info.grantsOfflineAccess) return false;
  // A loop rather than `every` with a callback: this runs for several scopes of every request.
  for (const access of info.access) if (access !== 'identity') return false;
  return true;
}

/** The default test, defined once rather than as a new closure per request. */
function signInOnlyByCatalog(info: ScopeInfo): boolean {
  return catalogSignInOnly(info) || grantsOnlyOfflineIdentity(info);
}

// Apps send the same redirect URI on every sign-in; parse each once. Bounded, so hostile input cannot grow it.
const REDIRECT_CACHE_LIMIT = 1024;
const redirectCache = new Map<string, RedirectFacts>();

function redirectFacts(redirectUri: string): RedirectFacts {
  const cached = redirectCache.get(redirectUri);
  if (cached !== undefined) return cached;
  const facts = describeRedirectUri(redirectUri);
  if (redirectUri.length <= 2048) {
    if (redirectCache.size >= REDIRECT_CACHE_LIMIT) redirectCache.clear();
    redirectCache.set(redirectUri, facts);
  }
  return facts;
}

// The local calendar day changes once a day; remember the span of the last one instead of asking the time zone.
let dayCache = { from: 0, to: -1, iso: '' };

function localDay(now: Date): string {
  const time = now.getTime();
  if (time >= dayCache.from && time < dayCache.to) return dayCache.iso;
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  const to = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime();
  dayCache = { from, to, iso: toIsoDate(now) };
  return dayCache.iso;
}

/**
 * The scopes the approval does not cover. A loop rather than `filter` with a closure: this runs per request.
 *
 * Identity scopes are not data: an approved app that signs someone in with `openid` or `email` it did not list is
 * not creeping, and must never fare worse than an unknown app asking the same. `offline_access` counts as
 * identity only when the whole request is sign-in; beside data scopes it makes that data access persistent, which
 * an approval that did not list it never allowed.
 *
 * Slack grants a `user_scope` to a user token that acts as the employee, and a `scope` to the app's bot: the same
 * name is a different grant, so each is matched against its own list (`userScopes`, `scopes`).
 * https://api.slack.com/authentication/token-types
 */
function uncoveredScopes(
  approval: CompiledApproval,
  request: AuthorizationRequest,
  scopes: ScopeInfo[],
  isSignInOnly: (info: ScopeInfo) => boolean,
  signInOnly: boolean,
): ScopeInfo[] {
  const provider = request.provider;
  const keys = approval.scopeKeys;
  const sources = request.scopeSources;
  const alsoUser = request.alsoUserScopes;
  const uncovered: ScopeInfo[] = [];
  for (const info of scopes) {
    if (isSignInOnly(info) && (signInOnly || !info.grantsOfflineAccess)) continue;
    const key = scopeKey(provider, info.scope);
    if (sources[info.scope] === 'user_scope') {
      if (!approval.userScopeKeys.has(key)) uncovered.push(info);
    } else if (!keys.has(key) || (alsoUser !== undefined && alsoUser.includes(info.scope) && !approval.userScopeKeys.has(key))) {
      uncovered.push(info);
    }
  }
  return uncovered;
}

/**
 * Without scopes the server picks what to grant (RFC 6749 section 3.3), so an empty request is not sign-in only,
 * except on GitHub, which documents its default: read-only public information, the same as signing in.
 * https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps#available-scopes
 */
function requestIsSignInOnly(
  request: AuthorizationRequest,
  scopes: readonly ScopeInfo[],
  isSignInOnly: (info: ScopeInfo) => boolean,
): boolean {
  if (request.endpoint === 'admin-consent') return false;
  if (scopes.length === 0) return request.provider === 'github' && request.resource === undefined;
  return scopes.every(isSignInOnly);
}

/**
 * The request's risk: the riskiest scope as lib/scopes/scope-risk.ts rates it (the only place a scope's risk is
 * decided), raised by what the request itself says: at least high for offline access or grants the URL does not
 * show; critical for a finding the rules rate critical (an impostor host or app, admin consent for the whole
 * organisation).
 */
function riskOf(
  request: AuthorizationRequest,
  scopes: readonly ScopeInfo[],
  findings: readonly Finding[],
  signInOnly: boolean,
  isSignInOnly: (info: ScopeInfo) => boolean,
  hidesGrants: boolean,
): RiskLevel {
  for (const finding of findings) {
    if (finding.severity === 'critical') return 'critical';
  }
  if (signInOnly) return 'low';
  let level = RISK_INDEX.medium;
  // A grant the URL does not show (request object, v1 resource) or one for the whole organisation (admin consent)
  // has unknown or organisation-wide breadth, as `.default` has: high at least.
  if (request.offlineAccess || hidesGrants) level = RISK_INDEX.high;
  for (const info of scopes) {
    if (isSignInOnly(info)) continue;
    level = Math.max(level, RISK_INDEX[scopeRisk(info)]);
  }
  return RISK_LEVELS[level] ?? 'critical';
}
