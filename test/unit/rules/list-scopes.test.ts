import { describe, expect, it } from 'vitest';
import type { ProviderId } from '../../../lib/authorization-request';
import { listQuoted, listScopes } from '../../../lib/rules/shared/scope-facts';

const G = 'https://www.googleapis.com/auth/';

describe('listScopes', () => {
  it.each<[ProviderId, string[], string]>([
    ['microsoft', [], ''],
    ['microsoft', ['Mail.Read'], '"Mail.Read"'],
    ['microsoft', ['https://graph.microsoft.com/Mail.Read', 'Files.Read.All'], '"Mail.Read" and "Files.Read.All"'],
    ['google', [`${G}gmail.readonly`, `${G}drive`, `${G}calendar`], '"gmail.readonly", "drive" and "calendar"'],
    ['google', [`${G}gmail.readonly`, `${G}drive`, `${G}calendar`, `${G}contacts`], '"gmail.readonly", "drive" and 2 more'],
    ['slack', ['chat:write', 'channels:history', 'users:read', 'files:read', 'im:history'], '"chat:write", "channels:history" and 3 more'],
    ['github', ['repo\u202E'], '"repo\uFFFD"'],
  ])('%s %j -> %s', (provider, scopes, expected) => {
    expect(listScopes(provider, scopes)).toBe(expected);
  });
});

describe('listQuoted', () => {
  it('keeps resource addresses exactly as given', () => {
    expect(listQuoted(['https://graph.microsoft.com', 'https://outlook.office.com'])).toBe('"https://graph.microsoft.com" and "https://outlook.office.com"');
  });
});
