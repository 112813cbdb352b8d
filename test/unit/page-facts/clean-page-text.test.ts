import { describe, expect, it } from 'vitest';
import { cleanPageFacts, cleanPageText, MAX_PAGE_TEXT_LENGTH } from '../../../lib/page-facts/clean-page-text';
import { providerForHost } from '../../../lib/page-facts/provider-for-host';

describe('cleanPageText', () => {
  it.each([
    { name: 'trims', input: '  Acme Notes \n', expected: 'Acme Notes' },
    { name: 'joins lines', input: 'Acme\n\tNotes', expected: 'Acme Notes' },
    { name: 'drops C0 controls', input: 'Ac\u0000me\u0007 Notes', expected: 'Acme Notes' },
    { name: 'drops C1 controls', input: 'Acme\u0085\u009b Notes', expected: 'Acme Notes' },
    { name: 'drops bidi overrides', input: 'invoice\u202Etxt.exe', expected: 'invoicetxt.exe' },
    { name: 'drops bidi isolates', input: '\u2066Acme\u2069', expected: 'Acme' },
    { name: 'drops zero-width characters', input: 'Goo\u200Bgle\uFEFF', expected: 'Google' },
    { name: 'keeps markup as text', input: '<img src=x onerror=alert(1)>', expected: '<img src=x onerror=alert(1)>' },
    { name: 'keeps non-Latin letters', input: 'Zoë 日本語 ✓', expected: 'Zoë 日本語 ✓' },
    { name: 'empty becomes undefined', input: ' \u0000 \u200B ', expected: undefined },
    { name: 'null becomes undefined', input: null, expected: undefined },
  ])('$name', ({ input, expected }) => {
    expect(cleanPageText(input)).toBe(expected);
  });

  it.each([
    { name: 'ASCII', unit: 'a', length: MAX_PAGE_TEXT_LENGTH },
    // An astral character is two UTF-16 units; a cut must not leave half of one.
    { name: 'surrogate pairs', unit: '😀', length: MAX_PAGE_TEXT_LENGTH },
  ])('caps $name at the limit without splitting a character', ({ unit, length }) => {
    const result = cleanPageText(unit.repeat(2000)) ?? '';
    expect(result.length).toBeLessThanOrEqual(length);
    expect(result.length).toBeGreaterThan(length - 2);
    expect(result).not.toMatch(/[\uD800-\uDBFF]$/);
  });
});

describe('cleanPageFacts', () => {
  it('drops empty fields, keeps `verified`, de-duplicates scopes', () => {
    expect(
      cleanPageFacts({ appName: '  ', publisher: ' Contoso ', verified: false, scopeDescriptions: ['Read mail', ' Read mail ', '', '\u0000'] }),
    ).toEqual({ publisher: 'Contoso', verified: false, scopeDescriptions: ['Read mail'], unread: ['appName'] });
  });

  it.each([
    ['a field left empty after cleaning counts as unread', { appName: ' ', unread: [] }, { unread: ['appName'] }],
    ['a field read after all is not unread', { appName: 'Contoso', unread: ['appName', 'account'] }, { appName: 'Contoso', unread: ['account'] }],
    ['unread fields come in one fixed order, once each', { unread: ['account', 'appName', 'account'] }, { unread: ['appName', 'account'] }],
    ['nothing unread leaves no `unread` key', { verified: true, unread: ['verified'] }, { verified: true }],
  ] as const)('%s', (_name, input, expected) => {
    expect(cleanPageFacts({ ...input, unread: [...input.unread] })).toEqual(expected);
  });
});

describe('providerForHost', () => {
  it.each([
    ['accounts.google.com', 'google'],
    ['ACCOUNTS.GOOGLE.COM.', 'google'],
    ['login.microsoftonline.com', 'microsoft'],
    ['login.live.com', 'microsoft'],
    ['github.com', 'github'],
    ['slack.com', 'slack'],
    ['acme-corp.slack.com', 'slack'],
    ['slack-gov.com', 'slack'],
    ['acme-agency.slack-gov.com', 'slack'],
    ['Slack-Gov.com.', 'slack'],
    ['notslack-gov.com', 'generic'],
    ['acme.okta.com', 'okta'],
    ['accounts.google.com.evil.example', 'generic'],
    ['notslack.com', 'generic'],
  ])('%s -> %s', (host, provider) => {
    expect(providerForHost(host)).toBe(provider);
  });
});
