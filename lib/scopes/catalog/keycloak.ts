/**
 * Keycloak's built-in client scopes besides the OpenID Connect ones, from
 * https://www.keycloak.org/docs/latest/server_admin/#_client_scopes . Realm-specific scopes are guessed.
 */
import type { CatalogEntry } from '../scope-code';
import type { ProviderCatalog } from './provider-catalog';

const CURATED: readonly CatalogEntry[] = [
  ['roles', 'i//o', 'See which roles you have.'],
  ['web-origins', 'i//o', 'Let the app call Keycloak from its own web address.'],
  ['microprofile-jwt', 'i//o', 'See your user name and groups in a standard token format.'],
  ['acr', 'i//o', 'See how strongly you signed in.'],
  ['basic', 'i//o', 'See your account id and when you signed in.'],
  ['organization', 'i//o', 'See which organisation you belong to.'],
  ['service_account', 'i//o', 'See the service-account details of the app itself.'],
];

export const keycloakCatalog: ProviderCatalog = { id: 'keycloak', entries: CURATED, usesOidc: true };
