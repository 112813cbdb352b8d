/**
 * The scope reader: every requested scope from a provider's scope parameters, split on the provider's separators,
 * deduplicated, with where each came from (`scope`, Slack's `user_scope`, `optional_scope`) and caps that a hostile
 * URL cannot push past.
 */
import type { AuthorizationRequest } from '../authorization-request';
import type { ProviderDefinition } from '../providers/provider-definition';
import type { QueryParameters } from './query-parameters';

/** Longest single scope kept (real scopes are under 200 characters; Graph resource URIs included). */
export const MAX_SCOPE_LENGTH = 1024;
/** Most scopes read from one request; the rest are counted as an anomaly. */
export const MAX_SCOPES = 1000;
/**
 * Longest scope-parameter value read. Google's and Microsoft's servers refuse URLs far shorter than this, so a longer
 * value is padding; what lies beyond it is reported, not read.
 */
export const MAX_SCOPE_VALUE_LENGTH = 64 * 1024;

const separatorTables = new WeakMap<ProviderDefinition, Uint8Array>();

/** A 128-entry lookup: 1 for the provider's separators and for every ASCII control character and space. */
function separatorTable(provider: ProviderDefinition): Uint8Array {
  let table = separatorTables.get(provider);
  if (table === undefined) {
    table = new Uint8Array(128);
    for (let code = 0; code <= 32; code += 1) table[code] = 1;
    table[127] = 1;
    for (const separator of provider.scopeSeparators) table[separator.charCodeAt(0) & 127] = 1;
    separatorTables.set(provider, table);
  }
  return table;
}

/** Up to this many scopes, a duplicate is found by scanning the list (quicker than building a Set). */
const LINEAR_SCOPE_SCAN = 16;

export interface ScopeReading {
  scopes: string[];
  sources: AuthorizationRequest['scopeSources'];
  alsoUserScopes: string[] | undefined;
}

/**
 * Splits every value of every scope parameter on the provider's separators. RFC 6749 §3.3 allows no control
 * character or space inside a scope token, so those always separate: a server that splits on them grants both
 * halves, and we would rather show both. Every occurrence of a repeated `scope` is read (servers differ on which
 * one they honour; reading all keeps the judgement on the safe side).
 */
export function readScopes(
  provider: ProviderDefinition,
  values: Pick<QueryParameters, 'all'>,
  anomalies: string[],
): ScopeReading {
  const scopes: string[] = [];
  // A prototype-less object: V8 keeps it as a hash table from the start, where a literal `{}` would grow a new
  // hidden class for every distinct scope name it sees (slow, and unbounded across requests); and a scope named
  // `__proto__` becomes an ordinary key instead of reaching for the prototype.
  const sources: AuthorizationRequest['scopeSources'] = Object.create(null) as AuthorizationRequest['scopeSources'];
  // Duplicates are found by scanning the few scopes read so far; a Set takes over once there are many, so a
  // hostile list of 10,000 scopes stays linear while a typical request of a handful builds no Set at all.
  let seen: Set<string> | undefined;
  let overflow = false;
  let truncated = false;
  let controlCharacters = false;
  let valueCut = false;
  let alsoUser: Set<string> | undefined;
  const separates = separatorTable(provider);
  reading: for (const parameter of provider.scopeParameters) {
    for (const fullValue of values.all(parameter)) {
      let value = fullValue;
      if (value.length > MAX_SCOPE_VALUE_LENGTH) {
        value = value.slice(0, MAX_SCOPE_VALUE_LENGTH);
        valueCut = true;
      }
      let start = 0;
      for (let i = 0; i <= value.length; i += 1) {
        const code = i < value.length ? value.charCodeAt(i) : 32;
        if (code >= 128 || separates[code] === 0) continue;
        if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127) controlCharacters = true;
        if (i > start) {
          let scope = value.slice(start, i);
          if (scope.length > MAX_SCOPE_LENGTH) {
            scope = scope.slice(0, MAX_SCOPE_LENGTH);
            truncated = true;
          }
          if (seen === undefined ? !scopes.includes(scope) : !seen.has(scope)) {
            if (scopes.length >= MAX_SCOPES) {
              overflow = true;
              break reading;
            }
            scopes.push(scope);
            if (seen !== undefined) seen.add(scope);
            else if (scopes.length > LINEAR_SCOPE_SCAN) seen = new Set(scopes);
            // A scope named in both `scope` and `user_scope` keeps its first source; the bot and the user both
            // receive it, and the first parameter is the broader grant in Slack's model. Only the exceptions to
            // `scope` are written (see AuthorizationRequest.scopeSources).
            if (parameter !== 'scope') sources[scope] = parameter as 'user_scope' | 'optional_scope';
          } else if (parameter === 'user_scope' && sources[scope] === undefined) {
            // Slack grants it twice: to the bot and, as the employee, to the user token. An approval must cover both.
            (alsoUser ??= new Set()).add(scope);
          }
        }
        start = i + 1;
      }
    }
  }
  if (controlCharacters) anomalies.push('a scope parameter contains control characters (NUL or similar)');
  if (valueCut) {
    anomalies.push(`a scope parameter is longer than ${MAX_SCOPE_VALUE_LENGTH} characters; only its start was read`);
  }
  if (truncated) anomalies.push(`a scope longer than ${MAX_SCOPE_LENGTH} characters was cut`);
  if (overflow) anomalies.push(`more than ${MAX_SCOPES} different scopes; only the first ${MAX_SCOPES} were read`);
  return { scopes, sources, alsoUserScopes: alsoUser === undefined ? undefined : [...alsoUser] };
}
