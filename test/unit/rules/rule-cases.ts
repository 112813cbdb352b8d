/**
 * Positive and negative cases for every rule, keyed by rule id. test/unit/rules/registry.test.ts proves every
 * rule file has an entry here with at least one case of each kind; rules.test.ts runs them.
 */
import type { AuthorizationRequest } from '../../../lib/authorization-request';
import type { PageFacts, Severity } from '../../../lib/evaluation';
import type { PolicyInput, RuleId } from '../../../lib/policy/schema';
import { request } from './request-fixtures';

export interface RuleCase {
  name: string;
  request: AuthorizationRequest;
  policy?: PolicyInput;
  page?: PageFacts;
  /** The finding the rule must report (severity, words its message must and must not contain), or null for none. */
  expect: { severity: Severity; includes: string[]; excludes?: string[]; scopes?: string[] } | null;
}

const CLIENT = 'aaaaaaaa-0000-0000-0000-000000000001';
const OTHER = 'bbbbbbbb-0000-0000-0000-000000000002';
const AZURE_CLI = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';

const MAIL = request({ scopes: ['openid', 'Mail.Read'] });
const SLACK_APP = '1234567890.0987654321';
const slackApproval = (keys: { scopes: string[]; userScopes?: string[] }): PolicyInput => ({
  approvedIntegrations: [{ name: 'Standup Bot', provider: 'slack', clientId: SLACK_APP, ...keys }],
});
const V1 = 'https://login.microsoftonline.com/common/oauth2/authorize';

const approve = (extra: Record<string, unknown> = {}, scopes = ['openid', 'Mail.Read']): PolicyInput => ({
  approvedIntegrations: [{ name: 'Acme Mail', provider: 'microsoft', clientId: CLIENT, scopes, owner: 'dana@example.com', ...extra }],
});

export const RULE_CASES: Record<RuleId, RuleCase[]> = {
  'read-only-unless-justified': [
    { name: 'write scope on an unknown app', request: request({ scopes: ['openid', 'Mail.Send'] }), expect: { severity: 'high', includes: ['"Mail.Send"', 'change or delete'], scopes: ['Mail.Send'] } },
    {
      name: 'Google write scope, by its short name',
      request: request({ provider: 'google', scopes: ['openid', 'https://www.googleapis.com/auth/gmail.modify'] }),
      expect: { severity: 'high', includes: ['"gmail.modify"'], excludes: ['googleapis.com'], scopes: ['https://www.googleapis.com/auth/gmail.modify'] },
    },
    {
      name: 'Graph write scopes, by short names, at most three named',
      request: request({
        scopes: ['https://graph.microsoft.com/Mail.Send', 'https://graph.microsoft.com/Files.ReadWrite', 'Calendars.ReadWrite', 'Contacts.ReadWrite', 'Tasks.ReadWrite'],
      }),
      expect: { severity: 'high', includes: ['("Mail.Send", "Files.ReadWrite" and 3 more)'], excludes: ['graph.microsoft.com', 'Tasks.ReadWrite'] },
    },
    { name: 'read-only scopes', request: request({ scopes: ['openid', 'Mail.Read'] }), expect: null },
    { name: 'write scope approved for this app', request: request({ scopes: ['Mail.Send'] }), policy: approve({}, ['Mail.Send']), expect: null },
  ],
  'narrow-scopes': [
    {
      name: 'four kinds of data in one request',
      request: request({ scopes: ['Mail.Read', 'Files.Read.All', 'Contacts.Read', 'Calendars.Read'] }),
      expect: { severity: 'warning', includes: ['4 kinds of data', 'mail and chat', 'files', 'contacts', 'calendars'] },
    },
    { name: 'one system, one purpose', request: request({ scopes: ['openid', 'Mail.Read', 'Mail.Send'] }), expect: null },
    {
      name: 'a lower limit set by the admin',
      request: request({ scopes: ['Mail.Read', 'Calendars.Read'] }),
      policy: { rules: { 'narrow-scopes': { maxDataClasses: 1 } } },
      expect: { severity: 'warning', includes: ['2 kinds of data', 'at most 1 allowed'] },
    },
  ],
  'admin-scopes': [
    { name: 'directory admin', request: request({ scopes: ['Directory.ReadWrite.All'] }), expect: { severity: 'critical', includes: ['"Directory.ReadWrite.All"', 'administrator'] } },
    { name: 'organisation-wide write', request: request({ scopes: ['User.ReadWrite.All'] }), expect: { severity: 'critical', includes: ['"User.ReadWrite.All"'] } },
    { name: 'admin consent for the tenant', request: request({ endpoint: 'admin-consent', scopes: [] }), expect: { severity: 'critical', includes: ['whole organisation'] } },
    { name: 'own mail only', request: request({ scopes: ['Mail.ReadWrite'] }), expect: null },
  ],
  'offline-access': [
    { name: 'data that persists offline', request: request({ scopes: ['Mail.Read', 'offline_access'], offlineAccess: true }), expect: { severity: 'warning', includes: ['offline access', 'the data it asks for'], scopes: ['Mail.Read'] } },
    { name: 'sign-in with offline_access', request: request({ scopes: ['openid', 'offline_access'], offlineAccess: true }), expect: null },
    { name: 'data without offline access', request: request({ scopes: ['Mail.Read'] }), expect: null },
  ],
  'sensitive-data': [
    { name: 'mail', request: request({ scopes: ['Mail.Read'] }), expect: { severity: 'high', includes: ['mail and chat', '"Mail.Read"'] } },
    { name: 'all files', request: request({ scopes: ['Files.Read.All'] }), expect: { severity: 'high', includes: ['files'] } },
    { name: 'only files used with the app', request: request({ provider: 'google', scopes: ['https://www.googleapis.com/auth/drive.file'] }), expect: null },
    { name: 'calendar is not sensitive by default', request: request({ scopes: ['Calendars.Read'] }), expect: null },
    {
      name: 'calendar made sensitive by the admin',
      request: request({ scopes: ['Calendars.Read'] }),
      policy: { rules: { 'sensitive-data': { dataClasses: ['calendar'] } } },
      expect: { severity: 'high', includes: ['calendars'] },
    },
  ],
  'not-approved': [
    { name: 'unknown app reading data', request: request({ scopes: ['openid', 'Calendars.Read'] }), expect: { severity: 'warning', includes: ['not on your company', '"Calendars.Read"'] } },
    { name: 'unknown app signing in', request: request({ scopes: ['openid', 'email'] }), expect: null },
    { name: 'approved app', request: request({ scopes: ['openid', 'Mail.Read'] }), policy: approve(), expect: null },
  ],
  'scope-creep': [
    { name: 'approved app asks for more', request: request({ scopes: ['openid', 'Mail.Read', 'Mail.Send'] }), policy: approve(), expect: { severity: 'high', includes: ['Acme Mail', '"Mail.Send"'], scopes: ['Mail.Send'] } },
    { name: 'within the approval', request: request({ scopes: ['openid', 'Mail.Read'] }), policy: approve(), expect: null },
    { name: 'Graph prefix and case do not count as more', request: request({ scopes: ['openid', 'https://graph.microsoft.com/Mail.Read'] }), policy: approve({}, ['openid', 'mail.read']), expect: null },
    { name: 'unknown app', request: request({ scopes: ['Mail.Send'] }), expect: null },
    { name: 'identity scopes the approval does not list', request: request({ scopes: ['openid', 'email', 'profile', 'Mail.Read'] }), policy: approve({}, ['Mail.Read']), expect: null },
    { name: 'sign-in only, approval lists only data', request: request({ scopes: ['openid', 'offline_access'], offlineAccess: true }), policy: approve({}, ['Mail.Read']), expect: null },
    {
      name: 'offline_access added to approved data access',
      request: request({ scopes: ['Mail.Read', 'offline_access'], offlineAccess: true }),
      policy: approve({}, ['Mail.Read']),
      expect: { severity: 'high', includes: ['"offline_access"'], scopes: ['offline_access'] },
    },
    {
      name: 'a Slack bot-scope approval does not approve the same user scope',
      request: request({ provider: 'slack', clientId: SLACK_APP, scopes: ['chat:write'], scopeSources: { 'chat:write': 'user_scope' } }),
      policy: slackApproval({ scopes: ['chat:write'] }),
      expect: { severity: 'high', includes: ['"chat:write"', 'act as you'], scopes: ['chat:write'] },
    },
    {
      name: 'a scope asked as bot and as user needs both approvals',
      request: request({ provider: 'slack', clientId: SLACK_APP, scopes: ['chat:write'], alsoUserScopes: ['chat:write'] }),
      policy: slackApproval({ scopes: ['chat:write'] }),
      expect: { severity: 'high', includes: ['"chat:write"'], scopes: ['chat:write'] },
    },
    {
      name: 'a Slack user-scope approval does not approve the bot scope',
      request: request({ provider: 'slack', clientId: SLACK_APP, scopes: ['chat:write'] }),
      policy: slackApproval({ scopes: [], userScopes: ['chat:write'] }),
      expect: { severity: 'high', includes: ['"chat:write"'], scopes: ['chat:write'] },
    },
    {
      name: 'bot and user scopes each approved in their own list',
      request: request({ provider: 'slack', clientId: SLACK_APP, scopes: ['chat:write', 'channels:history'], scopeSources: { 'channels:history': 'user_scope' }, alsoUserScopes: ['chat:write'] }),
      policy: slackApproval({ scopes: ['chat:write'], userScopes: ['chat:write', 'channels:history'] }),
      expect: null,
    },
  ],
  'approval-expired': [
    { name: 'expired yesterday', request: MAIL, policy: approve({ expiresOn: '2026-03-14' }), expect: { severity: 'high', includes: ['2026-03-14', 'expired', 'dana@example.com'] } },
    { name: 'expires today', request: MAIL, policy: approve({ expiresOn: '2026-03-15' }), expect: null },
    { name: 'no expiry', request: MAIL, policy: approve(), expect: null },
    { name: 'expired, but the request only signs in', request: request({ scopes: ['openid', 'email'] }), policy: approve({ expiresOn: '2026-03-14' }), expect: null },
  ],
  'review-date-passed': [
    { name: 'review overdue', request: MAIL, policy: approve({ reviewBy: '2026-01-31' }), expect: { severity: 'warning', includes: ['2026-01-31', 'still approved', 'dana@example.com'] } },
    { name: 'review due later', request: MAIL, policy: approve({ reviewBy: '2026-06-30' }), expect: null },
    { name: 'review overdue, but the request only signs in', request: request({ scopes: ['openid', 'profile'] }), policy: approve({ reviewBy: '2026-01-31' }), expect: null },
  ],
  'blocked-client': [
    {
      name: 'blocked client id',
      request: request(),
      policy: { blockedIntegrations: [{ provider: 'microsoft', clientId: CLIENT, name: 'Shady Sync', reason: 'Copies mailboxes to its own servers.' }] },
      expect: { severity: 'high', includes: ['Shady Sync', 'blocked', 'Copies mailboxes'] },
    },
    {
      name: 'Microsoft GUIDs match in any case',
      request: request({ clientId: CLIENT.toUpperCase() }),
      policy: { blockedIntegrations: [{ provider: 'microsoft', clientId: CLIENT }] },
      expect: { severity: 'high', includes: ['blocked'] },
    },
    { name: 'every unapproved client of a provider', request: request({ provider: 'dropbox', clientId: 'abc' }), policy: { blockedIntegrations: [{ provider: 'dropbox', clientId: '*' }] }, expect: { severity: 'high', includes: ['every dropbox app'] } },
    {
      name: 'the wildcard spares approved clients',
      request: request({ provider: 'dropbox', clientId: 'abc', scopes: ['openid'] }),
      policy: { approvedIntegrations: [{ provider: 'dropbox', clientId: 'abc', scopes: ['openid'] }], blockedIntegrations: [{ provider: 'dropbox', clientId: '*' }] },
      expect: null,
    },
    { name: 'another client', request: request({ clientId: OTHER }), policy: { blockedIntegrations: [{ provider: 'microsoft', clientId: CLIENT }] }, expect: null },
    { name: 'same id, other provider', request: request(), policy: { blockedIntegrations: [{ provider: 'google', clientId: CLIENT }] }, expect: null },
  ],
  'look-alike-host': [
    {
      name: 'suffix trick',
      request: request({
        provider: 'generic',
        host: 'login.microsoftonline.com.attacker.test',
        impersonation: { provider: 'microsoft', imitates: 'login.microsoftonline.com', reason: 'the host only starts with login.microsoftonline.com' },
      }),
      expect: { severity: 'critical', includes: ['login.microsoftonline.com.attacker.test', 'Do not sign in'] },
    },
    { name: 'the real host', request: request(), expect: null },
  ],
  'look-alike-app': [
    { name: 'approved name, other client', request: request({ clientId: OTHER }), policy: approve(), page: { appName: '  ACME   mail\u200b ' }, expect: { severity: 'critical', includes: ['Acme Mail', 'impostor'] } },
    { name: 'approved name, same client', request: request(), policy: approve(), page: { appName: 'Acme Mail' }, expect: null },
    // A person reads these as "Acme Mail": Cyrillic "А" and "е", and capital I for small l.
    { name: 'approved name in look-alike letters', request: request({ clientId: OTHER }), policy: approve(), page: { appName: '\u0410cm\u0435 MaiI' }, expect: { severity: 'critical', includes: ['Acme Mail', 'impostor'] } },
    { name: 'approved name with an accent', request: request({ clientId: OTHER }), policy: approve(), page: { appName: 'Acme Ma\u00EDl' }, expect: { severity: 'critical', includes: ['Acme Mail'] } },
    { name: 'a name nobody approved', request: request({ clientId: OTHER }), policy: approve(), page: { appName: 'Acme Mail Pro' }, expect: null },
    { name: 'no page facts', request: request({ clientId: OTHER }), policy: approve(), expect: null },
  ],
  'unverified-publisher': [
    { name: 'unverified, unknown app', request: request(), page: { verified: false, publisher: 'Acme Ltd' }, expect: { severity: 'warning', includes: ['not verified', 'Acme Ltd'] } },
    { name: 'verified', request: request(), page: { verified: true }, expect: null },
    { name: 'badge not read', request: request(), page: {}, expect: null },
    { name: 'unverified but approved', request: request(), policy: approve(), page: { verified: false }, expect: null },
  ],
  'insecure-redirect-uri': [
    { name: 'plain http to a web host', request: request({ redirectUri: 'http://app.example.com/callback' }), expect: { severity: 'high', includes: ['app.example.com', 'plain http'] } },
    { name: 'javascript: scheme', request: request({ redirectUri: 'javascript:alert(1)' }), expect: { severity: 'high', includes: ['"javascript:"'] } },
    { name: 'not a URL', request: request({ redirectUri: '/relative/callback' }), expect: { severity: 'warning', includes: ['not a valid URL'] } },
    {
      name: 'not a URL, quoted without its query',
      request: request({ redirectUri: '/relative/callback?session=SESSION-1#token=T' }),
      expect: { severity: 'warning', includes: ['("/relative/callback") is not a valid URL'] },
    },
    { name: 'https', request: request({ redirectUri: 'https://app.example.com/callback' }), expect: null },
    { name: 'http on localhost (RFC 8252)', request: request({ redirectUri: 'http://localhost:8400/' }), expect: null },
    { name: 'http on 127.0.0.1', request: request({ redirectUri: 'http://127.0.0.1:53682/callback' }), expect: null },
    { name: 'http on [::1]', request: request({ redirectUri: 'http://[::1]:8080/' }), expect: null },
    { name: 'a native app scheme', request: request({ redirectUri: 'com.example.app:/oauth2redirect' }), expect: null },
    { name: 'no redirect URI', request: request({ redirectUri: undefined }), expect: null },
    { name: 'localhost lookalike host', request: request({ redirectUri: 'http://localhost.attacker.test/' }), expect: { severity: 'high', includes: ['localhost.attacker.test'] } },
  ],
  consentfix: [
    { name: 'Azure CLI to localhost', request: request({ clientId: AZURE_CLI, redirectUri: 'http://localhost:8400/' }), expect: { severity: 'high', includes: ['Microsoft Azure CLI', 'never copy'] } },
    { name: 'Office to 127.0.0.1', request: request({ clientId: 'd3590ed6-52b3-4102-aeff-aad2292ab01c', redirectUri: 'http://127.0.0.1/' }), expect: { severity: 'high', includes: ['Microsoft Office'] } },
    { name: 'gcloud to localhost', request: request({ provider: 'google', clientId: '32555940559.apps.googleusercontent.com', redirectUri: 'http://localhost:8085/' }), expect: { severity: 'high', includes: ['gcloud'] } },
    { name: 'Azure CLI to its https page', request: request({ clientId: AZURE_CLI, redirectUri: 'https://login.microsoftonline.com/common/oauth2/nativeclient' }), expect: null },
    { name: 'an ordinary app to localhost', request: request({ redirectUri: 'http://localhost:3000/' }), expect: null },
  ],
  'parameter-flood': [
    { name: 'padded past the parameter cap', request: request({ parameterLimitReached: true }), expect: { severity: 'high', includes: ['padded', 'more than 1,000', 'review'] } },
    { name: 'padded, even for an approved app', request: request({ parameterLimitReached: true, scopes: ['openid', 'Mail.Read'] }), policy: approve(), expect: { severity: 'high', includes: ['padded'] } },
    { name: 'an ordinary request', request: request(), expect: null },
  ],
  'hidden-scopes': [
    {
      name: 'a pushed request (PAR)',
      request: request({ scopes: ['openid'], requestObjects: ['request_uri'] }),
      expect: { severity: 'high', includes: ['ahead of time', 'prove nothing'] },
    },
    {
      name: 'a signed request object (JAR), even for an approved app',
      request: request({ scopes: ['openid', 'Mail.Read'], requestObjects: ['request'] }),
      policy: approve(),
      expect: { severity: 'high', includes: ['sealed request object', 'prove nothing'] },
    },
    { name: 'a pushed request the approval allows', request: request({ scopes: ['openid'], requestObjects: ['request_uri'] }), policy: approve({ allowRequestObjects: true }), expect: null },
    {
      name: 'Microsoft v1 with a resource',
      request: request({ url: V1, endpointVariant: 'v1', resource: 'https://graph.microsoft.com', scopes: ['openid'] }),
      expect: { severity: 'high', includes: ['older sign-in endpoint', '"https://graph.microsoft.com"'] },
    },
    {
      name: 'Microsoft v1, approved for another resource',
      request: request({ url: V1, endpointVariant: 'v1', resource: 'https://outlook.office.com https://graph.microsoft.com', scopes: [] }),
      policy: approve({ resources: ['https://graph.microsoft.com/'] }),
      expect: { severity: 'high', includes: ['"https://outlook.office.com"'] },
    },
    {
      name: 'Microsoft v1, approved for that resource (any case, trailing slash)',
      request: request({ url: V1, endpointVariant: 'v1', resource: 'https://Graph.Microsoft.com/', scopes: [] }),
      policy: approve({ resources: ['https://graph.microsoft.com'] }),
      expect: null,
    },
    {
      name: 'Microsoft v1 without a resource, unknown app',
      request: request({ url: V1, endpointVariant: 'v1', scopes: ['openid'] }),
      expect: { severity: 'high', includes: ['older sign-in endpoint', 'every permission the app was set up with.'] },
    },
    { name: 'Microsoft v1 without a resource, approved app', request: request({ url: V1, endpointVariant: 'v1', scopes: ['openid'] }), policy: approve(), expect: null },
    { name: 'Microsoft v2 with a resource parameter', request: request({ endpointVariant: 'v2', resource: 'https://graph.microsoft.com', scopes: ['openid'] }), expect: null },
    {
      name: 'prompt=admin_consent on the sign-in page',
      request: request({ scopes: ['openid', 'Calendars.Read'], prompt: 'login admin_consent' }),
      expect: { severity: 'high', includes: ['everyone in the organisation'] },
    },
    { name: 'prompt=consent is for one person', request: request({ scopes: ['openid'], prompt: 'consent' }), expect: null },
    {
      name: '.default is not approved by narrower scopes',
      request: request({ scopes: ['https://graph.microsoft.com/.default'] }),
      policy: approve({}, ['Mail.Read', 'Calendars.Read']),
      expect: { severity: 'high', includes: ['every permission', 'unknown'], scopes: ['https://graph.microsoft.com/.default'] },
    },
    { name: '.default approved as such', request: request({ scopes: ['https://graph.microsoft.com/.default'] }), policy: approve({}, ['.default']), expect: null },
    {
      name: 'a client id given twice with different values, even for an approved app',
      request: request({ scopes: ['openid', 'Mail.Read'], conflictingParameters: ['client_id'] }),
      policy: approve({ allowRequestObjects: true }),
      expect: { severity: 'high', includes: ['"client_id" more than once', 'review'] },
    },
    { name: 'an ordinary request', request: request({ scopes: ['openid', 'Mail.Read'] }), expect: null },
  ],
  'pilot-without-expiry': [
    { name: 'pilot without expiry', request: MAIL, policy: approve({ kind: 'pilot' }), expect: { severity: 'warning', includes: ['test (pilot) access', 'no expiry'] } },
    { name: 'pilot for 30 days', request: MAIL, policy: approve({ kind: 'pilot', approvedOn: '2026-03-01', expiresOn: '2026-03-31' }), expect: { severity: 'warning', includes: ['30 days', 'at most 14'] } },
    { name: 'exception for 120 days', request: MAIL, policy: approve({ kind: 'exception', approvedOn: '2026-03-01', expiresOn: '2026-06-29' }), expect: { severity: 'warning', includes: ['an exception', '120 days', 'at most 90'] } },
    { name: 'exception without expiry', request: MAIL, policy: approve({ kind: 'exception' }), expect: { severity: 'warning', includes: ['no expiry'] } },
    { name: 'pilot for 14 days', request: MAIL, policy: approve({ kind: 'pilot', approvedOn: '2026-03-10', expiresOn: '2026-03-24' }), expect: null },
    { name: 'pilot for 7 days with the limit set to 7', request: MAIL, policy: { ...approve({ kind: 'pilot', approvedOn: '2026-03-10', expiresOn: '2026-03-17' }), rules: { 'pilot-without-expiry': { pilotMaxDays: 7 } } }, expect: null },
    { name: 'production approval', request: MAIL, policy: approve(), expect: null },
    { name: 'pilot without expiry, but the request only signs in', request: request({ scopes: ['openid'] }), policy: approve({ kind: 'pilot' }), expect: null },
  ],
};
