/**
 * The compact form every catalog entry is stored in, so the background bundle stays small.
 *
 * An entry is `[scope, code, description]`. The code is `access/data/breadth` with optional `/flags`:
 * - access:  i identity, r read, w write, d delete, a admin
 * - data:    p public, n internal, u customer, $ payment, h health, e employee, k credentials,
 *            m communications, f files, s source-code, c calendar, t contacts (empty: none)
 * - breadth: i selected items (the ones you pick or the app creates), o own, s shared, g organization (whole
 *            organisation), u unknown
 * - flags:   G google-sensitive, R google-restricted, M microsoft-admin-consent, O grants offline access
 *
 * Example: `'rwd/m/o/R'` reads, changes and deletes your own mail and is on Google's restricted list.
 */
import type { Access, Breadth, DataClass, ProviderLabel } from './scope-info';

export type CatalogEntry = readonly [scope: string, code: string, description: string];

export interface DecodedScopeCode {
  access: Access[];
  dataClasses: DataClass[];
  breadth: Breadth;
  labels: ProviderLabel[];
  grantsOfflineAccess: boolean;
}

const ACCESS_CODES: Readonly<Record<string, Access>> = { i: 'identity', r: 'read', w: 'write', d: 'delete', a: 'admin' };

const DATA_CODES: Readonly<Record<string, DataClass>> = {
  p: 'public',
  n: 'internal',
  u: 'customer',
  $: 'payment',
  h: 'health',
  e: 'employee',
  k: 'credentials',
  m: 'communications',
  f: 'files',
  s: 'source-code',
  c: 'calendar',
  t: 'contacts',
};

const BREADTH_CODES: Readonly<Record<string, Breadth>> = {
  i: 'selected',
  o: 'own',
  s: 'shared',
  g: 'organization',
  u: 'unknown',
};

const LABEL_CODES: Readonly<Record<string, ProviderLabel>> = {
  G: 'google-sensitive',
  R: 'google-restricted',
  M: 'microsoft-admin-consent',
};

function invert<T extends string>(table: Readonly<Record<string, T>>): ReadonlyMap<T, string> {
  return new Map(Object.entries(table).map(([code, value]) => [value, code]));
}

const ACCESS_LETTERS = invert(ACCESS_CODES);
const DATA_LETTERS = invert(DATA_CODES);
const BREADTH_LETTERS = invert(BREADTH_CODES);
const LABEL_LETTERS = invert(LABEL_CODES);

function lettersOf<T extends string>(part: string, table: Readonly<Record<string, T>>, what: string, code: string): T[] {
  const values: T[] = [];
  for (const letter of part) {
    const value = table[letter];
    if (value === undefined) throw new Error(`Scope code "${code}": unknown ${what} letter "${letter}"`);
    if (!values.includes(value)) values.push(value);
  }
  return values;
}

/**
 * Decodes a catalog code. Throws on a malformed code: codes are written by the generator and by hand, and the
 * catalog tests decode every one of them, so a bad code fails the build instead of misclassifying a scope.
 */
export function decodeScopeCode(code: string): DecodedScopeCode {
  const [accessPart = '', dataPart = '', breadthPart = '', flagPart = '', ...rest] = code.split('/');
  if (rest.length > 0) throw new Error(`Scope code "${code}": too many parts`);
  const access = lettersOf(accessPart, ACCESS_CODES, 'access', code);
  if (access.length === 0) throw new Error(`Scope code "${code}": no access`);
  const breadth = BREADTH_CODES[breadthPart];
  if (breadth === undefined) throw new Error(`Scope code "${code}": breadth must be one of i, o, s, g, u`);
  const flags = lettersOf<ProviderLabel | 'offline'>(flagPart, { ...LABEL_CODES, O: 'offline' }, 'flag', code);
  return {
    access,
    dataClasses: lettersOf(dataPart, DATA_CODES, 'data class', code),
    breadth,
    labels: flags.filter((flag): flag is ProviderLabel => flag !== 'offline'),
    grantsOfflineAccess: flags.includes('offline'),
  };
}

function encodeLetters<T>(values: readonly T[], letters: ReadonlyMap<T, string>): string {
  return values.map((value) => letters.get(value) ?? '').join('');
}

/** The inverse of `decodeScopeCode`, used by the generator. */
export function encodeScopeCode(decoded: DecodedScopeCode): string {
  const flags = encodeLetters(decoded.labels, LABEL_LETTERS) + (decoded.grantsOfflineAccess ? 'O' : '');
  const code = [
    encodeLetters(decoded.access, ACCESS_LETTERS),
    encodeLetters(decoded.dataClasses, DATA_LETTERS),
    BREADTH_LETTERS.get(decoded.breadth) ?? 'u',
  ].join('/');
  return flags === '' ? code : `${code}/${flags}`;
}
