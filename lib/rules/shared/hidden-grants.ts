/**
 * Grants that the scopes in the URL do not show. The engine (lib/engine/evaluate-request.ts) uses these so that such a
 * request is never "sign-in only" and never approved on its URL alone; the hidden-scopes rule puts them in words.
 * Pure.
 */
import type { AuthorizationRequest, RequestObjectParameter } from '../../authorization-request';
import type { CompiledApproval } from '../../policy/compiled-policy';

export type HiddenGrant =
  /** PAR or JAR: the server acts on parameters the URL does not carry (RFC 9126, RFC 9101). */
  | { kind: 'request-object'; parameters: RequestObjectParameter[] }
  /**
   * Microsoft v1: consent to every permission the app configured on these resources; `scope` is ignored. No
   * resources when the URL names none: the consent still covers what the app configured, on APIs not named here.
   */
  | { kind: 'v1-resource'; resources: string[] }
  /** An administrator grants for every user of the organisation (`prompt=admin_consent`, `/adminconsent`). */
  | { kind: 'admin-consent' }
  /** The app, its redirect URI or its grant type given twice with different values: the server may act on another. */
  | { kind: 'conflicting-parameters'; parameters: string[] };

/**
 * The v1 endpoint takes `resource` and ignores `scope`; the grant is whatever the app's registration lists for
 * that resource. https://learn.microsoft.com/en-us/previous-versions/azure/active-directory/azuread-dev/v1-protocols-oauth-code
 */
function v1Resources(request: AuthorizationRequest): string[] | undefined {
  if (request.provider !== 'microsoft' || request.endpointVariant !== 'v1' || request.endpoint !== 'authorize') return undefined;
  return (request.resource ?? '').split(' ').filter((resource) => resource.length > 0);
}

/**
 * `prompt=admin_consent` on the authorize endpoint asks the administrator to consent for the whole tenant, as
 * `/adminconsent` does. https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow#request-an-authorization-code
 * The value is a space-separated list (OpenID Connect Core §3.1.2.1), so it is matched as one of its words.
 */
export function isAdminConsent(request: AuthorizationRequest): boolean {
  if (request.endpoint === 'admin-consent') return true;
  return request.prompt !== undefined && request.prompt.toLowerCase().split(' ').includes('admin_consent');
}

/** What hiddenGrantsOf returns for nearly every request: one shared, frozen list, no allocation per request. */
const NO_HIDDEN_GRANTS: readonly HiddenGrant[] = Object.freeze([]);

/** Everything the request may grant beyond its URL's scopes, in a fixed order; empty for nearly every request. */
export function hiddenGrantsOf(request: AuthorizationRequest): readonly HiddenGrant[] {
  if (
    request.requestObjects === undefined &&
    request.conflictingParameters === undefined &&
    request.endpointVariant !== 'v1' &&
    request.prompt === undefined &&
    request.endpoint !== 'admin-consent'
  ) {
    return NO_HIDDEN_GRANTS;
  }
  const grants: HiddenGrant[] = [];
  if (request.requestObjects !== undefined && request.requestObjects.length > 0) {
    grants.push({ kind: 'request-object', parameters: request.requestObjects });
  }
  const resources = v1Resources(request);
  if (resources !== undefined) grants.push({ kind: 'v1-resource', resources });
  if (isAdminConsent(request)) grants.push({ kind: 'admin-consent' });
  if (request.conflictingParameters !== undefined && request.conflictingParameters.length > 0) {
    grants.push({ kind: 'conflicting-parameters', parameters: request.conflictingParameters });
  }
  return grants.length === 0 ? NO_HIDDEN_GRANTS : grants;
}

/**
 * Resource identifiers compare without case and without a trailing slash: Entra ID accepts
 * `https://graph.microsoft.com` and `https://graph.microsoft.com/` as the same resource.
 */
export function resourceKey(resource: string): string {
  const lower = resource.trim().toLowerCase();
  return lower.endsWith('/') ? lower.slice(0, -1) : lower;
}

/** The resources of a v1 request that the approval does not name. */
export function unapprovedResources(resources: readonly string[], approval: CompiledApproval | undefined): string[] {
  const approved = new Set((approval?.entry.resources ?? []).map(resourceKey));
  return resources.filter((resource) => !approved.has(resourceKey(resource)));
}

/**
 * Whether the approval explicitly covers a hidden grant. Admin consent widens who is granted, not what: the
 * approval's scopes still bound it, and the risk (at least high) says how far it reaches.
 */
export function approvalCoversHiddenGrant(grant: HiddenGrant, approval: CompiledApproval | undefined): boolean {
  if (approval === undefined) return false;
  switch (grant.kind) {
    case 'request-object':
      return approval.entry.allowRequestObjects === true;
    case 'v1-resource':
      return unapprovedResources(grant.resources, approval).length === 0;
    case 'admin-consent':
      return true;
    case 'conflicting-parameters':
      // No approval can say which of the values the server takes.
      return false;
  }
}

/** Whether the approval covers every hidden grant; a loop, since this runs for every request that has an approval. */
export function approvalCoversHiddenGrants(grants: readonly HiddenGrant[], approval: CompiledApproval | undefined): boolean {
  for (const grant of grants) if (!approvalCoversHiddenGrant(grant, approval)) return false;
  return true;
}
