/**
 * The consent screens the greeting script runs on, as match patterns: the manifest's content-script matches, its
 * host permissions and the background's host checks all come from this one list, which is the union of what each
 * provider module declares (`consentHostPatterns` in lib/providers/). Adding a host is one line in its provider.
 */
import { allConsentHostPatterns } from './providers';

export const CONSENT_HOST_PATTERNS: readonly string[] = allConsentHostPatterns();
