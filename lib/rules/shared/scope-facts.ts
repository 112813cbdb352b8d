/**
 * Questions the rules ask about classified scopes beyond lib/scopes/scope-risk.ts (which alone decides a scope's
 * risk), and how rules name scopes and data classes in their messages.
 */
import type { ProviderId } from '../../authorization-request';
import { scopeDisplayName } from '../../scopes/scope-display-name';
import type { DataClass, ScopeInfo } from '../../scopes/scope-info';

/**
 * The sensitive data classes a scope touches. Files limited to the items the person picks for the app (Google
 * `drive.file`, Graph `Files.ReadWrite.Selected`) are not "all files", so they do not count as sensitive on their own.
 */
export function sensitiveClasses(info: ScopeInfo, sensitive: ReadonlySet<DataClass>): DataClass[] {
  const found: DataClass[] = [];
  for (const dataClass of info.dataClasses) {
    if (!sensitive.has(dataClass)) continue;
    if (dataClass === 'files' && info.breadth === 'selected') continue;
    found.push(dataClass);
  }
  return found;
}

const SCOPE_URL_PREFIX = /^[a-z][a-z0-9+.-]*:\/\/[^/]+\/(?:auth\/)?/i;
const SYSTEM_SEPARATOR = /[.:/_\-\s]/;

/**
 * The system a scope belongs to, from its name: Google `https://www.googleapis.com/auth/gmail.readonly` is
 * `gmail`, Graph `Files.ReadWrite.All` is `files`, Slack `chat:write` is `chat`. Used to judge "one system, one
 * purpose"; a heuristic, so it only feeds a warning.
 */
export function systemOf(scope: string): string {
  const cached = systemCache.get(scope);
  if (cached !== undefined) return cached;
  const name = scope.replace(SCOPE_URL_PREFIX, '');
  const first = name.split(SYSTEM_SEPARATOR, 1)[0] ?? name;
  const system = (first || name).toLowerCase();
  if (scope.length <= 256) {
    if (systemCache.size >= SYSTEM_CACHE_LIMIT) systemCache.clear();
    systemCache.set(scope, system);
  }
  return system;
}

// The same scopes come back on every sign-in; two regular expressions per scope per request add up. Bounded, so
// hostile input cannot grow it.
const SYSTEM_CACHE_LIMIT = 4096;
const systemCache = new Map<string, string>();

/** A finding names at most this many scopes; the scope list beside it shows every one in full. */
export const MAX_SCOPES_NAMED = 3;

/**
 * `"Mail.Read", "Files.Read.All" and 2 more`: the scopes a finding is about, by their short names and briefly. The
 * finding's `scopes` keep the exact strings, and the scope list shows them all, so a message that repeated a long
 * list would only push the next finding off screen.
 */
export function listScopes(provider: ProviderId, scopes: readonly string[]): string {
  const quoteShort = (scope: string): string => `"${scopeDisplayName(provider, scope)}"`;
  if (scopes.length <= MAX_SCOPES_NAMED) return listInWords(scopes, quoteShort);
  let text = quoteShort(scopes[0] as string);
  for (let i = 1; i < MAX_SCOPES_NAMED - 1; i++) text += `, ${quoteShort(scopes[i] as string)}`;
  return `${text} and ${scopes.length - (MAX_SCOPES_NAMED - 1)} more`;
}

/** `"a", "b" and "c"`, each exactly as given: for resource addresses, which have no shorter name. */
export function listQuoted(items: readonly string[]): string {
  return listInWords(items, quote);
}

function quote(item: string): string {
  return `"${item}"`;
}

/** "a, b and c". One pass, no intermediate lists: rules build these messages for most requests they flag. */
function listInWords<T>(items: readonly T[], word: (item: T) => string): string {
  const last = items.length - 1;
  if (last < 0) return '';
  let text = word(items[0] as T);
  for (let i = 1; i < last; i++) text += `, ${word(items[i] as T)}`;
  return last === 0 ? text : `${text} and ${word(items[last] as T)}`;
}

export const DATA_CLASS_LABELS: Readonly<Record<DataClass, string>> = {
  public: 'public data',
  internal: 'internal data',
  customer: 'customer data',
  payment: 'payment data',
  health: 'health data',
  employee: 'employee data',
  credentials: 'logins and credentials',
  communications: 'mail and chat',
  files: 'files',
  'source-code': 'source code',
  calendar: 'calendars',
  contacts: 'contacts',
};

export function listDataClasses(classes: Iterable<DataClass>): string {
  return listInWords(Array.isArray(classes) ? (classes as readonly DataClass[]) : [...classes], labelOf);
}

function labelOf(dataClass: DataClass): string {
  return DATA_CLASS_LABELS[dataClass];
}
