import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importPublicKey, verifySignedConfig } from '../../../lib/remote-config/signed-config';
import { CHROME_EXTENSION_ID } from '../../../lib/extension-ids';
import { runInProcess } from './cli-harness';

const POLICY = {
  enforcement: 'acknowledge',
  approvedIntegrations: [{ name: 'Acme CRM', provider: 'google', clientId: '1234.apps.googleusercontent.com', scopes: ['openid', 'email'] }],
};

let dir: string;
let policyFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'consent-gate-cli-'));
  policyFile = join(dir, 'policy.jsonc');
  await writeFile(policyFile, `// pilot policy\n${JSON.stringify({ $schema: './policy.schema.json', ...POLICY }, null, 2)}\n`);
});

describe('keygen', () => {
  it('writes a private key only its owner can read, prints the public key, and never overwrites', async () => {
    const keys = join(dir, 'keys-1');
    const first = await runInProcess(['keygen', '--out', keys]);
    expect(first.code).toBe(0);
    const publicKey = (await readFile(join(keys, 'consent-gate-signing.pub'), 'utf8')).trim();
    expect(first.stdout).toContain(`configPublicKey: ${publicKey}`);
    expect(await importPublicKey(publicKey)).toBeDefined();
    expect((await stat(join(keys, 'consent-gate-signing.key'))).mode & 0o777).toBe(0o600);

    const second = await runInProcess(['keygen', '--out', keys]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/already exists/);
  });

  it('needs --out', async () => {
    expect((await runInProcess(['keygen'])).code).toBe(2);
  });
});

describe('sign', () => {
  it('signs a validated policy that the extension then verifies, with its serial and expiry', async () => {
    const keys = join(dir, 'keys-2');
    await runInProcess(['keygen', '--out', keys]);
    const out = await runInProcess(['sign', '--key', join(keys, 'consent-gate-signing.key'), '--serial', '2026112901', '--expires-in-days', '30', policyFile]);
    expect(out.code).toBe(0);
    const publicKey = await importPublicKey((await readFile(join(keys, 'consent-gate-signing.pub'), 'utf8')).trim());
    const verified = await verifySignedConfig(out.stdout, publicKey, { now: new Date(), minSerial: 2026112900 });
    expect(verified.ok).toBe(true);
    if (verified.ok) {
      expect(verified.serial).toBe(2026112901);
      expect(JSON.parse(verified.policyText)).toEqual({ $schema: './policy.schema.json', ...POLICY });
      expect(Date.parse(verified.expiresAt!) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    }
  });

  it.each([
    ['no key', ['--serial', '1'], /--key/],
    ['no serial', ['--key', 'k'], /--serial/],
    ['a serial of 0', ['--key', 'k', '--serial', '0'], /--serial/],
    ['a fractional serial', ['--key', 'k', '--serial', '1.5'], /--serial/],
    ['a bad expiry', ['--key', 'k', '--serial', '1', '--expires-in-days', 'soon'], /expires-in-days/],
  ])('refuses %s', async (_name, args, message) => {
    const out = await runInProcess(['sign', ...args, policyFile]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(message);
  });

  it('refuses to sign an invalid policy, listing its problems', async () => {
    const keys = join(dir, 'keys-3');
    await runInProcess(['keygen', '--out', keys]);
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ enforcement: 'sometimes' }));
    const out = await runInProcess(['sign', '--key', join(keys, 'consent-gate-signing.key'), '--serial', '3', bad]);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/\$\.enforcement/);
  });

  it('refuses a file that is not a private key', async () => {
    const notKey = join(dir, 'not-a-key');
    await writeFile(notKey, 'hello');
    const out = await runInProcess(['sign', '--key', notKey, '--serial', '3', policyFile]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/not a private key/);
  });
});

describe('deploy', () => {
  it('writes every platform file for the extension id, with the policy as managed values', async () => {
    const out = join(dir, 'deploy');
    const result = await runInProcess(['deploy', '--policy', policyFile, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Wrote 8 files/);
    const chrome = JSON.parse(await readFile(join(out, 'chrome/consent-gate.json'), 'utf8'));
    expect(chrome['3rdparty'].extensions[CHROME_EXTENSION_ID]).toEqual(POLICY);
    const reg = await readFile(join(out, 'windows/consent-gate-chrome.reg'), 'utf8');
    expect(reg).toContain(`\\3rdparty\\extensions\\${CHROME_EXTENSION_ID}\\policy]`);
    expect(await readFile(join(out, 'macos/consent-gate-chrome.mobileconfig'), 'utf8')).toContain('<key>enforcement</key>');
    expect(JSON.parse(await readFile(join(out, 'firefox/policies.json'), 'utf8')).policies['3rdparty'].Extensions['consent-gate@consentgate.example']).toEqual(POLICY);
  });

  it('refuses an invalid extension id and an invalid policy', async () => {
    expect((await runInProcess(['deploy', '--policy', policyFile, '--out', join(dir, 'x'), '--extension-id', 'nope'])).code).toBe(2);
    const bad = join(dir, 'bad2.json');
    await writeFile(bad, '{"approvedIntegrations": [{}]}');
    expect((await runInProcess(['deploy', '--policy', bad, '--out', join(dir, 'y')])).code).toBe(2);
  });
});
