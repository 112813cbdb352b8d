/**
 * The fixture consent screens under their real host names, for Firefox. The Chromium suite answers them with
 * Playwright's `context.route`; here a local HTTPS server does (reached through the host-map proxy), so Firefox's
 * own network stack, webNavigation and content-script matching see an ordinary page load on the real origin.
 * The scenarios and the fixture pages are the Chromium suite's (test/e2e/support/consent-fixtures.ts).
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { readConsentPage, SCENARIOS, type FixtureProvider } from '../../e2e/support/consent-fixtures';
import { createSelfSignedCertificate } from '../../fixtures/idp/self-signed-certificate';

export const APP_CALLBACK_HOST = 'app.example-crm.test';

const CALLBACK_PAGE = '<!doctype html><title>Example CRM</title><h1>Connected</h1>';

/** The host of each fixture provider's consent screen, from the scenario's own authorization URL. */
export function consentHost(provider: FixtureProvider): string {
  return new URL(SCENARIOS[provider].authorizationUrl()).hostname;
}

export interface ConsentHostServer {
  port: number;
  hosts: readonly string[];
  /** Serves this HTML instead of the provider's fixture page, until `reset()`. */
  override(provider: FixtureProvider, body: string): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startConsentHostServer(providers: readonly FixtureProvider[]): Promise<ConsentHostServer> {
  const byHost = new Map(providers.map((provider) => [consentHost(provider), provider] as const));
  const overrides = new Map<FixtureProvider, string>();
  const hosts = [...byHost.keys(), APP_CALLBACK_HOST];
  const server: Server = createServer(createSelfSignedCertificate(hosts), (request, response) => {
    const host = (request.headers.host ?? '').split(':')[0]?.toLowerCase() ?? '';
    // Sub-resources of a fixture page get an empty answer, as the Chromium routes give them: there is no network.
    if (request.headers['sec-fetch-dest'] !== undefined && request.headers['sec-fetch-dest'] !== 'document') {
      response.writeHead(204).end();
      return;
    }
    const provider = byHost.get(host);
    const body = host === APP_CALLBACK_HOST ? CALLBACK_PAGE : provider && (overrides.get(provider) ?? readConsentPage(provider));
    if (body === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`No fixture for ${host}`);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    hosts,
    override(provider, body) {
      overrides.set(provider, body);
    },
    reset() {
      overrides.clear();
    },
    close() {
      return new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
    },
  };
}
