import { describe, expect, it } from 'vitest';
import { QueryParameters } from '../../../lib/authorization-url/query-parameters';
import { MAX_SCOPE_LENGTH, MAX_SCOPE_VALUE_LENGTH, MAX_SCOPES, readScopes } from '../../../lib/authorization-url/read-scopes';
import type { ProviderId } from '../../../lib/authorization-request';
import { getProvider } from '../../../lib/providers';

function read(provider: ProviderId, query: string) {
  const anomalies: string[] = [];
  const reading = readScopes(getProvider(provider), new QueryParameters(query, []), anomalies);
  return { ...reading, sources: { ...reading.sources }, anomalies };
}

describe('readScopes', () => {
  it.each<[string, ProviderId, string, string[]]>([
    ['space-separated', 'generic', '?scope=openid%20email', ['openid', 'email']],
    ['plus as space', 'generic', '?scope=openid+email', ['openid', 'email']],
    ['a comma where the provider allows one', 'generic', '?scope=openid,email', ['openid', 'email']],
    ['a comma where the provider does not: part of the scope', 'google', '?scope=openid,email', ['openid,email']],
    ['tabs and newlines always separate (RFC 6749 section 3.3)', 'google', '?scope=openid%09email%0Aprofile', ['openid', 'email', 'profile']],
    ['empty pieces are dropped', 'generic', '?scope=%20openid%20%20email%20', ['openid', 'email']],
    ['duplicates once, in first order', 'generic', '?scope=b%20a%20b%20a', ['b', 'a']],
    ['every occurrence of a repeated scope parameter', 'generic', '?scope=a&scope=b%20a', ['a', 'b']],
    ['no scope parameter', 'generic', '?client_id=x', []],
    ['a Microsoft resource-prefixed scope stays whole', 'microsoft', '?scope=https%3A%2F%2Fgraph.microsoft.com%2FMail.Read', ['https://graph.microsoft.com/Mail.Read']],
    ['a scope named like a prototype key', 'generic', '?scope=__proto__%20constructor', ['__proto__', 'constructor']],
  ])('%s', (_name, provider, query, scopes) => {
    const reading = read(provider, query);
    expect(reading.scopes).toEqual(scopes);
    expect(reading.sources).toEqual({});
    expect(reading.alsoUserScopes).toBeUndefined();
    expect(reading.anomalies).toEqual([]);
  });

  it('marks Slack user scopes, and a scope granted to both the bot and the user', () => {
    const reading = read('slack', '?scope=chat:write,channels:read&user_scope=chat:write,users:read');
    expect(reading.scopes).toEqual(['chat:write', 'channels:read', 'users:read']);
    expect(reading.sources).toEqual({ 'users:read': 'user_scope' });
    expect(reading.alsoUserScopes).toEqual(['chat:write']);
  });

  it.each<[string, string, string[], string]>([
    ['control characters separate, and are reported', '?scope=openid%00email', ['openid', 'email'], 'control characters'],
    ['an over-long scope is cut', `?scope=${'a'.repeat(MAX_SCOPE_LENGTH + 5)}`, ['a'.repeat(MAX_SCOPE_LENGTH)], `longer than ${MAX_SCOPE_LENGTH}`],
    [
      'only the start of an over-long scope value is read',
      `?scope=openid${'%20'.repeat(MAX_SCOPE_VALUE_LENGTH)}email`,
      ['openid'],
      `longer than ${MAX_SCOPE_VALUE_LENGTH} characters`,
    ],
  ])('%s', (_name, query, scopes, anomaly) => {
    const reading = read('generic', query);
    expect(reading.scopes).toEqual(scopes);
    expect(reading.anomalies).toHaveLength(1);
    expect(reading.anomalies[0]).toContain(anomaly);
  });

  it(`reads at most ${MAX_SCOPES} different scopes and says so`, () => {
    const many = Array.from({ length: MAX_SCOPES + 10 }, (_, i) => `s${i}`);
    const reading = read('generic', `?scope=${many.join('%20')}`);
    expect(reading.scopes).toEqual(many.slice(0, MAX_SCOPES));
    expect(reading.anomalies).toEqual([`more than ${MAX_SCOPES} different scopes; only the first ${MAX_SCOPES} were read`]);
  });
});
