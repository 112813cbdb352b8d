/**
 * Page text is attacker-controlled: the consent page (or a page imitating one) chooses every character. Before a
 * string leaves the content script it is cut to a bounded, single-line, printable form.
 */
import { PAGE_FACT_FIELDS, type PageFacts } from '../evaluation';

export const MAX_PAGE_TEXT_LENGTH = 512;
/** Mirrors the `consent/page-facts` schema (lib/messages/protocol.ts). */
export const MAX_SCOPE_DESCRIPTIONS = 200;

// C0 and C1 controls, plus the bidirectional overrides and isolates that can make "moc.elgoog" read as
// "google.com" (Unicode TR #9, "Trojan Source", CVE-2021-42574), and zero-width characters that hide in names.
// eslint-disable-next-line no-control-regex
const UNWANTED_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
// Characters that draw nothing but are none of the above: the soft hyphen, the Arabic letter mark, the combining
// grapheme joiner, Hangul fillers, Khmer inherent vowels, Mongolian variation selectors and vowel separator,
// variation selectors and tag characters (which can spell words no one sees).
// eslint-disable-next-line no-misleading-character-class -- a class of lone combining characters, to remove them
const INVISIBLE_CHARACTERS = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u3164\uFE00-\uFE0F\uFFA0\u{E0000}-\u{E007F}\u{E0100}-\u{E01EF}]/gu;
// eslint-disable-next-line no-control-regex
const WHITESPACE = /[\s\u0009\u000A\u000D]+/g;

/** Returns the text trimmed, on one line, without control characters, at most `maxLength` characters; or undefined when empty. */
export function cleanPageText(value: string | null | undefined, maxLength = MAX_PAGE_TEXT_LENGTH): string | undefined {
  if (value === null || value === undefined) return undefined;
  const cleaned = value.replace(UNWANTED_CHARACTERS, '').replace(INVISIBLE_CHARACTERS, '').replace(WHITESPACE, ' ').trim();
  if (cleaned.length === 0) return undefined;
  return cleaned.length > maxLength ? cutAtCodePoint(cleaned, maxLength).trim() : cleaned;
}

/** At most `maxLength` UTF-16 units, cut on a code point boundary so a surrogate pair is never split in half. */
function cutAtCodePoint(value: string, maxLength: number): string {
  let result = '';
  for (const codePoint of value) {
    if (result.length + codePoint.length > maxLength) break;
    result += codePoint;
  }
  return result;
}

/** Cleans every field of the facts and drops the ones left empty; scope descriptions are de-duplicated and bounded. */
export function cleanPageFacts(facts: PageFacts): PageFacts {
  const result: PageFacts = {};
  const appName = cleanPageText(facts.appName);
  if (appName !== undefined) result.appName = appName;
  const publisher = cleanPageText(facts.publisher);
  if (publisher !== undefined) result.publisher = publisher;
  if (facts.verified !== undefined) result.verified = facts.verified;
  const account = cleanPageText(facts.account);
  if (account !== undefined) result.account = account;
  if (facts.scopeDescriptions !== undefined) {
    const seen = new Set<string>();
    for (const description of facts.scopeDescriptions) {
      const cleaned = cleanPageText(description);
      if (cleaned !== undefined) seen.add(cleaned);
      if (seen.size >= MAX_SCOPE_DESCRIPTIONS) break;
    }
    if (seen.size > 0) result.scopeDescriptions = [...seen];
  }
  // A field is unread when the extractor says so or when nothing usable is left of what it read; a field that was
  // read after all is never listed.
  const unread = new Set(facts.unread ?? []);
  for (const field of PAGE_FACT_FIELDS) {
    if (result[field] !== undefined) unread.delete(field);
    else if (facts[field] !== undefined) unread.add(field);
  }
  if (unread.size > 0) result.unread = PAGE_FACT_FIELDS.filter((field) => unread.has(field));
  return result;
}
