import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getEffectivePolicy } from '../../../lib/background/policy-cache';
import { REMOTE_CONFIG_ALARM } from '../../../lib/background/remote-config-schedule';
import { REMOTE_STATE_KEY, type StoredRemoteConfig } from '../../../lib/background/remote-policy-source';
import { readPolicyState, writePolicyState } from '../../../lib/storage/policy-state';
import { generateSigningKeyPair, importPrivateKey, signConfig } from '../../../lib/remote-config/signed-config';
import {
  deliver,
  fetchMock,
  fireAlarm,
  httpResponse,
  pageSender,
  resetBackground,
  restartWorker,
  setManagedPolicy,
  setPolicy,
  settleBackground,
  startBackground,
} from './background-harness';

const CONFIG_URL = 'https://policy.acme-corp.example/consent-gate/config.json';
const WEBHOOK = 'https://hooks.acme-corp.example/consent-gate';
const OPTIONS = pageSender('/options.html');

let publicKey = '';
let otherPublicKey = '';
let sign: (policy: unknown, serial: number) => Promise<string>;
let signExpiring: (policy: unknown, serial: number, expiresAt: Date) => Promise<string>;

beforeAll(async () => {
  const pair = await generateSigningKeyPair();
  publicKey = pair.publicKey;
  otherPublicKey = (await generateSigningKeyPair()).publicKey;
  const privateKey = (await importPrivateKey(pair.privateKey))!;
  sign = (policy, serial) =>
    signConfig({ policyText: JSON.stringify(policy), serial, issuedAt: new Date(Date.now() - 60 * 60_000) }, privateKey);
  signExpiring = (policy, serial, expiresAt) =>
    signConfig({ policyText: JSON.stringify(policy), serial, issuedAt: new Date(Date.now() - 60 * 60_000), expiresAt }, privateKey);
});

/** What the config server answers next; webhook POSTs are accepted. */
let serve: (init: RequestInit | undefined) => Response | Promise<Response>;
const webhookBodies: unknown[] = [];

beforeEach(() => {
  resetBackground();
  webhookBodies.length = 0;
  serve = () => httpResponse(404);
  fetchMock.mockImplementation(async (url: string, init?: RequestInit) => {
    if (url === CONFIG_URL) return serve(init);
    if (url === WEBHOOK) {
      webhookBodies.push(JSON.parse(String(init?.body)));
      return httpResponse(204);
    }
    throw new TypeError('Failed to fetch');
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

function managed(extra: Record<string, unknown> = {}) {
  return { configUrl: CONFIG_URL, configPublicKey: publicKey, configRefreshMinutes: 60, reporting: { webhookUrl: WEBHOOK }, ...extra };
}

function configRequests() {
  return fetchMock.mock.calls.filter(([url]) => url === CONFIG_URL);
}

async function storedRemote(): Promise<StoredRemoteConfig | undefined> {
  return (await readPolicyState([REMOTE_STATE_KEY]))[REMOTE_STATE_KEY] as StoredRemoteConfig | undefined;
}

/** Starts with serial 2 of the remote config in force (enforcement: block). */
async function startWithGoodConfig(): Promise<void> {
  const envelope = await sign({ enforcement: 'block', organization: { name: 'Acme' } }, 2);
  serve = () => httpResponse(200, envelope, { etag: '"v2"' });
  await setManagedPolicy(managed());
  await startBackground();
  await settleBackground();
  expect((await getEffectivePolicy()).compiled.enforcement).toBe('block');
}

describe('the signed remote config', () => {
  it('is fetched at once when managed policy names it, verified, used, and scheduled with jitter', async () => {
    await startWithGoodConfig();
    expect(configRequests()).toHaveLength(1);
    expect(configRequests()[0]?.[1]).toMatchObject({ credentials: 'omit', redirect: 'error', cache: 'no-store' });

    const { status, error, source } = await getEffectivePolicy();
    expect(error).toBeUndefined();
    expect(source).toBe('managed');
    expect(status.origins).toMatchObject({ enforcement: 'remote', organization: 'remote', configUrl: 'managed' });
    expect(status.sources.remote).toMatchObject({ active: true, url: CONFIG_URL, serial: 2, checkedAt: expect.any(String) });

    const alarm = await fakeBrowser.alarms.get(REMOTE_CONFIG_ALARM);
    const minutes = ((alarm?.scheduledTime ?? 0) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(59);
    expect(minutes).toBeLessThanOrEqual(72);
  });

  it('costs a 304 when unchanged: the If-None-Match carries the ETag and the copy stays', async () => {
    await startWithGoodConfig();
    serve = () => httpResponse(304);
    expect(await deliver({ type: 'page/refresh-remote-config' }, OPTIONS)).toEqual({ ok: true, outcome: 'not-modified' });
    expect(configRequests()[1]?.[1]?.headers).toMatchObject({ 'if-none-match': '"v2"' });
    expect((await getEffectivePolicy()).compiled.enforcement).toBe('block');
    expect((await getEffectivePolicy()).error).toBeUndefined();
  });

  it('takes a newer serial on the alarm', async () => {
    await startWithGoodConfig();
    const newer = await sign({ enforcement: 'monitor' }, 3);
    serve = () => httpResponse(200, newer, { etag: '"v3"' });
    await fireAlarm(REMOTE_CONFIG_ALARM);
    const { compiled, status } = await getEffectivePolicy();
    expect(compiled.enforcement).toBe('monitor');
    expect(status.sources.remote.serial).toBe(3);
  });

  it.each<[string, () => Promise<Response>, RegExp]>([
    [
      'tampered',
      async () => {
        const envelope = JSON.parse(await sign({ enforcement: 'monitor' }, 3)) as { policy: string };
        envelope.policy = JSON.stringify({ enforcement: 'off' });
        return httpResponse(200, JSON.stringify(envelope));
      },
      /signature does not match the pinned key/,
    ],
    [
      'unsigned',
      async () => {
        const { signature: _dropped, ...unsigned } = JSON.parse(await sign({ enforcement: 'off' }, 3)) as Record<string, unknown>;
        return httpResponse(200, JSON.stringify(unsigned));
      },
      /no signature/,
    ],
    ['rolled back', async () => httpResponse(200, await sign({ enforcement: 'off' }, 1)), /serial 1, older than serial 2/],
    [
      'unreachable',
      async () => {
        throw new TypeError('Failed to fetch');
      },
      /could not be reached/,
    ],
    ['answering HTTP 500', async () => httpResponse(500), /HTTP 500/],
    ['malformed', async () => httpResponse(200, '<html>login</html>'), /not JSON/],
  ])('%s: keeps the last good policy, shows the error and tells the admin', async (_name, answer, reason) => {
    await startWithGoodConfig();
    serve = () => answer();
    expect(await deliver({ type: 'page/refresh-remote-config' }, OPTIONS)).toEqual({ ok: true, outcome: 'failed' });
    await settleBackground();

    const cached = await getEffectivePolicy();
    expect(cached.compiled.enforcement).toBe('block');
    expect(cached.status.sources.remote).toMatchObject({ active: true, serial: 2, error: expect.stringMatching(reason) });
    expect(cached.error).toMatch(new RegExp(`^Remote config: .*${reason.source}`));
    expect(webhookBodies).toEqual([
      expect.objectContaining({ format: 'consent-gate/policy-error', version: 1, source: 'remote', error: expect.stringMatching(reason), policyInForce: 'managed' }),
    ]);

    // The same error again is not reported twice; the backoff brings the next check sooner than the interval.
    expect(await deliver({ type: 'page/refresh-remote-config' }, OPTIONS)).toEqual({ ok: true, outcome: 'failed' });
    await settleBackground();
    expect(webhookBodies).toHaveLength(1);
    const alarm = await fakeBrowser.alarms.get(REMOTE_CONFIG_ALARM);
    expect(((alarm?.scheduledTime ?? 0) - Date.now()) / 60_000).toBeLessThanOrEqual(12);
  });

  it('shows the error with the defaults in force when no good copy ever arrived', async () => {
    serve = () => httpResponse(200, '{"format":"consent-gate/signed-policy"}');
    await setManagedPolicy(managed());
    await startBackground();
    await settleBackground();
    const cached = await getEffectivePolicy();
    expect(cached.compiled.enforcement).toBe('warn');
    expect(cached.status.sources.remote).toMatchObject({ active: false, error: expect.stringMatching(/No signed config has been received yet/) });
  });

  it('keeps the last good copy and its serial across a restart, so an older config is still refused', async () => {
    await startWithGoodConfig();
    restartWorker();
    fakeBrowser.alarms.resetState();
    serve = async () => httpResponse(200, await sign({ enforcement: 'off' }, 1));

    await startBackground();
    await settleBackground();
    // Checked recently: the restart only sets the alarm again, it does not fetch.
    expect(configRequests()).toHaveLength(1);
    expect(await fakeBrowser.alarms.get(REMOTE_CONFIG_ALARM)).toBeDefined();
    expect((await getEffectivePolicy()).compiled.enforcement).toBe('block');

    await fireAlarm(REMOTE_CONFIG_ALARM);
    const cached = await getEffectivePolicy();
    expect(cached.compiled.enforcement).toBe('block');
    expect(cached.status.sources.remote.error).toMatch(/older than serial 2/);
  });

  it('never uses a kept copy that no longer verifies against the pinned key', async () => {
    await startWithGoodConfig();
    const stored = await storedRemote();
    const forged = JSON.parse(stored!.state.envelope!) as { policy: string };
    forged.policy = JSON.stringify({ enforcement: 'off' });
    await writePolicyState({ [REMOTE_STATE_KEY]: { ...stored, state: { ...stored!.state, envelope: JSON.stringify(forged), policy: { enforcement: 'off' } } } });
    restartWorker();
    const cached = await getEffectivePolicy();
    expect(cached.compiled.enforcement).toBe('warn');
    expect(cached.status.sources.remote.error).toMatch(/no longer verifies/);
  });

  it('starts afresh when the admin pins another key, and stops when managed policy names no config', async () => {
    await startWithGoodConfig();
    serve = async () => httpResponse(200, await sign({ enforcement: 'inform' }, 1));
    await setManagedPolicy(managed({ configPublicKey: otherPublicKey }));
    await settleBackground();
    expect(configRequests()).toHaveLength(2);
    const rotated = await getEffectivePolicy();
    expect(rotated.compiled.enforcement).toBe('warn');
    expect(rotated.status.sources.remote.error).toMatch(/signature does not match/);

    await setManagedPolicy({ enforcement: 'acknowledge' });
    await settleBackground();
    expect(await fakeBrowser.alarms.get(REMOTE_CONFIG_ALARM)).toBeUndefined();
    expect(await deliver({ type: 'page/refresh-remote-config' }, OPTIONS)).toEqual({ ok: true, outcome: 'not-configured' });
    expect((await getEffectivePolicy()).status.sources.remote).toEqual({ active: false });
  });

  it('cannot move its own URL or key, nor unlock local policies', async () => {
    const envelope = await sign({ enforcement: 'inform', configUrl: 'https://evil.example/c.json', configPublicKey: otherPublicKey, allowLocalPolicy: true }, 2);
    serve = () => httpResponse(200, envelope);
    await setManagedPolicy(managed({ allowLocalPolicy: false }));
    await startBackground();
    await settleBackground();
    const { policy, status } = await getEffectivePolicy();
    expect(policy).toMatchObject({ enforcement: 'inform', configUrl: CONFIG_URL, configPublicKey: publicKey, allowLocalPolicy: false });
    expect(status.origins).toMatchObject({ enforcement: 'remote', configUrl: 'managed', allowLocalPolicy: 'managed' });
  });
});

describe('an expired remote config: one rule after a 304, a restart, or an expired file served again', () => {
  const HOUR = 60 * 60_000;

  /** Serial 2 (enforcement: block) that expires in an hour, with a local file that would switch everything off. */
  async function startWithExpiringConfig(): Promise<string> {
    const envelope = await signExpiring({ enforcement: 'block', organization: { name: 'Acme' } }, 2, new Date(Date.now() + HOUR));
    serve = () => httpResponse(200, envelope, { etag: '"v2"' });
    await setPolicy({ enforcement: 'off' });
    await setManagedPolicy(managed());
    await startBackground();
    await settleBackground();
    const cached = await getEffectivePolicy();
    expect(cached.compiled.enforcement).toBe('block');
    expect(cached.status.sources.remote.expired).toBeUndefined();
    expect(cached.status.sources.remote.expiresAt).toEqual(expect.any(String));
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2 * HOUR });
    return envelope;
  }

  afterEach(async () => {
    // Work a test's last message left running must not write into the next test's storage.
    await settleBackground();
    vi.useRealTimers();
  });

  function expectExpiredCopyInForce(cached: Awaited<ReturnType<typeof getEffectivePolicy>>, reason: RegExp): void {
    expect(cached.compiled.enforcement).toBe('block');
    expect(cached.status.origins.enforcement).toBe('remote');
    expect(cached.status.sources.remote).toMatchObject({ active: true, serial: 2, expired: true, expiresAt: expect.any(String), error: expect.stringMatching(reason) });
  }

  it('after a 304 the kept copy stays in force, marked expired', async () => {
    await startWithExpiringConfig();
    serve = () => httpResponse(304);
    expect(await deliver({ type: 'page/refresh-remote-config' }, OPTIONS)).toEqual({ ok: true, outcome: 'not-modified' });
    expectExpiredCopyInForce(await getEffectivePolicy(), /^The remote config expired on .*keeps its last verified copy in force/);
  });

  it('after a restart, even when the last check was a 304 past the expiry, the copy still verifies and stays', async () => {
    await startWithExpiringConfig();
    serve = () => httpResponse(304);
    await deliver({ type: 'page/refresh-remote-config' }, OPTIONS);
    restartWorker();
    await startBackground();
    await settleBackground();
    expectExpiredCopyInForce(await getEffectivePolicy(), /^The remote config expired on /);
  });

  it('when the server keeps serving the expired file, it is refused and the kept copy stays, both said', async () => {
    const envelope = await startWithExpiringConfig();
    serve = () => httpResponse(200, envelope);
    expect(await deliver({ type: 'page/refresh-remote-config' }, OPTIONS)).toEqual({ ok: true, outcome: 'failed' });
    await settleBackground();
    expectExpiredCopyInForce(await getEffectivePolicy(), /expired on .* The server still serves an expired config/);
  });

  it('shows the expiry as soon as it passes, without waiting for the next check', async () => {
    await startWithExpiringConfig();
    const cached = await getEffectivePolicy();
    expect(configRequests()).toHaveLength(1);
    expectExpiredCopyInForce(cached, /^The remote config expired on /);
  });

  it('a newly signed config ends the expiry', async () => {
    await startWithExpiringConfig();
    serve = async () => httpResponse(200, await sign({ enforcement: 'acknowledge' }, 3));
    expect(await deliver({ type: 'page/refresh-remote-config' }, OPTIONS)).toEqual({ ok: true, outcome: 'updated' });
    const cached = await getEffectivePolicy();
    expect(cached.compiled.enforcement).toBe('acknowledge');
    expect(cached.status.sources.remote.expired).toBeUndefined();
    expect(cached.status.sources.remote.error).toBeUndefined();
  });
});
