/**
 * Reads what a consent page shows (app name, publisher, verified status, scope descriptions, account) with the
 * provider's extractor and cleans every string. Pure: takes a `Document`, touches no browser API.
 */
import type { ProviderId } from '../authorization-request';
import { PAGE_FACT_FIELDS, type PageFacts } from '../evaluation';
import { cleanPageFacts } from './clean-page-text';
import { PAGE_FACTS_EXTRACTORS } from './page-facts-extractors';
import { genericExtractor } from './providers/generic';

export function extractPageFacts(provider: ProviderId, document: Document): PageFacts {
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
  return cleanPageFacts(facts);
}
