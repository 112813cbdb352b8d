/**
 * Reads what a consent page shows (app name, publisher, verified status, scope descriptions, account) with the
 * provider's extractor and cleans every string. Pure: takes a `Document`, touches no browser API.
 */
import type { ProviderId } from '../authorization-request';
import { PAGE_FACT_FIELDS, type PageFacts } from '../evaluation';
import { cleanPageFacts } from './clean-page-text';
import { PAGE_FACTS_EXTRACTORS } from './page-facts-extractors';
import { isTenantWrittenHost } from './tenant-written-hosts';
import { genericExtractor } from './providers/generic';

/**
 * `hostname` is the page's host (the document's own by default): on a host whose pages the tenant writes, what only
 * the provider can say (a verified publisher) is not taken from the page, while "not verified" still is, because a
 * page fact may only ever add a warning.
 */
export function extractPageFacts(provider: ProviderId, document: Document, hostname: string = document.location?.hostname ?? ''): PageFacts {
  const extractor = PAGE_FACTS_EXTRACTORS.find((candidate) => candidate.provider === provider) ?? genericExtractor;
  let facts: PageFacts;
  try {
    facts = extractor.extract(document);
  } catch {
    // The page chose the tree the readers walk, and can make any of them fail (a tree deeper than the stack). A
    // failure must not cost the overlay its view or its watch on the page: nothing is read, and the overlay says so
    // ("not shown on this page"). The verdict does not depend on page facts except to add warnings.
    return { unread: [...PAGE_FACT_FIELDS] };
  }
  return cleanPageFacts(isTenantWrittenHost(hostname) ? withoutProviderClaims(facts) : facts);
}

function withoutProviderClaims(facts: PageFacts): PageFacts {
  if (facts.verified === false) return facts;
  const { publisher: _publisher, verified: _verified, ...rest } = facts;
  const unread = new Set(facts.unread ?? []);
  unread.add('publisher');
  unread.add('verified');
  return { ...rest, unread: PAGE_FACT_FIELDS.filter((field) => unread.has(field)) };
}
