import { URLSearchParams as NodeURLSearchParams } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeFormComponent } from '../../../lib/authorization-url/decode-form-component';

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

// A second opinion: Node's URLSearchParams decodes forms as the WHATWG URL standard says (§5.1) for ASCII input,
// which every parsed URL's query is. Beside a broken escape it turns non-ASCII text into U+FFFD, which the standard
// and Chromium do not (they encode the text as UTF-8 first), so rows with non-ASCII input are checked against their
// written expectation only.
function nodeDecodes(raw: string): string | null {
  return new NodeURLSearchParams(`x=${raw}`).get('x');
}

describe('decodeFormComponent', () => {
  it.each([
    ['plain text', 'openid', 'openid'],
    ['empty', '', ''],
    ['plus is a space', 'openid+email', 'openid email'],
    ['an escape', 'a%20b', 'a b'],
    ['an escaped plus stays a plus', 'a%2Bb', 'a+b'],
    ['lower-case hex', '%c3%a9', 'é'],
    ['multi-byte UTF-8', '%E2%82%AC', '€'],
    ['a lone percent', '100%', '100%'],
    ['a percent without two hex digits', '%zz%4', '%zz%4'],
    ['a broken escape beside a good one', '%zz%41', '%zzA'],
    ['invalid UTF-8 becomes U+FFFD', '%C3', '\uFFFD'],
    ['a truncated four-byte sequence', '%F0%9F%98', '\uFFFD'],
    ['an overlong encoding', '%C0%AF', '\uFFFD\uFFFD'],
    ['non-ASCII text with a broken escape', 'é%zz%41', 'é%zzA'],
    ['plus and a broken escape', '100%+off', '100% off'],
    ['a long run of plus signs', '+'.repeat(5000), ' '.repeat(5000)],
    ['a long run of broken escapes', '%G'.repeat(5000), '%G'.repeat(5000)],
    ['a long value with non-ASCII and plus signs', `é${'+'.repeat(2000)}`, `é${' '.repeat(2000)}`],
  ])('%s', (_name, raw, expected) => {
    expect(decodeFormComponent(raw)).toBe(expected);
    if (isAscii(raw)) expect(decodeFormComponent(raw)).toBe(nodeDecodes(raw));
  });
});
