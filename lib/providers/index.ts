/**
 * Every provider module, in matching order: the first whose endpoint matches wins, `generic` last.
 * A new provider is one file in this folder plus one line here (test/unit/providers/registry.test.ts checks).
 */
import type { ProviderId } from '../authorization-request';
import { atlassian } from './atlassian';
import { auth0 } from './auth0';
import { box } from './box';
import { dropbox } from './dropbox';
import { generic } from './generic';
import { github } from './github';
import { gitlab } from './gitlab';
import { google } from './google';
import { hubspot } from './hubspot';
import { keycloak } from './keycloak';
import { microsoft } from './microsoft';
import { okta } from './okta';
import type { ProviderDefinition } from './provider-definition';
import { salesforce } from './salesforce';
import { slack } from './slack';
import { zoom } from './zoom';

export const PROVIDERS: readonly ProviderDefinition[] = [
  google,
  microsoft,
  github,
  slack,
  salesforce,
  hubspot,
  atlassian,
  dropbox,
  zoom,
  box,
  okta,
  auth0,
  gitlab,
  keycloak,
  generic,
];

const BY_ID = new Map<ProviderId, ProviderDefinition>(PROVIDERS.map((provider) => [provider.id, provider]));

export function getProvider(id: ProviderId): ProviderDefinition {
  const provider = BY_ID.get(id);
  if (provider === undefined) throw new Error(`No provider module registered for "${id}"`);
  return provider;
}

/** Content-script match patterns of every known consent host, deduplicated (for the manifest). */
export function allConsentHostPatterns(): string[] {
  return [...new Set(PROVIDERS.flatMap((provider) => provider.consentHostPatterns))];
}
