/**
 * The form of an app's display name used to compare names: a consent page that shows "ＡＣＭＥ  CRM\u200b" is
 * claiming to be "Acme CRM". NFKC folds full-width and compatibility letters (Unicode UAX #15), format characters
 * (zero-width spaces and joiners, bidi marks) are dropped, white space is collapsed and case is folded.
 */

const FORMAT_CHARACTERS = /\p{Cf}/gu;
const WHITE_SPACE = /\s+/gu;
const PRINTABLE_ASCII_WORDS = /^[!-~]+(?: [!-~]+)*$/;

export function normalizeAppName(name: string): string {
  // Most names are plain ASCII with single spaces: only their case needs folding (a policy may hold 10,000).
  if (PRINTABLE_ASCII_WORDS.test(name)) return name.toLowerCase();
  return name.normalize('NFKC').replace(FORMAT_CHARACTERS, '').replace(WHITE_SPACE, ' ').trim().toLowerCase();
}
