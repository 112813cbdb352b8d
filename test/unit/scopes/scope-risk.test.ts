import { describe, expect, it } from 'vitest';
import type { ProviderId } from '../../../lib/authorization-request';
import type { RiskLevel } from '../../../lib/evaluation';
import { classifyScope, classifyScopes } from '../../../lib/scopes/classify-scope';
import { areSignInOnly, highestScopeRisk, isSignInOnly, scopeRisk } from '../../../lib/scopes/scope-risk';

describe('isSignInOnly', () => {
  it.each<[ProviderId, string, boolean]>([
    ['generic', 'openid', true],
    ['generic', 'offline_access', true],
    ['microsoft', 'User.Read', true],
    ['microsoft', 'https://graph.microsoft.com/User.Read', true],
    ['github', 'user:email', true],
    ['slack', 'identity.basic', true],
    ['google', 'https://www.googleapis.com/auth/userinfo.profile', true],
    ['microsoft', 'Mail.Read', false],
    ['microsoft', 'https://graph.microsoft.com/.default', false],
    ['github', 'repo', false],
    ['generic', 'unknown-thing', false],
  ])('%s %s -> %s', (provider, scope, expected) => {
    expect(isSignInOnly(classifyScope(provider, scope))).toBe(expected);
  });

  it('areSignInOnly needs every scope to be identity, and at least one scope', () => {
    expect(areSignInOnly(classifyScopes('microsoft', ['openid', 'profile', 'email', 'offline_access', 'User.Read']))).toBe(true);
    expect(areSignInOnly(classifyScopes('microsoft', ['openid', 'Mail.Read']))).toBe(false);
    expect(areSignInOnly([])).toBe(false);
  });
});

describe('scopeRisk', () => {
  it.each<[ProviderId, string, RiskLevel]>([
    ['generic', 'openid', 'low'],
    ['slack', 'team:read', 'medium'],
    ['atlassian', 'read:jira-work', 'medium'],
    ['microsoft', 'Mail.Read', 'high'],
    ['google', 'https://www.googleapis.com/auth/drive.readonly', 'high'],
    ['github', 'repo', 'high'],
    ['microsoft', 'https://graph.microsoft.com/.default', 'high'],
    ['generic', 'frobnicate', 'high'],
    ['salesforce', 'full', 'critical'],
    ['slack', 'admin', 'critical'],
    ['box', 'manage_managed_users', 'critical'],
    ['github', 'admin:org', 'critical'],
    ['github', 'delete_repo', 'critical'],
    ['microsoft', 'Directory.ReadWrite.All', 'critical'],
    ['google', 'https://www.googleapis.com/auth/admin.directory.user', 'critical'],
  ])('%s %s -> %s', (provider, scope, risk) => {
    expect(scopeRisk(classifyScope(provider, scope))).toBe(risk);
  });

  it('highestScopeRisk takes the worst, and low for none', () => {
    expect(highestScopeRisk(classifyScopes('github', ['read:user', 'repo', 'admin:org']))).toBe('critical');
    expect(highestScopeRisk(classifyScopes('github', ['read:user']))).toBe('low');
    expect(highestScopeRisk([])).toBe('low');
  });
});
