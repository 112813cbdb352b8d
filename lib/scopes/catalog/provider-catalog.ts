/**
 * What every provider's catalog module provides. One module per provider in this folder, registered in
 * `catalogs.ts`; generated entries live in `../generated/`, and the hand-curated ones in the provider's module
 * override them, so the generated files stay regenerable.
 */
import type { ProviderId } from '../../authorization-request';
import type { CatalogEntry } from '../scope-code';

export interface ProviderCatalog {
  id: ProviderId | 'oidc';
  /** Every known scope: generated entries first, curated ones after (a later entry overrides an earlier one). */
  entries: readonly CatalogEntry[];
  /**
   * The key a requested scope is filed under (resource prefixes stripped, `.default` recognised). Must not throw.
   * Without it the scope itself is the key. Lookups try the key as is, then in lower case.
   */
  keyOf?: (scope: string) => string;
  /** Unknown scopes matching this are the provider's administration API: guessed as organisation-wide admin. */
  adminGuess?: RegExp;
  /** Also answer the OpenID Connect standard scopes (openid, profile, email, ...). */
  usesOidc: boolean;
}

/** Generated entries, then the curated overrides: the curated classification wins for the same scope. */
export function withOverrides(
  generated: readonly CatalogEntry[],
  curated: readonly CatalogEntry[],
): readonly CatalogEntry[] {
  return [...generated, ...curated];
}
