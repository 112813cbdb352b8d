/**
 * Auth0: OpenID Connect plus the Management API scopes (`read:users`, `delete:users`, ...), hand-written from
 * https://auth0.com/docs/api/management/v2 ; they act on the whole Auth0 tenant. A `read:*` scope only reads it, so
 * it is read access of organisation data, not administration. Apps' own API scopes are guessed.
 */
import type { CatalogEntry } from '../scope-code';
import type { ProviderCatalog } from './provider-catalog';

const CURATED: readonly CatalogEntry[] = [
  ['read:users', 'r/e/g', 'See every user account in your Auth0 tenant.'],
  ['create:users', 'rwa/e/g', 'Create user accounts in your Auth0 tenant.'],
  ['update:users', 'rwa/ek/g', 'Change any user account in your Auth0 tenant, including email and password.'],
  ['delete:users', 'da/e/g', 'Delete any user account in your Auth0 tenant.'],
  ['read:users_app_metadata', 'r/e/g', 'See the app data stored on every user account.'],
  ['update:users_app_metadata', 'rwa/e/g', 'Change the app data stored on any user account, such as roles.'],
  ['read:user_idp_tokens', 'r/k/g', "Read the tokens users' social and enterprise logins issued."],
  ['read:clients', 'r/k/g', 'See the applications in your Auth0 tenant.'],
  ['create:clients', 'rwa/k/g', 'Create applications in your Auth0 tenant.'],
  ['update:clients', 'rwa/k/g', 'Change the applications in your Auth0 tenant.'],
  ['delete:clients', 'da/k/g', 'Delete applications from your Auth0 tenant.'],
  ['read:client_keys', 'r/k/g', 'Read the secrets of the applications in your Auth0 tenant.'],
  ['update:client_keys', 'rwa/k/g', 'Change the secrets of the applications in your Auth0 tenant.'],
  ['read:connections', 'r/k/g', 'See how people sign in to your Auth0 tenant.'],
  ['update:connections', 'rwa/k/g', 'Change how people sign in to your Auth0 tenant.'],
  ['delete:connections', 'da/k/g', 'Remove sign-in connections from your Auth0 tenant.'],
  ['read:logs', 'r/ek/g', "Read your Auth0 tenant's logs."],
  ['read:roles', 'r/e/g', 'See the roles in your Auth0 tenant.'],
  ['create:roles', 'rwa/ek/g', 'Create roles in your Auth0 tenant.'],
  ['update:roles', 'rwa/ek/g', 'Change the roles in your Auth0 tenant.'],
  ['delete:roles', 'da/ek/g', 'Delete roles from your Auth0 tenant.'],
  ['create:role_members', 'rwa/ek/g', 'Give roles to users in your Auth0 tenant.'],
  ['read:organizations', 'r/e/g', 'See the organisations in your Auth0 tenant.'],
  ['create:organizations', 'rwa/e/g', 'Create organisations in your Auth0 tenant.'],
  ['update:organizations', 'rwa/e/g', 'Change organisations in your Auth0 tenant.'],
  ['delete:organizations', 'da/e/g', 'Delete organisations from your Auth0 tenant.'],
  ['read:tenant_settings', 'r/n/g', "See your Auth0 tenant's settings."],
  ['update:tenant_settings', 'rwa/n/g', "Change your Auth0 tenant's settings."],
  ['read:grants', 'r/k/g', 'See which apps users have granted access to.'],
  ['delete:grants', 'da/k/g', "Revoke users' grants to apps."],
  ['read:actions', 'r/s/g', 'Read the code that runs during sign-in.'],
  ['create:actions', 'rwa/sk/g', 'Add code that runs during every sign-in.'],
  ['update:actions', 'rwa/sk/g', 'Change the code that runs during every sign-in.'],
  ['read:stats', 'r/n/g', 'See sign-in statistics of your Auth0 tenant.'],
];

export const auth0Catalog: ProviderCatalog = { id: 'auth0', entries: CURATED, usesOidc: true };
