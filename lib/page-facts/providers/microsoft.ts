/**
 * Microsoft identity platform consent ("Permissions requested") on login.microsoftonline.com, login.microsoft.com
 * and login.live.com. The publisher shows a verified badge for verified publishers and "unverified" otherwise
 * (https://learn.microsoft.com/entra/identity-platform/publisher-verification-overview).
 */
import type { PageFacts } from '../../evaluation';
import type { PageFactsExtractor } from '../page-facts-extractor';
import { readAccountEmail, readFirst, readListAfterPhrase, readText } from '../read-page-text';

const UNVERIFIED = /^unverified$/i;

function readVerified(document: Document): boolean | undefined {
  const publisherRow = document.querySelector('.publisher, [data-bind*="publisher" i]');
  if (!publisherRow) return undefined;
  const texts = Array.from(publisherRow.querySelectorAll('*')).map((element) => readText(element));
  if (texts.some((text) => UNVERIFIED.test(text)) || UNVERIFIED.test(readText(publisherRow))) return false;
  const badge = publisherRow.querySelector('[title*="verified" i], [aria-label*="verified" i], img[alt*="verified" i]');
  if (badge && !/unverified/i.test(badge.getAttribute('title') ?? badge.getAttribute('aria-label') ?? badge.getAttribute('alt') ?? '')) {
    return true;
  }
  return undefined;
}

function extractMicrosoft(document: Document): PageFacts {
  const publisher = readFirst(document, ['.publisher a', '.publisher-name', '[data-bind*="publisherName" i]']);
  return {
    appName: readFirst(document, ['.app-name', '[data-bind*="appName" i]', '#appName']),
    publisher: publisher && !UNVERIFIED.test(publisher) ? publisher : undefined,
    verified: readVerified(document),
    scopeDescriptions: readListAfterPhrase(document, /(would like to|permissions requested|this app will)/i),
    account: readAccountEmail(document, ['#displayName', '.identity', '[data-bind*="displayName" i]']),
  };
}

export const microsoftExtractor: PageFactsExtractor = {
  provider: 'microsoft',
  description:
    'login.microsoftonline.com "Permissions requested": app name, publisher with its verified or "unverified" mark, the "This app would like to" list, the signed-in account.',
  extract: extractMicrosoft,
};
