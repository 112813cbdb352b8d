import { describe, expect, it } from 'vitest';
import type { ProviderId } from '../../../lib/authorization-request';
import type { RiskLevel } from '../../../lib/evaluation';
import { classifyScope, classifyScopes } from '../../../lib/scopes/classify-scope';
import type { ScopeInfo } from '../../../lib/scopes/scope-info';
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
    // repo also manages collaborators, team memberships and webhooks of organisation repositories.
    ['github', 'repo', 'critical'],
    ['github', 'public_repo', 'high'],
    // Everything an administrator set up in advance: its reach is unknown, so high, never limited.
    ['microsoft', 'https://graph.microsoft.com/.default', 'high'],
    ['microsoft', 'https://management.azure.com/user_impersonation', 'critical'],
    ['microsoft', 'api://00000000-0000-4000-8000-000000000000/user_impersonation', 'high'],
    // Files the person opens with the app are not all of Drive.
    ['google', 'https://www.googleapis.com/auth/drive.file', 'medium'],
    ['google', 'https://www.googleapis.com/auth/drive', 'high'],
    ['microsoft', 'Files.ReadWrite.Selected', 'medium'],
    ['microsoft', 'Files.ReadWrite', 'high'],
    // Reading organisation data is at most high: reading is not administering.
    ['auth0', 'read:users', 'high'],
    ['zoom', 'recording:read:admin', 'high'],
    ['zoom', 'meeting:read:admin', 'medium'],
    ['slack', 'admin.users:read', 'high'],
    ['okta', 'okta.logs.read', 'high'],
    ['slack', 'channels:read', 'medium'],
    ['microsoft', 'Directory.Read.All', 'high'],
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

  it.each<[string, Partial<ScopeInfo>, RiskLevel]>([
    ['sign-in only', { access: ['identity'], dataClasses: [], breadth: 'own' }, 'low'],
    ['sign-in that persists', { access: ['identity'], dataClasses: [], breadth: 'own', grantsOfflineAccess: true }, 'low'],
    ['read of internal data', { access: ['read'], dataClasses: ['internal'], breadth: 'shared' }, 'medium'],
    ['read of internal data across the organisation', { access: ['read'], dataClasses: ['internal'], breadth: 'organization' }, 'medium'],
    ['read of employee data across the organisation', { access: ['read'], dataClasses: ['employee'], breadth: 'organization' }, 'high'],
    ['read of your own mail', { access: ['read'], dataClasses: ['communications'], breadth: 'own' }, 'high'],
    ['read of picked files', { access: ['read'], dataClasses: ['files'], breadth: 'selected' }, 'medium'],
    ['change of picked files', { access: ['read', 'write', 'delete'], dataClasses: ['files'], breadth: 'selected' }, 'medium'],
    ['change of all your files', { access: ['read', 'write', 'delete'], dataClasses: ['files'], breadth: 'own' }, 'high'],
    ['change of everything shared with you', { access: ['write'], dataClasses: ['internal'], breadth: 'shared' }, 'high'],
    ['change of unknown reach', { access: ['read', 'write'], dataClasses: ['internal'], breadth: 'unknown' }, 'high'],
    ['read of unknown reach', { access: ['read'], dataClasses: ['internal'], breadth: 'unknown' }, 'high'],
    ['read that persists', { access: ['read'], dataClasses: ['internal'], breadth: 'own', grantsOfflineAccess: true }, 'high'],
    ['change across the organisation', { access: ['write'], dataClasses: ['internal'], breadth: 'organization' }, 'critical'],
    ['delete across the organisation', { access: ['delete'], dataClasses: ['files'], breadth: 'organization' }, 'critical'],
    ['administration of your own account', { access: ['admin'], dataClasses: ['credentials'], breadth: 'own' }, 'critical'],
    ['administration limited to picked items', { access: ['admin'], dataClasses: ['files'], breadth: 'selected' }, 'critical'],
  ])('the rule: %s -> %s', (_name, facts, risk) => {
    const info: ScopeInfo = {
      scope: 'x',
      catalog: 'generic',
      access: [],
      dataClasses: [],
      breadth: 'own',
      labels: [],
      description: 'A test scope.',
      grantsOfflineAccess: false,
      source: 'catalog',
      ...facts,
    };
    expect(scopeRisk(info)).toBe(risk);
  });

  it('highestScopeRisk takes the worst, and low for none', () => {
    expect(highestScopeRisk(classifyScopes('github', ['read:user', 'repo', 'admin:org']))).toBe('critical');
    expect(highestScopeRisk(classifyScopes('github', ['read:user']))).toBe('low');
    expect(highestScopeRisk([])).toBe('low');
  });
});
