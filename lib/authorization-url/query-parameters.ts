/**
 * The query reader: an authorization URL's parameters, every occurrence kept in order, read in one pass and decoded
 * only when asked for, with a cap on how many are read that padding cannot use to hide the parameters that matter.
 */
import { PROVIDERS } from '../providers';
import { decodeFormComponent } from './decode-form-component';

/** Most query parameters examined; a real authorization request has a dozen. */
export const MAX_PARAMETERS = 1000;
/** Nested URLs are probed only in parameters shorter than this, and only one level deep. */
export const MAX_NESTED_PROBE_LENGTH = 16 * 1024;

const NO_VALUES: readonly string[] = [];

/**
 * The query parameters, every occurrence kept in order. Values are decoded on first use only: a 256 KB `state`
 * that nobody reads costs one scan for `&` and nothing more. Most parameters occur once, so the table holds each
 * name's first raw value as a plain string and only repeated names get a list: a dozen arrays fewer per URL.
 */
export class QueryParameters {
  /** First raw value of each name, in order of first occurrence. */
  private readonly raw = new Map<string, string>();
  /** Every raw value of the names that occur more than once; undefined while none does. */
  private repeats: Map<string, string[]> | undefined;
  /**
   * Decoded first values that differ from their raw form, and decoded lists of repeated names. Created on first
   * need: most values are plain and most names occur once, and two maps fewer per URL is a measurable share of
   * parsing (allocation and garbage collection).
   */
  private firsts: Map<string, string> | undefined;
  private decoded: Map<string, readonly string[]> | undefined;

  /** More than MAX_PARAMETERS parameters: past them, only the names in READ_PAST_LIMIT were kept. */
  readonly limitReached: boolean = false;

  constructor(query: string, anomalies: string[] | undefined) {
    let count = 0;
    let start = query.startsWith('?') || query.startsWith('#') ? 1 : 0;
    // The next `=` at or after `start`, found once and reused until passed: searching afresh for each parameter
    // would walk the rest of the query once per parameter (`a&a&a&…=`), quadratic on hostile input.
    let equals = -1;
    while (start < query.length) {
      let end = query.indexOf('&', start);
      if (end < 0) end = query.length;
      if (end > start) {
        count += 1;
        if (count > MAX_PARAMETERS) {
          this.limitReached = true;
          const total = count - 1 + this.readPastLimit(query, start);
          anomalies?.push(
            `the URL has ${total} parameters (a real request has a dozen); past the first ${MAX_PARAMETERS} only ${READ_PAST_LIMIT_TEXT} were read`,
          );
          break;
        }
        if (equals < start) {
          equals = query.indexOf('=', start);
          if (equals < 0) equals = query.length;
        }
        const keyEnd = equals < end ? equals : end;
        const key = decodeFormComponent(query.slice(start, Math.min(keyEnd, start + MAX_KEY_LENGTH)));
        this.add(key, keyEnd < end ? query.slice(keyEnd + 1, end) : '');
      }
      start = end + 1;
    }
  }

  private add(key: string, value: string): void {
    const first = this.raw.get(key);
    if (first === undefined) {
      this.raw.set(key, value);
    } else {
      this.repeats ??= new Map();
      const list = this.repeats.get(key);
      if (list === undefined) this.repeats.set(key, [first, value]);
      else list.push(value);
    }
  }

  /**
   * Past the cap, padding must not hide the app or what it asks for: the rest of the query is walked once, and a
   * parameter is kept only when its name, read from at most a few dozen characters, is one that decides the
   * judgement. Returns how many parameters the rest holds. Linear: one `&` search and a bounded look per parameter.
   */
  private readPastLimit(query: string, from: number): number {
    let count = 0;
    // Each distinct name and value is kept once: a flood of `scope=openid` costs one entry, and the scope that
    // follows it is still read (readScopes caps how many distinct scopes it takes).
    const kept = new Set<string>();
    let start = from;
    while (start < query.length) {
      let end = query.indexOf('&', start);
      if (end < 0) end = query.length;
      if (end > start) {
        count += 1;
        const look = Math.min(end, start + MAX_READ_PAST_LIMIT_KEY);
        let keyEnd = -1;
        let encoded = false;
        for (let i = start; i < look; i += 1) {
          const code = query.charCodeAt(i);
          if (code === 61) {
            keyEnd = i;
            break;
          }
          if (code === 37 || code === 43) encoded = true;
        }
        if (keyEnd < 0 && end === look) keyEnd = end;
        if (keyEnd >= 0) {
          // Junk names are told apart by length and characters, without a copy; only an escaped name is decoded.
          const key = encoded ? decodeFormComponent(query.slice(start, keyEnd)) : plainNameAt(query, start, keyEnd);
          if (key !== undefined && READ_PAST_LIMIT.has(key)) {
            const value = keyEnd < end ? query.slice(keyEnd + 1, end) : '';
            const entry = `${key}=${value}`;
            if (!kept.has(entry)) {
              kept.add(entry);
              this.add(key, value);
            }
          }
        }
      }
      start = end + 1;
    }
    return count;
  }

  has(name: string): boolean {
    return this.raw.has(name);
  }

  first(name: string): string | undefined {
    const cached = this.firsts?.get(name);
    if (cached !== undefined) return cached;
    const raw = this.raw.get(name);
    if (raw === undefined) return undefined;
    const value = decodeFormComponent(raw);
    // A plain value decodes to itself at the cost of one scan; only a value that decoding changed is worth keeping.
    if (value !== raw) (this.firsts ??= new Map()).set(name, value);
    return value;
  }

  all(name: string): readonly string[] {
    const list = this.repeats?.get(name);
    if (list === undefined) {
      const first = this.first(name);
      return first === undefined ? NO_VALUES : [first];
    }
    const cached = this.decoded?.get(name);
    if (cached !== undefined) return cached;
    const values = list.map(decodeFormComponent);
    (this.decoded ??= new Map()).set(name, values);
    return values;
  }

  /** Names of the parameters that occur more than once, in order of first occurrence. */
  repeatedNames(): string[] {
    const repeats = this.repeats;
    if (repeats === undefined) return [];
    const names: string[] = [];
    for (const key of this.raw.keys()) if (repeats.has(key)) names.push(key);
    return names;
  }

  /** Names whose first raw value mentions `needle` (cheap pre-filter before decoding). */
  namesWhoseValueMentions(needle: string): string[] {
    const names: string[] = [];
    for (const [key, value] of this.raw) {
      if (value.length <= MAX_NESTED_PROBE_LENGTH && value.includes(needle)) names.push(key);
    }
    return names;
  }
}

/** Longest parameter name read; OAuth's are under 30 characters. */
const MAX_KEY_LENGTH = 256;

/**
 * The parameters still read past MAX_PARAMETERS: who asks (`client_id`), for what (every provider's scope
 * parameters, `resource`, pushed or signed requests), how (`response_type`, `prompt`, offline-access switches) and
 * where the answer goes (`redirect_uri`), so padding before them cannot change what the request is judged to be.
 */
export const READ_PAST_LIMIT: ReadonlySet<string> = new Set([
  'client_id',
  'response_type',
  'redirect_uri',
  ...PROVIDERS.flatMap((provider) => provider.scopeParameters),
  'resource',
  'request_uri',
  'request',
  'prompt',
  'access_type',
  'token_access_type',
]);
const READ_PAST_LIMIT_NAMES = [...READ_PAST_LIMIT];
const READ_PAST_LIMIT_TEXT = READ_PAST_LIMIT_NAMES.join(', ');

/** The name in READ_PAST_LIMIT written unescaped at query[start, end), if there is one. */
function plainNameAt(query: string, start: number, end: number): string | undefined {
  const length = end - start;
  for (const name of READ_PAST_LIMIT_NAMES) if (name.length === length && query.startsWith(name, start)) return name;
  return undefined;
}

/** A name percent-encoded throughout takes three characters per letter; nothing longer can be one of the above. */
const MAX_READ_PAST_LIMIT_KEY = 3 * Math.max(...READ_PAST_LIMIT_NAMES.map((name) => name.length));
