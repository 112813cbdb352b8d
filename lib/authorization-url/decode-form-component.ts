/**
 * The lenient decoder for query components: form decoding exactly as the browser does it, including the broken
 * percent-escapes that `decodeURIComponent` rejects, in time linear in the input (hostile URLs carry 256 KB runs of
 * `+` or of broken escapes).
 */

/**
 * application/x-www-form-urlencoded decoding as the WHATWG URL standard defines it (§5.1): `+` is a space, `%XX`
 * is a byte, a `%` not followed by two hex digits stays as written, and invalid UTF-8 becomes U+FFFD. The query of a
 * parsed URL is ASCII already (non-ASCII was percent-encoded by the URL parser).
 */
export function decodeFormComponent(raw: string): string {
  // Most names and many values are plain: one look at their characters settles it (a dozen per URL).
  if (raw.length <= SHORT_TEXT && isPlain(raw)) return raw;
  const text = raw.includes('+') ? plusToSpace(raw) : raw;
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    // decodeURIComponent rejects broken sequences that the browser tolerates; decode them the browser's way.
    return decodeBytesLeniently(text);
  }
}

/** Texts this short are checked character by character for `+` and `%`; longer ones with `includes`. */
const SHORT_TEXT = 64;

/** Neither `+` nor `%`: form decoding leaves the text as it is. */
function isPlain(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 43 || code === 37) return false;
  }
  return true;
}

/** Values too long for `replaceAll` to be quick: it slows down badly on 100,000 `+` in a row. */
const LONG_VALUE = 1024;
const ascii = new TextDecoder('ascii');

/** `+` to space. Long ASCII values go through a byte buffer, which stays linear however many `+` there are. */
function plusToSpace(raw: string): string {
  if (raw.length < LONG_VALUE) return raw.replaceAll('+', ' ');
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i += 1) {
    const code = raw.charCodeAt(i);
    // The 'ascii' decoder is windows-1252 (WHATWG Encoding), so only bytes below 0x80 round-trip.
    if (code >= 0x80) return raw.replaceAll('+', ' ');
    bytes[i] = code === 43 ? 32 : code;
  }
  return ascii.decode(bytes);
}

/** Value of each ASCII hex digit by character code, -1 for every other code below 128. */
const HEX_VALUES = Int8Array.from({ length: 128 }, (_, code) => {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
});

/** Value of an ASCII hex digit, or -1 (also past the end of the text, where charCodeAt gives NaN). */
function hexValue(code: number): number {
  return code < 128 ? (HEX_VALUES[code] as number) : -1;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });
const utf8Encoder = new TextEncoder();

/**
 * Percent-decodes into bytes, then reads them as UTF-8 with U+FFFD for invalid sequences. An ASCII text (every
 * query of a parsed URL) is copied to bytes natively and decoded in place, a plain byte loop twice as fast as
 * reading characters one by one: this decoder meets hostile input (a 256 KB run of broken escapes).
 */
function decodeBytesLeniently(text: string): string {
  const bytes = new Uint8Array(text.length);
  const { read, written } = utf8Encoder.encodeInto(text, bytes);
  // One byte per character read means every character was ASCII.
  if (read !== text.length || written !== text.length) return decodeCodeUnitsLeniently(text);
  // The write position never passes the read position, so decoding in place is safe.
  let length = 0;
  for (let i = 0; i < written; i += 1) {
    const byte = bytes[i] as number;
    if (byte === 37 && i + 2 < written) {
      const high = HEX_VALUES[bytes[i + 1] as number] as number;
      const low = high < 0 ? -1 : (HEX_VALUES[bytes[i + 2] as number] as number);
      if (low >= 0) {
        bytes[length] = high * 16 + low;
        length += 1;
        i += 2;
        continue;
      }
    }
    bytes[length] = byte;
    length += 1;
  }
  return utf8.decode(bytes.subarray(0, length));
}

/** The general case, for text that is not all ASCII: each UTF-16 code unit is encoded on its own. */
function decodeCodeUnitsLeniently(text: string): string {
  const bytes = new Uint8Array(text.length * 3);
  const end = text.length;
  let length = 0;
  for (let i = 0; i < end; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 37 && i + 2 < end) {
      const high = hexValue(text.charCodeAt(i + 1));
      const low = high < 0 ? -1 : hexValue(text.charCodeAt(i + 2));
      if (low >= 0) {
        bytes[length] = high * 16 + low;
        length += 1;
        i += 2;
        continue;
      }
    }
    if (code < 0x80) {
      bytes[length] = code;
      length += 1;
    } else {
      // Unreachable for a parsed URL's query (already ASCII); kept so the decoder is correct for any input.
      const encoded = utf8Encoder.encode(String.fromCharCode(code));
      bytes.set(encoded, length);
      length += encoded.length;
    }
  }
  return utf8.decode(bytes.subarray(0, length));
}
