/**
 * Google's OAuth consent screen on accounts.google.com (`/signin/oauth/consent`, `/signin/oauth/v2/consentsummary`)
 * and its "Google hasn't verified this app" interstitial
 * (https://support.google.com/cloud/answer/7454865, unverified apps).
 */
import type { PageFacts } from '../../evaluation';
import type { PageFactsExtractor } from '../page-facts-extractor';
import { matchFirst, pageSays, readAccountEmail, readFirst, readListAfterPhrase, readText } from '../read-page-text';
import { APP_NAME_PATTERNS } from './generic';

const UNVERIFIED = /Google hasn.t verified this app/i;
// The unverified interstitial names the app only in its "Go to example.com (unsafe)" link and the developer by e-mail.
const UNSAFE_LINK = /Go to (.+?) \(unsafe\)/i;
const DEVELOPER_EMAIL = /developer \(([^()\s]+@[^()\s]+)\)/i;

function extractGoogle(document: Document): PageFacts {
  const unverified = pageSays(document, UNVERIFIED);
  const heading = readFirst(document, ['#headingText', 'h1']);
  const bodyText = unverified ? readText(document.body) : '';
  const appName = unverified
    ? (matchFirst(bodyText, [UNSAFE_LINK]) ?? readFirst(document, ['[data-app-name]']))
    : (readFirst(document, ['#headingText a', '[data-app-name]']) ?? matchFirst(heading, APP_NAME_PATTERNS));
  const facts: PageFacts = {
    appName,
    publisher: matchFirst(bodyText, [DEVELOPER_EMAIL]),
    scopeDescriptions: readListAfterPhrase(document, /(will allow .+ to|wants to access|can access|select what)/i),
    account: readAccountEmail(document, ['#profileIdentifier', '[data-identifier]']),
  };
  // Google shows no badge for verified apps; only the absence of verification is visible on the page.
  if (unverified) facts.verified = false;
  return facts;
}

export const googleExtractor: PageFactsExtractor = {
  provider: 'google',
  description:
    'accounts.google.com consent: app name from the "wants access to your Google Account" heading, the scope list, the account e-mail, and the unverified-app warning.',
  extract: extractGoogle,
};
