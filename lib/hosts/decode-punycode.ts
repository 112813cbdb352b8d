/**
 * Decodes IDNA `xn--` labels to Unicode (RFC 3492 Bootstring with the Punycode parameters), so that a homograph
 * such as `xn--ccounts-…` can be compared with the host it imitates. Pure; works in every JavaScript runtime
 * (node:url's domainToUnicode does not exist in the browser).
 */

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
/** DNS caps a label at 63 octets (RFC 1035 §2.3.4); anything longer is not a real host label. */
const MAX_LABEL_LENGTH = 63;

function adapt(delta: number, numPoints: number, firstTime: boolean): number {
  let d = firstTime ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / numPoints);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function digitValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 22; // 0-9 → 26-35
  if (code >= 97 && code <= 122) return code - 97; // a-z → 0-25
  if (code >= 65 && code <= 90) return code - 65;
  return BASE;
}

/** Decodes the part after `xn--`; undefined when it is not valid Punycode. */
export function decodePunycodeLabel(encoded: string): string | undefined {
  if (encoded.length > MAX_LABEL_LENGTH) return undefined;
  const output: number[] = [];
  const basicEnd = encoded.lastIndexOf('-');
  for (let j = 0; j < Math.max(basicEnd, 0); j += 1) {
    const code = encoded.charCodeAt(j);
    if (code >= 128) return undefined;
    output.push(code);
  }
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let index = basicEnd > 0 ? basicEnd + 1 : 0; index < encoded.length; ) {
    const oldi = i;
    let w = 1;
    for (let k = BASE; ; k += BASE) {
      if (index >= encoded.length) return undefined;
      const digit = digitValue(encoded.charCodeAt(index));
      index += 1;
      if (digit >= BASE) return undefined;
      i += digit * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      w *= BASE - t;
      if (w > 0x7fffffff) return undefined;
    }
    const length = output.length + 1;
    bias = adapt(i - oldi, length, oldi === 0);
    n += Math.floor(i / length);
    i %= length;
    if (n > 0x10ffff) return undefined;
    output.splice(i, 0, n);
    i += 1;
  }
  return String.fromCodePoint(...output);
}

/** Decodes every `xn--` label of a host; labels that fail to decode stay as written. */
export function hostToUnicode(host: string): string {
  if (!host.includes('xn--')) return host;
  return host
    .split('.')
    .map((label) => (label.startsWith('xn--') ? (decodePunycodeLabel(label.slice(4)) ?? label) : label))
    .join('.');
}
