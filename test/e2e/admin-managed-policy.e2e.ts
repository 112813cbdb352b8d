/**
 * Enterprise managed policy in real Chromium: the file the admin CLI's `deploy` writes for Chrome on Linux is put
 * in `/etc/chromium/policies/managed/` before the browser starts. Every key of a policy that uses the whole schema
 * survives Chrome's `managed_schema` check, the overlay says "approved" for the integration it approves, and a
 * changed file applies while the browser runs.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual, promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID } from '../../lib/extension-ids';
import { generateSigningKeyPair } from '../../lib/remote-config/signed-config';
import { PolicySchema, RULE_IDS, RuleSettingsSchemas } from '../../lib/policy/schema';
import { screenshot } from './support/artifacts';
import { SCENARIOS, serveAppCallback, serveConsentPage } from './support/consent-fixtures';
import { openConsentScreen } from './support/consent-screen';
import { EXPECTED_EXTENSION_ID, launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';
import {
  createManagedPolicyFile,
  readManagedStorage,
  removeAllManagedPolicies,
  waitForManagedStorage,
  type ManagedPolicyFile,
} from './support/managed-policy';
import { getPolicyStatus, openOptionsPage, optionsAlerts, waitForPolicyStatus } from './support/policy-status';
import type { ExtensionGlobals } from './support/extension-globals';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const google = SCENARIOS.google;
const github = SCENARIOS.github;

/** Chromium reloads a changed policy folder by itself; this bounds the wait, it is not a timing claim. */
const LIVE_CHANGE_TIMEOUT_MS = 30_000;

/** A policy that sets every key of the schema, with nested lists, nested objects and a free-keyed record. */
function fullPolicy(configPublicKey: string): Record<string, unknown> {
  return {
    schemaVersion: 1,
    organization: {
      name: 'Example Corp',
      supportContact: 'security@example-corp.test',
      supportUrl: 'https://intranet.example-corp.test/help/integrations',
      reviewUrl: 'https://forms.example-corp.test/integration-review',
    },
    enforcement: 'warn',
    approvedIntegrations: [
      {
        name: 'Example CRM',
        provider: 'google',
        clientId: google.clientId,
        host: 'accounts.google.com',
        scopes: [...google.scopes],
        kind: 'production',
        owner: 'Dana Whitfield',
        backupOwner: 'Luis Ortega',
        approvedBy: 'Priya Raman',
        approvedOn: '2026-01-12',
        reviewBy: '2099-01-12',
        expiresOn: '2099-07-12',
        dataClasses: ['customer', 'communications', 'files'],
        shutdown: 'Remove the app in Google Admin console > Security > API controls; ask the vendor to delete our data.',
        decisionUrl: 'https://wiki.example-corp.test/decisions/2026-004',
        notes: 'Sales team only.',
      },
      {
        name: 'Code Insights',
        provider: 'github',
        clientId: github.clientId,
        scopes: ['read:org', 'user:email'],
        kind: 'pilot',
        owner: 'Ada Byron',
        approvedOn: '2099-01-01',
        expiresOn: '2099-01-10',
      },
    ],
    blockedIntegrations: [
      { provider: 'slack', clientId: SCENARIOS.slack.clientId, name: 'Chat Exporter', reason: 'Copies every channel to an unvetted vendor.' },
      { provider: 'dropbox', clientId: '*' },
    ],
    rules: Object.fromEntries(
      RULE_IDS.map((id) => {
        const extra: Record<string, unknown> =
          id === 'narrow-scopes'
            ? { maxDataClasses: 4, maxSystems: 2 }
            : id === 'sensitive-data'
              ? { dataClasses: ['customer', 'payment', 'health'] }
              : id === 'pilot-without-expiry'
                ? { pilotMaxDays: 14, exceptionMaxDays: 60 }
                : {};
        return [id, { action: id === 'blocked-client' ? 'block' : 'review', ...extra }];
      }),
    ),
    configUrl: 'https://config.example-corp.test/consent-gate/policy.json',
    configPublicKey,
    configRefreshMinutes: 120,
    allowLocalPolicy: false,
    localPolicy: { allowApprovals: false, allowDestinations: false },
    reporting: { webhookUrl: 'https://hooks.example-corp.test/consent-gate/events', include: ['scopes', 'appName', 'host', 'reason'] },
    reviewIntake: {
      webhookUrl: 'https://hooks.example-corp.test/consent-gate/reviews',
      slackWebhookUrl: 'https://hooks.slack.example-corp.test/services/T000/B000/XXXX',
      email: 'security-reviews@example-corp.test',
      formUrl: 'https://forms.example-corp.test/integration-review',
      formFields: { appName: 'entry.1001', clientId: 'entry.1002', useCase: 'entry.1003' },
    },
    reminders: { expiryWarningDays: 10, draftReminderDays: 3 },
  };
}

/** Runs the admin CLI as an admin would: `consent-gate deploy --policy FILE --out DIR`. */
async function deployWithCli(policy: Record<string, unknown>): Promise<{ directory: string; chromeFile: string; stdout: string }> {
  const directory = mkdtempSync(join(tmpdir(), 'consent-gate-deploy-'));
  const policyFile = join(directory, 'policy.json');
  writeFileSync(policyFile, JSON.stringify({ $schema: 'https://consent-gate.example/policy.schema.json', ...policy }, null, 2));
  const { stdout } = await run(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/cli/main.ts', 'deploy', '--policy', policyFile, '--out', join(directory, 'out')], {
    cwd: ROOT,
  });
  return { directory, chromeFile: join(directory, 'out', 'chrome', 'consent-gate.json'), stdout };
}

describe('enterprise managed policy from a real Chromium policy file', () => {
  let browser: ExtensionBrowser | undefined;
  let policyFile: ManagedPolicyFile;
  let policy: Record<string, unknown>;
  let deployDirectory = '';

  function opened(): ExtensionBrowser {
    if (!browser) throw new Error('The browser did not start.');
    return browser;
  }

  beforeAll(async () => {
    policy = fullPolicy((await generateSigningKeyPair()).publicKey);
    const deployed = await deployWithCli(policy);
    deployDirectory = deployed.directory;
    expect(deployed.stdout).toContain('chrome/consent-gate.json');
    policyFile = createManagedPolicyFile(CHROME_EXTENSION_ID);
    policyFile.writeText(readFileSync(deployed.chromeFile, 'utf8'));
    browser = await launchExtensionBrowser();
    await serveConsentPage(browser.context, 'google');
    await serveAppCallback(browser.context);
  });

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      removeAllManagedPolicies();
      if (deployDirectory) rmSync(deployDirectory, { recursive: true, force: true });
    }
  });

  it('the test policy sets every key of the schema, and every rule', () => {
    const schemaKeys = Object.keys(PolicySchema.shape).filter((key) => key !== '$schema');
    expect(Object.keys(policy).sort()).toEqual(schemaKeys.sort());
    expect(Object.keys(policy.rules as object).sort()).toEqual(Object.keys(RuleSettingsSchemas).sort());
    expect(PolicySchema.safeParse(policy).success).toBe(true);
  });

  it('the extension id in the deployed file is the one Chromium gives the extension', () => {
    expect(opened().extensionId).toBe(EXPECTED_EXTENSION_ID);
    expect(CHROME_EXTENSION_ID).toBe(EXPECTED_EXTENSION_ID);
  });

  it('every value of the deployed file reaches chrome.storage.managed unchanged', async () => {
    const worker = await opened().worker();
    // The first read after start can take seconds while Chromium loads policy (3-4 s seen headless on 2 cores).
    const { values } = await waitForManagedStorage(() => opened().worker(), (stored) => Object.keys(stored).length > 0, 15_000);
    expect(values).toEqual(policy);
    expect(await readManagedStorage(worker)).toEqual(policy);
  });

  it('the background takes every key from the managed source', async () => {
    const page = await openOptionsPage(opened());
    const status = await waitForPolicyStatus(page, (current) => current.sources.managed.active, 15_000, 'the managed source active');
    for (const key of Object.keys(policy).filter((name) => name !== 'rules')) expect([key, status.origins[key]]).toEqual([key, 'managed']);
    for (const id of RULE_IDS) expect([id, status.origins[`rules.${id}`]]).toEqual([id, 'managed']);
    expect(status.policy.approvedIntegrations).toEqual(policy.approvedIntegrations);
    expect(status.sources.managed.error).toBeUndefined();
    expect(status.sources.local.allowed).toBe(false);
    await page.close();
  });

  it('the overlay on the consent screen says the managed approval applies', async () => {
    const { page, host } = await openConsentScreen(opened(), 'google');
    await screenshot(page, 'admin-managed-approved');
    expect(host['data-verdict']).toBe('approved');
    expect(host['data-client-id']).toBe(google.clientId);
    await page.close();
  });

  it('a changed policy file applies while the browser runs, without a restart', async () => {
    const changed = {
      ...policy,
      approvedIntegrations: (policy.approvedIntegrations as { provider: string }[]).filter((integration) => integration.provider !== 'google'),
      blockedIntegrations: [{ provider: 'google', clientId: google.clientId, name: 'Example CRM', reason: 'Withdrawn after the vendor breach.' }],
    };
    policyFile.write(changed);
    const { elapsedMs } = await waitForManagedStorage(
      () => opened().worker(),
      (stored) => isDeepStrictEqual(stored.blockedIntegrations, changed.blockedIntegrations),
      LIVE_CHANGE_TIMEOUT_MS,
    );
    console.info(`Chromium applied the changed policy file after ${elapsedMs} ms (no restart, no reload click).`);
    const page = await openOptionsPage(opened());
    await waitForPolicyStatus(
      page,
      (status) => isDeepStrictEqual(status.policy.blockedIntegrations, changed.blockedIntegrations),
      10_000,
      'the changed blocked list',
    );
    expect((await getPolicyStatus(page)).origins.blockedIntegrations).toBe('managed');
    await page.close();

    const { page: consent, host } = await openConsentScreen(opened(), 'google');
    await screenshot(consent, 'admin-managed-live-change-blocked');
    expect(host['data-verdict']).toBe('blocked');
    await consent.close();
  });
});

/**
 * One impossible date in one approval. Chrome's managed_schema is structural, so the value reaches the extension;
 * there it must cost that approval only: `enforcement: block` and the local-policy lock stay in force, and the
 * error is shown with its path.
 */
describe('a managed policy file with one invalid value', () => {
  let browser: ExtensionBrowser | undefined;
  const managed = {
    enforcement: 'block',
    allowLocalPolicy: false,
    approvedIntegrations: [
      { name: 'Code Insights', provider: 'github', clientId: github.clientId, scopes: ['read:org'], approvedOn: '2026-01-12', expiresOn: '2026-02-30' },
    ],
  };

  function opened(): ExtensionBrowser {
    if (!browser) throw new Error('The browser did not start.');
    return browser;
  }

  beforeAll(async () => {
    createManagedPolicyFile(CHROME_EXTENSION_ID).write(managed);
    browser = await launchExtensionBrowser();
    await serveConsentPage(browser.context, 'google');
    await serveAppCallback(browser.context);
  });

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      removeAllManagedPolicies();
    }
  });

  it('keeps enforcement block and the lock, drops the bad approval, and says where the problem is', async () => {
    const page = await openOptionsPage(opened());
    const status = await waitForPolicyStatus(page, (current) => current.sources.managed.active, 15_000, 'the managed source active');
    expect(status.policy.enforcement).toBe('block');
    expect(status.origins.enforcement).toBe('managed');
    expect(status.policy.approvedIntegrations).toEqual([]);
    expect(status.sources.local.allowed).toBe(false);
    expect(status.sources.managed.error).toMatch(/\$\.approvedIntegrations\[0\]\.expiresOn: "2026-02-30" is not a real calendar day/);
    const alerts = await optionsAlerts(page);
    expect(alerts.join('\n')).toContain('$.approvedIntegrations[0].expiresOn');
    await page.close();
  });

  it('refuses a local policy import', async () => {
    const page = await openOptionsPage(opened());
    await page.waitForSelector('[data-testid="local-locked"]', { timeout: 10_000 });
    const reply = await page.evaluate(() =>
      (globalThis as unknown as ExtensionGlobals).chrome.runtime.sendMessage({ type: 'page/import-local-policy', text: '{ "enforcement": "off" }' }),
    );
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/does not allow a local policy/) });
    expect((await getPolicyStatus(page)).policy.enforcement).toBe('block');
    await page.close();
  });

  it('the overlay on the consent screen blocks', async () => {
    const { page, host } = await openConsentScreen(opened(), 'google');
    await screenshot(page, 'admin-managed-invalid-value-blocked');
    expect(host['data-enforcement']).toBe('block');
    expect(host['data-verdict']).not.toBe('approved');
    await page.close();
  });
});
