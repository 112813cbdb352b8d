import { describe, expect, it } from 'vitest';
import type { ProviderId } from '../../../lib/authorization-request';
import type { RiskLevel } from '../../../lib/evaluation';
import { classifyScope } from '../../../lib/scopes/classify-scope';
import type { ProviderLabel } from '../../../lib/scopes/scope-info';
import { scopeRisk } from '../../../lib/scopes/scope-risk';
import { reportScope } from '../../../lib/scopes/scope-report';

type Row = [provider: ProviderId, scope: string, source: 'catalog' | 'guess', risk: RiskLevel, labels: ProviderLabel[], offline: boolean];

const ROWS: Row[] = [
  ['google', 'https://www.googleapis.com/auth/gmail.readonly', 'catalog', 'high', ['google-restricted'], false],
  ['google', 'openid', 'catalog', 'low', [], false],
  ['google', 'https://www.googleapis.com/auth/frobnicate.write', 'guess', 'high', [], false],
  ['microsoft', 'https://graph.microsoft.com/Mail.ReadWrite', 'catalog', 'high', [], false],
  ['microsoft', 'Directory.ReadWrite.All', 'catalog', 'critical', ['microsoft-admin-consent'], false],
  ['microsoft', 'offline_access', 'catalog', 'low', [], true],
  ['microsoft', 'Widget.ReadWrite.All', 'guess', 'critical', [], false],
  ['github', 'admin:org', 'catalog', 'critical', [], false],
  ['github', 'frob:write', 'guess', 'high', [], false],
  ['slack', 'channels:read', 'catalog', 'medium', [], false],
  ['salesforce', 'refresh_token', 'catalog', 'low', [], true],
  ['generic', 'frobnicate', 'guess', 'high', [], false],
];

const FIELDS = ['provider', 'scope', 'source', 'access', 'dataClasses', 'breadth', 'labels', 'risk', 'description', 'grantsOfflineAccess', 'guessReason'];

describe('reportScope', () => {
  it.each(ROWS)('%s %s: %s, %s', (provider, scope, source, risk, labels, offline) => {
    const report = reportScope(provider, scope);
    expect(report).toMatchObject({ provider, scope, source, risk, labels, grantsOfflineAccess: offline });
    expect(Object.keys(report)).toEqual(FIELDS);
    if (source === 'guess') expect(report.guessReason).toContain(`Not in the ${provider} scope catalog`);
    else expect(report.guessReason).toBeNull();
  });

  it.each(ROWS)('%s %s: decided by the classifier and the one risk rule, not here', (provider, scope) => {
    const info = classifyScope(provider, scope);
    const report = reportScope(provider, scope);
    expect(report).toEqual({
      provider,
      scope: info.scope,
      source: info.source,
      access: info.access,
      dataClasses: info.dataClasses,
      breadth: info.breadth,
      labels: info.labels,
      risk: scopeRisk(info),
      description: info.description,
      grantsOfflineAccess: info.grantsOfflineAccess,
      guessReason: info.guessReason ?? null,
    });
  });

  it('keeps the scope as given when the catalog files it under a shorter key', () => {
    expect(reportScope('microsoft', 'https://graph.microsoft.com/Mail.ReadWrite').scope).toBe('https://graph.microsoft.com/Mail.ReadWrite');
    expect(reportScope('google', 'gmail.readonly').description).toBe(reportScope('google', 'https://www.googleapis.com/auth/gmail.readonly').description);
  });

  it('hands out copies: changing a report does not change the next one', () => {
    const first = reportScope('github', 'admin:org');
    first.access.length = 0;
    first.dataClasses.push('health');
    first.labels.push('google-sensitive');
    const second = reportScope('github', 'admin:org');
    expect(second.access).toContain('admin');
    expect(second.dataClasses).not.toContain('health');
    expect(second.labels).toEqual([]);
  });

  it.each(['', ' ', 'x'.repeat(10_000), 'a\u0000b\u202e'])('never throws and always answers, even for %j', (scope) => {
    const report = reportScope('generic', scope);
    expect(report.source).toBe('guess');
    expect(report.description.length).toBeGreaterThan(0);
  });
});
