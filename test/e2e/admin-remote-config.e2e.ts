/**
 * The signed remote config in real Chromium: managed policy (a real policy file) names `configUrl` and the pinned
 * `configPublicKey`; an HTTPS server under a real-looking host name publishes the config. A config signed with the
 * admin's key is used; a tampered, unsigned, rolled-back or unreachable one keeps the last good policy in force,
 * its error is in the policy status and on the options page, and the admin's reporting webhook hears about it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROME_EXTENSION_ID } from '../../lib/extension-ids';
import { startAdminEndpoints, type AdminEndpoints } from './support/admin-endpoints';
import { screenshot } from './support/artifacts';
import { SCENARIOS, serveAppCallback, serveConsentPage } from './support/consent-fixtures';
import { openConsentScreen } from './support/consent-screen';
import { CONFIG_HOST, CONFIG_URL, createConfigServer, stripSignature, tamperWith, type ConfigServer } from './support/config-server';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';
import { createManagedPolicyFile, removeAllManagedPolicies } from './support/managed-policy';
import { getPolicyStatus, openOptionsPage, optionsAlerts, refreshRemoteConfig, waitForPolicyStatus } from './support/policy-status';
import { createWebhookReceiver, EVENTS_WEBHOOK_URL, HOOKS_HOST, type ReceivedDelivery, type WebhookReceiver } from './support/webhook-receiver';

const google = SCENARIOS.google;

/** Only the remote config approves the app: managed policy sets no approvals, so an "approved" overlay proves the remote one is used. */
const REMOTE_POLICY = {
  schemaVersion: 1,
  approvedIntegrations: [{ provider: 'google', clientId: google.clientId, scopes: [...google.scopes], name: 'Example CRM', owner: 'Dana Whitfield' }],
  organization: { name: 'Example Corp (remote config)' },
};

/** What an attacker, a stale mirror or a mistake would publish instead: the app blocked. */
const HOSTILE_POLICY = {
  schemaVersion: 1,
  approvedIntegrations: [],
  blockedIntegrations: [{ provider: 'google', clientId: google.clientId, reason: 'Not from the admin.' }],
};

interface PolicyErrorPayload {
  format: string;
  source: string;
  error: string;
  policyInForce: string;
}

function policyErrorReports(received: ReceivedDelivery[]): PolicyErrorPayload[] {
  return received.map((delivery) => delivery.json as PolicyErrorPayload).filter((payload) => payload.format === 'consent-gate/policy-error');
}

describe('signed remote config over HTTPS', () => {
  let browser: ExtensionBrowser | undefined;
  let endpoints: AdminEndpoints | undefined;
  let config: ConfigServer;
  let receiver: WebhookReceiver;
  let options: Page;

  function opened(): ExtensionBrowser {
    if (!browser) throw new Error('The browser did not start.');
    return browser;
  }

  async function expectLastGoodPolicyInForce(serial: number): Promise<void> {
    const status = await getPolicyStatus(options);
    expect(status.sources.remote.serial).toBe(serial);
    expect(status.origins.approvedIntegrations).toBe('remote');
    expect(status.policy.approvedIntegrations).toEqual(REMOTE_POLICY.approvedIntegrations);
    expect(status.policy.blockedIntegrations ?? []).toEqual([]);
    const { page, host } = await openConsentScreen(opened(), 'google');
    expect(host['data-verdict']).toBe('approved');
    await page.close();
  }

  beforeAll(async () => {
    config = await createConfigServer();
    config.serve(await config.sign(REMOTE_POLICY, 2));
    receiver = createWebhookReceiver();
    endpoints = await startAdminEndpoints({
      extensionId: CHROME_EXTENSION_ID,
      handlers: { [CONFIG_HOST]: config.handler, [HOOKS_HOST]: receiver.handler },
    });
    createManagedPolicyFile(CHROME_EXTENSION_ID).write({
      enforcement: 'warn',
      reporting: { webhookUrl: EVENTS_WEBHOOK_URL },
      configUrl: CONFIG_URL,
      configPublicKey: config.publicKey,
      configRefreshMinutes: 60,
    });
    browser = await launchExtensionBrowser({ hostMap: { hosts: [CONFIG_HOST, HOOKS_HOST], port: endpoints.port } });
    await serveConsentPage(browser.context, 'google');
    await serveAppCallback(browser.context);
    options = await openOptionsPage(browser);
  });

  afterAll(async () => {
    try {
      await browser?.close();
      await endpoints?.close();
    } finally {
      removeAllManagedPolicies();
    }
  });

  it('fetches, verifies and uses the signed config: the remote approval makes the overlay say approved', async () => {
    const status = await waitForPolicyStatus(options, (current) => current.sources.remote.serial === 2, 20_000, 'remote serial 2 in force');
    expect(status.origins.approvedIntegrations).toBe('remote');
    expect(status.origins.organization).toBe('remote');
    expect(status.origins.enforcement).toBe('managed');
    expect(status.origins.configUrl).toBe('managed');
    expect(status.sources.remote).toMatchObject({ active: true, url: CONFIG_URL, serial: 2 });
    expect(status.sources.remote.error).toBeUndefined();
    expect(status.policy.approvedIntegrations).toEqual(REMOTE_POLICY.approvedIntegrations);
    // The config came over CORS from the extension's own origin, not with broad host access.
    expect(endpoints?.requests.find((request) => request.method === 'GET')?.origin).toBe(`chrome-extension://${CHROME_EXTENSION_ID}`);

    const { page, host } = await openConsentScreen(opened(), 'google');
    await screenshot(page, 'admin-remote-config-approved');
    expect(host['data-verdict']).toBe('approved');
    await page.close();
  });

  it('an unchanged config costs a 304 (ETag / If-None-Match)', async () => {
    const before = config.fetches.length;
    expect(await refreshRemoteConfig(options)).toEqual({ ok: true, outcome: 'not-modified' });
    const fetch = config.fetches.slice(before).at(-1);
    expect(fetch?.status).toBe(304);
    expect(fetch?.ifNoneMatch).toMatch(/^"/);
  });

  /**
   * `reported`: the admin's webhook hears about the error at once. Not checked when the whole endpoint server is
   * down, as the webhook is down with it (that report waits in the outbox for the retry).
   */
  const failures: {
    name: string;
    publish: (server: ConfigServer, endpointServer: AdminEndpoints) => Promise<void>;
    error: RegExp;
    reported: boolean;
  }[] = [
    {
      name: 'tampered (policy changed after signing)',
      publish: async (server) => server.serve(tamperWith(await server.sign(REMOTE_POLICY, 3), () => HOSTILE_POLICY)),
      error: /signature does not match/i,
      reported: true,
    },
    {
      name: 'unsigned',
      publish: async (server) => server.serve(stripSignature(await server.sign(HOSTILE_POLICY, 3))),
      error: /no signature/i,
      reported: true,
    },
    {
      name: 'rolled back (older serial, validly signed)',
      publish: async (server) => server.serve(await server.sign(HOSTILE_POLICY, 1)),
      error: /serial 1, older than serial 2/i,
      reported: true,
    },
    {
      name: 'unreachable (connection refused)',
      publish: (_server, endpointServer) => endpointServer.goDown(),
      error: /could not be reached/i,
      reported: false,
    },
  ];

  it.each(failures)('$name: keeps the last good policy and shows the error', async ({ name, publish, error, reported }) => {
    if (!endpoints) throw new Error('The config server did not start.');
    await publish(config, endpoints);
    try {
      expect(await refreshRemoteConfig(options)).toEqual({ ok: true, outcome: 'failed' });
      const status = await getPolicyStatus(options);
      expect(status.sources.remote.error).toMatch(error);
      await expectLastGoodPolicyInForce(2);

      const alerts = await optionsAlerts(options);
      await screenshot(options, `admin-remote-config-${name.split(' ')[0]}`);
      expect(alerts.join('\n')).toMatch(error);

      if (reported) {
        await receiver.waitFor((received) => policyErrorReports(received).some((report) => error.test(report.error)), 10_000, `a policy-error report matching ${error}`);
        const report = policyErrorReports(receiver.received).find((one) => error.test(one.error));
        expect(report).toMatchObject({ source: 'remote', policyInForce: 'managed' });
      }
    } finally {
      await endpoints.comeUp();
    }
  });

  it('a newer signed config replaces the last good one and clears the error', async () => {
    const newer = { ...REMOTE_POLICY, organization: { name: 'Example Corp (serial 3)' } };
    config.serve(await config.sign(newer, 3));
    expect(await refreshRemoteConfig(options)).toEqual({ ok: true, outcome: 'updated' });
    const status = await getPolicyStatus(options);
    expect(status.sources.remote.serial).toBe(3);
    expect(status.sources.remote.error).toBeUndefined();
    expect(status.policy.organization).toEqual(newer.organization);
    const alerts = await optionsAlerts(options);
    expect(alerts.join('\n')).not.toMatch(/remote config/i);
  });
});
