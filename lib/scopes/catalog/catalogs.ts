/**
 * Every provider's scope catalog, one module each. Typed as a record over ProviderId so adding a provider
 * without a catalog does not compile.
 */
import type { ProviderId } from '../../authorization-request';
import { atlassianCatalog } from './atlassian';
import { auth0Catalog } from './auth0';
import { boxCatalog } from './box';
import { dropboxCatalog } from './dropbox';
import { genericCatalog } from './generic';
import { githubCatalog } from './github';
import { gitlabCatalog } from './gitlab';
import { googleCatalog } from './google';
import { hubspotCatalog } from './hubspot';
import { keycloakCatalog } from './keycloak';
import { microsoftCatalog } from './microsoft';
import { oktaCatalog } from './okta';
import type { ProviderCatalog } from './provider-catalog';
import { salesforceCatalog } from './salesforce';
import { slackCatalog } from './slack';
import { zoomCatalog } from './zoom';

export const PROVIDER_CATALOGS: Readonly<Record<ProviderId, ProviderCatalog>> = {
  google: googleCatalog,
  microsoft: microsoftCatalog,
  github: githubCatalog,
  slack: slackCatalog,
  salesforce: salesforceCatalog,
  hubspot: hubspotCatalog,
  atlassian: atlassianCatalog,
  dropbox: dropboxCatalog,
  zoom: zoomCatalog,
  box: boxCatalog,
  okta: oktaCatalog,
  auth0: auth0Catalog,
  gitlab: gitlabCatalog,
  keycloak: keycloakCatalog,
  generic: genericCatalog,
};
