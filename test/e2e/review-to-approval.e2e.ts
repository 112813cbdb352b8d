/**
 * The whole reviewer's cycle, for real: Chromium with the built extension warns on a consent screen; the employee
 * files the questionnaire, which reaches the admin's webhook receiver; the admin runs `decide` on the received
 * JSON against a JSONC policy with comments and `sign --serial next` (both as the CLI processes admins run); the
 * config server publishes the signed config over HTTPS; the extension picks it up, and the same consent screen
 * now says approved. The admin's comments and layout in the policy survive the edit.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROME_EXTENSION_ID } from '../../lib/extension-ids';
import { startAdminEndpoints, type AdminEndpoints } from './support/admin-endpoints';
import { screenshot } from './support/artifacts';
import { SCENARIOS, serveAppCallback, serveConsentPage } from './support/consent-fixtures';
import { overlay } from './support/consent-gate-overlay';
import { openConsentScreen } from './support/consent-screen';
import { CONFIG_HOST, CONFIG_URL, createConfigServer, type ConfigServer } from './support/config-server';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';
import { createManagedPolicyFile, removeAllManagedPolicies } from './support/managed-policy';
import { openOptionsPage, refreshRemoteConfig, waitForPolicyStatus } from './support/policy-status';
import { fillQuestionnaire, REVIEW_ANSWERS } from './support/questionnaire';
import { createWebhookReceiver, HOOKS_HOST, REVIEWS_PATH, REVIEWS_WEBHOOK_URL, type WebhookReceiver } from './support/webhook-receiver';

const google = SCENARIOS.google;
const REPOSITORY = resolve(import.meta.dirname, '../..');
const CLI_ENTRY = join(REPOSITORY, 'scripts/cli/main.ts');

/** The admin's policy before the decision: comments, a blank line and a one-line entry that must all survive. */
const POLICY_TEXT = `// Example Corp integration policy. Reviewed in git; published with "sign".
{
  "schemaVersion": 1,

  /* Shown on the overlay. */
  "organization": { "name": "Example Corp", "supportContact": "security@example-corp.test" },

  "approvedIntegrations": [
    // The CRM everyone uses; renewed every year.
    {
      "name": "Team Calendar",
      "provider": "microsoft",
      "clientId": "0b8d6c3e-1f2a-4b5c-9d7e-6f5a4b3c2d1e",
      "scopes": ["openid", "Calendars.Read"] // read-only on purpose
    }
  ],

  // Nobody may connect these.
  "blockedIntegrations": [
    { "provider": "dropbox", "clientId": "*", "reason": "We use Drive." }
  ]
}
`;

interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI as an admin runs it: its own Node process, started from the repository. */
function runCli(args: readonly string[]): Promise<CliOutcome> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI_ENTRY, ...args], { cwd: REPOSITORY, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? -1, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }));
  });
}

async function runCliOk(args: readonly string[]): Promise<CliOutcome> {
  const outcome = await runCli(args);
  if (outcome.code !== 0) throw new Error(`consent-gate ${args[0]} failed (${outcome.code}): ${outcome.stderr}${outcome.stdout}`);
  return outcome;
}

/** The text added by an edit that only inserted: what lies between the longest common prefix and suffix. */
function insertedText(before: string, after: string): { prefix: number; suffix: number; inserted: string } {
  let prefix = 0;
  while (prefix < before.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return { prefix, suffix, inserted: after.slice(prefix, after.length - suffix) };
}

describe('from a filed review to a signed approval in every browser', () => {
  const work = mkdtempSync(join(tmpdir(), 'consent-gate-decide-e2e-'));
  const policyFile = join(work, 'policy.jsonc');
  const signedFile = join(work, 'signed-policy.json');
  const logFile = join(work, 'decisions.jsonl');
  const keyFile = join(work, 'keys', 'consent-gate-signing.key');
  let browser: ExtensionBrowser | undefined;
  let endpoints: AdminEndpoints | undefined;
  let config: ConfigServer;
  let receiver: WebhookReceiver;
  let options: Page;

  function opened(): ExtensionBrowser {
    if (!browser) throw new Error('The browser did not start.');
    return browser;
  }

  async function signAndPublish(): Promise<string> {
    const signed = await runCliOk(['sign', '--key', keyFile, '--serial', 'next', '--out', signedFile, policyFile]);
    config.serve(readFileSync(signedFile, 'utf8'));
    return signed.stderr;
  }

  beforeAll(async () => {
    writeFileSync(policyFile, POLICY_TEXT);
    await runCliOk(['keygen', '--out', join(work, 'keys')]);
    const publicKey = readFileSync(join(work, 'keys', 'consent-gate-signing.pub'), 'utf8').trim();
    config = await createConfigServer({ publicKey, privateKey: readFileSync(keyFile, 'utf8').trim() });
    expect(await signAndPublish()).toMatch(/serial 1 \(the first config in that file\)/);

    receiver = createWebhookReceiver();
    endpoints = await startAdminEndpoints({
      extensionId: CHROME_EXTENSION_ID,
      handlers: { [CONFIG_HOST]: config.handler, [HOOKS_HOST]: receiver.handler },
    });
    createManagedPolicyFile(CHROME_EXTENSION_ID).write({
      enforcement: 'warn',
      reviewIntake: { webhookUrl: REVIEWS_WEBHOOK_URL },
      configUrl: CONFIG_URL,
      configPublicKey: publicKey,
      configRefreshMinutes: 60,
    });
    browser = await launchExtensionBrowser({ hostMap: { hosts: [CONFIG_HOST, HOOKS_HOST], port: endpoints.port } });
    await serveConsentPage(browser.context, 'google');
    await serveAppCallback(browser.context);
    options = await openOptionsPage(browser);
    await waitForPolicyStatus(options, (status) => status.sources.remote.serial === 1, 20_000, 'the remote config, serial 1');
  });

  afterAll(async () => {
    try {
      await browser?.close();
      await endpoints?.close();
    } finally {
      removeAllManagedPolicies();
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('warns, takes the review, decides, signs, and then the same consent screen says approved', async () => {
    // 1. The employee meets the consent screen: not approved yet, so the overlay warns.
    const { page: consent, host: before } = await openConsentScreen(opened(), 'google');
    expect(before['data-verdict']).toBe('needs-review');
    expect(before['data-client-id']).toBe(google.clientId);

    // 2. "Start review", the questionnaire filled and submitted; it reaches the admin's webhook.
    const [review] = await Promise.all([
      opened().context.waitForEvent('page', { predicate: (page) => page.url().includes('/review.html'), timeout: 10_000 }),
      overlay(consent).click('start-review'),
    ]);
    await review.waitForSelector('[data-testid="submit-review"]');
    await fillQuestionnaire(review);
    await review.click('[data-testid="submit-review"]');
    await expect.poll(() => review.textContent('body'), { timeout: 10_000 }).toMatch(/Submitted/);
    await review.close();
    await consent.close();
    await receiver.waitFor((received) => received.some((delivery) => delivery.path === REVIEWS_PATH), 15_000, 'the submitted review');
    const delivered = receiver.received.find((delivery) => delivery.path === REVIEWS_PATH);
    const reviewFile = join(work, 'review.json');
    writeFileSync(reviewFile, delivered?.body ?? '');

    // 3. The reviewer decides on the received JSON: a pilot, as the requester asked.
    const decided = await runCliOk([
      'decide', reviewFile,
      '--policy', policyFile,
      '--decision', 'pilot',
      '--decision-url', 'https://tickets.example-corp.test/SEC-42',
      '--reason', 'Pilot for the EMEA team; read-only mail would be better after the pilot.',
      '--log', logFile,
      '--signed', signedFile,
    ]);
    expect(decided.stdout).toContain('approval added');
    expect(decided.stdout).toContain(`sign --key SIGNING_KEY --serial 2 --out ${signedFile} ${policyFile}`);

    // The admin's text is all still there, byte for byte: the decision only inserted the new approval.
    const edited = readFileSync(policyFile, 'utf8');
    const { prefix, suffix, inserted } = insertedText(POLICY_TEXT, edited);
    expect(prefix + suffix).toBe(POLICY_TEXT.length);
    expect(inserted).toContain(`"clientId": "${google.clientId}"`);
    for (const comment of ['// Example Corp integration policy.', '/* Shown on the overlay. */', '// The CRM everyone uses; renewed every year.', '// read-only on purpose', '// Nobody may connect these.']) {
      expect(edited).toContain(comment);
    }
    expect(edited).toContain('{ "provider": "dropbox", "clientId": "*", "reason": "We use Drive." }');

    const validated = await runCli(['validate', policyFile]);
    expect(validated.code).toBe(0);
    const log = readFileSync(logFile, 'utf8').trim().split('\n');
    expect(log).toHaveLength(1);
    expect(JSON.parse(log[0] ?? '{}')).toMatchObject({
      format: 'consent-gate/decision',
      decision: 'pilot',
      decidedBy: REVIEW_ANSWERS.approver,
      review: { provider: 'google', clientId: google.clientId, requestedScopes: google.scopes },
      approval: { scopes: google.scopes, kind: 'pilot' },
      approvalChange: 'added',
    });

    // Deciding again on the same review changes nothing and logs nothing.
    const again = await runCliOk(['decide', reviewFile, '--policy', policyFile, '--decision', 'pilot', '--log', logFile]);
    expect(again.stdout).toMatch(/Already decided/);
    expect(readFileSync(policyFile, 'utf8')).toBe(edited);
    expect(readFileSync(logFile, 'utf8').trim().split('\n')).toHaveLength(1);

    // 4. Sign with the next serial and publish; the extension checks the config server.
    expect(await signAndPublish()).toMatch(/serial 2 \(after serial 1\)/);
    const refreshed = await refreshRemoteConfig(options);
    expect(refreshed).toMatchObject({ ok: true });
    const status = await waitForPolicyStatus(options, (current) => current.sources.remote.serial === 2, 20_000, 'the remote config, serial 2');
    expect(status.policy.approvedIntegrations?.find((entry) => entry.clientId === google.clientId)).toMatchObject({
      kind: 'pilot',
      scopes: google.scopes,
      owner: REVIEW_ANSWERS.owner,
      backupOwner: REVIEW_ANSWERS.backupOwner,
      decisionUrl: 'https://tickets.example-corp.test/SEC-42',
    });

    // 5. The same consent screen now says approved.
    const { page: after, host } = await openConsentScreen(opened(), 'google');
    await screenshot(after, 'review-to-approval-approved');
    expect(host['data-verdict']).toBe('approved');
    expect(host['data-client-id']).toBe(google.clientId);
    await after.close();

    // The decision log reads as Markdown for the next review of this app.
    const markdown = await runCliOk(['decisions', logFile, '--format', 'md']);
    expect(markdown.stdout).toContain('Pilot approved');
    expect(markdown.stdout).toContain(google.clientId);
  }, 120_000);
});
