/**
 * Fixture consent screens of the big providers, served under their real host names with `context.route`, so the
 * content script's match patterns and webNavigation see exactly what they see in the field. The test navigates to
 * the provider's real authorization URL; the route answers it with the fixture consent page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Route } from 'playwright-core';

export const CONSENT_PAGES_DIR = resolve(import.meta.dirname, '../../fixtures/consent-pages');

export const FIXTURE_PROVIDERS = ['google', 'microsoft', 'github', 'slack'] as const;
export type FixtureProvider = (typeof FIXTURE_PROVIDERS)[number];

export interface ConsentScenario {
  provider: FixtureProvider;
  /** The route pattern that owns the provider's consent host. */
  routePattern: string;
  clientId: string;
  /** Requested scopes, as the provider writes them. */
  scopes: string[];
  /** Builds the real authorization URL for these scopes. */
  authorizationUrl(this: ConsentScenario, scopes?: readonly string[], clientId?: string): string;
}

const REDIRECT = 'https://app.example-crm.test/oauth/callback';

function url(base: string, params: Record<string, string>): string {
  const target = new URL(base);
  for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
  return target.href;
}

export const SCENARIOS: Record<FixtureProvider, ConsentScenario> = {
  google: {
    provider: 'google',
    routePattern: 'https://accounts.google.com/**',
    clientId: '407408718192-crmsync0demo.apps.googleusercontent.com',
    scopes: ['openid', 'email', 'https://www.googleapis.com/auth/gmail.readonly', 'https://www.googleapis.com/auth/drive'],
    authorizationUrl(this: ConsentScenario, scopes = this.scopes, clientId = this.clientId) {
      // https://developers.google.com/identity/protocols/oauth2/web-server#creatingclient
      return url('https://accounts.google.com/o/oauth2/v2/auth', {
        client_id: clientId,
        redirect_uri: REDIRECT,
        response_type: 'code',
        scope: scopes.join(' '),
        access_type: 'offline',
        state: 'e2e-state',
      });
    },
  },
  microsoft: {
    provider: 'microsoft',
    routePattern: 'https://login.microsoftonline.com/**',
    clientId: '6731de76-14a6-49ae-97bc-6eba6914391e',
    scopes: ['openid', 'offline_access', 'https://graph.microsoft.com/Mail.ReadWrite', 'https://graph.microsoft.com/Files.Read.All'],
    authorizationUrl(this: ConsentScenario, scopes = this.scopes, clientId = this.clientId) {
      // https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow#request-an-authorization-code
      return url('https://login.microsoftonline.com/common/oauth2/v2.0/authorize', {
        client_id: clientId,
        response_type: 'code',
        redirect_uri: REDIRECT,
        response_mode: 'query',
        scope: scopes.join(' '),
        state: 'e2e-state',
      });
    },
  },
  github: {
    provider: 'github',
    routePattern: 'https://github.com/login/**',
    clientId: 'Ov23liCrmSync0Demo01',
    scopes: ['repo', 'read:org', 'user:email'],
    authorizationUrl(this: ConsentScenario, scopes = this.scopes, clientId = this.clientId) {
      // https://docs.github.com/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#1-request-a-users-github-identity
      return url('https://github.com/login/oauth/authorize', {
        client_id: clientId,
        redirect_uri: REDIRECT,
        scope: scopes.join(' '),
        state: 'e2e-state',
      });
    },
  },
  slack: {
    provider: 'slack',
    routePattern: 'https://slack.com/oauth/**',
    clientId: '1601185624273.8899143856786',
    scopes: ['channels:history', 'chat:write', 'users:read.email'],
    authorizationUrl(this: ConsentScenario, scopes = this.scopes, clientId = this.clientId) {
      // https://api.slack.com/authentication/oauth-v2#asking (scopes are comma-separated)
      return url('https://slack.com/oauth/v2/authorize', {
        client_id: clientId,
        scope: scopes.join(','),
        redirect_uri: REDIRECT,
        state: 'e2e-state',
      });
    },
  },
};

export function readConsentPage(name: FixtureProvider | 'hostile'): string {
  const file = resolve(CONSENT_PAGES_DIR, `${name}.html`);
  if (!existsSync(file)) throw new Error(`Fixture consent page missing: ${file}`);
  return readFileSync(file, 'utf8');
}

function fulfillHtml(route: Route, body: string): Promise<void> {
  return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
}

/**
 * Serves the provider's fixture consent page (or the given HTML) for every document request on its consent host;
 * sub-resources get an empty answer, as there is no network. The file is read per request, so a fixture that is
 * edited or lands later is picked up.
 */
export async function serveConsentPage(context: BrowserContext, provider: FixtureProvider, body?: string): Promise<void> {
  await context.route(SCENARIOS[provider].routePattern, (route) =>
    route.request().resourceType() === 'document'
      ? fulfillHtml(route, body ?? readConsentPage(provider))
      : route.fulfill({ status: 204, body: '' }),
  );
}

/** Serves any HTML at an exact URL prefix (plain login pages, callbacks, pages outside a flow). */
export async function serveHtml(context: BrowserContext, pattern: string, body: string): Promise<void> {
  await context.route(pattern, (route) => fulfillHtml(route, body));
}

/** The page an app sends people back to; ends every fixture flow. */
export async function serveAppCallback(context: BrowserContext): Promise<void> {
  await serveHtml(context, 'https://app.example-crm.test/**', '<!doctype html><title>Example CRM</title><h1>Connected</h1>');
}
