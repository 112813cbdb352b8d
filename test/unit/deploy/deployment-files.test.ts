import { describe, expect, it } from 'vitest';
import plist from 'plist';
import { DEPLOYMENT_WRITERS, writeDeploymentFiles } from '../../../lib/deploy';
import { plistValue } from '../../../lib/deploy/macos-mobileconfig';
import { registryValueLine } from '../../../lib/deploy/windows-registry';

const ID = 'panefockkbeooobjemlcjihjpegnkkcd';
const VALUES = {
  enforcement: 'warn',
  approvedIntegrations: [
    { name: 'Acme "CRM" <sync> & co', provider: 'google', clientId: '123.apps.googleusercontent.com', scopes: ['openid', 'email'] },
  ],
  organization: { name: 'Example Corp', supportContact: 'security@example.com' },
  configRefreshMinutes: 60,
  allowLocalPolicy: false,
  path: 'C:\\policies\\consent-gate',
};
const INPUT = { chromeExtensionId: ID, firefoxAddonId: 'consent-gate@consentgate.example', values: VALUES };

function file(path: string) {
  const found = writeDeploymentFiles(INPUT).find((f) => f.path === path);
  if (!found) throw new Error(`no ${path}`);
  return found.contents;
}

/** A strict reader of the .reg subset the writer emits: header, one key, then typed value lines. */
function readRegFile(text: string): { key: string; values: Record<string, string | number> } {
  expect(text).toMatch(/\r\n/);
  expect(text).not.toMatch(/[^\r]\n/);
  const lines = text.split('\r\n').filter((line) => line !== '');
  expect(lines[0]).toBe('Windows Registry Editor Version 5.00');
  const keyMatch = /^\[(HKEY_LOCAL_MACHINE\\[^\]]+)\]$/.exec(lines[1] ?? '');
  expect(keyMatch).not.toBeNull();
  const values: Record<string, string | number> = {};
  for (const line of lines.slice(2)) {
    const match = /^"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-f]{8}))$/.exec(line);
    expect(match, `bad registry line: ${line}`).not.toBeNull();
    const unescape = (s: string) => s.replace(/\\(.)/g, '$1');
    values[unescape(match![1]!)] = match![3] !== undefined ? parseInt(match![3], 16) : unescape(match![2]!);
  }
  return { key: keyMatch![1]!, values };
}

describe('deployment files', () => {
  it('writes every platform, each file described', () => {
    const files = writeDeploymentFiles(INPUT);
    expect(files.map((f) => f.path).sort()).toEqual([
      'chrome/consent-gate.json',
      'chrome/google-admin-console.json',
      'edge/consent-gate.json',
      'firefox/policies.json',
      'macos/consent-gate-chrome.mobileconfig',
      'macos/consent-gate-edge.mobileconfig',
      'windows/consent-gate-chrome.reg',
      'windows/consent-gate-edge.reg',
    ]);
    for (const f of files) expect(f.description.length).toBeGreaterThan(20);
    expect(DEPLOYMENT_WRITERS.map((w) => w.id)).toEqual(['chrome', 'windows', 'macos', 'firefox']);
  });

  it('Chrome JSON puts the values under 3rdparty.extensions.<id>', () => {
    expect(JSON.parse(file('chrome/consent-gate.json'))).toEqual({ '3rdparty': { extensions: { [ID]: VALUES } } });
    expect(JSON.parse(file('edge/consent-gate.json'))).toEqual({ '3rdparty': { extensions: { [ID]: VALUES } } });
  });

  it('Google Admin console JSON wraps each key in { Value }', () => {
    const parsed = JSON.parse(file('chrome/google-admin-console.json')) as Record<string, { Value: unknown }>;
    expect(Object.keys(parsed)).toEqual(Object.keys(VALUES));
    expect(parsed.enforcement).toEqual({ Value: 'warn' });
    expect(parsed.approvedIntegrations?.Value).toEqual(VALUES.approvedIntegrations);
  });

  it('force-installs only when an update URL is given', () => {
    const withUrl = writeDeploymentFiles({ ...INPUT, chromeUpdateUrl: 'https://clients2.google.com/service/update2/crx' });
    const chrome = JSON.parse(withUrl.find((f) => f.path === 'chrome/consent-gate.json')!.contents);
    expect(chrome.ExtensionSettings[ID]).toEqual({ installation_mode: 'force_installed', update_url: 'https://clients2.google.com/service/update2/crx' });
    expect(JSON.parse(file('chrome/consent-gate.json')).ExtensionSettings).toBeUndefined();
  });

  it.each([
    ['windows/consent-gate-chrome.reg', 'Google\\Chrome'],
    ['windows/consent-gate-edge.reg', 'Microsoft\\Edge'],
  ])('%s is valid .reg syntax under the %s 3rdparty key, values round-trip', (path, vendor) => {
    const reg = readRegFile(file(path));
    expect(reg.key).toBe(`HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\${vendor}\\3rdparty\\extensions\\${ID}\\policy`);
    expect(reg.values.enforcement).toBe('warn');
    expect(reg.values.configRefreshMinutes).toBe(60);
    expect(reg.values.allowLocalPolicy).toBe(0);
    expect(reg.values.path).toBe(VALUES.path);
    expect(JSON.parse(String(reg.values.approvedIntegrations))).toEqual(VALUES.approvedIntegrations);
    expect(JSON.parse(String(reg.values.organization))).toEqual(VALUES.organization);
  });

  it.each([
    ['a', true, '"a"=dword:00000001'],
    ['a', 4294967295, '"a"=dword:ffffffff'],
    ['a', -1, '"a"="-1"'],
    ['a', 1.5, '"a"="1.5"'],
    ['q"uote', 'back\\slash', '"q\\"uote"="back\\\\slash"'],
  ])('registryValueLine(%j, %j)', (name, value, line) => {
    expect(registryValueLine(name, value)).toBe(line);
  });

  it('refuses a registry string with a line break rather than writing a broken file', () => {
    expect(() => registryValueLine('a', 'two\nlines')).toThrow(/line break/);
  });

  it.each([
    ['macos/consent-gate-chrome.mobileconfig', `com.google.Chrome.extensions.${ID}`],
    ['macos/consent-gate-edge.mobileconfig', `com.microsoft.Edge.extensions.${ID}`],
  ])('%s is a valid plist whose %s payload round-trips the values', (path, domain) => {
    const parsed = plist.parse(file(path)) as Record<string, unknown>;
    expect(parsed.PayloadType).toBe('Configuration');
    const payload = (parsed.PayloadContent as Record<string, unknown>[])[0]!;
    expect(payload.PayloadType).toBe('com.apple.ManagedClient.preferences');
    const content = payload.PayloadContent as Record<string, { Forced: { mcx_preference_settings: unknown }[] }>;
    expect(content[domain]?.Forced[0]?.mcx_preference_settings).toEqual(VALUES);
    expect(String(payload.PayloadUUID)).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-8[0-9A-F]{3}-[0-9A-F]{12}$/);
  });

  it('keeps profile UUIDs stable between runs, so an MDM updates the profile instead of adding one', () => {
    expect(file('macos/consent-gate-chrome.mobileconfig')).toBe(file('macos/consent-gate-chrome.mobileconfig'));
  });

  it.each([[null], [Number.NaN], [undefined]])('plistValue refuses %j instead of dropping it', (value) => {
    expect(() => plistValue(value, '')).toThrow();
  });

  it('Firefox policies.json nests the values under 3rdparty.Extensions.<add-on id>', () => {
    expect(JSON.parse(file('firefox/policies.json'))).toEqual({
      policies: { '3rdparty': { Extensions: { 'consent-gate@consentgate.example': VALUES } } },
    });
  });

  it('refuses an extension id that is not one', () => {
    expect(() => writeDeploymentFiles({ ...INPUT, chromeExtensionId: 'not-an-id' })).toThrow(/extension id/);
  });
});
