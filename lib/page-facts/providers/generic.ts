/**
 * Any OAuth 2.0 / OpenID Connect consent page without its own extractor (Okta, Auth0, Keycloak, oidc-provider's
 * consent interaction, …): the app name when the main heading or the title names it in a sentence, the list that follows the
 * "wants to access" sentence, and the signed-in e-mail address if the page shows one.
 */
import type { PageFacts } from '../../evaluation';
import type { PageFactsExtractor } from '../page-facts-extractor';
import { matchFirst, readAccountEmail, readFirst, readListAfterPhrase } from '../read-page-text';

/** The sentences consent screens build around the client's name. */
export const APP_NAME_PATTERNS: readonly RegExp[] = [
  /^(.+?) wants (?:to access|access to|additional access to)\b/i,
  /^(.+?) is requesting (?:permission|access)\b/i,
  /^(.+?) would like (?:to access|permission|access)\b/i,
  /^Authorize (.+?)$/i,
  /^Sign in to (.+?)$/i,
  /^Allow (.+?) to access\b/i,
];

export const SCOPE_LIST_PHRASE =
  /(will allow .+ to|would like to|wants to|requesting (?:permission|access)|will be able to|is requesting|permissions requested|this application will)/i;

function extractGeneric(document: Document): PageFacts {
  const heading = readFirst(document, ['main h1', 'h1', '[role="heading"][aria-level="1"]', 'main h2', 'h2']);
  // Only a name found inside one of the sentences above counts. A bare heading ("Authorize", "Sign-in",
  // "Consent") is a page title, not the client's name, and a wrong name would mislead the look-alike-app rule.
  const appName = matchFirst(heading, APP_NAME_PATTERNS) ?? matchFirst(document.title, APP_NAME_PATTERNS);
  return {
    ...(appName === undefined ? {} : { appName }),
    scopeDescriptions: readListAfterPhrase(document, SCOPE_LIST_PHRASE),
    account: readAccountEmail(document, ['[data-account]', '.account', '.identity', '.user-email']),
  };
}

export const genericExtractor: PageFactsExtractor = {
  provider: 'generic',
  description: 'Any OAuth/OIDC consent page: app name from the main heading or title, scopes from the list after "wants to access", the signed-in e-mail.',
  extract: extractGeneric,
};
