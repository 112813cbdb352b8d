import { beforeAll, describe, expect, it, vi } from 'vitest';
import { nextRefreshDelayMinutes, refreshRemoteConfig, type RefreshInput, type RemoteConfigState } from '../../../lib/policy-sources/fetch-remote-config';
import { generateSigningKeyPair, importPrivateKey, signConfig } from '../../../lib/remote-config/signed-config';

const NOW = new Date('2026-06-01T12:00:00Z');
const URL_OK = 'https://config.example.com/consent-gate.json';
let publicKey = '';
let sign: (policy: unknown, serial: number) => Promise<string>;

beforeAll(async () => {
  const pair = await generateSigningKeyPair();
  publicKey = pair.publicKey;
  const privateKey = (await importPrivateKey(pair.privateKey))!;
  sign = (policy, serial) =>
    signConfig({ policyText: JSON.stringify(policy), serial, issuedAt: new Date('2026-05-30T00:00:00Z') }, privateKey);
});

function respond(status: number, body = '', etag?: string): RefreshInput['fetch'] {
  return vi.fn(async () => ({
    status,
    headers: { get: (name: string) => (name.toLowerCase() === 'etag' ? (etag ?? null) : null) },
    text: async () => body,
  }));
}

const GOOD_STATE: RemoteConfigState = { policy: { enforcement: 'warn' }, envelope: '{}', serial: 5, etag: '"v5"', checkedAt: '2026-05-31T00:00:00.000Z' };

describe('refreshRemoteConfig', () => {
  it('takes a newer signed config, with its serial and ETag', async () => {
    const fetch = respond(200, await sign({ enforcement: 'block' }, 6), '"v6"');
    const { outcome, state } = await refreshRemoteConfig({ url: URL_OK, publicKey, state: GOOD_STATE, now: NOW, fetch });
    expect(outcome).toBe('updated');
    expect(state).toMatchObject({ policy: { enforcement: 'block' }, serial: 6, etag: '"v6"', checkedAt: NOW.toISOString() });
    expect(state.error).toBeUndefined();
    expect(fetch).toHaveBeenCalledWith(URL_OK, expect.objectContaining({ headers: expect.objectContaining({ 'if-none-match': '"v5"' }), credentials: 'omit', redirect: 'error' }));
  });

  it('a 304 keeps the copy in force and clears an old error', async () => {
    const { outcome, state } = await refreshRemoteConfig({
      url: URL_OK, publicKey, now: NOW, fetch: respond(304),
      state: { ...GOOD_STATE, error: { code: 'unreachable', message: 'x', at: 'y' } },
    });
    expect(outcome).toBe('not-modified');
    expect(state.policy).toEqual(GOOD_STATE.policy);
    expect(state.error).toBeUndefined();
    expect(state.checkedAt).toBe(NOW.toISOString());
  });

  it('does not send If-None-Match when it holds no copy', async () => {
    const fetch = respond(200, await sign({}, 1));
    await refreshRemoteConfig({ url: URL_OK, publicKey, now: NOW, fetch, state: { etag: '"stale"' } });
    expect(fetch).toHaveBeenCalledWith(URL_OK, expect.objectContaining({ headers: { accept: 'application/json' } }));
  });

  type Case = [string, string, () => Promise<RefreshInput['fetch']>, string];
  const failures: Case[] = [
    ['plain http', 'http://config.example.com/c.json', async () => respond(200), 'not-https'],
    ['not a URL', 'config', async () => respond(200), 'not-https'],
    ['unreachable', URL_OK, async () => vi.fn(async () => { throw new TypeError('Failed to fetch'); }), 'unreachable'],
    ['HTTP 500', URL_OK, async () => respond(500), 'http-error'],
    ['a 304 without a copy', URL_OK, async () => respond(304), 'http-error'],
    ['an unsigned config', URL_OK, async () => respond(200, JSON.stringify({ ...JSON.parse(await sign({}, 9)), signature: undefined })), 'unsigned'],
    ['a tampered config', URL_OK, async () => respond(200, (await sign({ enforcement: 'warn' }, 9)).replace('warn', 'off')), 'bad-signature'],
    ['a rolled-back config', URL_OK, async () => respond(200, await sign({}, 4)), 'rollback'],
    ['a signed but invalid policy', URL_OK, async () => respond(200, await sign({ enforcement: 'sometimes' }, 9)), 'invalid-policy'],
  ];

  it.each(failures)('keeps the last good policy on %s', async (_name, url, makeFetch, code) => {
    const state = url === URL_OK && _name === 'a 304 without a copy' ? {} : GOOD_STATE;
    const result = await refreshRemoteConfig({ url, publicKey, state, now: NOW, fetch: await makeFetch() });
    expect(result.outcome).toBe('failed');
    expect(result.state.error?.code).toBe(code);
    expect(result.state.error?.message.length).toBeGreaterThan(15);
    expect(result.state.policy).toEqual(state.policy);
    expect(result.state.serial).toBe(state.serial);
  });
});

describe('nextRefreshDelayMinutes', () => {
  it.each([
    [60, 0, 0, 60],
    [60, 0, 1, 72],
    [60, 1, 0, 5],
    [60, 2, 0, 10],
    [60, 4, 0, 40],
    [60, 9, 0, 60],
    [1, 0, 0, 5],
  ])('interval %i, %i failures, random %f -> %f', (interval, failures, random, expected) => {
    expect(nextRefreshDelayMinutes(interval, failures, () => random)).toBeCloseTo(expected);
  });
});
