/**
 * Hand-built requests and classified scopes for the rule and engine tables, so each case states exactly the
 * facts it depends on instead of whatever the catalog says today.
 */
import type { AuthorizationRequest } from '../../../lib/authorization-request';
import type { Access, Breadth, DataClass, ScopeInfo } from '../../../lib/scopes/scope-info';
import type { EvaluateOptions } from '../../../lib/engine/evaluate-request';

export function request(overrides: Partial<AuthorizationRequest> = {}): AuthorizationRequest {
  const provider = overrides.provider ?? 'microsoft';
  return {
    provider,
    endpoint: 'authorize',
    url: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
    host: 'login.microsoftonline.com',
    clientId: 'aaaaaaaa-0000-0000-0000-000000000001',
    scopes: ['openid'],
    scopeSources: {},
    redirectUri: 'https://app.example.com/callback',
    pkce: { method: 'S256' },
    offlineAccess: false,
    anomalies: [],
    ...overrides,
  };
}

function info(scope: string, access: Access[], dataClasses: DataClass[], breadth: Breadth, extra: Partial<ScopeInfo> = {}): ScopeInfo {
  return {
    scope,
    catalog: 'microsoft',
    access,
    dataClasses,
    breadth,
    labels: [],
    description: `Test scope ${scope}`,
    grantsOfflineAccess: false,
    source: 'catalog',
    ...extra,
  };
}

/** The scopes the tables use, classified the way the catalog classifies their real namesakes. */
export const SCOPES: Readonly<Record<string, ScopeInfo>> = Object.fromEntries(
  [
    info('openid', ['identity'], [], 'own', { catalog: 'oidc' }),
    info('email', ['identity'], [], 'own', { catalog: 'oidc' }),
    info('profile', ['identity'], [], 'own', { catalog: 'oidc' }),
    info('offline_access', ['identity'], [], 'own', { catalog: 'oidc', grantsOfflineAccess: true }),
    info('User.Read', ['identity'], [], 'own'),
    info('user:email', ['identity'], [], 'own', { catalog: 'github' }),
    info('identity.basic', ['identity'], [], 'own', { catalog: 'slack' }),
    info('Calendars.Read', ['read'], ['calendar'], 'own'),
    info('Tasks.Read', ['read'], ['internal'], 'own'),
    info('Mail.Read', ['read'], ['communications'], 'own'),
    info('https://graph.microsoft.com/Mail.Read', ['read'], ['communications'], 'own'),
    info('Mail.ReadWrite', ['read', 'write', 'delete'], ['communications'], 'own'),
    info('Mail.Send', ['write'], ['communications'], 'own'),
    info('https://graph.microsoft.com/Mail.Send', ['write'], ['communications'], 'own'),
    info('https://graph.microsoft.com/Files.ReadWrite', ['read', 'write', 'delete'], ['files'], 'own'),
    info('Calendars.ReadWrite', ['read', 'write', 'delete'], ['calendar'], 'own'),
    info('Contacts.ReadWrite', ['read', 'write', 'delete'], ['contacts'], 'own'),
    info('Tasks.ReadWrite', ['read', 'write', 'delete'], ['internal'], 'own'),
    info('Contacts.Read', ['read'], ['contacts'], 'own'),
    info('Files.Read.All', ['read'], ['files'], 'shared'),
    info('Files.ReadWrite.All', ['read', 'write', 'delete'], ['files'], 'shared'),
    info('Sites.Read.All', ['read'], ['files', 'internal'], 'organization'),
    info('Directory.ReadWrite.All', ['read', 'write', 'delete', 'admin'], ['employee'], 'organization'),
    info('User.ReadWrite.All', ['read', 'write'], ['employee'], 'organization'),
    info('https://graph.microsoft.com/.default', ['read', 'write'], [], 'unknown'),
    info('https://www.googleapis.com/auth/drive.file', ['read', 'write'], ['files'], 'selected', { catalog: 'google' }),
    info('https://www.googleapis.com/auth/gmail.modify', ['read', 'write', 'delete'], ['communications'], 'own', { catalog: 'google' }),
    info('https://www.googleapis.com/auth/calendar.readonly', ['read'], ['calendar'], 'own', { catalog: 'google' }),
    info('repo', ['read', 'write'], ['source-code'], 'shared', { catalog: 'github' }),
    info('admin:org', ['read', 'write', 'admin'], ['employee'], 'organization', { catalog: 'github' }),
    info('delete_repo', ['delete'], ['source-code'], 'organization', { catalog: 'github' }),
    info('full', ['read', 'write', 'delete', 'admin'], ['customer'], 'organization', { catalog: 'salesforce' }),
    info('chat:write', ['write'], ['communications'], 'shared', { catalog: 'slack' }),
    info('channels:history', ['read'], ['communications'], 'shared', { catalog: 'slack' }),
    info('read:jira-work', ['read'], ['internal'], 'shared', { catalog: 'atlassian' }),
  ].map((scope) => [scope.scope, scope]),
);

/** A classifier over SCOPES; an unlisted scope is a mistake in the test, so it throws. */
export const classify: NonNullable<EvaluateOptions['classify']> = (_provider, scopes) =>
  scopes.map((scope) => {
    const found = SCOPES[scope];
    if (found === undefined) throw new Error(`test classifier does not know ${scope}`);
    return found;
  });

/** A fixed moment: 2026-03-15, noon local time. */
export const NOW = new Date(2026, 2, 15, 12, 0, 0);
