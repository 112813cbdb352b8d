/**
 * Audited scopes: each row was checked by hand against the provider's own scope reference, named on the row, for
 * what the scope lets an app do (access), how far it reaches (breadth), the main kind of data it touches, and the
 * risk that follows. The catalog must agree with every row; a disagreement means the catalog or the audit is wrong,
 * and the page on the row settles which.
 *
 * Breadth as the pages describe it: `selected` only items the person picks or the app creates (Google `drive.file`,
 * Graph `Files.*.Selected`); `own` the person's own data; `shared` what the person can open, including what others
 * share; `organization` the whole workspace, tenant, portal or enterprise.
 */
import { describe, expect, it } from 'vitest';
import type { ProviderId } from '../../../lib/authorization-request';
import type { RiskLevel } from '../../../lib/evaluation';
import { classifyScope } from '../../../lib/scopes/classify-scope';
import type { Access, Breadth, DataClass } from '../../../lib/scopes/scope-info';
import { scopeRisk } from '../../../lib/scopes/scope-risk';

type AuditedRow = [
  provider: Exclude<ProviderId, 'generic'>,
  scope: string,
  access: Access[],
  breadth: Breadth,
  /** The data class the page names first; null for sign-in scopes, which reach no data. */
  keyDataClass: DataClass | null,
  risk: RiskLevel,
  source: string,
];

const AUDITED: readonly AuditedRow[] = [
  // google: https://developers.google.com/identity/protocols/oauth2/scopes
  ['google', 'https://mail.google.com/', ['read', 'write', 'delete'], 'own', 'communications', 'high', 'https://developers.google.com/workspace/guides/identify-scopes'],
  ['google', 'gmail.readonly', ['read'], 'own', 'communications', 'high', 'https://developers.google.com/workspace/guides/identify-scopes'],
  ['google', 'gmail.send', ['write'], 'own', 'communications', 'high', 'https://developers.google.com/identity/protocols/oauth2/scopes'],
  ['google', 'gmail.metadata', ['read'], 'own', 'communications', 'high', 'https://developers.google.com/workspace/guides/identify-scopes'],
  ['google', 'drive', ['read', 'write', 'delete'], 'shared', 'files', 'high', 'https://developers.google.com/workspace/guides/identify-scopes'],
  ['google', 'drive.readonly', ['read'], 'shared', 'files', 'high', 'https://developers.google.com/identity/protocols/oauth2/scopes'],
  ['google', 'drive.file', ['read', 'write', 'delete'], 'selected', 'files', 'medium', 'https://support.google.com/cloud/answer/13807380'],
  ['google', 'drive.appdata', ['read', 'write', 'delete'], 'selected', 'files', 'medium', 'https://developers.google.com/identity/protocols/oauth2/scopes'],
  ['google', 'calendar', ['read', 'write', 'delete'], 'shared', 'calendar', 'high', 'https://developers.google.com/identity/protocols/oauth2/scopes'],
  ['google', 'calendar.readonly', ['read'], 'shared', 'calendar', 'medium', 'https://developers.google.com/identity/protocols/oauth2/scopes'],
  ['google', 'calendar.events', ['read', 'write', 'delete'], 'shared', 'calendar', 'high', 'https://developers.google.com/identity/protocols/oauth2/scopes'],
  ['google', 'contacts.readonly', ['read'], 'own', 'contacts', 'high', 'https://developers.google.com/identity/protocols/oauth2/scopes'],
  ['google', 'admin.directory.user', ['read', 'write', 'delete', 'admin'], 'organization', 'employee', 'critical', 'https://developers.google.com/identity/protocols/oauth2/scopes'],
  ['google', 'admin.directory.user.readonly', ['read'], 'organization', 'employee', 'high', 'https://developers.google.com/identity/protocols/oauth2/scopes'],
  ['google', 'cloud-platform', ['read', 'write', 'delete', 'admin'], 'organization', 'credentials', 'critical', 'https://developers.google.com/identity/protocols/oauth2/scopes'],
  ['google', 'spreadsheets.readonly', ['read'], 'shared', 'files', 'high', 'https://developers.google.com/identity/protocols/oauth2/scopes'],
  ['google', 'userinfo.email', ['identity'], 'own', null, 'low', 'https://developers.google.com/identity/protocols/oauth2/scopes'],
  ['google', 'admin.reports.audit.readonly', ['read'], 'organization', 'employee', 'high', 'https://developers.google.com/identity/protocols/oauth2/scopes'],
  // microsoft: https://learn.microsoft.com/en-us/graph/permissions-reference
  ['microsoft', 'User.Read', ['identity'], 'own', null, 'low', 'https://learn.microsoft.com/en-us/graph/permissions-reference'],
  ['microsoft', 'User.ReadBasic.All', ['read'], 'organization', 'employee', 'high', 'https://learn.microsoft.com/en-us/graph/permissions-reference'],
  ['microsoft', 'User.Read.All', ['read'], 'organization', 'employee', 'high', 'https://learn.microsoft.com/en-us/graph/permissions-reference'],
  ['microsoft', 'Mail.Read', ['read'], 'own', 'communications', 'high', 'https://learn.microsoft.com/en-us/graph/permissions-reference'],
  ['microsoft', 'Mail.ReadWrite', ['read', 'write', 'delete'], 'own', 'communications', 'high', 'https://learn.microsoft.com/en-us/graph/permissions-reference'],
  ['microsoft', 'Mail.Send', ['write'], 'own', 'communications', 'high', 'https://learn.microsoft.com/en-us/graph/permissions-reference'],
  ['microsoft', 'Files.Read.All', ['read'], 'shared', 'files', 'high', 'https://learn.microsoft.com/en-us/graph/permissions-reference'],
  ['microsoft', 'Files.ReadWrite.All', ['read', 'write', 'delete'], 'shared', 'files', 'high', 'https://learn.microsoft.com/en-us/graph/permissions-reference'],
  ['microsoft', 'Files.Read.Selected', ['read'], 'selected', 'files', 'medium', 'https://learn.microsoft.com/en-us/graph/permissions-reference'],
  ['microsoft', 'Files.ReadWrite.Selected', ['read', 'write'], 'selected', 'files', 'medium', 'https://learn.microsoft.com/en-us/graph/permissions-reference'],
  ['microsoft', 'Sites.FullControl.All', ['read', 'write', 'delete', 'admin'], 'organization', 'files', 'critical', 'https://learn.microsoft.com/en-us/graph/permissions-reference'],
  ['microsoft', 'Directory.Read.All', ['read'], 'organization', 'employee', 'high', 'https://learn.microsoft.com/en-us/graph/permissions-reference'],
  ['microsoft', 'Directory.ReadWrite.All', ['read', 'write', 'admin'], 'organization', 'employee', 'critical', 'https://learn.microsoft.com/en-us/graph/permissions-reference'],
  ['microsoft', 'Calendars.ReadWrite', ['read', 'write', 'delete'], 'own', 'calendar', 'high', 'https://learn.microsoft.com/en-us/graph/permissions-reference'],
  ['microsoft', 'offline_access', ['identity'], 'own', null, 'low', 'https://learn.microsoft.com/en-us/graph/permissions-reference'],
  ['microsoft', 'https://graph.microsoft.com/.default', ['read', 'write', 'delete'], 'unknown', 'internal', 'high', 'https://learn.microsoft.com/en-us/entra/identity-platform/scopes-oidc#the-default-scope'],
  ['microsoft', 'DeviceManagementRBAC.Read.All', ['read'], 'organization', 'internal', 'medium', 'https://learn.microsoft.com/en-us/graph/permissions-reference'],
  ['microsoft', 'AuditLog.Read.All', ['read'], 'organization', 'credentials', 'high', 'https://learn.microsoft.com/en-us/graph/permissions-reference'],
  ['microsoft', 'Application.ReadWrite.All', ['read', 'write', 'delete', 'admin'], 'organization', 'credentials', 'critical', 'https://learn.microsoft.com/en-us/graph/permissions-reference'],
  // microsoft, resources beyond Graph: each row's page says what the permission reaches on that resource
  ['microsoft', 'https://management.azure.com/user_impersonation', ['read', 'write', 'delete', 'admin'], 'organization', 'internal', 'critical', 'https://learn.microsoft.com/en-us/rest/api/azure/#register-your-client-application-with-azure-ad'],
  ['microsoft', 'https://vault.azure.net/user_impersonation', ['read', 'write', 'delete'], 'organization', 'credentials', 'critical', 'https://learn.microsoft.com/en-us/azure/key-vault/general/authentication'],
  ['microsoft', 'https://storage.azure.com/user_impersonation', ['read', 'write', 'delete'], 'organization', 'files', 'critical', 'https://learn.microsoft.com/en-us/azure/storage/common/storage-auth-aad-app'],
  ['microsoft', 'https://contoso.crm.dynamics.com/user_impersonation', ['read', 'write', 'delete'], 'organization', 'customer', 'critical', 'https://learn.microsoft.com/en-us/power-apps/developer/data-platform/walkthrough-register-app-azure-active-directory'],
  ['microsoft', 'https://outlook.office365.com/EWS.AccessAsUser.All', ['read', 'write', 'delete'], 'shared', 'communications', 'high', 'https://learn.microsoft.com/en-us/exchange/client-developer/exchange-web-services/how-to-authenticate-an-ews-application-by-using-oauth'],
  ['microsoft', 'https://outlook.office.com/IMAP.AccessAsUser.All', ['read', 'write', 'delete'], 'own', 'communications', 'high', 'https://learn.microsoft.com/en-us/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth'],
  ['microsoft', 'https://analysis.windows.net/powerbi/api/Tenant.ReadWrite.All', ['read', 'write', 'delete', 'admin'], 'organization', 'internal', 'critical', 'https://learn.microsoft.com/en-us/rest/api/power-bi/admin'],
  ['microsoft', '499b84ac-1321-427f-aa17-267ca6975798/vso.code_write', ['read', 'write'], 'shared', 'source-code', 'high', 'https://learn.microsoft.com/en-us/azure/devops/integrate/get-started/authentication/oauth#scopes'],
  ['microsoft', '499b84ac-1321-427f-aa17-267ca6975798/vso.identity_manage', ['read', 'write', 'delete', 'admin'], 'organization', 'employee', 'critical', 'https://learn.microsoft.com/en-us/azure/devops/integrate/get-started/authentication/oauth#scopes'],
  ['microsoft', 'https://manage.office.com/ActivityFeed.Read', ['read'], 'organization', 'employee', 'high', 'https://learn.microsoft.com/en-us/office/office-365-management-api/get-started-with-office-365-management-apis'],
  // github: https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps
  ['github', 'repo', ['read', 'write', 'delete', 'admin'], 'organization', 'source-code', 'critical', 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps'],
  ['github', 'public_repo', ['read', 'write', 'delete'], 'shared', 'source-code', 'high', 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps'],
  ['github', 'repo:status', ['read', 'write'], 'shared', 'source-code', 'high', 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps'],
  ['github', 'read:org', ['read'], 'organization', 'employee', 'high', 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps'],
  ['github', 'admin:org', ['read', 'write', 'delete', 'admin'], 'organization', 'employee', 'critical', 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps'],
  ['github', 'write:org', ['read', 'write', 'admin'], 'organization', 'employee', 'critical', 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps'],
  ['github', 'read:user', ['identity'], 'own', null, 'low', 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps'],
  ['github', 'user:email', ['identity'], 'own', null, 'low', 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps'],
  ['github', 'gist', ['read', 'write', 'delete'], 'own', 'source-code', 'high', 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps'],
  ['github', 'workflow', ['read', 'write'], 'shared', 'credentials', 'high', 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps'],
  ['github', 'delete_repo', ['delete', 'admin'], 'shared', 'source-code', 'critical', 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps'],
  ['github', 'admin:repo_hook', ['read', 'write', 'delete'], 'shared', 'credentials', 'high', 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps'],
  ['github', 'read:packages', ['read'], 'shared', 'source-code', 'high', 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps'],
  ['github', 'admin:public_key', ['read', 'write', 'delete'], 'own', 'credentials', 'high', 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps'],
  ['github', 'read:audit_log', ['read'], 'organization', 'employee', 'high', 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps'],
  // slack: https://api.slack.com/scopes
  ['slack', 'channels:history', ['read'], 'organization', 'communications', 'high', 'https://api.slack.com/scopes'],
  ['slack', 'channels:read', ['read'], 'organization', 'internal', 'medium', 'https://api.slack.com/scopes'],
  ['slack', 'chat:write', ['read', 'write', 'delete'], 'shared', 'communications', 'high', 'https://api.slack.com/scopes'],
  ['slack', 'users:read', ['read'], 'organization', 'employee', 'high', 'https://api.slack.com/scopes'],
  ['slack', 'users:read.email', ['read'], 'organization', 'contacts', 'high', 'https://api.slack.com/scopes/users:read.email'],
  ['slack', 'im:history', ['read'], 'own', 'communications', 'high', 'https://api.slack.com/scopes'],
  ['slack', 'files:read', ['read'], 'shared', 'files', 'high', 'https://api.slack.com/scopes'],
  ['slack', 'search:read', ['read'], 'organization', 'communications', 'high', 'https://api.slack.com/scopes'],
  ['slack', 'admin', ['read', 'write', 'delete', 'admin'], 'organization', 'employee', 'critical', 'https://api.slack.com/scopes'],
  ['slack', 'admin.users:read', ['read'], 'organization', 'employee', 'high', 'https://api.slack.com/scopes'],
  ['slack', 'admin.users:write', ['read', 'write', 'delete', 'admin'], 'organization', 'employee', 'critical', 'https://api.slack.com/scopes'],
  ['slack', 'identity.basic', ['identity'], 'own', null, 'low', 'https://api.slack.com/scopes'],
  ['slack', 'incoming-webhook', ['write'], 'shared', 'communications', 'high', 'https://api.slack.com/scopes'],
  // atlassian: https://developer.atlassian.com/cloud/jira/platform/scopes-for-oauth-2-3LO-and-forge-apps/
  ['atlassian', 'read:me', ['identity'], 'own', null, 'low', 'https://developer.atlassian.com/cloud/jira/platform/scopes-for-oauth-2-3LO-and-forge-apps/'],
  ['atlassian', 'read:jira-work', ['read'], 'shared', 'internal', 'medium', 'https://developer.atlassian.com/cloud/jira/platform/scopes-for-oauth-2-3LO-and-forge-apps/'],
  ['atlassian', 'write:jira-work', ['read', 'write'], 'shared', 'internal', 'high', 'https://developer.atlassian.com/cloud/jira/platform/scopes-for-oauth-2-3LO-and-forge-apps/'],
  ['atlassian', 'read:jira-user', ['read'], 'organization', 'employee', 'high', 'https://developer.atlassian.com/cloud/jira/platform/scopes-for-oauth-2-3LO-and-forge-apps/'],
  ['atlassian', 'manage:jira-project', ['read', 'write', 'delete', 'admin'], 'organization', 'internal', 'critical', 'https://developer.atlassian.com/cloud/jira/platform/scopes-for-oauth-2-3LO-and-forge-apps/'],
  ['atlassian', 'manage:jira-configuration', ['read', 'write', 'delete', 'admin'], 'organization', 'internal', 'critical', 'https://developer.atlassian.com/cloud/jira/platform/scopes-for-oauth-2-3LO-and-forge-apps/'],
  ['atlassian', 'read:confluence-content.all', ['read'], 'shared', 'files', 'high', 'https://developer.atlassian.com/cloud/confluence/scopes-for-oauth-2-3LO-and-forge-apps/'],
  ['atlassian', 'write:confluence-content', ['read', 'write'], 'shared', 'files', 'high', 'https://developer.atlassian.com/cloud/confluence/scopes-for-oauth-2-3LO-and-forge-apps/'],
  ['atlassian', 'read:issue:jira', ['read'], 'shared', 'internal', 'medium', 'https://developer.atlassian.com/cloud/jira/platform/scopes-for-oauth-2-3LO-and-forge-apps/'],
  ['atlassian', 'delete:issue:jira', ['delete'], 'shared', 'internal', 'high', 'https://developer.atlassian.com/cloud/jira/platform/scopes-for-oauth-2-3LO-and-forge-apps/'],
  // salesforce: https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_tokens_scopes.htm
  ['salesforce', 'id', ['identity'], 'own', null, 'low', 'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_tokens_scopes.htm'],
  ['salesforce', 'api', ['read', 'write', 'delete'], 'shared', 'customer', 'high', 'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_tokens_scopes.htm'],
  ['salesforce', 'full', ['read', 'write', 'delete', 'admin'], 'organization', 'customer', 'critical', 'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_tokens_scopes.htm'],
  ['salesforce', 'refresh_token', ['identity'], 'own', null, 'low', 'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_tokens_scopes.htm'],
  ['salesforce', 'web', ['read', 'write', 'delete'], 'shared', 'customer', 'high', 'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_tokens_scopes.htm'],
  ['salesforce', 'chatter_api', ['read', 'write'], 'shared', 'communications', 'high', 'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_tokens_scopes.htm'],
  ['salesforce', 'cdp_query_api', ['read'], 'organization', 'customer', 'high', 'https://developer.salesforce.com/docs/platform/mobile-sdk/guide/oauth-scope-parameter-values.html'],
  ['salesforce', 'content', ['read'], 'shared', 'files', 'high', 'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_tokens_scopes.htm'],
  // okta: https://developer.okta.com/docs/api/oauth2/
  ['okta', 'okta.users.read', ['read'], 'organization', 'employee', 'high', 'https://developer.okta.com/docs/api/oauth2/'],
  ['okta', 'okta.users.manage', ['read', 'write', 'delete', 'admin'], 'organization', 'credentials', 'critical', 'https://developer.okta.com/docs/api/oauth2/'],
  ['okta', 'okta.groups.read', ['read'], 'organization', 'employee', 'high', 'https://developer.okta.com/docs/api/oauth2/'],
  ['okta', 'okta.apps.manage', ['read', 'write', 'delete', 'admin'], 'organization', 'credentials', 'critical', 'https://developer.okta.com/docs/api/oauth2/'],
  ['okta', 'okta.logs.read', ['read'], 'organization', 'credentials', 'high', 'https://developer.okta.com/docs/api/oauth2/'],
  ['okta', 'okta.factors.manage', ['read', 'write', 'delete', 'admin'], 'organization', 'credentials', 'critical', 'https://developer.okta.com/docs/api/oauth2/'],
  ['okta', 'groups', ['identity'], 'own', null, 'low', 'https://developer.okta.com/docs/api/oauth2/'],
  // auth0: https://auth0.com/docs/api/management/v2
  ['auth0', 'read:users', ['read'], 'organization', 'employee', 'high', 'https://auth0.com/docs/api/management/v2'],
  ['auth0', 'update:users', ['read', 'write', 'admin'], 'organization', 'credentials', 'critical', 'https://auth0.com/docs/api/management/v2'],
  ['auth0', 'delete:users', ['delete', 'admin'], 'organization', 'employee', 'critical', 'https://auth0.com/docs/api/management/v2'],
  ['auth0', 'read:client_keys', ['read'], 'organization', 'credentials', 'high', 'https://auth0.com/docs/api/management/v2'],
  ['auth0', 'read:logs', ['read'], 'organization', 'credentials', 'high', 'https://auth0.com/docs/api/management/v2'],
  ['auth0', 'update:tenant_settings', ['read', 'write', 'admin'], 'organization', 'internal', 'critical', 'https://auth0.com/docs/api/management/v2'],
  ['auth0', 'create:actions', ['read', 'write', 'admin'], 'organization', 'source-code', 'critical', 'https://auth0.com/docs/api/management/v2'],
  // keycloak: https://www.keycloak.org/docs/latest/server_admin/#_client_scopes
  ['keycloak', 'roles', ['identity'], 'own', null, 'low', 'https://www.keycloak.org/docs/latest/server_admin/#_client_scopes'],
  ['keycloak', 'web-origins', ['identity'], 'own', null, 'low', 'https://www.keycloak.org/docs/latest/server_admin/#_client_scopes'],
  ['keycloak', 'acr', ['identity'], 'own', null, 'low', 'https://www.keycloak.org/docs/latest/server_admin/#_client_scopes'],
  ['keycloak', 'basic', ['identity'], 'own', null, 'low', 'https://www.keycloak.org/docs/latest/server_admin/#_client_scopes'],
  ['keycloak', 'openid', ['identity'], 'own', null, 'low', 'https://openid.net/specs/openid-connect-core-1_0.html#ScopeClaims'],
  ['keycloak', 'offline_access', ['identity'], 'own', null, 'low', 'https://openid.net/specs/openid-connect-core-1_0.html#OfflineAccess'],
  ['keycloak', 'microprofile-jwt', ['identity'], 'own', null, 'low', 'https://www.keycloak.org/docs/latest/server_admin/#_client_scopes'],
  // gitlab: https://docs.gitlab.com/integration/oauth_provider/
  ['gitlab', 'read_user', ['identity'], 'own', null, 'low', 'https://docs.gitlab.com/integration/oauth_provider/'],
  ['gitlab', 'api', ['read', 'write', 'delete', 'admin'], 'shared', 'source-code', 'critical', 'https://docs.gitlab.com/integration/oauth_provider/'],
  ['gitlab', 'read_api', ['read'], 'shared', 'source-code', 'high', 'https://docs.gitlab.com/integration/oauth_provider/'],
  ['gitlab', 'read_repository', ['read'], 'shared', 'source-code', 'high', 'https://docs.gitlab.com/integration/oauth_provider/'],
  ['gitlab', 'write_repository', ['read', 'write'], 'shared', 'source-code', 'high', 'https://docs.gitlab.com/integration/oauth_provider/'],
  ['gitlab', 'sudo', ['read', 'write', 'delete', 'admin'], 'organization', 'employee', 'critical', 'https://docs.gitlab.com/integration/oauth_provider/'],
  ['gitlab', 'admin_mode', ['read', 'write', 'delete', 'admin'], 'organization', 'credentials', 'critical', 'https://docs.gitlab.com/integration/oauth_provider/'],
  ['gitlab', 'read_registry', ['read'], 'shared', 'source-code', 'high', 'https://docs.gitlab.com/integration/oauth_provider/'],
  // hubspot: https://developers.hubspot.com/docs/api/scopes
  ['hubspot', 'oauth', ['identity'], 'own', null, 'low', 'https://developers.hubspot.com/docs/api/scopes'],
  ['hubspot', 'crm.objects.contacts.read', ['read'], 'organization', 'customer', 'high', 'https://developers.hubspot.com/docs/api/scopes'],
  ['hubspot', 'crm.objects.contacts.write', ['read', 'write', 'delete'], 'organization', 'customer', 'critical', 'https://developers.hubspot.com/docs/api/scopes'],
  ['hubspot', 'crm.objects.deals.read', ['read'], 'organization', 'payment', 'high', 'https://developers.hubspot.com/docs/api/scopes'],
  ['hubspot', 'crm.objects.companies.write', ['read', 'write', 'delete'], 'organization', 'customer', 'critical', 'https://developers.hubspot.com/docs/api/scopes'],
  ['hubspot', 'settings.users.write', ['read', 'write', 'delete', 'admin'], 'organization', 'employee', 'critical', 'https://developers.hubspot.com/docs/api/scopes'],
  ['hubspot', 'crm.export', ['read'], 'organization', 'customer', 'high', 'https://developers.hubspot.com/docs/api/scopes'],
  ['hubspot', 'tickets', ['read', 'write', 'delete'], 'organization', 'customer', 'critical', 'https://developers.hubspot.com/docs/api/scopes'],
  ['hubspot', 'files', ['read', 'write', 'delete'], 'organization', 'files', 'critical', 'https://developers.hubspot.com/docs/api/scopes'],
  // dropbox: https://developers.dropbox.com/oauth-guide
  ['dropbox', 'account_info.read', ['identity'], 'own', null, 'low', 'https://developers.dropbox.com/oauth-guide'],
  ['dropbox', 'files.metadata.read', ['read'], 'own', 'files', 'high', 'https://developers.dropbox.com/oauth-guide'],
  ['dropbox', 'files.content.read', ['read'], 'own', 'files', 'high', 'https://developers.dropbox.com/oauth-guide'],
  ['dropbox', 'files.content.write', ['read', 'write', 'delete'], 'own', 'files', 'high', 'https://developers.dropbox.com/oauth-guide'],
  ['dropbox', 'sharing.write', ['read', 'write'], 'own', 'files', 'high', 'https://developers.dropbox.com/oauth-guide'],
  ['dropbox', 'team_data.member', ['read', 'write', 'delete', 'admin'], 'organization', 'files', 'critical', 'https://developers.dropbox.com/oauth-guide'],
  ['dropbox', 'members.read', ['read'], 'organization', 'employee', 'high', 'https://developers.dropbox.com/oauth-guide'],
  ['dropbox', 'members.delete', ['delete', 'admin'], 'organization', 'employee', 'critical', 'https://developers.dropbox.com/oauth-guide'],
  ['dropbox', 'events.read', ['read'], 'organization', 'employee', 'high', 'https://developers.dropbox.com/oauth-guide'],
  ['dropbox', 'files.permanent_delete', ['delete'], 'own', 'files', 'high', 'https://developers.dropbox.com/oauth-guide'],
  // box: https://developer.box.com/guides/api-calls/permissions-and-errors/scopes/
  ['box', 'root_readonly', ['read'], 'shared', 'files', 'high', 'https://developer.box.com/guides/api-calls/permissions-and-errors/scopes/'],
  ['box', 'root_readwrite', ['read', 'write', 'delete'], 'shared', 'files', 'high', 'https://developer.box.com/guides/api-calls/permissions-and-errors/scopes/'],
  ['box', 'manage_managed_users', ['read', 'write', 'delete', 'admin'], 'organization', 'employee', 'critical', 'https://developer.box.com/guides/api-calls/permissions-and-errors/scopes/'],
  ['box', 'manage_groups', ['read', 'write', 'delete', 'admin'], 'organization', 'employee', 'critical', 'https://developer.box.com/guides/api-calls/permissions-and-errors/scopes/'],
  ['box', 'manage_enterprise_properties', ['read', 'write', 'admin'], 'organization', 'credentials', 'critical', 'https://developer.box.com/guides/api-calls/permissions-and-errors/scopes/'],
  ['box', 'manage_webhook', ['read', 'write', 'delete'], 'shared', 'files', 'high', 'https://developer.box.com/guides/api-calls/permissions-and-errors/scopes/'],
  ['box', 'item_download', ['read'], 'shared', 'files', 'high', 'https://developer.box.com/guides/api-calls/permissions-and-errors/scopes/'],
  ['box', 'item_upload', ['write'], 'shared', 'files', 'high', 'https://developer.box.com/guides/api-calls/permissions-and-errors/scopes/'],
  // zoom: https://developers.zoom.us/docs/integrations/oauth-scopes-overview/
  ['zoom', 'user:read', ['identity'], 'own', null, 'low', 'https://developers.zoom.us/docs/integrations/oauth-scopes-overview/'],
  ['zoom', 'meeting:read', ['read'], 'own', 'calendar', 'medium', 'https://developers.zoom.us/docs/integrations/oauth-scopes-overview/'],
  ['zoom', 'meeting:write', ['read', 'write', 'delete'], 'own', 'calendar', 'high', 'https://developers.zoom.us/docs/integrations/oauth-scopes-overview/'],
  ['zoom', 'meeting:read:admin', ['read'], 'organization', 'calendar', 'medium', 'https://developers.zoom.us/docs/integrations/oauth-scopes-overview/'],
  ['zoom', 'meeting:write:admin', ['read', 'write', 'delete', 'admin'], 'organization', 'calendar', 'critical', 'https://developers.zoom.us/docs/integrations/oauth-scopes-overview/'],
  ['zoom', 'user:write:admin', ['read', 'write', 'delete', 'admin'], 'organization', 'employee', 'critical', 'https://developers.zoom.us/docs/integrations/oauth-scopes-overview/'],
  ['zoom', 'recording:read', ['read'], 'own', 'communications', 'high', 'https://developers.zoom.us/docs/integrations/oauth-scopes-overview/'],
  ['zoom', 'recording:read:admin', ['read'], 'organization', 'communications', 'high', 'https://developers.zoom.us/docs/integrations/oauth-scopes-overview/'],
  ['zoom', 'user:read:list_users:admin', ['read'], 'organization', 'employee', 'high', 'https://developers.zoom.us/docs/integrations/oauth-scopes-overview/'],
  ['zoom', 'account:write:admin', ['read', 'write', 'delete', 'admin'], 'organization', 'internal', 'critical', 'https://developers.zoom.us/docs/integrations/oauth-scopes-overview/'],
];

/** Google scopes are requested as URLs; the audit names them the way Google's page lists them. */
function requested(provider: AuditedRow[0], scope: string): string {
  if (provider !== 'google' || scope.startsWith('https://') || scope === 'openid') return scope;
  return `https://www.googleapis.com/auth/${scope}`;
}

describe('audited scopes', () => {
  it('has at least 100 rows spread over every named provider, each with its source page', () => {
    expect(AUDITED.length).toBeGreaterThanOrEqual(100);
    const providers = new Set(AUDITED.map(([provider]) => provider));
    expect([...providers].sort()).toEqual(
      ['atlassian', 'auth0', 'box', 'dropbox', 'github', 'gitlab', 'google', 'hubspot', 'keycloak', 'microsoft', 'okta', 'salesforce', 'slack', 'zoom'],
    );
    for (const row of AUDITED) expect(row[6], row[1]).toMatch(/^https:\/\/[a-z0-9.-]+\//);
    expect(new Set(AUDITED.map(([provider, scope]) => `${provider} ${scope}`)).size).toBe(AUDITED.length);
  });

  it.each(AUDITED)('%s %s', (provider, scope, access, breadth, keyDataClass, risk) => {
    const info = classifyScope(provider, requested(provider, scope));
    expect(info.source).toBe('catalog');
    expect([...info.access].sort()).toEqual([...access].sort());
    expect(info.breadth).toBe(breadth);
    if (keyDataClass === null) expect(info.dataClasses).toEqual([]);
    else expect(info.dataClasses).toContain(keyDataClass);
    expect(scopeRisk(info)).toBe(risk);
  });
});
