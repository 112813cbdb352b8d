import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LAST_GOOD_POLICY_KEY, POLICY_STORAGE_KEY } from '../../../lib/background/local-policy-source';
import { MANAGED_LAST_GOOD_KEY } from '../../../lib/background/managed-policy-source';
import { readPolicyState } from '../../../lib/storage/policy-state';
import { getEffectivePolicy, invalidatePolicy, isPolicyChange, isPolicyStateChange } from '../../../lib/background/policy-cache';
import {
  deliver,
  GOOGLE_CLIENT,
  navigate,
  pageSender,
  resetBackground,
  restartWorker,
  setAccessLevel,
  setManagedPolicy,
  setPolicy,
  settleBackground,
  startBackground,
  storedState,
  URLS,
} from './background-harness';

const DRIVE = 'https://www.googleapis.com/auth/drive';
const APPROVE_DRIVE = [{ provider: 'google', clientId: GOOGLE_CLIENT, scopes: [DRIVE], name: 'Acme Notes' }];
const OPTIONS = pageSender('/options.html');

beforeEach(() => {
  resetBackground();
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('precedence: managed, then local, then defaults', () => {
  it.each<[string, Record<string, unknown> | undefined, Record<string, unknown> | undefined, string, Record<string, string>]>([
    ['nothing anywhere', undefined, undefined, 'warn', { enforcement: 'default', approvedIntegrations: 'default' }],
    ['a local policy only', undefined, { enforcement: 'block' }, 'block', { enforcement: 'local', approvedIntegrations: 'default' }],
    ['a managed policy only', { enforcement: 'monitor' }, undefined, 'monitor', { enforcement: 'managed', approvedIntegrations: 'default' }],
    [
      'both: managed wins per key; the file cannot approve apps unless managed policy allows it',
      { enforcement: 'acknowledge' },
      { enforcement: 'off', approvedIntegrations: APPROVE_DRIVE },
      'acknowledge',
      { enforcement: 'managed', approvedIntegrations: 'default' },
    ],
    [
      'both, and managed policy lets the file approve apps',
      { enforcement: 'acknowledge', localPolicy: { allowApprovals: true } },
      { enforcement: 'off', approvedIntegrations: APPROVE_DRIVE },
      'acknowledge',
      { enforcement: 'managed', approvedIntegrations: 'local' },
    ],
    [
      'a locked local policy is ignored',
      { allowLocalPolicy: false },
      { enforcement: 'block', approvedIntegrations: APPROVE_DRIVE },
      'warn',
      { enforcement: 'default', approvedIntegrations: 'default', allowLocalPolicy: 'managed' },
    ],
  ])('%s', async (_name, managed, local, enforcement, origins) => {
    if (managed) await setManagedPolicy(managed);
    if (local) await setPolicy(local as never);
    const cached = await getEffectivePolicy();
    expect(cached.compiled.enforcement).toBe(enforcement);
    expect(cached.status.origins).toMatchObject(origins);
    expect(cached.error).toBeUndefined();
  });

  it('says which keys of the local file are ignored under managed policy, and why', async () => {
    await setManagedPolicy({ enforcement: 'warn' });
    await setPolicy({ approvedIntegrations: APPROVE_DRIVE, reporting: { webhookUrl: 'https://hooks.elsewhere.example/events' } } as never);
    const cached = await getEffectivePolicy();
    expect(cached.policy.reporting).toBeUndefined();
    expect(cached.status.sources.local.ignored).toMatch(/approvedIntegrations \(only managed policy may let a local file approve apps.*reporting \(only managed policy may let a local file choose where/);
    expect(cached.error).toBeUndefined();
  });

  it('says a locked local policy is not used, on the local source only', async () => {
    await setManagedPolicy({ allowLocalPolicy: false });
    await setPolicy({ enforcement: 'block' });
    const { status, error } = await getEffectivePolicy();
    expect(status.sources.local).toEqual({ active: false, allowed: false, error: expect.stringMatching(/imported local policy is not used/) });
    expect(status.sources.managed.active).toBe(true);
    expect(error).toBeUndefined();
  });

  it('answers page/get-policy-status with the policy, its origins and every source', async () => {
    await setManagedPolicy({ enforcement: 'inform', organization: { name: 'Acme' } });
    await startBackground();
    const reply = await deliver({ type: 'page/get-policy-status' }, OPTIONS);
    expect(reply).toMatchObject({
      ok: true,
      status: {
        policy: { enforcement: 'inform', organization: { name: 'Acme' }, approvedIntegrations: [] },
        origins: { enforcement: 'managed', organization: 'managed', 'rules.consentfix': 'default' },
        sources: {
          managed: { active: true, updatedAt: expect.any(String) },
          remote: { active: false },
          local: { active: false, allowed: true },
        },
      },
    });
  });
});

describe('enterprise managed storage', () => {
  const TAB = 40;

  it('applies a managed policy change live to a running flow', async () => {
    await startBackground();
    await navigate(TAB, URLS.googleDrive);
    expect((await storedState(TAB))?.view?.evaluation.verdict).toBe('needs-review');

    await setManagedPolicy({ approvedIntegrations: APPROVE_DRIVE });
    await settleBackground();
    expect((await storedState(TAB))?.view?.evaluation.verdict).toBe('approved');
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('✓');

    await setManagedPolicy({});
    await settleBackground();
    expect((await storedState(TAB))?.view?.evaluation.verdict).toBe('needs-review');
    expect((await getEffectivePolicy()).source).toBe('default');
  });

  it('drops only the bad part of a managed policy, and says where', async () => {
    await setManagedPolicy({ enforcement: 'block' });
    expect((await getEffectivePolicy()).compiled.enforcement).toBe('block');

    // Chrome dropped a value that did not match the schema: an approval arrives without its scopes.
    await setManagedPolicy({ enforcement: 'block', approvedIntegrations: [{ provider: 'google', clientId: GOOGLE_CLIENT }] });
    invalidatePolicy();
    const cached = await getEffectivePolicy();
    expect(cached.compiled.enforcement).toBe('block');
    expect(cached.source).toBe('managed');
    expect(cached.policy.approvedIntegrations).toEqual([]);
    expect(cached.error).toMatch(/^Managed policy: The managed policy has 1 problem; only the part each one is in is ignored, every other key stays in force\. \$\.approvedIntegrations\[0\]\.scopes: "scopes" is missing/);
    expect(cached.status.sources.managed).toMatchObject({ active: true, error: expect.stringMatching(/approvedIntegrations\[0\]/) });
  });

  it('keeps the lock and the enforcement when one approval has an impossible date', async () => {
    await setPolicy({ enforcement: 'off' });
    await setManagedPolicy({
      enforcement: 'block',
      allowLocalPolicy: false,
      approvedIntegrations: [
        { provider: 'google', clientId: GOOGLE_CLIENT, scopes: ['openid'] },
        { provider: 'github', clientId: 'Iv1.pilot', scopes: ['read:org'], expiresOn: '2026-02-30' },
      ],
    });
    const cached = await getEffectivePolicy();
    expect(cached.compiled.enforcement).toBe('block');
    expect(cached.status.sources.local.allowed).toBe(false);
    expect(cached.policy.approvedIntegrations).toEqual([{ provider: 'google', clientId: GOOGLE_CLIENT, scopes: ['openid'] }]);
    expect(cached.status.sources.managed.error).toMatch(/\$\.approvedIntegrations\[1\]\.expiresOn: "2026-02-30" is not a real calendar day/);
    await startBackground();
    const reply = await deliver({ type: 'page/import-local-policy', text: '{ "enforcement": "off" }' }, OPTIONS);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/does not allow a local policy/) });
  });

  it('keeps the last good managed policy across a restart, not the defaults', async () => {
    await setManagedPolicy({ enforcement: 'acknowledge' });
    await getEffectivePolicy();
    expect((await readPolicyState([MANAGED_LAST_GOOD_KEY]))[MANAGED_LAST_GOOD_KEY]).toMatchObject({ policy: { enforcement: 'acknowledge' } });

    await setManagedPolicy({ enforcement: 'strictest' });
    restartWorker();
    const cached = await getEffectivePolicy();
    // The invalid enforcement falls back to the last good managed value, remembered across the restart.
    expect(cached.compiled.enforcement).toBe('acknowledge');
    expect(cached.error).toMatch(/\$\.enforcement: /);
  });

  it.each([
    ['Chromium with no policy installed answers {}', async () => ({})],
    ['Firefox with no policy installed rejects', async () => Promise.reject(new Error('Managed storage manifest not found'))],
  ])('%s: no managed policy, no error', async (_name, get) => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(get as never);
    const cached = await getEffectivePolicy();
    expect(cached.source).toBe('default');
    expect(cached.error).toBeUndefined();
    expect(cached.status.sources.managed).toEqual({ active: false });
  });

  it('keeps the last managed policy when managed storage fails to answer, and tries again', async () => {
    await setManagedPolicy({ enforcement: 'monitor' });
    await getEffectivePolicy();
    restartWorker();
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValueOnce(new Error('IO error'));
    const failed = await getEffectivePolicy();
    expect(failed.compiled.enforcement).toBe('monitor');
    expect(failed.error).toMatch(/could not read the managed policy \(IO error\)/);
    // A failed read is not cached: the next call reads again.
    const next = await getEffectivePolicy();
    expect(next.error).toBeUndefined();
  });

  it('forgets the managed policy the admin removed', async () => {
    await setManagedPolicy({ enforcement: 'block' });
    await getEffectivePolicy();
    await setManagedPolicy({});
    invalidatePolicy();
    expect((await getEffectivePolicy()).source).toBe('default');
    expect((await readPolicyState([MANAGED_LAST_GOOD_KEY]))[MANAGED_LAST_GOOD_KEY]).toBeUndefined();
  });

  it.each([
    [{ enforcement: {} }, 'managed', true],
    // The local policy is not in storage.local any more: a content script writing this key changes nothing.
    [{ policy: {} }, 'local', false],
    [{ [MANAGED_LAST_GOOD_KEY]: {} }, 'local', false],
    [{ 'policy:remote': {} }, 'local', false],
  ])('isPolicyChange(%o, %s) is %s', (changes, area, expected) => {
    expect(isPolicyChange(changes, area)).toBe(expected);
  });

  it.each<[string[], boolean]>([
    [['policy'], true],
    [['policy:last-good', 'policy:imported-at'], false],
    [['policy:remote'], false],
  ])('isPolicyStateChange(%o) is %s', (keys, expected) => {
    expect(isPolicyStateChange(keys)).toBe(expected);
  });

  it('restricts session storage (the per-tab flows) to the extension at start', async () => {
    await startBackground();
    await settleBackground();
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });

  it('ignores a policy a content script writes into storage.local', async () => {
    await setPolicy({ enforcement: 'block' });
    await startBackground();
    await settleBackground();
    await fakeBrowser.storage.local.set({ policy: { enforcement: 'off' } });
    await settleBackground();
    invalidatePolicy();
    expect((await getEffectivePolicy()).compiled.enforcement).toBe('block');
    // After a restart the stray key is deleted, never moved into the policy state.
    restartWorker();
    await startBackground();
    await settleBackground();
    expect((await getEffectivePolicy()).compiled.enforcement).toBe('block');
    expect(await fakeBrowser.storage.local.get('policy')).toEqual({});
  });
});

describe('local policy import', () => {
  it('imports a valid file as its text, comments kept, and applies it before replying', async () => {
    await startBackground();
    const text = '// Acme pilot\n{ "enforcement": "block", "approvedIntegrations": [] }';
    expect(await deliver({ type: 'page/import-local-policy', text }, OPTIONS)).toEqual({ ok: true });
    expect((await readPolicyState([POLICY_STORAGE_KEY]))[POLICY_STORAGE_KEY]).toBe(text);
    const status = await deliver({ type: 'page/get-policy-status' }, OPTIONS);
    expect(status).toMatchObject({ ok: true, status: { origins: { enforcement: 'local' }, sources: { local: { active: true, updatedAt: expect.any(String) } } } });
  });

  it('refuses an invalid file with every error and keeps the policy in force', async () => {
    await setPolicy({ enforcement: 'acknowledge' });
    await startBackground();
    const reply = await deliver({ type: 'page/import-local-policy', text: '{ "enforcement": "strict", "approvedIntegrations": 3 }' }, OPTIONS);
    expect(reply).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^The policy file is invalid \(2 problems\)/),
      errors: [
        { path: '$.enforcement', message: expect.any(String), fix: expect.any(String) },
        { path: '$.approvedIntegrations', message: expect.any(String), fix: expect.any(String) },
      ],
    });
    expect((await getEffectivePolicy()).compiled.enforcement).toBe('acknowledge');
  });

  it('refuses any file where managed policy locks local policies', async () => {
    await setManagedPolicy({ allowLocalPolicy: false });
    await startBackground();
    const reply = await deliver({ type: 'page/import-local-policy', text: '{ "enforcement": "off" }' }, OPTIONS);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/does not allow a local policy/) });
    expect((await readPolicyState([POLICY_STORAGE_KEY]))[POLICY_STORAGE_KEY]).toBeUndefined();
  });

  it('clears the local policy and its remembered copy; the defaults take over', async () => {
    await setPolicy({ enforcement: 'block' });
    await startBackground();
    expect(await deliver({ type: 'page/clear-local-policy' }, OPTIONS)).toEqual({ ok: true });
    expect(await readPolicyState([POLICY_STORAGE_KEY, LAST_GOOD_POLICY_KEY])).toEqual({});
    expect((await getEffectivePolicy()).compiled.enforcement).toBe('warn');
  });
});
