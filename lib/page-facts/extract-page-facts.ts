/**
 * Reads what a consent page shows (app name, publisher, verified status, scope descriptions, account) with the
 * provider's extractor and cleans every string. Pure: takes a `Document`, touches no browser API.
 */
import type { ProviderId } from '../authorization-request';
import type { PageFacts } from '../evaluation';
import { cleanPageFacts } from './clean-page-text';
import { PAGE_FACTS_EXTRACTORS } from './page-facts-extractors';
import { genericExtractor } from './providers/generic';

export function extractPageFacts(provider: ProviderId, document: Document): PageFacts {
  const extractor = PAGE_FACTS_EXTRACTORS.find((candidate) => candidate.provider === provider) ?? genericExtractor;
  return cleanPageFacts(extractor.extract(document));
}
