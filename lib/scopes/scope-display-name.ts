/**
 * Scope names the way people read them: Google's `https://www.googleapis.com/auth/gmail.readonly` is
 * `gmail.readonly`, Microsoft Graph's `https://graph.microsoft.com/Mail.ReadWrite` is `Mail.ReadWrite`. Only for
 * reading: matching, policy keys and JSON output keep the exact requested string, and screens that show a short
 * name keep that string one click away.
 */
import type { ProviderId } from '../authorization-request';

/** Longer names are cut with an ellipsis: no real scope is this long, and a hostile one must not push text off screen. */
export const MAX_DISPLAY_NAME_CHARS = 60;

// Every Google API scope lives under this prefix; its docs and consent screen name scopes by what follows.
// https://developers.google.com/identity/protocols/oauth2/scopes
const GOOGLE_API_PREFIX = /^https:\/\/www\.googleapis\.com\/auth\//i;
// Graph is the resource a bare permission means (`Mail.Read` is `https://graph.microsoft.com/Mail.Read`), also
// written as its application id. Other resources keep their host: `user_impersonation` alone says nothing.
// https://learn.microsoft.com/en-us/entra/identity-platform/scopes-oidc#scopes-and-permissions
const GRAPH_PREFIX = /^(?:https:\/\/graph\.microsoft\.com|00000003-0000-0000-c000-000000000000)\//i;
const HTTPS_PREFIX = /^https:\/\//i;
// C0 and C1 controls, bidi embeddings, overrides, isolates and marks, and zero-width characters: each could make
// a name read as another (Trojan Source, CVE-2021-42574). Replaced by a visible mark rather than dropped, so the
// name shows that something was there.
// eslint-disable-next-line no-control-regex
const HIDDEN_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** The short name of one requested scope, safe to show as text. Never throws; never longer than the limit. */
export function scopeDisplayName(provider: ProviderId, scope: string): string {
  // Cut before any work: a hostile scope can be megabytes long, and only the start is ever shown.
  let name = scope.slice(0, MAX_DISPLAY_NAME_CHARS * 4);
  if (provider === 'google') {
    // The few scopes outside the prefix (`https://mail.google.com/`) read as their host and path.
    name = name.replace(GOOGLE_API_PREFIX, '').replace(HTTPS_PREFIX, '').replace(/\/$/, '');
  } else if (provider === 'microsoft') {
    name = name.replace(GRAPH_PREFIX, '').replace(HTTPS_PREFIX, '');
  }
  // An emptied name (`https://graph.microsoft.com/`) shows what was requested rather than nothing.
  if (name === '') name = scope.slice(0, MAX_DISPLAY_NAME_CHARS * 4);
  name = name.replace(HIDDEN_CHARACTERS, '\ufffd');
  const characters = Array.from(name);
  return characters.length > MAX_DISPLAY_NAME_CHARS ? `${characters.slice(0, MAX_DISPLAY_NAME_CHARS - 1).join('')}…` : name;
}

/** True when the short name is not the exact requested string, so a screen should offer the full one. */
export function isShortened(provider: ProviderId, scope: string): boolean {
  return scopeDisplayName(provider, scope) !== scope;
}
