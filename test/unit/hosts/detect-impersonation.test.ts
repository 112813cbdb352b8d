import { describe, expect, it } from 'vitest';
import { detectImpersonation, detectUserinfoImpersonation } from '../../../lib/hosts/detect-impersonation';

describe('detectImpersonation', () => {
  it.each([
    ['login.microsoftonline.com.attacker.test', 'microsoft', 'login.microsoftonline.com', 'only starts with or contains'],
    ['i0gin.microsoftonline.com', 'microsoft', 'login.microsoftonline.com', 'look-alike digits'],
    ['accounts.g00gle.com', 'google', 'accounts.google.com', 'look-alike digits'],
    ['xn--ccounts-1fg.google.com', 'google', 'accounts.google.com', 'look-alike Unicode'],
    ['accounts.google.com-verify.attacker.test', 'google', 'accounts.google.com', 'only starts with or contains'],
    ['github.com.attacker.test', 'github', 'github.com', 'only starts with or contains'],
    ['g1thub.com', 'github', 'github.com', 'look-alike digits'],
    ['login.sa1esforce.com', 'salesforce', 'login.salesforce.com', 'look-alike digits'],
    ['acme.okta.com.attacker.test', 'okta', 'okta.com', 'contains okta.com'],
    ['acme.0kta.com', 'okta', 'okta.com', 'look-alike digits'],
    ['app.hubspot.com.attacker.test', 'hubspot', 'app.hubspot.com', 'only starts with or contains'],
    ['evil.g00gle.com', 'google', 'google.com', 'look-alike digits'],
    ['slack.com.attacker.test', 'slack', 'slack.com', 'only starts with or contains'],
    ['rnicrosoftonline.com', 'microsoft', 'microsoftonline.com', 'look-alike'],
    ['ACCOUNTS.G00GLE.COM', 'google', 'accounts.google.com', 'look-alike digits'],
  ])('%s imitates %s', (host, provider, imitates, reason) => {
    const impersonation = detectImpersonation(host);
    expect(impersonation).toMatchObject({ provider, imitates });
    expect(impersonation?.reason).toContain(reason);
  });

  it.each([
    'accounts.google.com',
    'accounts.google.com.',
    'login.microsoftonline.com',
    'login.live.com',
    'github.com',
    'acme.okta.com',
    'acme.us.auth0.com',
    'acme.my.salesforce.com',
    'mail.google.com',
    'eu.accounts.google.com',
    'id.example.org',
    'notgoogle.com',
    'dropbox.com',
    'www.dropbox.com',
    'sso.acme.test',
    'localhost',
    '127.0.0.1',
    'xn--mnchen-3ya.de',
    'xn--invalid-punycode-!!.test',
  ])('%s imitates nothing', (host) => {
    expect(detectImpersonation(host)).toBeUndefined();
  });

  it('stays fast on a 64 KB host', () => {
    expect(detectImpersonation(`${'a.'.repeat(32 * 1024)}test`)).toBeUndefined();
  });
});

describe('detectUserinfoImpersonation', () => {
  it.each([
    ['login.microsoftonline.com:', 'attacker.test', 'microsoft'],
    ['accounts.google.com:secret', 'attacker.test', 'google'],
    ['user:github.com', 'attacker.test', 'github'],
  ])('%s@%s names %s', (userinfo, host, provider) => {
    const impersonation = detectUserinfoImpersonation(userinfo, host);
    expect(impersonation?.provider).toBe(provider);
    expect(impersonation?.reason).toContain(`the browser goes to ${host}`);
  });

  it.each([['', 'attacker.test'], ['alice:', 'id.example.org']])('%j names no provider', (userinfo, host) => {
    expect(detectUserinfoImpersonation(userinfo, host)).toBeUndefined();
  });
});
