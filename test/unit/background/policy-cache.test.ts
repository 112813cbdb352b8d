import { readPolicyState, removePolicyState, writePolicyState } from '../../../lib/storage/policy-state';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  getEffectivePolicy,
  invalidatePolicy,
  isPolicyChange,
  LAST_GOOD_POLICY_KEY,
  POLICY_STORAGE_KEY,
  resetPolicyCache,
} from '../../../lib/background/policy-cache';
import { DEFAULT_POLICY } from '../../../lib/engine/default-policy';
import { createReview, getReview, setReviewStatus } from '../../../lib/storage/reviews';
import { samplePrefill } from '../storage/sample-records';
import { GOOGLE_CLIENT, navigate, resetBackground, setPolicy, startBackground, storedState, URLS } from './background-harness';

const APPROVE_DRIVE = {
  approvedIntegrations: [{ provider: 'google' as const, clientId: GOOGLE_CLIENT, scopes: ['https://www.googleapis.com/auth/drive'], name: 'Acme Notes' }],
};

beforeEach(() => {
  resetBackground();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('getEffectivePolicy', () => {
  it('uses the built-in default when nothing is stored', async () => {
    const cached = await getEffectivePolicy();
    expect(cached).toMatchObject({ source: 'default', policy: DEFAULT_POLICY });
    expect(cached.error).toBeUndefined();
    expect(cached.compiled.enforcement).toBe('warn');
  });

  it.each([
    ['an object', { enforcement: 'block' }],
    ['JSON text with a comment', '// imported by IT\n{ "enforcement": "block", }'],
  ])('uses a stored policy given as %s', async (_name, stored) => {
    await setPolicy(stored as never);
    const cached = await getEffectivePolicy();
    expect(cached).toMatchObject({ source: 'local', policy: { enforcement: 'block' } });
    expect(cached.compiled.enforcement).toBe('block');
  });

  it('compiles once and answers from memory', async () => {
    await setPolicy({ enforcement: 'inform' });
    const first = await getEffectivePolicy();
    const get = vi.spyOn(fakeBrowser.storage.managed, 'get');
    const second = await getEffectivePolicy();
    expect(second.compiled).toBe(first.compiled);
    expect(get).not.toHaveBeenCalled();
  });

  it('keeps the last valid policy when the stored one turns invalid, and says why', async () => {
    await setPolicy({ enforcement: 'block' });
    await getEffectivePolicy();
    await writePolicyState({ [POLICY_STORAGE_KEY]: { enforcement: 'strict', approvedIntegrations: 'none' } });
    invalidatePolicy();
    const cached = await getEffectivePolicy();
    expect(cached.compiled.enforcement).toBe('block');
    expect(cached.error).toMatch(/^Local policy: The stored policy is invalid \(2 problems\); Consent Gate keeps the last valid policy\. First: \$\.enforcement/);
  });

  it('keeps the last valid policy across a service-worker restart', async () => {
    await setPolicy({ enforcement: 'acknowledge' });
    await getEffectivePolicy();
    expect((await readPolicyState([LAST_GOOD_POLICY_KEY]))[LAST_GOOD_POLICY_KEY]).toEqual({ enforcement: 'acknowledge' });
    await setPolicy('{ "enforcement": ');
    resetPolicyCache();
    const cached = await getEffectivePolicy();
    expect(cached).toMatchObject({ source: 'local', policy: { enforcement: 'acknowledge' } });
    expect(cached.error).toMatch(/invalid \(1 problem\)/);
  });

  it('falls back to the default, with the error, when no valid policy was ever seen', async () => {
    await setPolicy({ approvedIntegrations: [{ provider: 'google', clientId: 'x' }] } as never);
    const cached = await getEffectivePolicy();
    expect(cached.source).toBe('default');
    expect(cached.error).toMatch(/scopes/);
  });

  it('reports an unreadable storage and tries again on the next call', async () => {
    // The first read of the policy state moves it out of storage.local; that read failing is a failed read too.
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('IO error'));
    const failed = await getEffectivePolicy();
    expect(failed).toMatchObject({ source: 'default', error: expect.stringMatching(/could not read the stored policy \(.*IO error/) });
    await setPolicy({ enforcement: 'monitor' });
    expect((await getEffectivePolicy()).compiled.enforcement).toBe('monitor');
  });

  it('forgets the remembered policy when the admin removes the policy', async () => {
    await setPolicy({ enforcement: 'block' });
    await getEffectivePolicy();
    await removePolicyState([POLICY_STORAGE_KEY]);
    resetPolicyCache();
    expect((await getEffectivePolicy()).source).toBe('default');
    expect(await readPolicyState([LAST_GOOD_POLICY_KEY])).toEqual({});
  });
});

describe('isPolicyChange', () => {
  it.each([
    // The local policy moved to IndexedDB: storage.local, which content scripts can write, is no source any more.
    [{ policy: {} }, 'local', false],
    [{ policy: {}, other: {} }, 'local', false],
    [{ enforcement: {} }, 'managed', true],
    [{ [LAST_GOOD_POLICY_KEY]: {} }, 'local', false],
    [{ policy: {} }, 'session', false],
    [{ 'tab:1': {} }, 'session', false],
  ])('%o in %s: %s', (changes, area, expected) => {
    expect(isPolicyChange(changes, area)).toBe(expected);
  });
});

describe('a policy change in the running background', () => {
  const TAB = 21;

  it('judges running flows again and updates their badge', async () => {
    await startBackground();
    await navigate(TAB, URLS.googleDrive);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('!');
    await setPolicy(APPROVE_DRIVE);
    await vi.waitFor(async () => expect((await storedState(TAB))?.view?.evaluation.verdict).toBe('approved'));
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('✓');
  });

  it('marks submitted reviews approved or declined as the policy decides, and leaves drafts alone', async () => {
    await startBackground();
    const submitted = await createReview(samplePrefill({ clientId: GOOGLE_CLIENT, requestUrl: URLS.googleDrive }));
    await setReviewStatus(submitted.id, 'submitted');
    const draft = await createReview(samplePrefill({ clientId: GOOGLE_CLIENT, requestUrl: URLS.googleDrive }));

    await setPolicy(APPROVE_DRIVE);
    await vi.waitFor(async () => expect((await getReview(submitted.id))?.status).toBe('approved'));
    expect((await getReview(draft.id))?.status).toBe('draft');

    await setPolicy({ blockedIntegrations: [{ provider: 'google', clientId: GOOGLE_CLIENT, reason: 'Data leaves the EU' }] });
    await vi.waitFor(async () => expect((await getReview(submitted.id))?.status).toBe('declined'));
  });

  it('applies the stored policy to reviews at start-up', async () => {
    const submitted = await createReview(samplePrefill({ clientId: GOOGLE_CLIENT, requestUrl: URLS.googleDrive }));
    await setReviewStatus(submitted.id, 'submitted');
    await setPolicy(APPROVE_DRIVE);
    await startBackground();
    expect((await getReview(submitted.id))?.status).toBe('approved');
  });
});

