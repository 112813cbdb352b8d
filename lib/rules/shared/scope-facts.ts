/**
 * Questions the rules ask about classified scopes beyond lib/scopes/scope-risk.ts (which alone decides a scope's
 * risk), and how rules name scopes and data classes in their messages.
 */
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

/** "Mail.Read, Files.Read.All and Contacts.Read": scope names as an employee reads them in a sentence. */
export function listScopes(scopes: readonly string[]): string {
  return listInWords(scopes, quote);
}

function quote(scope: string): string {
  return `"${scope}"`;
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
