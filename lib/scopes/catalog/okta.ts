/**
 * Okta scopes: OpenID Connect plus the Okta management API scopes (`okta.*`), hand-written from
 * https://developer.okta.com/docs/api/oauth2/ . `okta.*.manage` scopes change the whole Okta organisation.
 */
import type { CatalogEntry } from '../scope-code';
import type { ProviderCatalog } from './provider-catalog';

const CURATED: readonly CatalogEntry[] = [
  ['groups', 'i//o', 'See which Okta groups you belong to.'],
  ['okta.users.read.self', 'r/e/o', 'See your own Okta profile.'],
  ['okta.users.manage.self', 'rw/e/o', 'Change your own Okta profile.'],
  ['okta.myAccount.read', 'r/e/o', 'See your own Okta account settings.'],
  ['okta.myAccount.manage', 'rw/ek/o', 'Change your own Okta account, including your sign-in methods.'],
  ['okta.users.read', 'r/e/g', 'See every user in your Okta organisation.'],
  ['okta.users.manage', 'rwda/ek/g', 'Create, change, suspend and delete every user in your Okta organisation.'],
  ['okta.groups.read', 'r/e/g', 'See every group in your Okta organisation.'],
  ['okta.groups.manage', 'rwda/e/g', 'Create, change and delete groups and their members in your Okta organisation.'],
  ['okta.apps.read', 'r/k/g', 'See every application connected to your Okta organisation.'],
  ['okta.apps.manage', 'rwda/k/g', 'Add, change and remove the applications people sign in to through Okta.'],
  ['okta.clients.manage', 'rwda/k/g', 'Create and change OAuth clients and their secrets in your Okta organisation.'],
  ['okta.authorizationServers.manage', 'rwda/k/g', "Change your Okta organisation's authorization servers and token rules."],
  ['okta.factors.manage', 'rwda/k/g', "Reset or remove anyone's multi-factor sign-in methods."],
  ['okta.roles.manage', 'rwda/ek/g', 'Give and take away administrator roles in your Okta organisation.'],
  ['okta.policies.manage', 'rwda/k/g', "Change your Okta organisation's sign-in and password policies."],
  ['okta.idps.manage', 'rwda/k/g', 'Add and change the identity providers people can sign in with.'],
  ['okta.sessions.manage', 'rwda/k/g', "End anyone's Okta sessions."],
  ['okta.logs.read', 'r/ek/g', "Read your Okta organisation's system log."],
  ['okta.orgs.manage', 'rwda/n/g', 'Change the settings of your whole Okta organisation.'],
  ['okta.schemas.manage', 'rwda/e/g', 'Change which profile fields every Okta user has.'],
  ['okta.userTypes.manage', 'rwda/e/g', 'Change the kinds of user accounts in your Okta organisation.'],
];

export const oktaCatalog: ProviderCatalog = {
  id: 'okta',
  entries: CURATED,
  // Every `okta.*` scope belongs to the Okta management API, except the self-service ones.
  adminGuess: /^okta\.(?!myaccount\.|[a-z]+\.[a-z]+\.self$)/i,
  usesOidc: true,
};
