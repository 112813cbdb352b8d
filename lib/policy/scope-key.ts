/**
 * The form in which an approved scope and a requested scope are compared. Requests keep scopes exactly as sent
 * (lib/authorization-request.ts); matching must still see that two spellings grant the same thing.
 */
import type { ProviderId } from '../authorization-request';

/**
 * Microsoft identity platform scopes are case-insensitive, and a bare permission name means Microsoft Graph:
 * `Mail.Read`, `mail.read` and `https://graph.microsoft.com/Mail.Read` are one permission.
 * https://learn.microsoft.com/en-us/entra/identity-platform/scopes-oidc#scopes-and-permissions
 */
const GRAPH_PREFIXES = ['https://graph.microsoft.com/', '00000003-0000-0000-c000-000000000000/'];

/**
 * Google treats `email` and `profile` as aliases of the userinfo scopes.
 * https://developers.google.com/identity/protocols/oauth2/scopes#oauth2
 */
const GOOGLE_ALIASES: ReadonlyMap<string, string> = new Map([
  ['https://www.googleapis.com/auth/userinfo.email', 'email'],
  ['https://www.googleapis.com/auth/userinfo.profile', 'profile'],
]);

export function scopeKey(provider: ProviderId, scope: string): string {
  if (provider === 'microsoft') {
    const lower = scope.toLowerCase();
    for (const prefix of GRAPH_PREFIXES) {
      if (lower.startsWith(prefix)) return lower.slice(prefix.length);
    }
    return lower;
  }
  if (provider === 'google') return GOOGLE_ALIASES.get(scope) ?? scope;
  return scope;
}

/**
 * Client ids compare exactly, except Microsoft's, which are GUIDs and case-insensitive.
 * https://learn.microsoft.com/en-us/entra/identity-platform/reference-app-manifest#appid-attribute
 */
export function clientKey(provider: ProviderId, clientId: string): string {
  const id = clientId.trim();
  return `${provider}\u0000${provider === 'microsoft' ? id.toLowerCase() : id}`;
}
