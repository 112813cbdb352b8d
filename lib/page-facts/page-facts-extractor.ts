/**
 * What every per-provider page-facts extractor declares. An extractor is a pure function of a consent page's
 * `Document`: it reads what the page shows a person and returns it untrusted and uncleaned; `extractPageFacts`
 * cleans the result.
 */
import type { ProviderId } from '../authorization-request';
import type { PageFacts } from '../evaluation';

export interface PageFactsExtractor {
  provider: ProviderId;
  /** One sentence: which consent screen this reads and where each fact comes from. */
  description: string;
  extract(document: Document): PageFacts;
}
