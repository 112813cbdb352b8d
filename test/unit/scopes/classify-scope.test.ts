import { describe, expect, it } from 'vitest';
import type { ProviderId } from '../../../lib/authorization-request';
import { classifyScope, classifyScopes } from '../../../lib/scopes/classify-scope';
import type { Access, Breadth, DataClass, ProviderLabel } from '../../../lib/scopes/scope-info';

type Row = [provider: ProviderId, scope: string, access: Access[], data: DataClass | null, breadth: Breadth, label?: ProviderLabel];

const KNOWN: Row[] = [
  // OpenID Connect standard scopes, on every OIDC provider
  ['generic', 'openid', ['identity'], null, 'own'],
  ['generic', 'profile', ['identity'], null, 'own'],
  ['generic', 'email', ['identity'], null, 'own'],
  ['okta', 'address', ['identity'], null, 'own'],
  ['auth0', 'phone', ['identity'], null, 'own'],
  ['keycloak', 'offline_access', ['identity'], null, 'own'],
  ['keycloak', 'roles', ['identity'], null, 'own'],
  // Microsoft
  ['microsoft', 'User.Read', ['identity'], null, 'own'],
  ['microsoft', 'https://graph.microsoft.com/User.Read', ['identity'], null, 'own'],
  ['microsoft', 'Mail.Read', ['read'], 'communications', 'own'],
  ['microsoft', 'https://graph.microsoft.com/Mail.ReadWrite', ['read', 'write', 'delete'], 'communications', 'own'],
  ['microsoft', 'https://outlook.office.com/Mail.Read', ['read'], 'communications', 'own'],
  ['microsoft', 'Mail.Send', ['write'], 'communications', 'own'],
  ['microsoft', 'Mail.ReadWrite.Shared', ['read', 'write', 'delete'], 'communications', 'shared'],
  ['microsoft', 'Calendars.ReadWrite', ['read', 'write', 'delete'], 'calendar', 'own'],
  ['microsoft', 'Contacts.Read', ['read'], 'contacts', 'own'],
  ['microsoft', 'Files.ReadWrite.All', ['read', 'write', 'delete'], 'files', 'shared'],
  ['microsoft', 'Sites.FullControl.All', ['read', 'write', 'delete', 'admin'], 'files', 'organization', 'microsoft-admin-consent'],
  ['microsoft', 'Directory.ReadWrite.All', ['read', 'write', 'admin'], 'employee', 'organization', 'microsoft-admin-consent'],
  ['microsoft', 'User.ReadWrite.All', ['read', 'write', 'admin'], 'employee', 'organization', 'microsoft-admin-consent'],
  ['microsoft', 'RoleManagement.ReadWrite.Directory', ['read', 'write', 'delete', 'admin'], 'credentials', 'organization', 'microsoft-admin-consent'],
  ['microsoft', 'Chat.Read', ['read'], 'communications', 'own'],
  ['microsoft', 'EWS.AccessAsUser.All', ['read', 'write', 'delete'], 'communications', 'shared'],
  ['microsoft', 'https://contoso.sharepoint.com/AllSites.Read', ['read'], 'files', 'organization'],
  ['microsoft', 'https://management.azure.com/user_impersonation', ['read', 'write', 'delete', 'admin'], 'internal', 'organization'],
  ['microsoft', 'https://graph.microsoft.com/.default', ['read', 'write', 'delete'], 'internal', 'unknown'],
  ['microsoft', 'api://6e1a2b3c-0000-4000-8000-000000000001/.default', ['read', 'write', 'delete'], 'internal', 'unknown'],
  ['microsoft', 'api://6e1a2b3c-0000-4000-8000-000000000001/access_as_user', ['read', 'write'], 'internal', 'unknown'],
  ['microsoft', 'offline_access', ['identity'], null, 'own'],
  // Generated from the Graph permission list, not curated
  ['microsoft', 'AttackSimulation.Read.All', ['read'], 'internal', 'organization', 'microsoft-admin-consent'],
  // Google
  ['google', 'https://www.googleapis.com/auth/userinfo.email', ['identity'], null, 'own'],
  ['google', 'https://mail.google.com/', ['read', 'write', 'delete'], 'communications', 'own', 'google-restricted'],
  ['google', 'https://www.googleapis.com/auth/gmail.readonly', ['read'], 'communications', 'own', 'google-restricted'],
  ['google', 'https://www.googleapis.com/auth/gmail.send', ['write'], 'communications', 'own', 'google-sensitive'],
  ['google', 'https://www.googleapis.com/auth/gmail.modify', ['read', 'write', 'delete'], 'communications', 'own', 'google-restricted'],
  ['google', 'https://www.googleapis.com/auth/drive', ['read', 'write', 'delete'], 'files', 'shared', 'google-restricted'],
  ['google', 'https://www.googleapis.com/auth/drive.readonly', ['read'], 'files', 'shared', 'google-restricted'],
  ['google', 'https://www.googleapis.com/auth/drive.metadata.readonly', ['read'], 'files', 'shared', 'google-restricted'],
  ['google', 'https://www.googleapis.com/auth/drive.file', ['read', 'write', 'delete'], 'files', 'selected'],
  ['google', 'https://www.googleapis.com/auth/calendar', ['read', 'write', 'delete'], 'calendar', 'shared', 'google-sensitive'],
  ['google', 'https://www.googleapis.com/auth/calendar.events.readonly', ['read'], 'calendar', 'shared', 'google-sensitive'],
  ['google', 'https://www.googleapis.com/auth/contacts.readonly', ['read'], 'contacts', 'own', 'google-sensitive'],
  ['google', 'https://www.googleapis.com/auth/admin.directory.user', ['read', 'write', 'delete', 'admin'], 'employee', 'organization'],
  ['google', 'https://www.googleapis.com/auth/fitness.heart_rate.read', ['read'], 'health', 'own', 'google-restricted'],  // Google Fit is on Google's Restricted Scopes page
  ['google', 'gmail.readonly', ['read'], 'communications', 'own', 'google-restricted'],
  // GitHub
  ['github', 'read:user', ['identity'], null, 'own'],
  ['github', 'user:email', ['identity'], null, 'own'],
  ['github', 'repo', ['read', 'write', 'delete', 'admin'], 'source-code', 'organization'],
  ['github', 'repo:status', ['read', 'write'], 'source-code', 'shared'],
  ['github', 'public_repo', ['read', 'write', 'delete'], 'public', 'shared'],
  ['github', 'admin:org', ['read', 'write', 'delete', 'admin'], 'employee', 'organization'],
  ['github', 'read:org', ['read'], 'employee', 'organization'],
  ['github', 'delete_repo', ['delete', 'admin'], 'source-code', 'shared'],
  ['github', 'workflow', ['read', 'write'], 'source-code', 'shared'],
  ['github', 'write:packages', ['read', 'write'], 'source-code', 'shared'],
  ['github', 'gist', ['read', 'write', 'delete'], 'source-code', 'own'],
  ['github', 'admin:public_key', ['read', 'write', 'delete'], 'credentials', 'own'],
  // Slack
  ['slack', 'identity.basic', ['identity'], null, 'own'],
  ['slack', 'identity.email', ['identity'], null, 'own'],
  ['slack', 'openid', ['identity'], null, 'own'],
  ['slack', 'channels:history', ['read'], 'communications', 'organization'],
  ['slack', 'im:history', ['read'], 'communications', 'own'],
  ['slack', 'chat:write', ['read', 'write', 'delete'], 'communications', 'shared'],
  ['slack', 'files:read', ['read'], 'files', 'shared'],
  ['slack', 'users:read.email', ['read'], 'employee', 'organization'],
  ['slack', 'search:read', ['read'], 'communications', 'organization'],
  ['slack', 'admin', ['read', 'write', 'delete', 'admin'], 'employee', 'organization'],
  ['slack', 'admin.users:write', ['read', 'write', 'delete', 'admin'], 'employee', 'organization'],
  ['slack', 'admin.analytics:read', ['read'], 'employee', 'organization'],
  ['slack', 'incoming-webhook', ['write'], 'communications', 'shared'],
  // Salesforce
  ['salesforce', 'id', ['identity'], null, 'own'],
  ['salesforce', 'refresh_token', ['identity'], null, 'own'],
  ['salesforce', 'api', ['read', 'write', 'delete'], 'customer', 'shared'],
  ['salesforce', 'full', ['read', 'write', 'delete', 'admin'], 'customer', 'organization'],
  ['salesforce', 'web', ['read', 'write', 'delete'], 'customer', 'shared'],
  ['salesforce', 'chatter_api', ['read', 'write'], 'communications', 'shared'],
  ['salesforce', 'cdp_query_api', ['read'], 'customer', 'organization'],
  ['salesforce', 'cdp_ingest_api', ['write'], 'customer', 'organization'],
  ['salesforce', 'pardot_api', ['read', 'write', 'delete'], 'customer', 'organization'],
  ['salesforce', 'openid', ['identity'], null, 'own'],
  // HubSpot
  ['hubspot', 'oauth', ['identity'], null, 'own'],
  ['hubspot', 'crm.objects.contacts.read', ['read'], 'customer', 'organization'],
  ['hubspot', 'crm.objects.contacts.write', ['read', 'write', 'delete'], 'contacts', 'organization'],
  ['hubspot', 'crm.objects.deals.read', ['read'], 'payment', 'organization'],
  ['hubspot', 'crm.objects.companies.write', ['read', 'write', 'delete'], 'customer', 'organization'],
  ['hubspot', 'crm.export', ['read'], 'customer', 'organization'],
  ['hubspot', 'tickets', ['read', 'write', 'delete'], 'customer', 'organization'],
  ['hubspot', 'conversations.read', ['read'], 'communications', 'organization'],
  ['hubspot', 'settings.users.write', ['read', 'write', 'delete', 'admin'], 'employee', 'organization'],
  ['hubspot', 'files', ['read', 'write', 'delete'], 'files', 'organization'],
  // Atlassian
  ['atlassian', 'read:me', ['identity'], null, 'own'],
  ['atlassian', 'offline_access', ['identity'], null, 'own'],
  ['atlassian', 'read:jira-work', ['read'], 'internal', 'shared'],
  ['atlassian', 'write:jira-work', ['read', 'write'], 'internal', 'shared'],
  ['atlassian', 'manage:jira-configuration', ['read', 'write', 'delete', 'admin'], 'internal', 'organization'],
  ['atlassian', 'read:confluence-content.all', ['read'], 'files', 'shared'],
  ['atlassian', 'write:confluence-content', ['read', 'write'], 'files', 'shared'],
  ['atlassian', 'read:issue:jira', ['read'], 'internal', 'shared'],
  ['atlassian', 'delete:page:confluence', ['delete'], 'files', 'shared'],
  ['atlassian', 'read:repository:bitbucket', ['read'], 'source-code', 'shared'],
  ['atlassian', 'read:request:jira-service-management', ['read'], 'customer', 'shared'],
  // Dropbox
  ['dropbox', 'account_info.read', ['identity'], null, 'own'],
  ['dropbox', 'files.content.read', ['read'], 'files', 'own'],
  ['dropbox', 'files.content.write', ['read', 'write', 'delete'], 'files', 'own'],
  ['dropbox', 'files.metadata.read', ['read'], 'files', 'own'],
  ['dropbox', 'files.permanent_delete', ['delete'], 'files', 'own'],
  ['dropbox', 'sharing.write', ['read', 'write'], 'files', 'own'],
  ['dropbox', 'team_data.member', ['read', 'write', 'delete', 'admin'], 'files', 'organization'],
  ['dropbox', 'members.delete', ['delete', 'admin'], 'employee', 'organization'],
  ['dropbox', 'members.read', ['read'], 'employee', 'organization'],
  ['dropbox', 'events.read', ['read'], 'credentials', 'organization'],
  // Zoom
  ['zoom', 'user:read', ['identity'], null, 'own'],
  ['zoom', 'meeting:read', ['read'], 'calendar', 'own'],
  ['zoom', 'meeting:write', ['read', 'write', 'delete'], 'calendar', 'own'],
  ['zoom', 'meeting:read:admin', ['read'], 'calendar', 'organization'],
  ['zoom', 'user:write:admin', ['read', 'write', 'delete', 'admin'], 'employee', 'organization'],
  ['zoom', 'recording:read', ['read'], 'files', 'own'],
  ['zoom', 'recording:read:admin', ['read'], 'communications', 'organization'],
  ['zoom', 'meeting:read:meeting', ['read'], 'calendar', 'own'],
  ['zoom', 'user:read:list_users:admin', ['read'], 'employee', 'organization'],
  ['zoom', 'chat_message:read', ['read'], 'communications', 'own'],
  // Box
  ['box', 'root_readonly', ['read'], 'files', 'shared'],
  ['box', 'root_readwrite', ['read', 'write', 'delete'], 'files', 'shared'],
  ['box', 'manage_managed_users', ['read', 'write', 'delete', 'admin'], 'employee', 'organization'],
  ['box', 'manage_enterprise_properties', ['read', 'write', 'admin'], 'employee', 'organization'],
  ['box', 'manage_groups', ['read', 'write', 'delete', 'admin'], 'employee', 'organization'],
  ['box', 'manage_webhook', ['read', 'write', 'delete'], 'files', 'shared'],
  ['box', 'manage_data_retention', ['read', 'write', 'delete', 'admin'], 'files', 'organization'],
  ['box', 'item_download', ['read'], 'files', 'shared'],
  ['box', 'sign_requests.readwrite', ['read', 'write', 'delete'], 'files', 'shared'],
  ['box', 'ai.readwrite', ['read', 'write'], 'files', 'shared'],
  // GitLab
  ['gitlab', 'read_user', ['identity'], null, 'own'],
  ['gitlab', 'openid', ['identity'], null, 'own'],
  ['gitlab', 'api', ['read', 'write', 'delete', 'admin'], 'source-code', 'shared'],
  ['gitlab', 'read_api', ['read'], 'source-code', 'shared'],
  ['gitlab', 'read_repository', ['read'], 'source-code', 'shared'],
  ['gitlab', 'write_repository', ['read', 'write'], 'source-code', 'shared'],
  ['gitlab', 'sudo', ['read', 'write', 'delete', 'admin'], 'credentials', 'organization'],
  ['gitlab', 'admin_mode', ['read', 'write', 'delete', 'admin'], 'employee', 'organization'],
  ['gitlab', 'read_registry', ['read'], 'source-code', 'shared'],
  ['gitlab', 'create_runner', ['read', 'write'], 'credentials', 'organization'],
  // Okta and Auth0 management APIs
  ['okta', 'okta.users.manage', ['read', 'write', 'delete', 'admin'], 'employee', 'organization'],
  ['okta', 'okta.users.read', ['read'], 'employee', 'organization'],
  ['okta', 'okta.users.read.self', ['read'], 'employee', 'own'],
  ['okta', 'okta.apps.manage', ['read', 'write', 'delete', 'admin'], 'credentials', 'organization'],
  ['auth0', 'read:users', ['read'], 'employee', 'organization'],
  ['auth0', 'delete:users', ['delete', 'admin'], 'employee', 'organization'],
  ['auth0', 'update:client_keys', ['read', 'write', 'admin'], 'credentials', 'organization'],
];

describe('classifyScope: catalog entries', () => {
  it.each(KNOWN)('%s %s', (provider, scope, access, data, breadth, label) => {
    const info = classifyScope(provider, scope);
    expect(info.source).toBe('catalog');
    expect(info.guessReason).toBeUndefined();
    expect(info.scope).toBe(scope);
    expect(info.access).toEqual(access);
    if (data === null) expect(info.dataClasses).toEqual([]);
    else expect(info.dataClasses).toContain(data);
    expect(info.breadth).toBe(breadth);
    if (label !== undefined) expect(info.labels).toContain(label);
    expect(info.description).toMatch(/^[A-Z"].{10,}[.]$/);
  });
});

describe('classifyScope: offline access', () => {
  it.each([
    ['generic', 'offline_access'],
    ['microsoft', 'offline_access'],
    ['salesforce', 'refresh_token'],
    ['salesforce', 'offline_access'],
    ['atlassian', 'offline_access'],
  ] as [ProviderId, string][])('%s %s grants offline access', (provider, scope) => {
    expect(classifyScope(provider, scope).grantsOfflineAccess).toBe(true);
  });

  it.each([
    ['generic', 'openid'],
    ['microsoft', 'Mail.Read'],
    ['google', 'https://www.googleapis.com/auth/drive'],
  ] as [ProviderId, string][])('%s %s does not', (provider, scope) => {
    expect(classifyScope(provider, scope).grantsOfflineAccess).toBe(false);
  });
});

describe('classifyScope: Microsoft prefixes and case', () => {
  it.each([
    'Mail.Read',
    'mail.read',
    'MAIL.READ',
    'https://graph.microsoft.com/Mail.Read',
    'https://graph.microsoft.com/mail.read',
    'https://graph.microsoft.com/v1.0/Mail.Read',
    'https://graph.microsoft.us/Mail.Read',
    '00000003-0000-0000-c000-000000000000/Mail.Read',
    'https://outlook.office.com/Mail.Read',
    'https://outlook.office365.com/Mail.Read',
  ])('%s is Graph Mail.Read and keeps the requested spelling', (scope) => {
    const info = classifyScope('microsoft', scope);
    expect(info.source).toBe('catalog');
    expect(info.description).toBe('Read all your email.');
    expect(info.scope).toBe(scope);
  });

  it.each([
    'https://graph.microsoft.com/.default',
    'https://graph.microsoft.com//.default',
    'https://contoso.sharepoint.com/.default',
    'api://6e1a2b3c-0000-4000-8000-000000000001/.default',
    '.DEFAULT',
  ])('%s is "everything the app was configured with": unknown breadth, said plainly', (scope) => {
    const info = classifyScope('microsoft', scope);
    expect(info.breadth).toBe('unknown');
    expect(info.access).toEqual(expect.arrayContaining(['read', 'write']));
    expect(info.description).toMatch(/in advance/);
    expect(info.description).toMatch(/unknown/);
  });

  it('does not take a SharePoint-only name for Graph without its resource', () => {
    expect(classifyScope('microsoft', 'AllSites.FullControl').source).toBe('guess');
  });
});

describe('classifyScope: Google prefixes', () => {
  it.each(['https://www.googleapis.com/auth/drive.readonly', 'http://www.googleapis.com/auth/drive.readonly', 'drive.readonly'])(
    '%s is drive.readonly',
    (scope) => {
      const info = classifyScope('google', scope);
      expect(info.labels).toEqual(['google-restricted']);
      expect(info.access).toEqual(['read']);
    },
  );

  it.each(['openid', 'email', 'profile'])('short OpenID name %s is identity', (scope) => {
    expect(classifyScope('google', scope).access).toEqual(['identity']);
  });
});

describe('classifyScopes', () => {
  it('classifies every scope, in order', () => {
    const infos = classifyScopes('microsoft', ['openid', 'Mail.Read', 'no.such.thing']);
    expect(infos.map((info) => info.scope)).toEqual(['openid', 'Mail.Read', 'no.such.thing']);
    expect(infos.map((info) => info.source)).toEqual(['catalog', 'catalog', 'guess']);
  });

  it('returns an empty list for no scopes', () => {
    expect(classifyScopes('google', [])).toEqual([]);
  });

  it('returns frozen shared results, so one caller cannot change another one’s answer', () => {
    const [info] = classifyScopes('github', ['repo']);
    expect(Object.isFrozen(info)).toBe(true);
    expect(Object.isFrozen(info?.access)).toBe(true);
  });

  it('answers a provider with no entries of its own from the OIDC catalog', () => {
    expect(classifyScope('generic', 'openid').catalog).toBe('oidc');
    expect(classifyScope('github', 'openid').source).toBe('guess');
  });
});
