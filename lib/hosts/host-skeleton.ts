/**
 * Reduces a host name to a "skeleton" in which look-alike characters collapse to one letter, in the spirit of
 * Unicode TR39 §4 (confusable detection): `I0gin` and `login`, Cyrillic `аccounts` and `accounts` get the same
 * skeleton. Deliberately small and linear-time: only the confusions seen in phishing hosts.
 */

/** Cyrillic, Greek and Latin-extension letters that render like ASCII letters in common fonts. */
const CONFUSABLE_LETTERS: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd',
  ԛ: 'q', ԝ: 'w', һ: 'h', ӏ: 'l', к: 'k', м: 'm', н: 'h', т: 't', ɡ: 'g', ɩ: 'i', ı: 'i', ℓ: 'l', ο: 'o', α: 'a',
  ν: 'v', ρ: 'p', τ: 't', κ: 'k', ε: 'e', ι: 'i', υ: 'u', η: 'n', ω: 'w', χ: 'x', β: 'b', ʟ: 'l', ᴏ: 'o', ɑ: 'a',
};

/** Digits and letters that stand in for each other in host names (`g00gle`, `I0gin`, `rnicrosoft`). */
const ASCII_LOOKALIKES: Record<string, string> = { '0': 'o', '1': 'l', i: 'l', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b' };

const COMBINING_MARK = /[\u0300-\u036f]/g;

export function hostSkeleton(host: string): string {
  let text = host.toLowerCase();
  // NFKD folds full-width and compatibility forms (ｇ, ⅼ) and splits accents off (é → e + ◌́), which are dropped.
  if (hasNonAscii(text)) text = text.normalize('NFKD').replace(COMBINING_MARK, '');
  let out = '';
  for (const char of text) {
    out += CONFUSABLE_LETTERS[char] ?? ASCII_LOOKALIKES[char] ?? char;
  }
  return out.replaceAll('rn', 'm').replaceAll('vv', 'w');
}

function hasNonAscii(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    if (text.charCodeAt(i) > 0x7f) return true;
  }
  return false;
}
