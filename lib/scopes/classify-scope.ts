/**
 * Classifies requested scopes against the provider's catalog, then the OpenID Connect standard scopes, then the
 * cautious guesser. Runs for every scope of every authorization request the engine sees, so every lookup map is
 * built once at module load.
 *
 * The returned objects are shared and frozen: copy one before changing it.
 */
import type { ProviderId } from '../authorization-request';
import { PROVIDER_CATALOGS } from './catalog/catalogs';
import { oidcCatalog } from './catalog/oidc';
import type { ProviderCatalog } from './catalog/provider-catalog';
import { guessScope } from './guess-scope';
import { decodeScopeCode } from './scope-code';
import type { ScopeInfo } from './scope-info';

interface CompiledCatalog {
  byKey: ReadonlyMap<string, ScopeInfo>;
  keyOf: (scope: string) => string;
  usesOidc: boolean;
  adminGuess?: RegExp;
}

function freezeInfo(info: ScopeInfo): ScopeInfo {
  Object.freeze(info.access);
  Object.freeze(info.dataClasses);
  Object.freeze(info.labels);
  return Object.freeze(info);
}

function compile(catalog: ProviderCatalog): CompiledCatalog {
  const byKey = new Map<string, ScopeInfo>();
  for (const [scope, code, description] of catalog.entries) {
    const info = freezeInfo({ scope, catalog: catalog.id, ...decodeScopeCode(code), description, source: 'catalog' });
    // Later entries (the curated ones) replace earlier generated ones, under both spellings.
    byKey.set(scope, info);
    byKey.set(scope.toLowerCase(), info);
  }
  return { byKey, keyOf: catalog.keyOf ?? ((scope) => scope), usesOidc: catalog.usesOidc, adminGuess: catalog.adminGuess };
}

const OIDC = compile(oidcCatalog);
const COMPILED = new Map<ProviderId, CompiledCatalog>(
  Object.entries(PROVIDER_CATALOGS).map(([id, catalog]) => [id as ProviderId, compile(catalog)]),
);
const GENERIC = COMPILED.get('generic') ?? OIDC;

function lookup(byKey: ReadonlyMap<string, ScopeInfo>, key: string): ScopeInfo | undefined {
  return byKey.get(key) ?? byKey.get(key.toLowerCase());
}

// Unknown scopes repeat (one app's custom scopes on every sign-in); remember recent guesses, bounded.
const GUESS_CACHE_LIMIT = 4096;
const CACHEABLE_SCOPE_CHARS = 256;
const guessCache = new Map<string, ScopeInfo>();

function cachedGuess(provider: ProviderId, scope: string, compiled: CompiledCatalog): ScopeInfo {
  const context = { adminGuess: compiled.adminGuess };
  if (scope.length > CACHEABLE_SCOPE_CHARS) return freezeInfo(guessScope(provider, scope, context));
  const cacheKey = `${provider} ${scope}`;
  const cached = guessCache.get(cacheKey);
  if (cached !== undefined) return cached;
  if (guessCache.size >= GUESS_CACHE_LIMIT) guessCache.clear();
  const guess = freezeInfo(guessScope(provider, scope, context));
  guessCache.set(cacheKey, guess);
  return guess;
}

// The same scopes arrive on every sign-in of an app: remember each provider's recent answers, so a repeated scope
// costs one look-up instead of case folding, catalog, OIDC and guess look-ups. Bounded like the guess cache.
const ANSWER_CACHE_LIMIT = 4096;
const answerCaches = new Map<ProviderId, Map<string, ScopeInfo>>();

/** What one requested scope allows. Never throws: an unknown or malformed scope gets an explained guess. */
export function classifyScope(provider: ProviderId, scope: string): ScopeInfo {
  const requested = typeof scope === 'string' ? scope : String(scope);
  let answers = answerCaches.get(provider);
  const cached = answers?.get(requested);
  if (cached !== undefined) return cached;
  const info = classifyUncached(provider, requested);
  if (requested.length <= CACHEABLE_SCOPE_CHARS) {
    if (answers === undefined) {
      answers = new Map();
      answerCaches.set(provider, answers);
    }
    if (answers.size >= ANSWER_CACHE_LIMIT) answers.clear();
    answers.set(requested, info);
  }
  return info;
}

function classifyUncached(provider: ProviderId, requested: string): ScopeInfo {
  const compiled = COMPILED.get(provider) ?? GENERIC;
  const key = compiled.keyOf(requested);
  const known = lookup(compiled.byKey, key) ?? (compiled.usesOidc ? lookup(OIDC.byKey, key) : undefined);
  if (known === undefined) return cachedGuess(compiled === GENERIC ? 'generic' : provider, requested, compiled);
  return known.scope === requested ? known : Object.freeze({ ...known, scope: requested });
}

export function classifyScopes(provider: ProviderId, scopes: readonly string[]): ScopeInfo[] {
  const infos: ScopeInfo[] = new Array<ScopeInfo>(scopes.length);
  for (let i = 0; i < scopes.length; i++) infos[i] = classifyScope(provider, scopes[i] ?? '');
  return infos;
}
