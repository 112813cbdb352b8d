import { describe, expect, it } from 'vitest';
import { normalizeAppName } from '../../../lib/policy/normalize-app-name';

// A look-alike app (lib/rules/look-alike-app.ts) copies an approved app's name as a person reads it, not byte for
// byte. Every row is a name an attacker can register on a real provider, shown beside the approved name it imitates.
describe('normalizeAppName: names a person reads as the same share one key', () => {
  it.each([
    ['case and spacing', '  ACME   mail ', 'Acme Mail'],
    ['full-width letters (NFKC)', 'ＡＣＭＥ Mail', 'Acme Mail'],
    ['zero-width space and bidi mark', 'Ac\u200bme\u200e Mail', 'Acme Mail'],
    ['soft hyphen and a tag character', 'Sla\u00ADck\u{E0041}', 'Slack'],
    ['Hangul filler and combining grapheme joiner', 'Sla\u3164ck\u034F', 'Slack'],
    ['a variation selector', 'Zoom\uFE0F', 'Zoom'],
    ['Cyrillic a in a Latin name', 'S\u0430lesforce', 'Salesforce'],
    ['Cyrillic o, e and p', 'D\u0440\u043Ebox \u0435', 'Dpobox e'],
    ['Greek capital omicron and Cyrillic capital es', '\u039F\u0421TA', 'OCTA'],
    ['capital I for small l', 'PayPaI', 'PayPal'],
    ['digit one for small l', 'S1ack', 'Slack'],
    ['digit zero for o', 'G00gle Drive', 'Google Drive'],
    ['rn for m', 'Zoorn', 'Zoom'],
    ['vv for w', 'Vvorkday', 'Workday'],
    ['an accent a person overlooks', 'Sl\u00E1ck', 'Slack'],
    ['a combining accent', 'Sla\u0301ck', 'Slack'],
    ['dotless i', 'D\u0131scord', 'Discord'],
  ])('%s: "%s" and "%s"', (_case, lookAlike, approved) => {
    expect(normalizeAppName(lookAlike)).toBe(normalizeAppName(approved));
  });

  it.each([
    ['another word', 'Acme Mail Pro', 'Acme Mail'],
    ['another letter', 'Slick', 'Slack'],
    ['Japanese names stay apart', 'カード', 'ガード'],
    ['an empty name', '', 'x'],
  ])('%s: "%s" and "%s" stay apart', (_case, one, other) => {
    expect(normalizeAppName(one)).not.toBe(normalizeAppName(other));
  });

  it('answers the same for the ASCII fast path and the full path', () => {
    // A format character forces the full path; the key must not depend on which path a name took.
    for (const name of ['PayPaI', 'S1ack', 'Zoorn', 'Vvorkday', 'Acme Mail', 'G00gle', 'IBM Cloud']) {
      expect(normalizeAppName(`${name}\u200b`)).toBe(normalizeAppName(name));
    }
  });
});
