/**
 * The form of an app's display name used to compare names: a consent page that shows "ＡＣＭＥ  CRM\u200b" is
 * claiming to be "Acme CRM". The comparison is for the look-alike-app rule, so it asks whether a person would read
 * two names as the same, not whether their bytes agree:
 * - NFKC folds full-width and compatibility letters (Unicode UAX #15);
 * - format characters (zero-width spaces and joiners, bidi marks, soft hyphens, tag characters) and the other
 *   characters that draw nothing (Hangul fillers, the combining grapheme joiner, variation selectors) are dropped;
 * - accents are dropped ("Sláck" passes for "Slack" at a glance);
 * - letters of other scripts that look like Latin ones (Cyrillic "а", Greek "Ο"), and the ASCII stand-ins that
 *   sans-serif fonts draw alike ("I", "i" and "1" for "l", "0" for "o", "rn" for "m", "vv" for "w") become that Latin
 *   letter, after the idea of the skeleton in Unicode UTS #39 section 4 (a small table of the confusables that matter
 *   in app names, not the whole data file);
 * - white space is collapsed and case is folded.
 * Two different names may now share a key ("Mail" and "Mall"); that costs at most a look-alike warning, while a name
 * that slips past the comparison costs the warning that mattered.
 */

const FORMAT_CHARACTERS = /\p{Cf}/gu;
// Characters that draw nothing but are not format characters: Hangul fillers (Lo), the combining grapheme joiner,
// Mongolian free variation selectors, variation selectors and their supplement (Mn), the Braille blank.
// eslint-disable-next-line no-misleading-character-class -- a class of lone combining characters, to remove them
const INVISIBLE = /[\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u2800\u3164\uFE00-\uFE0F\uFFA0\u{E0100}-\u{E01EF}]/gu;
// Combining accents, read after canonical decomposition (NFD) so that "á" is "a" and U+0301.
// eslint-disable-next-line no-misleading-character-class -- a class of lone combining characters, to remove them
const ACCENTS = /[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]/gu;
const WHITE_SPACE = /\s+/gu;
const PRINTABLE_ASCII_WORDS = /^[!-~]+(?: [!-~]+)*$/;

/** Capital letters that pass for Latin ones. Mapped before case folding: lower-case Cyrillic "в" is no "b". */
const CAPITAL_LOOK_ALIKES: Readonly<Record<string, string>> = {
  // Cyrillic
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', Ѕ: 'S', І: 'I', Ј: 'J', Ү: 'Y', Ԛ: 'Q', Ԝ: 'W',
  // Greek
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
};

/** Small letters that pass for Latin ones, and ASCII digits drawn like letters. */
const SMALL_LOOK_ALIKES: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', ѕ: 's', і: 'l', ј: 'j', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ӏ: 'l', ԍ: 'g',
  // Greek
  ο: 'o', α: 'a', ν: 'v', ρ: 'p', ι: 'l', κ: 'k', υ: 'u',
  // Latin letters outside ASCII that have no decomposition. Every i-like letter becomes "l", as "i" does below.
  ı: 'l', ȷ: 'j', ɑ: 'a', ɡ: 'g', ɩ: 'l', ʟ: 'l',
  // Digits
  '0': 'o',
  '1': 'l',
  // Capital I is drawn like small l in the sans-serif fonts consent screens use ("PayPaI"). Case folding turns it
  // into "i", so "i" and "l" must share a key too, or "IBM" and "ibm" would differ.
  i: 'l',
};

const CAPITALS = new RegExp(`[${Object.keys(CAPITAL_LOOK_ALIKES).join('')}]`, 'gu');
const SMALLS = new RegExp(`[${Object.keys(SMALL_LOOK_ALIKES).join('')}]`, 'gu');

/** The look-alike letters replaced, then the letter pairs that read as one letter. */
function skeleton(folded: string): string {
  return folded
    .replace(CAPITALS, (letter) => CAPITAL_LOOK_ALIKES[letter] ?? letter)
    .toLowerCase()
    .replace(SMALLS, (letter) => SMALL_LOOK_ALIKES[letter] ?? letter)
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w');
}

export function normalizeAppName(name: string): string {
  // Most names are plain ASCII with single spaces: no Unicode folding needed (a policy may hold 10,000).
  if (PRINTABLE_ASCII_WORDS.test(name)) return skeleton(name);
  const visible = name.normalize('NFKC').replace(FORMAT_CHARACTERS, '').replace(INVISIBLE, '');
  // Decomposed so that accents come off; composed again so that Hangul and kana read as they did.
  const unaccented = visible.normalize('NFD').replace(ACCENTS, '').normalize('NFC');
  return skeleton(unaccented.replace(WHITE_SPACE, ' ').trim());
}
