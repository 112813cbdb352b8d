/**
 * The one list of page-facts extractors. Add a provider's file in ./providers/ and register it here; a test proves
 * every file is registered and has a fixture. Providers without an entry use the generic extractor.
 */
import type { PageFactsExtractor } from './page-facts-extractor';
import { genericExtractor } from './providers/generic';
import { githubExtractor } from './providers/github';
import { googleExtractor } from './providers/google';
import { microsoftExtractor } from './providers/microsoft';
import { slackExtractor } from './providers/slack';

export const PAGE_FACTS_EXTRACTORS: readonly PageFactsExtractor[] = [
  googleExtractor,
  microsoftExtractor,
  githubExtractor,
  slackExtractor,
  genericExtractor,
];
