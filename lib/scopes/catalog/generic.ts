/** Any other OAuth 2.0 / OpenID Connect server: only the OpenID Connect standard scopes are known; the rest are guessed. */
import type { ProviderCatalog } from './provider-catalog';

export const genericCatalog: ProviderCatalog = { id: 'generic', entries: [], usesOidc: true };
