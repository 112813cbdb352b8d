/**
 * The OpenID Connect standard scopes (OpenID Connect Core 1.0, section 5.4 "Requesting Claims using Scope
 * Values", and section 11 "Offline Access"). Every provider that speaks OIDC falls back to these.
 */
import type { CatalogEntry } from '../scope-code';
import type { ProviderCatalog } from './provider-catalog';

const OIDC_SCOPES: readonly CatalogEntry[] = [
  ['openid', 'i//o', 'Sign you in with your account.'],
  ['profile', 'i//o', 'See your name, profile picture and basic profile details.'],
  ['email', 'i//o', 'See your email address.'],
  ['address', 'i//o', 'See the postal address on your account.'],
  ['phone', 'i//o', 'See the phone number on your account.'],
  [
    'offline_access',
    'i//o/O',
    'Keep access after you close the app: it gets a long-lived token that works without you signing in again.',
  ],
];

export const oidcCatalog: ProviderCatalog = { id: 'oidc', entries: OIDC_SCOPES, usesOidc: false };
