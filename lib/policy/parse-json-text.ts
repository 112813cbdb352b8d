/**
 * Reads policy text: JSON (RFC 8259) plus `//` and `/* *\/` comments and trailing commas, the JSONC that editors
 * accept in settings files, so an admin can annotate the policy. Unlike `JSON.parse` it reports every syntax error
 * with line and column, and refuses duplicate keys, where `JSON.parse` silently keeps the last one and a second
 * `"enforcement"` would quietly win.
 */

export interface JsonTextError {
  message: string;
  fix: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  /** JSON path of the value being read when the error struck. */
  path: string;
}

export type JsonTextResult = { ok: true; value: unknown } | { ok: false; error: JsonTextError };

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly fix: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const BACKSLASH = /\\/g;
/** A run of string characters that need no attention: not a quote, backslash or control character. */
// eslint-disable-next-line no-control-regex -- RFC 8259 section 7: U+0000 to U+001F must be escaped in strings.
const PLAIN_RUN = /[^"\\\u0000-\u001f]*/y;
const SINGLE_QUOTE = /'/g;
const LITERALS: readonly (readonly [string, boolean | null])[] = [
  ['true', true],
  ['false', false],
  ['null', null],
];

export function formatJsonPath(segments: readonly (string | number)[]): string {
  let path = '$';
  for (const segment of segments) path = typeof segment === 'number' ? `${path}[${segment}]` : appendKey(path, segment);
  return path;
}

export function appendKey(path: string, key: string): string {
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}['${key.replace(BACKSLASH, '\\\\').replace(SINGLE_QUOTE, "\\'")}']`;
}

export function parseJsonText(text: string): JsonTextResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Fast path for plain JSON, which is what tools and most admins write: the engine's own JSON.parse is several
  // times faster than this reader. Anything it refuses (comments, trailing commas, a syntax error) and any text
  // with a duplicate key goes to the reader below, which accepts JSONC and explains errors with line and column.
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return readSlowly(body);
  }
  return countKeyTokens(body) === countKeys(value) ? { ok: true, value } : readSlowly(body);
}

/**
 * Counts the keys written in text that JSON.parse accepted. In valid JSON a colon outside a string always follows
 * a key, and a colon inside a string can only be preceded (white space aside) by an escaped quote, since an
 * unescaped one would have ended the string. So each colon whose previous non-space character is an unescaped quote
 * ends exactly one key token. Colons are far fewer than quotes (every key and string value has two), which makes
 * this scan several times quicker than walking every string token.
 */
function countKeyTokens(text: string): number {
  let keys = 0;
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    let before = colon - 1;
    let c = text.charCodeAt(before);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(--before);
    if (c === 34 && !isEscaped(text, before)) keys++;
  }
  return keys;
}

function isEscaped(text: string, quote: number): boolean {
  let backslashes = 0;
  for (let i = quote - 1; text.charCodeAt(i) === 92; i--) backslashes++;
  return backslashes % 2 === 1;
}

/**
 * Own keys of every object in a JSON value. JSON.parse keeps only the last of two equal keys in one object, so this
 * is less than the number of key tokens exactly when the text repeats a key.
 */
function countKeys(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let keys = 0;
  if (Array.isArray(value)) {
    for (const item of value) if (typeof item === 'object' && item !== null) keys += countKeys(item);
    return keys;
  }
  for (const key in value) {
    keys++;
    const child = (value as Record<string, unknown>)[key];
    if (typeof child === 'object' && child !== null) keys += countKeys(child);
  }
  return keys;
}

function readSlowly(text: string): JsonTextResult {
  const reader = new Reader(text);
  try {
    reader.skipSpace();
    const value = reader.readValue();
    reader.skipSpace();
    if (reader.pos < reader.text.length) {
      throw new JsonSyntaxError(
        `Unexpected ${reader.describeHere()} after the end of the policy.`,
        'A policy file holds one JSON object: remove what follows its closing brace.',
        reader.pos,
      );
    }
    return { ok: true, value };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const { line, column } = lineAndColumn(reader.text, error.offset);
    return { ok: false, error: { message: error.message, fix: error.fix, line, column, path: formatJsonPath(reader.segments) } };
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class Reader {
  pos = 0;
  /** Where the reader is, as keys and indexes; formatted into a JSON path only when an error needs it. */
  readonly segments: (string | number)[] = [];
  constructor(readonly text: string) {}

  describeHere(): string {
    if (this.pos >= this.text.length) return 'end of text';
    return `character ${JSON.stringify(this.text[this.pos])}`;
  }

  skipSpace(): void {
    const text = this.text;
    for (;;) {
      const c = text.charCodeAt(this.pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) {
        this.pos++;
      } else if (c === 47 && text.charCodeAt(this.pos + 1) === 47) {
        const end = text.indexOf('\n', this.pos);
        this.pos = end === -1 ? text.length : end + 1;
      } else if (c === 47 && text.charCodeAt(this.pos + 1) === 42) {
        const end = text.indexOf('*/', this.pos + 2);
        if (end === -1) {
          throw new JsonSyntaxError('A /* comment is never closed.', 'End the comment with */.', this.pos);
        }
        this.pos = end + 2;
      } else {
        return;
      }
    }
  }

  readValue(): unknown {
    const c = this.text.charCodeAt(this.pos);
    if (c === 123) return this.readObject();
    if (c === 91) return this.readArray();
    if (c === 34) return this.readString();
    if (c === 45 || (c >= 48 && c <= 57)) return this.readNumber();
    for (const [word, value] of LITERALS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    if (c === 39) {
      throw new JsonSyntaxError(
        'Text uses single quotes.',
        "JSON needs double quotes: write \"value\", not 'value'.",
        this.pos,
      );
    }
    throw new JsonSyntaxError(
      `Expected a value but found ${this.describeHere()}.`,
      'Write a value: "text" in double quotes, a number, true, false, null, a list [ ] or an object { }.',
      this.pos,
    );
  }

  readObject(): Record<string, unknown> {
    const start = this.pos;
    this.pos++;
    const result: Record<string, unknown> = {};
    const seen = new Set<string>();
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 125) {
      this.pos++;
      return result;
    }
    for (;;) {
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) === 125) {
        // A trailing comma before the closing brace, allowed as in JSONC.
        this.pos++;
        return result;
      }
      if (this.text.charCodeAt(this.pos) !== 34) {
        throw new JsonSyntaxError(
          `Expected a key in double quotes but found ${this.describeHere()}.`,
          this.pos >= this.text.length
            ? `Close the object opened at line ${lineAndColumn(this.text, start).line} with }.`
            : 'Write every key in double quotes, e.g. "clientId": "...".',
          this.pos,
        );
      }
      const keyOffset = this.pos;
      const key = this.readString();
      this.segments.push(key);
      if (seen.has(key)) {
        throw new JsonSyntaxError(
          `The key "${key}" appears twice in the same object.`,
          'Keep one of them: with two, it is unclear which one you meant.',
          keyOffset,
        );
      }
      seen.add(key);
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== 58) {
        throw new JsonSyntaxError(
          `Expected ":" after the key "${key}" but found ${this.describeHere()}.`,
          `Write "${key}": followed by its value.`,
          this.pos,
        );
      }
      this.pos++;
      this.skipSpace();
      const value = this.readValue();
      // A "__proto__" key must become an own data property, not change the object's prototype.
      if (key === '__proto__') Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
      else result[key] = value;
      this.skipSpace();
      const next = this.text.charCodeAt(this.pos);
      if (next === 44 || next === 125) {
        this.segments.pop();
        this.pos++;
        if (next === 44) continue;
        return result;
      }
      throw new JsonSyntaxError(
        `Expected "," or "}" after the value of "${key}" but found ${this.describeHere()}.`,
        this.pos >= this.text.length
          ? `Close the object opened at line ${lineAndColumn(this.text, start).line} with }.`
          : 'Separate entries with a comma.',
        this.pos,
      );
    }
  }

  readArray(): unknown[] {
    const start = this.pos;
    this.pos++;
    const result: unknown[] = [];
    for (;;) {
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) === 93) {
        this.pos++;
        return result;
      }
      this.segments.push(result.length);
      result.push(this.readValue());
      this.skipSpace();
      const next = this.text.charCodeAt(this.pos);
      if (next === 44 || next === 93) {
        this.segments.pop();
        this.pos++;
        if (next === 44) continue;
        return result;
      }
      throw new JsonSyntaxError(
        `Expected "," or "]" after a list item but found ${this.describeHere()}.`,
        this.pos >= this.text.length
          ? `Close the list opened at line ${lineAndColumn(this.text, start).line} with ].`
          : 'Separate list items with a comma.',
        this.pos,
      );
    }
  }

  readString(): string {
    const text = this.text;
    const start = this.pos;
    let i = start + 1;
    let escaped = false;
    for (;;) {
      PLAIN_RUN.lastIndex = i;
      PLAIN_RUN.test(text);
      i = PLAIN_RUN.lastIndex;
      if (i >= text.length) {
        throw new JsonSyntaxError('A text value is never closed.', 'End the text with a double quote ".', start);
      }
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c === 92) {
        escaped = true;
        i += 2;
        continue;
      }
      if (c < 32) {
        throw new JsonSyntaxError(
          'A text value runs over a line break or holds a control character.',
          'Close the text before the end of the line, or write a line break as \\n.',
          i,
        );
      }
      i++;
    }
    this.pos = i + 1;
    const raw = text.slice(start, i + 1);
    if (!escaped) return raw.slice(1, -1);
    try {
      return JSON.parse(raw) as string;
    } catch {
      throw new JsonSyntaxError(
        'A text value holds an invalid escape sequence.',
        'Use only \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX after a backslash.',
        start,
      );
    }
  }

  readNumber(): number {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (match === null) {
      throw new JsonSyntaxError(
        `Expected a number but found ${this.describeHere()}.`,
        'Write numbers like 14 or 2.5, without leading zeros or a plus sign.',
        this.pos,
      );
    }
    this.pos += match[0].length;
    return Number(match[0]);
  }
}
