/**
 * Real-looking authorization URLs for the benchmark, shaped the way each provider's own docs and SDKs build them
 * (endpoints, parameter order, scope separators), plus the everyday non-requests a browser sees around them.
 */
import type { ProviderId } from '../../lib/authorization-request';
import type { SeededRandom } from './seeded-random';

export interface ClientTemplate {
  provider: ProviderId;
  /** Scopes apps of this provider commonly request. */
  scopes: readonly string[];
  /** Scopes nearly every request of this provider carries. */
  baseScopes: readonly string[];
  clientId(random: SeededRandom): string;
  url(clientId: string, scopes: readonly string[], random: SeededRandom): string;
}

const enc = encodeURIComponent;
const redirect = (random: SeededRandom) =>
  enc(random.pick(['https://app.example.com/oauth/callback', 'https://crm.example.io/auth/return', 'http://localhost:8080/callback', 'https://hooks.example.net/cb']));
const state = (random: SeededRandom) => random.hex(24);
const pkce = (random: SeededRandom) => `code_challenge=${random.hex(43)}&code_challenge_method=S256`;
const spaceList = (scopes: readonly string[]) => scopes.map(enc).join('%20');
const plusList = (scopes: readonly string[]) => scopes.map(enc).join('+');
const guid = (random: SeededRandom) => `${random.hex(8)}-${random.hex(4)}-${random.hex(4)}-${random.hex(4)}-${random.hex(12)}`;

export const CLIENT_TEMPLATES: readonly ClientTemplate[] = [
  {
    provider: 'google',
    baseScopes: ['openid', 'email', 'profile'],
    scopes: [
      'https://www.googleapis.com/auth/drive.readonly',
      'https://www.googleapis.com/auth/drive.file',
      'https://www.googleapis.com/auth/drive',
      'https://www.googleapis.com/auth/gmail.readonly',
      'https://www.googleapis.com/auth/gmail.send',
      'https://mail.google.com/',
      'https://www.googleapis.com/auth/calendar.readonly',
      'https://www.googleapis.com/auth/calendar.events',
      'https://www.googleapis.com/auth/contacts.readonly',
      'https://www.googleapis.com/auth/spreadsheets',
      'https://www.googleapis.com/auth/admin.directory.user.readonly',
    ],
    clientId: (random) => `${100000000000 + random.integer(899999999999)}-${random.hex(32)}.apps.googleusercontent.com`,
    url: (clientId, scopes, random) =>
      `https://accounts.google.com/o/oauth2/v2/auth?client_id=${enc(clientId)}&redirect_uri=${redirect(random)}&response_type=code` +
      `&scope=${random.next() < 0.5 ? spaceList(scopes) : plusList(scopes)}` +
      `${random.next() < 0.5 ? '&access_type=offline&prompt=consent' : ''}&state=${state(random)}&${pkce(random)}`,
  },
  {
    provider: 'microsoft',
    baseScopes: ['openid', 'profile', 'offline_access'],
    scopes: [
      'User.Read',
      'Mail.Read',
      'Mail.Send',
      'Files.Read.All',
      'Files.ReadWrite.All',
      'Calendars.ReadWrite',
      'Sites.Read.All',
      'Directory.Read.All',
      'https://graph.microsoft.com/Mail.ReadWrite',
      'https://graph.microsoft.com/.default',
      'Chat.Read',
      'User.ReadBasic.All',
    ],
    clientId: guid,
    url: (clientId, scopes, random) => {
      const tenant = random.pick(['common', 'organizations', 'consumers', 'contoso.onmicrosoft.com', '72f988bf-86f1-41af-91ab-2d7cd011db47']);
      if (random.next() < 0.1) return `https://login.microsoftonline.com/${tenant}/adminconsent?client_id=${clientId}&redirect_uri=${redirect(random)}&state=${state(random)}`;
      return (
        `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/authorize?client_id=${clientId}&response_type=code` +
        `&redirect_uri=${redirect(random)}&response_mode=query&scope=${spaceList(scopes)}&state=${state(random)}&${pkce(random)}`
      );
    },
  },
  {
    provider: 'github',
    baseScopes: [],
    scopes: ['read:user', 'user:email', 'repo', 'public_repo', 'read:org', 'admin:org', 'workflow', 'gist', 'delete_repo', 'admin:repo_hook'],
    clientId: (random) => (random.next() < 0.5 ? `Iv1.${random.hex(16)}` : random.hex(20)),
    url: (clientId, scopes, random) =>
      `https://github.com/login/oauth/authorize?client_id=${clientId}&redirect_uri=${redirect(random)}&scope=${spaceList(scopes)}&state=${state(random)}&allow_signup=true`,
  },
  {
    provider: 'slack',
    baseScopes: [],
    scopes: ['channels:read', 'channels:history', 'chat:write', 'users:read', 'users:read.email', 'files:read', 'groups:history', 'im:history', 'team:read', 'admin'],
    clientId: (random) => `${1000000000 + random.integer(8999999999)}.${1000000000000 + random.integer(8999999999999)}`,
    url: (clientId, scopes, random) => {
      const half = Math.ceil(scopes.length / 2);
      return (
        `https://slack.com/oauth/v2/authorize?client_id=${clientId}&scope=${scopes.slice(0, half).map(enc).join(',')}` +
        `&user_scope=${scopes.slice(half).map(enc).join(',')}&redirect_uri=${redirect(random)}&state=${state(random)}`
      );
    },
  },
  {
    provider: 'salesforce',
    baseScopes: ['refresh_token'],
    scopes: ['api', 'id', 'web', 'full', 'openid', 'chatter_api', 'offline_access'],
    clientId: (random) => `3MVG9${random.hex(80)}`,
    url: (clientId, scopes, random) =>
      `https://${random.pick(['login.salesforce.com', 'test.salesforce.com', 'acme.my.salesforce.com'])}/services/oauth2/authorize` +
      `?response_type=code&client_id=${clientId}&redirect_uri=${redirect(random)}&scope=${spaceList(scopes)}&state=${state(random)}`,
  },
  {
    provider: 'hubspot',
    baseScopes: ['oauth'],
    scopes: ['crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.objects.deals.read', 'content', 'forms', 'tickets', 'e-commerce', 'automation'],
    clientId: guid,
    url: (clientId, scopes, random) =>
      `https://app.hubspot.com/oauth/authorize?client_id=${clientId}&redirect_uri=${redirect(random)}&scope=${spaceList(scopes)}` +
      `${random.next() < 0.3 ? '&optional_scope=crm.objects.companies.read' : ''}`,
  },
  {
    provider: 'atlassian',
    baseScopes: ['offline_access'],
    scopes: ['read:jira-work', 'write:jira-work', 'read:jira-user', 'manage:jira-project', 'read:confluence-content.all', 'write:confluence-content', 'read:me'],
    clientId: (random) => random.hex(32),
    url: (clientId, scopes, random) =>
      `https://auth.atlassian.com/authorize?audience=api.atlassian.com&client_id=${clientId}&scope=${spaceList(scopes)}` +
      `&redirect_uri=${redirect(random)}&state=${state(random)}&response_type=code&prompt=consent`,
  },
  {
    provider: 'dropbox',
    baseScopes: ['account_info.read'],
    scopes: ['files.metadata.read', 'files.content.read', 'files.content.write', 'sharing.read', 'sharing.write', 'team_data.member', 'members.read'],
    clientId: (random) => random.hex(15),
    url: (clientId, scopes, random) =>
      `https://www.dropbox.com/oauth2/authorize?client_id=${clientId}&response_type=code&token_access_type=${random.pick(['offline', 'online'])}` +
      `&scope=${spaceList(scopes)}&redirect_uri=${redirect(random)}&state=${state(random)}&${pkce(random)}`,
  },
  {
    provider: 'zoom',
    baseScopes: [],
    scopes: ['meeting:read', 'meeting:write', 'user:read', 'recording:read', 'user:write:admin'],
    clientId: (random) => random.hex(22),
    url: (clientId, _scopes, random) => `https://zoom.us/oauth/authorize?response_type=code&client_id=${clientId}&redirect_uri=${redirect(random)}`,
  },
  {
    provider: 'box',
    baseScopes: [],
    scopes: ['root_readonly', 'root_readwrite', 'manage_managed_users', 'manage_groups'],
    clientId: (random) => random.hex(32),
    url: (clientId, scopes, random) =>
      `https://account.box.com/api/oauth2/authorize?response_type=code&client_id=${clientId}&redirect_uri=${redirect(random)}&state=${state(random)}` +
      `${scopes.length > 0 ? `&scope=${spaceList(scopes)}` : ''}`,
  },
  {
    provider: 'okta',
    baseScopes: ['openid', 'profile'],
    scopes: ['email', 'offline_access', 'groups', 'okta.users.read', 'okta.users.manage', 'okta.apps.read'],
    clientId: (random) => `0oa${random.hex(17)}`,
    url: (clientId, scopes, random) =>
      `https://${random.pick(['acme', 'globex', 'initech'])}.okta.com/oauth2/default/v1/authorize?client_id=${clientId}&response_type=code` +
      `&scope=${spaceList(scopes)}&redirect_uri=${redirect(random)}&state=${state(random)}&nonce=${random.hex(16)}&${pkce(random)}`,
  },
  {
    provider: 'auth0',
    baseScopes: ['openid', 'profile', 'email'],
    scopes: ['offline_access', 'read:messages', 'write:messages', 'read:users'],
    clientId: (random) => random.hex(32),
    url: (clientId, scopes, random) =>
      `https://${random.pick(['acme', 'hooli'])}.us.auth0.com/authorize?response_type=code&client_id=${clientId}&redirect_uri=${redirect(random)}` +
      `&scope=${spaceList(scopes)}&audience=${enc('https://api.example.com')}&state=${state(random)}`,
  },
  {
    provider: 'gitlab',
    baseScopes: ['read_user'],
    scopes: ['openid', 'api', 'read_api', 'read_repository', 'write_repository', 'sudo'],
    clientId: (random) => random.hex(64),
    url: (clientId, scopes, random) =>
      `https://gitlab.com/oauth/authorize?client_id=${clientId}&redirect_uri=${redirect(random)}&response_type=code&state=${state(random)}&scope=${plusList(scopes)}&${pkce(random)}`,
  },
  {
    provider: 'keycloak',
    baseScopes: ['openid'],
    scopes: ['profile', 'email', 'offline_access', 'roles', 'web-origins'],
    clientId: (random) => `portal-${random.hex(6)}`,
    url: (clientId, scopes, random) =>
      `https://sso.${random.pick(['example.org', 'corp.example'])}/realms/${random.pick(['acme', 'staff'])}/protocol/openid-connect/auth?client_id=${clientId}` +
      `&response_type=code&scope=${spaceList(scopes)}&redirect_uri=${redirect(random)}&state=${state(random)}&${pkce(random)}`,
  },
  {
    provider: 'generic',
    baseScopes: ['openid'],
    scopes: ['profile', 'email', 'offline_access', 'read', 'write', 'admin'],
    clientId: (random) => `app-${random.hex(10)}`,
    url: (clientId, scopes, random) =>
      `https://id.${random.pick(['example.net', 'corp.example', 'sso.example.org'])}/oauth2/authorize?client_id=${clientId}&response_type=code` +
      `&scope=${spaceList(scopes)}&redirect_uri=${redirect(random)}&state=${state(random)}`,
  },
];

/** What a browser sees around consent screens that must not be taken for one. */
export function sampleNonRequest(random: SeededRandom): string {
  return random.pick([
    () => `https://app.example.com/oauth/callback?code=${random.hex(40)}&state=${random.hex(24)}`,
    () => `https://app.example.com/callback#access_token=${random.hex(60)}&token_type=bearer&expires_in=3600`,
    () => `https://app.example.com/callback?error=access_denied&error_description=The+user+denied`,
    () => 'https://developers.google.com/identity/protocols/oauth2/scopes?scope=drive',
    () => 'https://oauth2.googleapis.com/token',
    () => 'https://login.microsoftonline.com/common/oauth2/v2.0/logout?post_logout_redirect_uri=https%3A%2F%2Fapp.example.com',
    () => 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
    () => `https://www.example.com/search?q=oauth&client_id=${random.hex(8)}`,
    () => `https://login.microsoftonline.com.attacker.test/common/oauth2/v2.0/authorize?client_id=${random.hex(8)}&response_type=code&scope=Mail.Read`,
    () => `https://news.example.org/articles/${random.integer(100000)}`,
    () => '',
  ])();
}

/** Each provider's template, by id. */
export function templateFor(provider: ProviderId): ClientTemplate {
  const template = CLIENT_TEMPLATES.find((candidate) => candidate.provider === provider);
  if (template === undefined) throw new Error(`no URL template for ${provider}`);
  return template;
}
