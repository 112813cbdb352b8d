import { beforeAll, describe, expect, it } from 'vitest';
import {
  generateSigningKeyPair,
  importPrivateKey,
  importPublicKey,
  signConfig,
  verifySignedConfig,
  type SignedConfigErrorCode,
} from '../../../lib/remote-config/signed-config';

const NOW = new Date('2026-06-01T12:00:00Z');
const POLICY = JSON.stringify({ enforcement: 'warn', approvedIntegrations: [] });

let publicKey: CryptoKey;
let otherPublicKey: CryptoKey;
let privateKey: CryptoKey;
let publicKeyText: string;

beforeAll(async () => {
  const pair = await generateSigningKeyPair();
  const other = await generateSigningKeyPair();
  publicKeyText = pair.publicKey;
  publicKey = (await importPublicKey(pair.publicKey))!;
  otherPublicKey = (await importPublicKey(other.publicKey))!;
  privateKey = (await importPrivateKey(pair.privateKey))!;
});

async function signed(overrides: Partial<{ serial: number; issuedAt: Date; expiresAt: Date; policyText: string }> = {}) {
  return signConfig(
    { policyText: POLICY, serial: 7, issuedAt: new Date('2026-05-31T00:00:00Z'), ...overrides },
    privateKey,
  );
}

function tamper(text: string, edit: (envelope: Record<string, unknown>) => void): string {
  const envelope = JSON.parse(text) as Record<string, unknown>;
  edit(envelope);
  return JSON.stringify(envelope);
}

describe('verifySignedConfig', () => {
  it('accepts a config signed with the pinned key and returns the exact policy text', async () => {
    const result = await verifySignedConfig(await signed(), publicKey, { now: NOW, minSerial: 7 });
    expect(result).toEqual({ ok: true, serial: 7, issuedAt: '2026-05-31T00:00:00.000Z', policyText: POLICY });
  });

  it('round-trips the public key text that keygen prints', async () => {
    expect(await importPublicKey(publicKeyText)).toBeDefined();
  });

  const refusals: [string, () => Promise<string>, 'own' | 'other' | 'none', number | undefined, SignedConfigErrorCode][] = [
    ['not JSON', async () => '{"format":', 'own', undefined, 'malformed'],
    ['a bare policy instead of an envelope', async () => POLICY, 'own', undefined, 'malformed'],
    ['a wrong format name', async () => tamper(await signed(), (e) => (e.format = 'x')), 'own', undefined, 'malformed'],
    ['a fractional serial', async () => tamper(await signed(), (e) => (e.serial = 1.5)), 'own', undefined, 'malformed'],
    ['no signature', async () => tamper(await signed(), (e) => delete e.signature), 'own', undefined, 'unsigned'],
    ['a changed policy', async () => tamper(await signed(), (e) => (e.policy = '{"enforcement":"off"}')), 'own', undefined, 'bad-signature'],
    ['a raised serial', async () => tamper(await signed(), (e) => (e.serial = 99)), 'own', undefined, 'bad-signature'],
    ['a removed expiry', async () => tamper(await signed({ expiresAt: new Date('2026-06-02T00:00:00Z') }), (e) => delete e.expiresAt), 'own', undefined, 'bad-signature'],
    ['a signature that is not base64', async () => tamper(await signed(), (e) => (e.signature = '!!!')), 'own', undefined, 'bad-signature'],
    ['another key', async () => signed(), 'other', undefined, 'bad-signature'],
    ['no pinned key', async () => signed(), 'none', undefined, 'bad-key'],
    ['an expired config', async () => signed({ expiresAt: new Date('2026-06-01T11:59:59Z') }), 'own', undefined, 'expired'],
    ['a config issued tomorrow', async () => signed({ issuedAt: new Date('2026-06-02T12:00:00Z') }), 'own', undefined, 'not-yet-valid'],
    ['an older serial than the one in force', async () => signed({ serial: 6 }), 'own', 7, 'rollback'],
  ];

  it.each(refusals)('refuses %s', async (_name, make, key, minSerial, code) => {
    const pinned = key === 'other' ? otherPublicKey : key === 'none' ? undefined : publicKey;
    const result = await verifySignedConfig(await make(), pinned, { now: NOW, ...(minSerial ? { minSerial } : {}) });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe(code);
      expect(result.error.length).toBeGreaterThan(20);
    }
  });

  it('refuses an oversized envelope before parsing it', async () => {
    const result = await verifySignedConfig(' '.repeat(8 * 1024 * 1024 + 1), publicKey, { now: NOW });
    expect(result).toMatchObject({ ok: false, code: 'too-large' });
  });

  it('accepts the same serial again (a refetch is not a rollback)', async () => {
    const result = await verifySignedConfig(await signed({ serial: 7 }), publicKey, { now: NOW, minSerial: 7 });
    expect(result.ok).toBe(true);
  });
});

describe('keys and signing', () => {
  it.each([['', 'empty'], ['not base64!', 'garbage'], ['AAAA', 'too short']])('importPublicKey(%j) is undefined (%s)', async (text) => {
    expect(await importPublicKey(text)).toBeUndefined();
  });

  it('refuses to sign with a serial below 1', async () => {
    await expect(signConfig({ policyText: POLICY, serial: 0, issuedAt: NOW }, privateKey)).rejects.toThrow(/serial/);
  });
});
