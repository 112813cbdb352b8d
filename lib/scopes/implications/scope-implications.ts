/**
 * What a provider's scope hierarchy looks like to approval matching: for one approved scope, the narrower scopes
 * it includes. Every scope here is in comparison form (lib/policy/scope-key.ts), so Microsoft's are lower case and
 * carry their resource prefix only when it is not Microsoft Graph.
 *
 * Implication only ever widens an approval downwards: an approval for a broad scope covers the narrow ones inside
 * it, never the reverse. A missing row costs a review; a wrong row silently approves access nobody reviewed, so a
 * row goes in only where the provider documents the inclusion.
 */
import type { ProviderId } from '../../authorization-request';

/** One documented inclusion: `broader` grants everything each of `narrower` grants. */
export interface ImplicationRow {
  readonly broader: string;
  readonly narrower: readonly string[];
  /** The provider's page that documents the inclusion. */
  readonly source: string;
}

export interface ScopeImplications {
  readonly provider: ProviderId;
  /** How this provider's hierarchy is derived, in one sentence for the reader of the registry. */
  readonly description: string;
  /** The hand-written rows (for Microsoft: the exceptions to its naming rule). */
  readonly rows: readonly ImplicationRow[];
  /** The scopes one step below `key`, in comparison form. Transitive steps are followed by the caller. */
  narrowerThan(key: string): readonly string[];
}

const NONE: readonly string[] = [];

/** Indexes rows by their broader scope, passing each scope through `toKey` so rows match comparison keys. */
export function indexRows(rows: readonly ImplicationRow[], toKey: (scope: string) => string = (scope) => scope): ReadonlyMap<string, readonly string[]> {
  const index = new Map<string, string[]>();
  for (const row of rows) {
    const key = toKey(row.broader);
    const list = index.get(key) ?? [];
    list.push(...row.narrower.map(toKey));
    index.set(key, list);
  }
  return index;
}

/** A provider whose hierarchy is exactly its table. */
export function tableImplications(provider: ProviderId, description: string, rows: readonly ImplicationRow[]): ScopeImplications {
  const index = indexRows(rows);
  return {
    provider,
    description,
    rows,
    narrowerThan: (key) => index.get(key) ?? NONE,
  };
}
