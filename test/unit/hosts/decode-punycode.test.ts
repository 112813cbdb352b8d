import { describe, expect, it } from 'vitest';
import { decodePunycodeLabel, hostToUnicode } from '../../../lib/hosts/decode-punycode';

describe('decodePunycodeLabel (RFC 3492 §7.1 samples and IDN hosts)', () => {
  it.each([
    ['mnchen-3ya', 'münchen'],
    ['ccounts-1fg', '\u0430ccounts'],
    ['bcher-kva', 'bücher'],
    ['wgv71a119e', '日本語'],
    ['egbpdaj6bu4bxfgehfvwxn', 'ليهمابتكلموشعربي؟'],
    ['ihqwcrb4cv8a8dqg056pqjye', '他们为什么不说中文'],
  ])('%s → %s', (encoded, decoded) => {
    expect(decodePunycodeLabel(encoded)).toBe(decoded);
  });

  it.each(['!!', '9999999999999999', 'a'.repeat(64), 'abc-!'])('%s is not valid punycode', (encoded) => {
    expect(decodePunycodeLabel(encoded)).toBeUndefined();
  });

  it('decodes only xn-- labels of a host and keeps broken ones as written', () => {
    expect(hostToUnicode('xn--mnchen-3ya.xn--!!.example')).toBe('münchen.xn--!!.example');
    expect(hostToUnicode('accounts.google.com')).toBe('accounts.google.com');
  });

  it('agrees with the platform URL parser on what it encodes', () => {
    for (const unicode of ['аccounts.google.com', 'gооgle.com', 'münchen.de', 'ѕlack.com']) {
      expect(hostToUnicode(new URL(`https://${unicode}/`).hostname)).toBe(unicode);
    }
  });
});
