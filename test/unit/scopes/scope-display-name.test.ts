import { describe, expect, it } from 'vitest';
import { PROVIDER_IDS, type ProviderId } from '../../../lib/authorization-request';
import { isShortened, MAX_DISPLAY_NAME_CHARS, scopeDisplayName } from '../../../lib/scopes/scope-display-name';

describe('scopeDisplayName', () => {
  it.each<[ProviderId, string, string]>([
    // Google: the API prefix goes, the rest is the name Google's docs use.
    ['google', 'https://www.googleapis.com/auth/gmail.readonly', 'gmail.readonly'],
    ['google', 'https://www.googleapis.com/auth/drive', 'drive'],
    ['google', 'https://www.googleapis.com/auth/userinfo.email', 'userinfo.email'],
    ['google', 'HTTPS://WWW.GOOGLEAPIS.COM/auth/calendar.events', 'calendar.events'],
    ['google', 'https://mail.google.com/', 'mail.google.com'],
    ['google', 'https://www.google.com/m8/feeds', 'www.google.com/m8/feeds'],
    ['google', 'openid', 'openid'],
    ['google', 'email', 'email'],
    // Nothing left after the prefix: the request is shown as it was, not as an empty name.
    ['google', 'https://www.googleapis.com/auth/', 'https://www.googleapis.com/auth/'],
    // Microsoft: Graph is the resource a bare permission means; other resources keep their host.
    ['microsoft', 'https://graph.microsoft.com/Mail.ReadWrite', 'Mail.ReadWrite'],
    ['microsoft', 'https://graph.microsoft.com/Files.Read.All', 'Files.Read.All'],
    ['microsoft', '00000003-0000-0000-c000-000000000000/User.Read', 'User.Read'],
    ['microsoft', 'Mail.Read', 'Mail.Read'],
    ['microsoft', 'offline_access', 'offline_access'],
    ['microsoft', 'https://graph.microsoft.com/.default', '.default'],
    ['microsoft', 'https://outlook.office.com/Mail.Read', 'outlook.office.com/Mail.Read'],
    ['microsoft', 'https://management.azure.com/user_impersonation', 'management.azure.com/user_impersonation'],
    ['microsoft', 'https://management.azure.com/.default', 'management.azure.com/.default'],
    ['microsoft', 'https://graph.microsoft.com/', 'https://graph.microsoft.com/'],
    // Custom APIs are named by their app id URI; without it the permission says nothing.
    ['microsoft', 'api://11112222-3333-4444-5555-666677778888/access_as_user', 'api://11112222-3333-4444-5555-666677778888/access_as_user'],
    ['microsoft', 'api://contoso.example/.default', 'api://contoso.example/.default'],
    // Providers whose scopes are already short stay exactly as requested.
    ['slack', 'chat:write', 'chat:write'],
    ['slack', 'channels:history', 'channels:history'],
    ['github', 'repo', 'repo'],
    ['github', 'read:org', 'read:org'],
    ['salesforce', 'refresh_token', 'refresh_token'],
    // Only Google and Microsoft scopes lose their prefix: elsewhere a URL is the provider's own name for it.
    ['generic', 'https://www.googleapis.com/auth/drive', 'https://www.googleapis.com/auth/drive'],
    ['auth0', 'https://api.example.com/read:orders', 'https://api.example.com/read:orders'],
  ])('%s %s -> %s', (provider, scope, expected) => {
    expect(scopeDisplayName(provider, scope)).toBe(expected);
    expect(isShortened(provider, scope)).toBe(expected !== scope);
  });

  it.each<[string, string, string]>([
    ['right-to-left override', 'Mail.Read\u202Ell\u202C', 'Mail.Read\uFFFDll\uFFFD'],
    ['isolate', '\u2066drive\u2069', '\uFFFDdrive\uFFFD'],
    ['zero-width space', 'drive\u200B.readonly', 'drive\uFFFD.readonly'],
    ['line break', 'repo\nadmin:org', 'repo\uFFFDadmin:org'],
    ['escape sequence', '\u001b[31mrepo', '\uFFFD[31mrepo'],
    ['C1 control', 'repo\u0085', 'repo\uFFFD'],
    ['Arabic letter mark', 'repo\u061C', 'repo\uFFFD'],
    ['byte order mark', '\uFEFFrepo', '\uFFFDrepo'],
  ])('shows a %s as a visible mark', (_name, scope, expected) => {
    expect(scopeDisplayName('github', scope)).toBe(expected);
  });

  it('neutralises hidden characters after the prefix is gone', () => {
    expect(scopeDisplayName('google', 'https://www.googleapis.com/auth/gmail\u202E.readonly')).toBe('gmail\uFFFD.readonly');
  });

  it('cuts an overly long name with an ellipsis, at the limit', () => {
    const long = `https://www.googleapis.com/auth/${'a'.repeat(500)}`;
    const shown = scopeDisplayName('google', long);
    expect(Array.from(shown)).toHaveLength(MAX_DISPLAY_NAME_CHARS);
    expect(shown).toBe(`${'a'.repeat(MAX_DISPLAY_NAME_CHARS - 1)}…`);
  });

  it('keeps a name exactly at the limit whole', () => {
    const atLimit = 'b'.repeat(MAX_DISPLAY_NAME_CHARS);
    expect(scopeDisplayName('slack', atLimit)).toBe(atLimit);
    expect(scopeDisplayName('slack', `${atLimit}c`)).toBe(`${'b'.repeat(MAX_DISPLAY_NAME_CHARS - 1)}…`);
  });

  it('never splits a character outside the basic plane', () => {
    const shown = scopeDisplayName('generic', '😀'.repeat(100));
    expect(shown).toBe(`${'😀'.repeat(MAX_DISPLAY_NAME_CHARS - 1)}…`);
  });

  it('stays bounded for megabyte-long input', () => {
    const shown = scopeDisplayName('microsoft', `https://graph.microsoft.com/${'\u202E'.repeat(2_000_000)}`);
    expect(Array.from(shown)).toHaveLength(MAX_DISPLAY_NAME_CHARS);
    expect(shown.startsWith('\uFFFD')).toBe(true);
  });

  it.each(PROVIDER_IDS.map((id) => [id]))('%s: never empty, never longer than the limit, no hidden characters', (provider) => {
    for (const scope of ['', 'x', 'https://', 'api://', '.default', `${'\u200F'.repeat(70)}`, 'https://graph.microsoft.com/\u0000']) {
      const shown = scopeDisplayName(provider, scope);
      expect(Array.from(shown).length).toBeLessThanOrEqual(MAX_DISPLAY_NAME_CHARS);
      // The very characters the function must remove, so the pattern has to name them.
      // eslint-disable-next-line no-control-regex
      expect(shown).not.toMatch(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069\u200b-\u200f]/);
      if (scope !== '') expect(shown).not.toBe('');
    }
  });
});
